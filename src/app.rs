use leptos::prelude::*;
use leptos_router::components::Router;

use crate::panes::TroubleshootPage;
use crate::state::provide_app_state;

/// The whole app. State lives in the query string, so there is one page and no route table.
#[component]
pub fn App() -> impl IntoView {
    // The static boot spinner in index.html covers the time before wasm runs; remove it once we render.
    if let Some(boot) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("boot")) {
        boot.remove();
    }
    view! {
        <Router>
            <AppShell />
        </Router>
    }
}

#[component]
fn AppShell() -> impl IntoView {
    provide_app_state();
    view! { <TroubleshootPage /> }
}
