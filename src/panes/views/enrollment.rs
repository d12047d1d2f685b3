//! The enrollment restrictions view: the device limit in effect for the user against their device count, then
//! every restriction of the tenant and which one applies.

use crate::settled::settled;
use leptos::prelude::*;

use crate::components::{async_view, DataTable};
use crate::domain::enrollment_restrictions::effective_limit;
use crate::domain::membership::Membership;
use crate::domain::status::DeviceRecord;
use crate::graph::ApiError;
use crate::i18n::Key;
use crate::model::EnrollmentConfiguration;
use crate::panes::table_context::view_label;
use crate::panes::user_data::UserData;
use crate::state::use_locale;
use crate::tables::enrollment;
use crate::test_ids;

#[component]
pub fn EnrollmentRestrictionsView(data: UserData) -> impl IntoView {
    let locale = use_locale();
    // The restrictions are the workspace's shared copy (the device-limit finding reads it too), not a refetch.
    let loaded = LocalResource::new(move || async move {
        let membership = settled(data.groups).await?;
        let devices = settled(data.devices).await?;
        let configs = settled(data.restrictions).await?;
        Ok::<(Vec<EnrollmentConfiguration>, Membership, Vec<DeviceRecord>), ApiError>((configs, membership, devices))
    });
    async_view(loaded, Key::ViewEnrollmentRestrictions, move |(configs, membership, devices)| {
        let groups = membership.all_ids();
        let limit = effective_limit(&configs, &groups);
        let device_count = devices.len();
        let summary = move || {
            limit.clone().map(|(limit, policy)| {
                let l = locale.get();
                let reached = device_count >= limit as usize;
                view! {
                    <p
                        class=if reached { "t1-callout t1-callout--bad" } else { "t1-callout" }
                        data-testid=test_ids::LIMIT_SUMMARY
                        data-reached=reached.to_string()
                    >
                        {l
                            .fill(
                                Key::LimitSummary,
                                &[
                                    ("limit", &limit.to_string()),
                                    ("policy", &policy),
                                    ("count", &device_count.to_string()),
                                ],
                            )}
                        {reached.then(|| format!(" {}", l.text(Key::LimitReached)))}
                    </p>
                }
            })
        };
        let table = Signal::derive(move || enrollment::table(locale.get(), &configs, &groups));
        view! {
            {summary}
            <DataTable table label=view_label(Key::ViewEnrollmentRestrictions) empty=Key::EmptyRestrictions />
        }
    })
}
