//! Graph requests, the client and its transports. Loaders call the typed endpoints in [`endpoints`]; those
//! build Graph requests, send them through a [`Transport`] and decode Graph JSON. Demo mode's transport is an
//! in-process fake Graph ([`fixture::FixtureGraph`]) serving the bundled tenants; `crate::backend` picks one.

pub mod client;
pub mod endpoints;
pub mod error;
pub mod fixture;
pub mod http;
mod lookup;
pub mod permissions;
pub mod request;
pub mod response;
mod summaries;
pub mod transport;

pub use client::GraphClient;
pub use error::{ApiError, ErrorKind};
pub use request::{ApiVersion, GraphRequest, Method};
pub use response::Response;
pub use transport::Transport;
