//! Area 4: the data selector. A tab list (arrow keys move between tabs, as the ARIA pattern says) whose
//! selection is the `view` query parameter, so each view can be linked to.

use leptos::prelude::*;

use super::operator::RequirePermission;
use super::user_data::UserData;
use super::views::{
    AppProtectionPoliciesView, AppProtectionStatusView, ClientAppsView, DevicesView, EnrollmentRestrictionsView,
    PolicyView,
};
use crate::domain::rbac::ViewArea;
use crate::i18n::Key;
use crate::routes::{tab_id, View};
use crate::state::{tr, use_go, use_locale, use_location_state};
use crate::test_ids;

#[component]
pub fn DataSelector(data: UserData) -> impl IntoView {
    let locale = use_locale();
    let location = use_location_state();
    let go = use_go();
    let current = Memo::new(move |_| location.get().view);
    // The tab strip scrolls on narrow screens: keep the selected tab in view (a deep link, a link elsewhere).
    Effect::new(move |_| crate::platform::scroll_into_row(&tab_id(current.get())));

    let select = move |view: View, focus: bool| {
        go(&location.get_untracked().with_view(view));
        if focus {
            crate::platform::focus_element(&tab_id(view), false);
        }
    };
    let on_keydown = {
        let select = select.clone();
        move |ev: leptos::ev::KeyboardEvent| {
            let index = View::ALL.iter().position(|v| *v == current.get_untracked()).unwrap_or(0);
            let count = View::ALL.len();
            let next = match ev.key().as_str() {
                "ArrowRight" | "ArrowDown" => (index + 1) % count,
                "ArrowLeft" | "ArrowUp" => (index + count - 1) % count,
                "Home" => 0,
                "End" => count - 1,
                _ => return,
            };
            ev.prevent_default();
            select(View::ALL[next], true);
        }
    };

    view! {
        <section class="t1-card t1-selector" aria-labelledby="t1-selector-title" data-testid=test_ids::DATA_SELECTOR>
            <h2 id="t1-selector-title" class="t1-card__title">
                {tr(Key::DataSelectorTitle)}
            </h2>
            <div class="t1-tabs" role="tablist" aria-labelledby="t1-selector-title" on:keydown=on_keydown>
                {View::ALL
                    .into_iter()
                    .map(|view| {
                        let select = select.clone();
                        let selected = move || current.get() == view;
                        view! {
                            <button
                                type="button"
                                role="tab"
                                id=tab_id(view)
                                class="t1-tab"
                                aria-selected=move || selected().to_string()
                                aria-controls="t1-view-panel"
                                tabindex=move || if selected() { "0" } else { "-1" }
                                data-testid=test_ids::VIEW_TAB
                                data-view=view.slug()
                                on:click=move |_| select(view, false)
                            >
                                {move || locale.get().text(view.title())}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
            <div
                id="t1-view-panel"
                class="t1-tabpanel"
                role="tabpanel"
                aria-labelledby=move || tab_id(current.get())
                data-view=move || current.get().slug()
            >
                // A view the operator's role cannot read names the missing permission and requests nothing.
                {move || {
                    let view = current.get();
                    view! {
                        <RequirePermission area=area(
                            view,
                        )>
                            {match view {
                                View::Devices => view! { <DevicesView data /> }.into_any(),
                                View::ClientApps => view! { <ClientAppsView data /> }.into_any(),
                                View::Compliance => view! { <PolicyView data compliance=true /> }.into_any(),
                                View::Configuration => view! { <PolicyView data compliance=false /> }.into_any(),
                                View::AppProtectionPolicies => view! { <AppProtectionPoliciesView data /> }.into_any(),
                                View::AppProtectionStatus => view! { <AppProtectionStatusView data /> }.into_any(),
                                View::EnrollmentRestrictions => view! { <EnrollmentRestrictionsView data /> }.into_any(),
                            }}
                        </RequirePermission>
                    }
                }}
            </div>
        </section>
    }
}

/// The part of Intune a view reads, for its permission.
fn area(view: View) -> ViewArea {
    match view {
        View::Devices => ViewArea::Devices,
        View::ClientApps => ViewArea::ClientApps,
        View::Compliance => ViewArea::Compliance,
        View::Configuration => ViewArea::Configuration,
        View::AppProtectionPolicies => ViewArea::AppProtectionPolicies,
        View::AppProtectionStatus => ViewArea::AppProtectionStatus,
        View::EnrollmentRestrictions => ViewArea::EnrollmentRestrictions,
    }
}
