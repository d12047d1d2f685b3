//! "My permissions": the signed-in demo operator's active roles, their assignments and scope, and every
//! permission they hold, grouped by resource.

use leptos::prelude::*;

use crate::components::{DataTable, Modal};
use crate::domain::rbac::Access;
use crate::i18n::Key;
use crate::state::operator::use_gate;
use crate::state::{tr, use_locale};
use crate::tables::my_permissions::{assignments_table, permission_groups};
use crate::test_ids;

#[component]
pub fn MyPermissions(#[prop(into)] on_close: Callback<()>) -> impl IntoView {
    let gate = use_gate();
    let locale = use_locale();
    let signed = Memo::new(move |_| gate.with(|g| g.signed_in().map(|s| s.operator.clone())));
    let title = Signal::derive(move || {
        let name = signed.get().map(|o| o.display_name).unwrap_or_default();
        locale.get().fill(Key::MyPermissionsTitle, &[("name", &name)])
    });
    let intro = move || {
        let upn = signed.get().map(|o| o.user_principal_name).unwrap_or_default();
        locale.get().fill(Key::MyPermissionsIntro, &[("upn", &upn)])
    };
    let has_assignment = move || gate.with(|g| g.signed_in().is_some_and(|s| s.access.has_assignment()));
    // Only demo mode signs in with a role model; elsewhere there is nothing to list.
    let access = Memo::new(move |_| gate.with(|g| g.signed_in().map(|s| SameAccess(s.access.clone()))));
    let roles = Signal::derive(move || {
        access.with(|a| assignments_table(locale.get(), a.as_ref().map_or(&Access::default(), |a| &a.0)))
    });
    let groups =
        move || access.with(|a| permission_groups(locale.get(), a.as_ref().map_or(&Access::default(), |a| &a.0)));
    let roles_label = Signal::derive(move || locale.get().text(Key::MyPermissionsRoles).to_string());

    view! {
        <Modal title heading_id="t1-permissions-title" on_close test_id=test_ids::MY_PERMISSIONS class="t1-modal--wide">
            <p class="t1-muted">{intro}</p>
            <Show
                when=has_assignment
                fallback=|| view! { <p class="t1-callout t1-callout--bad">{tr(Key::NoRoleAssignment)}</p> }
            >
                <h3 class="t1-modal__section">{tr(Key::MyPermissionsRoles)}</h3>
                <DataTable table=roles label=roles_label empty=Key::NoRoleAssignment />
                <h3 class="t1-modal__section">{tr(Key::PermissionsTitle)}</h3>
                <div class="t1-permissions">
                    {move || {
                        groups()
                            .into_iter()
                            .map(|group| {
                                view! {
                                    <section class="t1-permissions__group" data-testid=test_ids::PERMISSION_GROUP>
                                        <h4 class="t1-permissions__title">{group.title}</h4>
                                        <ul class="t1-permissions__list">
                                            {group
                                                .items
                                                .into_iter()
                                                .map(|item| {
                                                    let code = item.code.clone();
                                                    view! {
                                                        <li data-testid=test_ids::PERMISSION_ITEM data-code=code>
                                                            <span>{item.name}</span>
                                                            " "
                                                            <code class="t1-permissions__code">{item.code}</code>
                                                        </li>
                                                    }
                                                })
                                                .collect_view()}
                                        </ul>
                                    </section>
                                }
                            })
                            .collect_view()
                    }}
                </div>
            </Show>
        </Modal>
    }
}

/// Access for a memo: a new sign-in always counts as a change.
#[derive(Clone)]
struct SameAccess(Access);

impl PartialEq for SameAccess {
    fn eq(&self, _: &Self) -> bool {
        false
    }
}
