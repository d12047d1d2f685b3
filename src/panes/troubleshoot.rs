//! The troubleshooting screen: top bar, then the six areas. The user's shared data is loaded here, once
//! per selected user, and handed to the areas that show it. In demo mode a user outside the operator's scope
//! is not opened at all (nothing of theirs is requested), and data the role cannot read is not requested.

use crate::concurrent::try_join;
use crate::settled::settled;
use leptos::prelude::*;

use super::account_status::AccountStatus;
use super::data_selector::DataSelector;
use super::enrollment_failures::EnrollmentFailures;
use super::group_membership::GroupMembership;
use super::operator::{denied, RequirePermission};
use super::top_bar::TopBar;
use super::user_selection::{UserSelection, UserSelectionEmpty, UserSelectionRefused};
use super::user_status::UserStatus;
use super::views::UserData;
use crate::domain::rbac::ViewArea;
use crate::i18n::Key;
use crate::loaders;
use crate::state::operator::{sign_in_read, use_gate, use_missing, DirectoryResource, Opening};
use crate::state::{tr, use_client, use_location_state};

#[component]
pub fn TroubleshootPage() -> impl IntoView {
    let client = use_client();
    let location = use_location_state();
    let gate = use_gate();
    // The tenant's status is Organization data: wait until demo mode knows who is operating, so an operator
    // without that permission never requests it.
    let directory = use_context::<DirectoryResource>();
    let missing = use_missing(ViewArea::AccountStatus);
    let tenant = LocalResource::new(move || {
        let client = client.get();
        missing.track();
        async move {
            sign_in_read(directory).await;
            match missing.get_untracked() {
                Some(permission) => Err(denied(permission)),
                None => loaders::tenant(&client).await,
            }
        }
    });
    // Only a change of user (or of whether they may be opened) rebuilds the workspace; a change of view does not.
    let user_id = Memo::new(move |_| location.get().user);
    let opening = Memo::new(move |_| user_id.get().map(|id| (gate.with(|g| g.opening(&id)), id)));

    view! {
        <a class="t1-skip" href="#t1-main">{tr(Key::SkipToContent)}</a>
        <TopBar />
        <main id="t1-main" class="t1-main" tabindex="-1">
            {move || match opening.get() {
                None => view! {
                    <div class="t1-row">
                        <AccountStatus tenant />
                        <UserSelectionEmpty />
                    </div>
                }
                    .into_any(),
                Some((Opening::Allowed, id)) => view! { <UserWorkspace user_id=id tenant /> }.into_any(),
                Some((refused, _)) => view! {
                    <div class="t1-row">
                        <AccountStatus tenant />
                        <UserSelectionRefused opening=refused />
                    </div>
                }
                    .into_any(),
            }}
        </main>
    }
}

#[component]
fn UserWorkspace(
    user_id: String,
    tenant: LocalResource<Result<loaders::TenantInfo, crate::graph::ApiError>>,
) -> impl IntoView {
    let client = use_client();
    let id = Signal::stored(user_id);
    // What the operator's role cannot read is not requested (demo mode; elsewhere nothing is missing).
    let (no_devices, no_apps) = (use_missing(ViewArea::Devices), use_missing(ViewArea::ClientApps));
    let no_restrictions = use_missing(ViewArea::EnrollmentRestrictions);
    let user = LocalResource::new(move || {
        let (client, id) = (client.get(), id.get());
        async move { loaders::user(&client, &id).await }
    });
    // The list and the per-device states are separate so the app install statuses, which need only the
    // list, are fetched in the same round trip as the states (REST mode batches each wave of requests).
    let device_list = LocalResource::new(move || {
        let (client, id, missing) = (client.get(), id.get(), no_devices.get());
        async move {
            match missing {
                Some(permission) => Err(denied(permission)),
                None => client.managed_devices(&id).await,
            }
        }
    });
    let devices = LocalResource::new(move || {
        let client = client.get();
        async move { loaders::device_states(&client, settled(device_list).await?).await }
    });
    let groups = LocalResource::new(move || {
        let (client, id) = (client.get(), id.get());
        async move { loaders::membership(&client, &id).await }
    });
    let apps = LocalResource::new(move || {
        let (client, missing) = (client.get(), no_apps.get());
        async move {
            if let Some(permission) = missing {
                return Err(denied(permission));
            }
            // The catalog does not depend on the user: request it with the user's data, not after it.
            let inputs = async { Ok((settled(user).await?, settled(groups).await?, settled(device_list).await?)) };
            let (catalog, (info, membership, listed)) = try_join(client.mobile_apps(), inputs).await?;
            loaders::app_records(&client, catalog, &info.user.user_principal_name, &membership, &listed).await
        }
    });
    let restrictions = LocalResource::new(move || {
        let (client, missing) = (client.get(), no_restrictions.get());
        async move {
            match missing {
                Some(permission) => Err(denied(permission)),
                None => client.enrollment_configurations().await,
            }
        }
    });
    let data = UserData { user_id: id, tenant, user, devices, groups, apps, restrictions };

    view! {
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
