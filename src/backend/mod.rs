//! Which backend serves the session, chosen once from the configuration: the bundled demo tenants or a REST
//! API. The rest of the app asks it for what it needs (a Graph client for a location, the tenants to switch
//! between, how device actions are carried out, where operators sign in from, who is signed in), never which
//! mode it is in.

mod demo;
mod rest;

pub use demo::{DirectoryFiles, OperatorDirectory};
pub use rest::session;

use leptos::prelude::RwSignal;

use crate::config::AppConfig;
use crate::demo_tenants::demo_tenant_names;
use crate::graph::fixture::FixtureSource;
use crate::graph::GraphClient;
use crate::routes::Location;

#[derive(Clone)]
pub struct Backend(Kind);

#[derive(Clone)]
enum Kind {
    /// The bundled demo tenants, read from this source.
    Demo(FixtureSource),
    /// A REST API: one client for the session.
    Rest(GraphClient),
}

/// How a device action is carried out once Graph has accepted it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActionDelivery {
    /// There is no real device: its part is simulated (compressed into seconds) and shown as it plays out.
    Simulated,
    /// Intune delivers it to the device; Tier1 does not follow the device's answer.
    Intune,
}

/// Starts the configured sign-in, if there is one. Call once at start-up, before the router reads the address
/// bar (finishing an Entra redirect removes the authorization code from it).
pub async fn start_session(config: &AppConfig) {
    if let AppConfig::Rest(rest) = config {
        rest::start(&rest.auth).await;
    }
}

impl Backend {
    /// The backend `config` names. `throttling` hears REST mode's throttling waits (requests waiting now, the
    /// last announced wait in seconds).
    pub fn from_config(config: &AppConfig, throttling: RwSignal<(u32, u32)>) -> Backend {
        match config {
            AppConfig::Demo => Backend::demo(FixtureSource::Http { base: demo::FIXTURE_BASE.into() }),
            AppConfig::Rest(rest) => Backend(Kind::Rest(rest::client(rest, throttling))),
        }
    }

    /// The demo tenants, read from `source` (component tests bundle them).
    pub fn demo(source: FixtureSource) -> Backend {
        Backend(Kind::Demo(source))
    }

    /// The Graph client for a location: the session's one client, or the fake Graph of the location's demo
    /// tenant with the faults and latency it asks for.
    pub fn client(&self, location: &Location) -> GraphClient {
        match &self.0 {
            Kind::Demo(source) => {
                demo::client(source, location.tenant_id(), location.fault.as_deref(), location.latency.as_deref())
            }
            Kind::Rest(client) => client.clone(),
        }
    }

    /// Whether the data shown is the bundled sample tenants (fictional), not a live tenant.
    pub fn is_sample_data(&self) -> bool {
        matches!(self.0, Kind::Demo(_))
    }

    /// The tenants the operator may switch between as (id, display name), the first the default; `None` where
    /// the backend serves a single tenant.
    pub fn tenants(&self) -> Option<Vec<(&'static str, String)>> {
        self.is_sample_data().then(demo_tenant_names)
    }

    pub fn action_delivery(&self) -> ActionDelivery {
        match self.0 {
            Kind::Demo(_) => ActionDelivery::Simulated,
            Kind::Rest(_) => ActionDelivery::Intune,
        }
    }

    /// Where operators sign in from when Tier1 signs them in itself (and applies their roles); `None` where
    /// the API's own sign-in decides, and Graph refuses (403) what the account may not do.
    pub fn operator_directory(&self) -> Option<OperatorDirectory> {
        match &self.0 {
            Kind::Demo(source) => Some(OperatorDirectory::new(source.clone())),
            Kind::Rest(_) => None,
        }
    }
}
