//! Pure troubleshooting logic: what the data means for the operator. No Leptos, no web APIs, and nothing from
//! the layers above: domain imports only `model`.

pub mod assignment;
pub mod builtin_compliance;
pub mod device_actions;
pub mod device_platform;
pub mod diagnosis;
pub mod enrollment_restrictions;
pub mod entra;
pub mod failures;
pub mod findings;
pub mod incident;
pub mod known_apps;
pub mod membership;
pub mod prevalence;
pub mod rbac;
pub mod search;
pub mod status;
pub mod table;
pub mod time;
pub mod words;
