//! Product name, whether the data is live, who is operating (sign-in, "My permissions", the action log), the
//! tenant switch where the backend has several tenants, and the language switch.

use leptos::prelude::*;

use super::operator::{OperatorControls, OperatorSwitch};
use crate::components::CompactMenu;
use crate::i18n::{Key, Locale};
use crate::state::{tr, use_backend, use_go, use_locale, use_location_state};
use crate::test_ids;

#[component]
pub fn TopBar() -> impl IntoView {
    let locale = use_locale();
    let location = use_location_state();
    let go = use_go();
    let backend = use_backend();
    let sample_data = backend.is_sample_data();
    // The tenant switch is shown only where the backend serves several tenants.
    let tenants = backend.tenants();
    let switchable = tenants.is_some();
    let tenants = tenants.unwrap_or_default();
    // Only a backend that signs operators in itself has operators to switch between.
    let operators = backend.operator_directory().is_some();

    view! {
        <header class="t1-topbar">
            <div class="t1-topbar__brand">
                <span class="t1-topbar__name">{tr(Key::AppName)}</span>
                <span class="t1-topbar__tagline">{tr(Key::AppTagline)}</span>
            </div>
            {if sample_data {
                view! { <span class="t1-badge t1-badge--warn">{tr(Key::DemoBadge)}</span> }.into_any()
            } else {
                view! {
                    <span class="t1-badge t1-badge--good" data-testid=test_ids::LIVE_BADGE>
                        {tr(Key::LiveBadge)}
                    </span>
                }
                    .into_any()
            }}
            <div class="t1-topbar__controls">
                <SessionControls />
                <OperatorControls />
                // Inline on wide screens; one "Settings" menu on narrow ones (style/top-bar.css).
                <CompactMenu label=tr(Key::SettingsMenu) panel_id="t1-settings" test_id=test_ids::SETTINGS_MENU>
                    {operators.then(|| view! { <OperatorSwitch /> })}
                    <label class="t1-field t1-field--inline" hidden=!switchable>
                        <span class="t1-field__label">{tr(Key::DemoTenantLabel)}</span>
                        <select
                            class="t1-select"
                            data-testid=test_ids::TENANT_SWITCH
                            on:change:target=move |ev| go(&location.get_untracked().with_tenant(&ev.target().value()))
                        >
                            {tenants
                                .into_iter()
                                .map(|(id, name)| {
                                    let selected = move || location.get().tenant_id() == id;
                                    view! {
                                        <option value=id selected=selected>
                                            {name}
                                        </option>
                                    }
                                })
                                .collect_view()}
                        </select>
                    </label>
                    <label class="t1-field t1-field--inline">
                        <span class="t1-field__label">{tr(Key::LanguageLabel)}</span>
                        <select
                            class="t1-select"
                            data-testid=test_ids::LANGUAGE_SWITCH
                            on:change:target=move |ev| {
                                if let Some(l) = Locale::from_tag(&ev.target().value()) {
                                    locale.set(l);
                                }
                            }
                        >
                            {Locale::ALL
                                .into_iter()
                                .map(|l| {
                                    view! {
                                        <option value=l.tag() selected=move || locale.get() == l lang=l.tag()>
                                            {l.text(l.endonym())}
                                        </option>
                                    }
                                })
                                .collect_view()}
                        </select>
                    </label>
                </CompactMenu>
            </div>
        </header>
    }
}

/// Sign-in state and sign-out, when the configuration signs in with Entra ID.
#[component]
fn SessionControls() -> impl IntoView {
    let Some(source) = crate::backend::session() else { return ().into_any() };
    if !source.is_interactive() {
        return ().into_any();
    }
    let signed_in = source.status().is_signed_in();
    let (sign_in, sign_out) = (source.clone(), source);
    view! {
        <button
            type="button"
            class="t1-button t1-button--quiet"
            data-testid=test_ids::SESSION_BUTTON
            on:click=move |_| if signed_in { sign_out.sign_out() } else { sign_in.sign_in() }
        >
            {tr(if signed_in { Key::SignOut } else { Key::SignIn })}
        </button>
    }
    .into_any()
}
