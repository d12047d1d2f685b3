//! The troubleshooting screen: top bar, then the six areas. The user's shared data (`user_data`) is loaded here,
//! once per selected user, and handed to the areas that show it. A user outside the operator's scope is not
//! opened at all (nothing of theirs is requested).

use leptos::prelude::*;

use super::account_status::AccountStatus;
use super::data_selector::DataSelector;
use super::enrollment_failures::EnrollmentFailures;
use super::findings_announcement::FindingsAnnouncement;
use super::group_membership::GroupMembership;
use super::operator::RequirePermission;
use super::top_bar::TopBar;
use super::user_data::{tenant_status, UserData};
use super::user_selection::{UserSelection, UserSelectionEmpty, UserSelectionRefused};
use super::user_status::UserStatus;
use crate::domain::rbac::ViewArea;
use crate::graph::ApiError;
use crate::i18n::Key;
use crate::loaders::TenantInfo;
use crate::state::operator::{use_gate, Opening};
use crate::state::{tr, use_location_state};

#[component]
pub fn TroubleshootPage() -> impl IntoView {
    let location = use_location_state();
    let gate = use_gate();
    let tenant = tenant_status();
    // Only a change of user (or of whether they may be opened) rebuilds the workspace; a change of view does not.
    let user_id = Memo::new(move |_| location.get().user);
    let opening = Memo::new(move |_| user_id.get().map(|id| (gate.with(|g| g.opening(&id)), id)));

    view! {
        <a class="t1-skip" href="#t1-main">
            {tr(Key::SkipToContent)}
        </a>
        <TopBar />
        <main id="t1-main" class="t1-main" tabindex="-1">
            {move || match opening.get() {
                None => {
                    view! {
                        <div class="t1-row">
                            <AccountStatus tenant />
                            <UserSelectionEmpty />
                        </div>
                    }
                        .into_any()
                }
                Some((Opening::Allowed, id)) => view! { <UserWorkspace user_id=id tenant /> }.into_any(),
                Some((refused, _)) => {
                    view! {
                        <div class="t1-row">
                            <AccountStatus tenant />
                            <UserSelectionRefused opening=refused />
                        </div>
                    }
                        .into_any()
                }
            }}
        </main>
    }
}

#[component]
fn UserWorkspace(user_id: String, tenant: LocalResource<Result<TenantInfo, ApiError>>) -> impl IntoView {
    let data = UserData::load(user_id, tenant);
    let user = data.user;

    view! {
        <FindingsAnnouncement data />
        <div class="t1-row">
            <AccountStatus tenant />
            <UserSelection user />
        </div>
        <UserStatus data />
        <DataSelector data />
        <GroupMembership data />
        <RequirePermission area=ViewArea::EnrollmentFailures title=Key::FailuresTitle>
            <EnrollmentFailures data />
        </RequirePermission>
    }
}
