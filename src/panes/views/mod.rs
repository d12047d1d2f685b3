//! The data selector's views. Each builds its table from the user's shared resources (`panes::user_data`) plus
//! whatever it loads itself, and shows its own loading, empty and error states.

mod app_protection;
mod client_apps;
mod devices;
mod enrollment;
mod policies;

pub use app_protection::{AppProtectionPoliciesView, AppProtectionStatusView};
pub use client_apps::ClientAppsView;
pub use devices::DevicesView;
pub use enrollment::EnrollmentRestrictionsView;
pub use policies::PolicyView;
