//! The compliance policies and configuration profiles views, per device, with why a policy does or does not apply.

use crate::settled::settled;
use leptos::prelude::*;

use crate::components::{async_view, DataTable};
use crate::domain::membership::Membership;
use crate::domain::status::DeviceRecord;
use crate::graph::ApiError;
use crate::i18n::Key;
use crate::loaders::PolicyLists;
use crate::panes::table_context::{clock_now, view_label};
use crate::panes::user_data::UserData;
use crate::state::use_locale;
use crate::tables::builtin_policy;
use crate::tables::policies::{self, through, Through, UserGroups};

#[derive(Clone)]
struct PolicyData {
    lists: PolicyLists,
    devices: Vec<DeviceRecord>,
    membership: Membership,
    through: Through,
}

/// Compliance policies (`compliance`) or configuration profiles, per device. The lists are the user's shared
/// ones (the findings read them too), so opening a view requests nothing more.
#[component]
pub fn PolicyView(data: UserData, compliance: bool) -> impl IntoView {
    let locale = use_locale();
    let title = if compliance { Key::ViewCompliance } else { Key::ViewConfiguration };
    let loaded = LocalResource::new(move || async move {
        let membership = settled(data.groups).await?;
        let devices = settled(data.devices).await?;
        let lists = settled(data.targeting).await?;
        // Without the nesting a nested group is still named, without the path to it.
        let through = settled(data.nesting).await.map(|p| through(&membership, &p)).unwrap_or_default();
        Ok::<_, ApiError>(PolicyData { lists, devices, membership, through })
    });
    async_view(loaded, title, move |d: PolicyData| {
        let groups = d.membership.all_ids();
        let table = Signal::derive(move || {
            let l = locale.get();
            let list = if compliance { &d.lists.compliance } else { &d.lists.configuration };
            let user_groups = UserGroups { ids: &groups, names: &d.lists.names, through: &d.through };
            let mut table = policies::table(l, clock_now(), compliance, list, &d.devices, user_groups);
            if compliance {
                // The built-in default policy judges every device but is not in the tenant's list.
                let threshold = data
                    .tenant
                    .get()
                    .and_then(Result::ok)
                    .map(|t| t.device_management.settings.device_compliance_checkin_threshold_days);
                table.rows.extend(builtin_policy::unlisted_rows(l, list, &d.devices, threshold));
            }
            table
        });
        view! { <DataTable table label=view_label(title) empty=Key::EmptyPolicies /> }
    })
}
