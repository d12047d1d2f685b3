//! The root component: reads the configuration, starts the backend's sign-in, then shows the page or what is wrong.

use leptos::prelude::*;
use leptos_router::components::Router;

use crate::config::{self, Config, ConfigError};
use crate::i18n::Key;
use crate::panes::TroubleshootPage;
use crate::state::{initial_locale, provide_app_state};
use crate::test_ids;

/// The whole app: reads `config.json`, then shows the troubleshooting page in the configured mode, or a
/// screen that names what is wrong with the configuration. State lives in the query string, so there is
/// one page and no route table.
#[component]
pub fn App() -> impl IntoView {
    let config = LocalResource::new(|| async {
        let loaded = config::load().await;
        if let Ok(config) = &loaded {
            crate::backend::start_session(&config.app).await;
        }
        loaded
    });
    move || {
        let loaded = config.get()?;
        // The static boot spinner in index.html covers the time before this point; remove it now.
        if let Some(boot) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("boot")) {
            boot.remove();
        }
        Some(match loaded {
            Ok(config) => view! {
                <Router>
                    <AppShell config />
                </Router>
            }
            .into_any(),
            Err(error) => view! { <ConfigErrorScreen error /> }.into_any(),
        })
    }
}

#[component]
fn AppShell(config: Config) -> impl IntoView {
    provide_app_state(config.app);
    provide_context(crate::state::IncidentThreshold(config.incident_threshold));
    view! { <TroubleshootPage /> }
}

/// Shown instead of a blank page when `config.json` cannot be used. The problem itself is technical text for
/// whoever deploys Tier1, so it stays as written; the frame is localized.
#[component]
fn ConfigErrorScreen(error: ConfigError) -> impl IntoView {
    let locale = initial_locale();
    view! {
        <main class="t1-main">
            <section class="t1-card t1-config-error" role="alert" data-testid=test_ids::CONFIG_ERROR>
                <h1 class="t1-card__title">{locale.text(Key::ConfigErrorTitle)}</h1>
                <p>{locale.fill(Key::ConfigErrorKey, &[("key", &error.key)])}</p>
                <p>
                    <code>{error.problem}</code>
                </p>
                <p class="t1-muted">{locale.text(Key::ConfigErrorHelp)}</p>
            </section>
        </main>
    }
}
