//! A finding's evidence as links: each opens the view, device or failure where the value is shown, with the
//! row highlighted (`?row=`), and moves focus there, as the failure details' links do.

use leptos::prelude::*;

use crate::components::focus_later;
use crate::domain::findings::{Area, Place};
use crate::i18n::{Key, Locale};
use crate::routes::{tab_id, Location, View};
use crate::state::{use_go, use_location_state};
use crate::test_ids;

/// Where a place is shown: the location to go to and the element to focus there.
pub fn target(here: &Location, place: &Place) -> (Location, String) {
    let in_view = |view: View| (here.with_view(view).with_row(place.key.clone()), tab_id(view));
    match place.area {
        Area::Account => (here.clone(), "t1-account-title".into()),
        Area::GroupMembership => (here.with_row(place.key.clone()), "t1-groups-title".into()),
        Area::EnrollmentFailures => (here.with_failure(place.key.clone()), "t1-failures-title".into()),
        Area::Devices => {
            let (to, focus) = in_view(View::Devices);
            (to.with_device(place.key.clone()), focus)
        }
        Area::ClientApps => in_view(View::ClientApps),
        Area::Compliance => in_view(View::Compliance),
        Area::Configuration => in_view(View::Configuration),
        Area::AppProtectionStatus => in_view(View::AppProtectionStatus),
        Area::EnrollmentRestrictions => in_view(View::EnrollmentRestrictions),
    }
}

/// What the link says: the value, or the area's name when the place is a whole area.
pub fn label(l: Locale, place: &Place) -> String {
    if !place.label.is_empty() {
        return place.label.clone();
    }
    let key = match place.area {
        Area::Account => Key::LinkAccount,
        Area::GroupMembership => Key::LinkGroups,
        Area::EnrollmentFailures => Key::FailuresTitle,
        Area::Devices => View::Devices.title(),
        Area::ClientApps => View::ClientApps.title(),
        Area::Compliance => View::Compliance.title(),
        Area::Configuration => View::Configuration.title(),
        Area::AppProtectionStatus => View::AppProtectionStatus.title(),
        Area::EnrollmentRestrictions => View::EnrollmentRestrictions.title(),
    };
    l.text(key).to_string()
}

/// A place in words, for text that has no links (the case summary): "Configuration: Aurora Staff Wi-Fi".
pub fn evidence_text(l: Locale, place: &Place) -> String {
    let area = label(l, &Place::area(place.area, ""));
    if place.label.is_empty() {
        area
    } else {
        format!("{area}: {}", place.label)
    }
}

#[component]
pub fn EvidenceLinks(places: Vec<Place>, locale: RwSignal<Locale>) -> impl IntoView {
    let here = use_location_state();
    let go = use_go();
    places
        .into_iter()
        .enumerate()
        .map(|(i, place)| {
            let go = go.clone();
            let place_for_href = place.clone();
            let place_label = place.clone();
            let href = move || target(&here.get(), &place_for_href).0.to_query();
            let on_click = move |ev: leptos::ev::MouseEvent| {
                ev.prevent_default();
                let (to, focus) = target(&here.get_untracked(), &place);
                go(&to);
                focus_later(focus);
            };
            view! {
                {(i > 0).then_some(", ")}
                <a class="t1-link" href=href data-testid=test_ids::EVIDENCE_LINK on:click=on_click>
                    {move || label(locale.get(), &place_label)}
                </a>
            }
        })
        .collect_view()
}
