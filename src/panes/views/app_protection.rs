//! The app protection views: the policies that target the user, and their apps' registration status.

use leptos::prelude::*;

use crate::components::{async_view, DataTable};
use crate::i18n::Key;
use crate::loaders::{self, AppProtection};
use crate::panes::table_context::{clock_now, view_label};
use crate::panes::user_data::UserData;
use crate::state::{use_client, use_locale};
use crate::tables::app_protection;

fn load(data: UserData) -> LocalResource<Result<AppProtection, crate::graph::ApiError>> {
    let client = use_client();
    LocalResource::new(move || {
        let client = client.get();
        let user_id = data.user_id.get();
        async move { loaders::app_protection(&client, &user_id).await }
    })
}

#[component]
pub fn AppProtectionPoliciesView(data: UserData) -> impl IntoView {
    let locale = use_locale();
    async_view(load(data), Key::ViewAppProtectionPolicies, move |loaded: AppProtection| {
        let table = Signal::derive(move || app_protection::policies_table(locale.get(), clock_now(), &loaded.policies));
        view! { <DataTable table label=view_label(Key::ViewAppProtectionPolicies) empty=Key::EmptyAppProtectionPolicies /> }
    })
}

#[component]
pub fn AppProtectionStatusView(data: UserData) -> impl IntoView {
    let locale = use_locale();
    async_view(load(data), Key::ViewAppProtectionStatus, move |loaded: AppProtection| {
        let table =
            Signal::derive(move || app_protection::status_table(locale.get(), clock_now(), &loaded.registrations));
        view! { <DataTable table label=view_label(Key::ViewAppProtectionStatus) empty=Key::EmptyAppRegistrations /> }
    })
}
