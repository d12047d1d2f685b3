//! App-wide context: language, the URL-held location, the backend and its Graph client for that location.
//! Context values are newtypes so two signals of the same type can never be confused.

pub mod action_book;
pub mod actions;
pub mod operator;

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::backend::Backend;
use crate::config::AppConfig;
use crate::graph::GraphClient;
use crate::i18n::{Key, Locale};
use crate::platform;
use crate::routes::Location;

const LOCALE_STORAGE_KEY: &str = "tier1.locale";

#[derive(Clone, Copy)]
pub struct UiLocale(pub RwSignal<Locale>);

#[derive(Clone, Copy)]
pub struct CurrentLocation(pub Memo<Location>);

/// The Graph client for the current location (the backend's; demo mode has one per tenant).
#[derive(Clone, Copy)]
pub struct CurrentClient(pub Memo<GraphClient>);

/// Requests waiting on throttling right now, and the last announced wait in seconds. Loading states read
/// it to say that Microsoft Graph is throttling rather than just "loading".
#[derive(Clone, Copy)]
pub struct Throttling(pub RwSignal<(u32, u32)>);

/// `incidentThreshold` from config.json: a finding's cause on more devices or users than this is an incident.
#[derive(Clone, Copy)]
pub struct IncidentThreshold(pub u32);

/// The incident threshold; the default outside the app shell (component tests).
pub fn use_incident_threshold() -> u32 {
    use_context::<IncidentThreshold>().map_or(crate::domain::prevalence::DEFAULT_INCIDENT_THRESHOLD, |t| t.0)
}

pub fn use_locale() -> RwSignal<Locale> {
    expect_context::<UiLocale>().0
}

/// A reactive translation: `t(Key::X)()` re-renders when the language changes.
pub fn tr(key: Key) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let locale = use_locale();
    move || locale.get().text(key)
}

pub fn use_location_state() -> Memo<Location> {
    expect_context::<CurrentLocation>().0
}

/// The row an evidence link asked to highlight (`?row=`); `None` outside the router (component tests).
pub fn use_highlighted_row() -> Signal<Option<String>> {
    match use_context::<CurrentLocation>() {
        Some(CurrentLocation(location)) => Signal::derive(move || location.with(|l| l.row.clone())),
        None => Signal::stored(None),
    }
}

pub fn use_client() -> Memo<GraphClient> {
    expect_context::<CurrentClient>().0
}

/// The session's backend, for what depends on it: the tenants to switch between, operators' sign-in.
pub fn use_backend() -> Backend {
    expect_context::<Backend>()
}

/// The saved language, else the browser's, else English.
pub fn initial_locale() -> Locale {
    platform::load_pref(LOCALE_STORAGE_KEY)
        .and_then(|tag| Locale::from_tag(&tag))
        .or_else(|| web_sys::window().and_then(|w| w.navigator().language()).and_then(|tag| Locale::from_tag(&tag)))
        .unwrap_or_default()
}

/// Provides locale (persisted, mirrored to `<html lang>`), location, backend and client. Call inside `<Router>`.
pub fn provide_app_state(config: AppConfig) {
    let locale = RwSignal::new(initial_locale());
    Effect::new(move |_| {
        let tag = locale.get().tag();
        platform::save_pref(LOCALE_STORAGE_KEY, tag);
        if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
            let _ = root.set_attribute("lang", tag);
        }
    });
    provide_context(UiLocale(locale));

    let query = use_query_map();
    // Read the router's decoded query map, not window.location: the router updates its map before the
    // address bar, so the address bar may still show the previous URL when this recomputes.
    let location = Memo::new(move |_| query.with(|params| Location::from_params(|name| params.get(name))));
    provide_context(CurrentLocation(location));

    let throttling = RwSignal::new((0u32, 0u32));
    provide_context(Throttling(throttling));
    let backend = Backend::from_config(&config, throttling);
    let client = {
        let backend = backend.clone();
        Memo::new(move |_| backend.client(&location.get()))
    };
    provide_context(CurrentClient(client));
    // Who is operating (where the backend signs operators in) and the device actions they send in this session.
    operator::provide_operator_gate(location, backend.operator_directory());
    provide_context(actions::DeviceActions::new(backend.action_delivery()));
    provide_context(backend);
}

/// Navigates to a location of this page (same path, new query), adding a history entry.
pub fn use_go() -> impl Fn(&Location) + Clone + 'static {
    let navigate = use_navigate();
    move |location: &Location| {
        let path = web_sys::window().and_then(|w| w.location().pathname().ok()).unwrap_or_else(|| "/".into());
        navigate(&format!("{path}{}", location.to_query()), Default::default());
    }
}
