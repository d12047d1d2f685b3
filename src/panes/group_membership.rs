//! Area 5: the groups the user is in, directly or through nesting.

use leptos::prelude::*;

use super::user_data::UserData;
use crate::components::{async_view, DataTable};
use crate::domain::membership::Membership;
use crate::i18n::Key;
use crate::state::{tr, use_locale};
use crate::tables::groups;
use crate::test_ids;

#[component]
pub fn GroupMembership(data: UserData) -> impl IntoView {
    let locale = use_locale();
    view! {
        <section class="t1-card" aria-labelledby="t1-groups-title" data-testid=test_ids::GROUP_MEMBERSHIP>
            <h2 id="t1-groups-title" class="t1-card__title" tabindex="-1">
                {tr(Key::GroupsTitle)}
            </h2>
            {async_view(
                data.groups,
                Key::GroupsTitle,
                move |membership: Membership| {
                    let table = Signal::derive(move || {
                        let parents = data.nesting.get().and_then(Result::ok).unwrap_or_default();
                        let user = data
                            .user
                            .get()
                            .and_then(Result::ok)
                            .map(|u| u.user.display_name)
                            .unwrap_or_default();
                        groups::table(locale.get(), &membership, &parents, &user)
                    });
                    // The paths to nested groups appear once the nesting is read; without it the rows stand.
                    view! {
                        <DataTable
                            table
                            label=Signal::derive(move || locale.get().text(Key::GroupsTitle).to_string())
                            empty=Key::EmptyGroups
                        />
                    }
                },
            )}
            // What depends on the membership, so the error above is not read as this panel's alone.
            {move || {
                data.groups
                    .with(|g| matches!(g, Some(Err(_))))
                    .then(|| view! { <p class="t1-callout t1-callout--warn">{tr(Key::GroupsFailedAffects)}</p> })
            }}
        </section>
    }
}
