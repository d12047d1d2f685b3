//! Graph-shaped data transfer types. Pure serde: no Leptos, no web APIs, so native tests cover them.
//! Every field is optional or defaulted and every enum has a catch-all, because Graph adds values over time
//! and a host portal's proxy may omit properties: missing data must degrade a cell, never a pane.

mod app_protection;
mod apps;
mod device_lookup;
mod devices;
mod directory;
mod enrollment;
mod odata;
mod policies;
mod rbac;
mod summaries;
mod tenant;

pub use app_protection::*;
pub use apps::*;
pub use device_lookup::*;
pub use devices::*;
pub use directory::*;
pub use enrollment::*;
pub use odata::*;
pub use policies::*;
pub use rbac::*;
pub use summaries::*;
pub use tenant::*;
