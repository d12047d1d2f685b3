//! Product name, demo tenant switch and language switch.

use leptos::prelude::*;

use crate::graph::fixture::{DEMO_TENANT_IDS, MANIFEST};
use crate::i18n::{Key, Locale};
use crate::state::{tr, use_go, use_locale, use_location_state};
use crate::test_ids;

#[component]
pub fn TopBar() -> impl IntoView {
    let locale = use_locale();
    let location = use_location_state();
    let go = use_go();
    let tenant_names = demo_tenant_names();

    view! {
        <header class="t1-topbar">
            <div class="t1-topbar__brand">
                <span class="t1-topbar__name">{tr(Key::AppName)}</span>
                <span class="t1-topbar__tagline">{tr(Key::AppTagline)}</span>
            </div>
            <span class="t1-badge t1-badge--warn">{tr(Key::DemoBadge)}</span>
            <div class="t1-topbar__controls">
                <label class="t1-field t1-field--inline">
                    <span class="t1-field__label">{tr(Key::DemoTenantLabel)}</span>
                    <select
                        class="t1-select"
                        data-testid=test_ids::TENANT_SWITCH
                        on:change:target=move |ev| go(&location.get_untracked().with_tenant(&ev.target().value()))
                    >
                        {tenant_names
                            .into_iter()
                            .map(|(id, name)| {
                                let selected = move || location.get().tenant_id() == id;
                                view! { <option value=id selected=selected>{name}</option> }
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
            </div>
        </header>
    }
}

/// (tenant id, display name) from the fixture manifest; the id when the manifest lacks a name.
fn demo_tenant_names() -> Vec<(&'static str, String)> {
    let manifest: serde_json::Value = serde_json::from_str(MANIFEST).unwrap_or_default();
    DEMO_TENANT_IDS
        .into_iter()
        .map(|id| {
            let name = manifest["tenants"]
                .as_array()
                .and_then(|ts| ts.iter().find(|t| t["id"] == id))
                .and_then(|t| t["displayName"].as_str())
                .unwrap_or(id)
                .to_string();
            (id, name)
        })
        .collect()
}
