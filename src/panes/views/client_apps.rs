//! The client apps view: every app that reaches the user (or names a group of theirs), with its install status.

use crate::settled::settled;
use leptos::prelude::*;

use crate::components::{async_view, DataTable};
use crate::domain::diagnosis::{root_cause, Source};
use crate::domain::status::AppRecord;
use crate::graph::ApiError;
use crate::i18n::Key;
use crate::loaders;
use crate::panes::not_evaluated::{failed_sources, NotEvaluatedNote};
use crate::panes::table_context::{clock_now, view_label};
use crate::panes::user_data::UserData;
use crate::state::{use_client, use_locale};
use crate::tables::apps;
use crate::tables::policies::{through, GroupNames, Through};

#[component]
pub fn ClientAppsView(data: UserData) -> impl IntoView {
    let locale = use_locale();
    let client = use_client();
    let loaded = LocalResource::new(move || {
        let client = client.get();
        async move {
            let membership = settled(data.groups).await?;
            let records = settled(data.apps).await?;
            let reaches = records.iter().flat_map(|r| std::iter::once(&r.reach).chain(r.device_reach.values()));
            let names = loaders::group_names(&client, &membership, reaches).await?;
            let through = settled(data.nesting).await.map(|p| through(&membership, &p)).unwrap_or_default();
            Ok::<(Vec<AppRecord>, GroupNames, Through), ApiError>((records, names, through))
        }
    });
    // Apps that failed because a source they are loaded from did (group membership) say so; that source's pane
    // has the error.
    let failed = failed_sources(data);
    move || {
        if failed.with(|f| f.contains(&Source::Apps) && root_cause(Source::Apps, f) != Source::Apps) {
            return view! { <NotEvaluatedNote data source=Source::Apps /> }.into_any();
        }
        async_view(
            loaded,
            Key::ViewClientApps,
            move |(records, names, through): (Vec<AppRecord>, GroupNames, Through)| {
                let table = Signal::derive(move || apps::table(locale.get(), clock_now(), &records, &names, &through));
                view! { <DataTable table label=view_label(Key::ViewClientApps) empty=Key::EmptyApps /> }
            },
        )
        .into_any()
    }
}
