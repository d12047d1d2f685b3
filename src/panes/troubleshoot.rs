//! The troubleshooting screen: top bar, then the six areas. The user's shared data is loaded here, once
//! per selected user, and handed to the areas that show it.

use crate::concurrent::try_join;
use crate::settled::settled;
use leptos::prelude::*;

use super::account_status::AccountStatus;
use super::data_selector::DataSelector;
use super::enrollment_failures::EnrollmentFailures;
use super::group_membership::GroupMembership;
use super::top_bar::TopBar;
use super::user_selection::{UserSelection, UserSelectionEmpty};
use super::user_status::UserStatus;
use super::views::UserData;
use crate::i18n::Key;
use crate::loaders;
use crate::state::{tr, use_client, use_location_state};

#[component]
pub fn TroubleshootPage() -> impl IntoView {
    let client = use_client();
    let location = use_location_state();
    let tenant = LocalResource::new(move || {
        let client = client.get();
        async move { loaders::tenant(&client).await }
    });
    // Only a change of user rebuilds the workspace; a change of view does not.
    let user_id = Memo::new(move |_| location.get().user);

    view! {
        <a class="t1-skip" href="#t1-main">{tr(Key::SkipToContent)}</a>
        <TopBar />
        <main id="t1-main" class="t1-main" tabindex="-1">
            {move || match user_id.get() {
                None => view! {
                    <div class="t1-row">
                        <AccountStatus tenant />
                        <UserSelectionEmpty />
                    </div>
                }
                    .into_any(),
                Some(id) => view! { <UserWorkspace user_id=id tenant /> }.into_any(),
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
    let user = LocalResource::new(move || {
        let (client, id) = (client.get(), id.get());
        async move { loaders::user(&client, &id).await }
    });
    // The list and the per-device states are separate so the app install statuses, which need only the
    // list, are fetched in the same round trip as the states (REST mode batches each wave of requests).
    let device_list = LocalResource::new(move || {
        let (client, id) = (client.get(), id.get());
        async move { client.managed_devices(&id).await }
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
        let client = client.get();
        async move {
            // The catalog does not depend on the user: request it with the user's data, not after it.
            let inputs = async { Ok((settled(user).await?, settled(groups).await?, settled(device_list).await?)) };
            let (catalog, (info, membership, listed)) = try_join(client.mobile_apps(), inputs).await?;
            loaders::app_records(&client, catalog, &info.user.user_principal_name, &membership, &listed).await
        }
    });
    let restrictions = LocalResource::new(move || {
        let client = client.get();
        async move { client.enrollment_configurations().await }
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
        <EnrollmentFailures data />
    }
}
