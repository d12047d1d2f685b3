//! A test-only HTTP server speaking Tier1's Microsoft Graph contract, answered by the in-process fake Graph
//! (`tier1::graph::fixture::FixtureGraph`), with `$batch`, CORS, switchable faults and a request log, so
//! end-to-end tests can run the app's REST mode against it. See README.md.

pub mod answer;
pub mod batch;
pub mod config;
pub mod control;
pub mod faults;
pub mod graph;
pub mod http;
pub mod json;
pub mod log;
pub mod router;
pub mod server;

pub use config::{parse_args, Command, Config, USAGE};
pub use server::start;
