//! The troubleshooting screen's areas, numbered as in the Intune pane: 1 account status, 2 user selection,
//! 3 user status, 4 data selector, 5 group membership, 6 enrollment failures (with the details of one). Their
//! shared data is `user_data`; panes reach Graph only through `crate::loaders`.

mod account_status;
mod case_summary;
mod data_selector;
mod device_actions;
mod enrollment_failures;
mod failure_details;
pub mod findings;
mod findings_announcement;
mod group_membership;
mod not_evaluated;
pub mod operator;
mod table_context;
mod top_bar;
mod troubleshoot;
mod user_data;
mod user_selection;
mod user_status;
pub mod views;

pub use troubleshoot::TroubleshootPage;
