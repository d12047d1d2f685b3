//! Who is operating and what that allows: the top bar's operator controls (demo sign-in switch, "My
//! permissions", the action log) and the gates that keep views and users the role cannot reach from loading.

mod action_log;
mod gate;
mod my_permissions;
mod switch;

pub use gate::{denied, scope_annotation, RequirePermission, ScopeRefusal};

use leptos::portal::Portal;
use leptos::prelude::*;

use action_log::ActionLog;
use my_permissions::MyPermissions;
pub use switch::OperatorSwitch;

use crate::i18n::Key;
use crate::state::actions::use_device_actions;
use crate::state::operator::use_gate;
use crate::state::{tr, use_locale};
use crate::test_ids;

/// The top bar's buttons: "My permissions" where Tier1 signs operators in; always the action log. (The operator
/// switch, `OperatorSwitch`, sits with the tenant and language switches.)
#[component]
pub fn OperatorControls() -> impl IntoView {
    let gate = use_gate();
    let locale = use_locale();
    let actions = use_device_actions();
    let permissions_open = RwSignal::new(false);
    let log_open = RwSignal::new(false);
    let signed_in = move || gate.with(|g| g.signed_in().is_some());
    let logged = move || actions.book().with(|b| b.entries().len());

    view! {
        <Show when=signed_in>
            <button
                type="button"
                class="t1-button t1-button--topbar"
                aria-haspopup="dialog"
                data-testid=test_ids::MY_PERMISSIONS_BUTTON
                on:click=move |_| permissions_open.set(true)
            >
                {tr(Key::MyPermissionsButton)}
            </button>
        </Show>
        <button
            type="button"
            class="t1-button t1-button--topbar"
            aria-haspopup="dialog"
            data-testid=test_ids::ACTION_LOG_BUTTON
            on:click=move |_| log_open.set(true)
        >
            {move || locale.get().fill(Key::ActionLogButton, &[("count", &logged().to_string())])}
        </button>
        // In a portal: a dialog is not part of the top bar (nor takes its styles).
        <Show when=move || permissions_open.get()>
            <Portal>
                <MyPermissions on_close=move |_| permissions_open.set(false) />
            </Portal>
        </Show>
        <Show when=move || log_open.get()>
            <Portal>
                <ActionLog on_close=move |_| log_open.set(false) />
            </Portal>
        </Show>
    }
}
