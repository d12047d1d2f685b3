//! App-wide context: language, the Graph client for the current tenant, and the URL-held location.
//! Context values are newtypes so two signals of the same type can never be confused.

pub mod action_book;
pub mod actions;
pub mod operator;

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::config::{AppConfig, RestConfig};
use crate::graph::fixture::{parse_faults, FixtureGraph, FixtureSource, DEMO_TENANT_IDS};
use crate::graph::http::{HttpGraph, WaitListener};
use crate::graph::{GraphClient, Transport};
use crate::i18n::{Key, Locale};
use crate::platform;
use crate::routes::Location;

const LOCALE_STORAGE_KEY: &str = "tier1.locale";

#[derive(Clone, Copy)]
pub struct UiLocale(pub RwSignal<Locale>);

#[derive(Clone, Copy)]
pub struct CurrentLocation(pub Memo<Location>);

#[derive(Clone, Copy)]
pub struct Backend(pub Memo<GraphClient>);

/// How the app was configured (`config.json`): demo tenants or a REST API.
#[derive(Clone)]
pub struct Mode(pub AppConfig);

/// Requests waiting on throttling right now, and the last announced wait in seconds. Loading states read
/// it to say that Microsoft Graph is throttling rather than just "loading".
#[derive(Clone, Copy)]
pub struct Throttling(pub RwSignal<(u32, u32)>);

pub fn is_demo() -> bool {
    use_context::<Mode>().is_none_or(|m| m.0 == AppConfig::Demo)
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

pub fn use_client() -> Memo<GraphClient> {
    expect_context::<Backend>().0
}

/// The saved language, else the browser's, else English.
pub fn initial_locale() -> Locale {
    platform::load_pref(LOCALE_STORAGE_KEY)
        .and_then(|tag| Locale::from_tag(&tag))
        .or_else(|| web_sys::window().and_then(|w| w.navigator().language()).and_then(|tag| Locale::from_tag(&tag)))
        .unwrap_or_default()
}

/// Provides locale (persisted, mirrored to `<html lang>`), location and client. Call inside `<Router>`.
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
    // REST mode has one client for the session; demo mode one per demo tenant, faults and latency.
    let rest = match &config {
        AppConfig::Rest(rest) => Some(rest_client(rest, throttling)),
        AppConfig::Demo => None,
    };
    provide_context(Mode(config));
    let client = Memo::new(move |_| match &rest {
        Some(client) => client.clone(),
        None => {
            let loc = location.get();
            demo_client(loc.tenant_id(), loc.fault.as_deref(), loc.latency.as_deref())
        }
    });
    provide_context(Backend(client));
    // Who is operating (demo mode's sign-in) and the device actions they send in this session.
    let demo = is_demo();
    operator::provide_operator_gate(location, demo, FixtureSource::Http { base: FIXTURE_BASE.into() });
    provide_context(actions::DeviceActions::new(demo));
}

thread_local! {
    static DEMO_GRAPHS: RefCell<HashMap<String, Arc<FixtureGraph>>> = RefCell::new(HashMap::new());
}

/// Where the browser finds the demo tenants: the `fixtures/` folder Trunk copies beside `index.html`.
pub const FIXTURE_BASE: &str = "fixtures";

/// One fake Graph per (tenant, faults, latency), reading fixtures from `source`; cached so switching back
/// and forth reuses what was already downloaded.
pub fn demo_client_from(
    source: FixtureSource,
    tenant: &str,
    fault: Option<&str>,
    latency: Option<&str>,
) -> GraphClient {
    let tenant = if DEMO_TENANT_IDS.contains(&tenant) { tenant } else { DEMO_TENANT_IDS[0] };
    let cache_key = format!("{tenant}|{}|{}", fault.unwrap_or_default(), latency.unwrap_or_default());
    let graph = DEMO_GRAPHS.with(|cache| {
        cache
            .borrow_mut()
            .entry(cache_key)
            .or_insert_with(|| {
                let faults = fault.map(parse_faults).unwrap_or_default();
                let latency = latency.and_then(|l| l.parse().ok());
                Arc::new(FixtureGraph::new(tenant, source, platform::now_secs(), faults, latency))
            })
            .clone()
    });
    GraphClient::new(Transport::Fixture(graph))
}

pub fn demo_client(tenant: &str, fault: Option<&str>, latency: Option<&str>) -> GraphClient {
    demo_client_from(FixtureSource::Http { base: FIXTURE_BASE.into() }, tenant, fault, latency)
}

/// The REST client: HTTP transport on the configured base URL, announcing throttling waits.
fn rest_client(rest: &RestConfig, throttling: RwSignal<(u32, u32)>) -> GraphClient {
    let on_wait: WaitListener = Arc::new(move |secs: Option<u32>| {
        throttling.update(|(count, last)| match secs {
            Some(s) => {
                *count += 1;
                *last = s;
            }
            None => *count = count.saturating_sub(1),
        })
    });
    let tokens = crate::auth_glue::token_provider();
    GraphClient::new(Transport::Http(Arc::new(HttpGraph::new(&rest.api_base_url, tokens, Some(on_wait)))))
}

/// Navigates to a location of this page (same path, new query), adding a history entry.
pub fn use_go() -> impl Fn(&Location) + Clone + 'static {
    let navigate = use_navigate();
    move |location: &Location| {
        let path = web_sys::window().and_then(|w| w.location().pathname().ok()).unwrap_or_else(|| "/".into());
        navigate(&format!("{path}{}", location.to_query()), Default::default());
    }
}
