//! The app protection views: the policies that target the user, and their apps' registration status. The
//! registrations are loaded with the user's data (the findings read them); the policies when their view opens.

use leptos::prelude::*;

use crate::components::{async_view, DataTable};
use crate::i18n::Key;
use crate::loaders;
use crate::model::{AppProtectionPolicy, AppRegistration};
use crate::panes::table_context::{clock_now, view_label};
use crate::panes::user_data::UserData;
use crate::state::{use_client, use_locale};
use crate::tables::app_protection;

#[component]
pub fn AppProtectionPoliciesView(data: UserData) -> impl IntoView {
    let locale = use_locale();
    let client = use_client();
    let policies = LocalResource::new(move || {
        let client = client.get();
        let user_id = data.user_id.get();
        async move { loaders::app_protection_policies(&client, &user_id).await }
    });
    async_view(policies, Key::ViewAppProtectionPolicies, move |policies: Vec<AppProtectionPolicy>| {
        let table = Signal::derive(move || app_protection::policies_table(locale.get(), clock_now(), &policies));
        view! { <DataTable table label=view_label(Key::ViewAppProtectionPolicies) empty=Key::EmptyAppProtectionPolicies /> }
    })
}

#[component]
pub fn AppProtectionStatusView(data: UserData) -> impl IntoView {
    let locale = use_locale();
    async_view(data.registrations, Key::ViewAppProtectionStatus, move |registrations: Vec<AppRegistration>| {
        let table = Signal::derive(move || app_protection::status_table(locale.get(), clock_now(), &registrations));
        view! { <DataTable table label=view_label(Key::ViewAppProtectionStatus) empty=Key::EmptyAppRegistrations /> }
    })
}
