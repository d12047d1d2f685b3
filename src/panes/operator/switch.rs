//! Demo mode's sign-in: a switch between the demo tenant's operators, each shown with their roles. Choosing
//! one puts them in the URL (`operator`), which signs in again: access is resolved anew, the selected user is
//! checked against the new scope, and the action log carries on.

use leptos::prelude::*;

use crate::i18n::Key;
use crate::state::operator::{use_gate, Gate};
use crate::state::{tr, use_go, use_locale, use_location_state};
use crate::test_ids;

/// One option: (operator id, user principal name, "name · roles").
type Choice = (String, String, String);

#[component]
pub fn OperatorSwitch() -> impl IntoView {
    let gate = use_gate();
    let locale = use_locale();
    let location = use_location_state();
    let go = use_go();
    // The options change with the tenant and the language, not with each sign-in: keeps the select (and its
    // focus) in place when the operator changes.
    let choices = Memo::new(move |_| {
        let l = locale.get();
        gate.with(|g| {
            let dir = &g.signed_in()?.directory;
            let choices: Vec<Choice> = dir
                .operators
                .iter()
                .map(|op| {
                    let access = dir.access_of(op);
                    let roles: Vec<&str> = access.assignments().iter().map(|a| a.role_name.as_str()).collect();
                    let roles =
                        if roles.is_empty() { l.text(Key::OperatorNoRole).to_string() } else { roles.join(", ") };
                    (op.id.clone(), op.user_principal_name.clone(), format!("{} · {roles}", op.display_name))
                })
                .collect();
            Some(choices)
        })
    });
    let current = Memo::new(move |_| gate.with(|g| g.signed_in().map(|s| s.operator.id.clone())));
    let problem = Memo::new(move |_| match gate.get() {
        Gate::Open { problem } => problem,
        _ => None,
    });

    view! {
        {move || {
            problem
                .get()
                .map(|problem| {
                    view! {
                        <span class="t1-topbar__problem" role="status" data-testid=test_ids::OPERATOR_PROBLEM>
                            {move || locale.get().fill(Key::OperatorsUnavailable, &[("problem", &problem)])}
                        </span>
                    }
                })
        }}
        {move || {
            let go = go.clone();
            choices
                .get()
                .map(|choices| {
                    view! {
                        <label class="t1-field t1-field--inline">
                            <span class="t1-field__label">{tr(Key::OperatorLabel)}</span>
                            <select
                                class="t1-select t1-topbar__operator-select"
                                data-testid=test_ids::OPERATOR_SWITCH
                                on:change:target=move |ev| {
                                    go(&location.get_untracked().with_operator(Some(ev.target().value())))
                                }
                            >
                                {choices
                                    .into_iter()
                                    .map(|(id, upn, label)| {
                                        let selected = move || current.get().as_deref() == Some(id.as_str());
                                        view! {
                                            <option value=upn selected=selected>
                                                {label}
                                            </option>
                                        }
                                    })
                                    .collect_view()}
                            </select>
                        </label>
                    }
                })
        }}
    }
}
