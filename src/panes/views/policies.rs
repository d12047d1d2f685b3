//! The compliance policies and configuration profiles views, per device, with why a policy does or does not apply.

use crate::settled::settled;
use leptos::prelude::*;

use crate::components::{async_view, DataTable};
use crate::domain::assignment::reach;
use crate::domain::membership::Membership;
use crate::domain::status::DeviceRecord;
use crate::graph::ApiError;
use crate::i18n::Key;
use crate::loaders;
use crate::model::DevicePolicy;
use crate::panes::table_context::{clock_now, view_label};
use crate::panes::user_data::UserData;
use crate::state::{use_client, use_locale};
use crate::tables::builtin_policy;
use crate::tables::policies::{self, GroupNames};

#[derive(Clone)]
struct PolicyData {
    policies: Vec<DevicePolicy>,
    devices: Vec<DeviceRecord>,
    membership: Membership,
    names: GroupNames,
}

/// Compliance policies (`compliance`) or configuration profiles, per device.
#[component]
pub fn PolicyView(data: UserData, compliance: bool) -> impl IntoView {
    let locale = use_locale();
    let client = use_client();
    let title = if compliance { Key::ViewCompliance } else { Key::ViewConfiguration };
    let loaded = LocalResource::new(move || {
        let client = client.get();
        async move {
            let membership = settled(data.groups).await?;
            let devices = settled(data.devices).await?;
            // The profiles were loaded with the user's data (the findings read them too).
            let policies = if compliance {
                loaders::device_policies(&client, true).await?
            } else {
                settled(data.profiles).await?
            };
            let groups = membership.all_ids();
            let reaches: Vec<_> = policies.iter().map(|p| reach(&p.assignments, &groups)).collect();
            let names = loaders::group_names(&client, &membership, reaches.iter()).await?;
            Ok::<_, ApiError>(PolicyData { policies, devices, membership, names })
        }
    });
    async_view(loaded, title, move |d: PolicyData| {
        let groups = d.membership.all_ids();
        let table = Signal::derive(move || {
            let l = locale.get();
            let mut table = policies::table(l, clock_now(), compliance, &d.policies, &d.devices, &groups, &d.names);
            if compliance {
                // The built-in default policy judges every device but is not in the tenant's list.
                let threshold = data
                    .tenant
                    .get()
                    .and_then(Result::ok)
                    .map(|t| t.device_management.settings.device_compliance_checkin_threshold_days);
                table.rows.extend(builtin_policy::unlisted_rows(l, &d.policies, &d.devices, threshold));
            }
            table
        });
        view! { <DataTable table label=view_label(title) empty=Key::EmptyPolicies /> }
    })
}
