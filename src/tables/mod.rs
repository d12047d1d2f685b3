//! Builds each data view's table from loaded Graph data: pure functions of (data, locale, clock), so the
//! exact rows an operator sees are tested natively.

pub mod action_log;
pub mod app_protection;
pub mod apps;
pub mod builtin_policy;
pub mod case_summary;
pub mod device_actions;
pub mod device_details;
pub mod devices;
pub mod enrollment;
pub mod enum_labels;
pub mod failure_details;
pub mod failure_names;
pub mod failures;
pub mod format;
pub mod groups;
pub mod my_permissions;
pub mod permission_names;
pub mod policies;

use crate::i18n::{Key, Locale};

/// What the tables need to know about "now": the instant, and the browser's offset from UTC in minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clock {
    pub now_secs: i64,
    pub offset_minutes: i64,
}

/// Column headers in the current language.
pub fn headers(locale: Locale, keys: &[Key]) -> Vec<String> {
    keys.iter().map(|&key| locale.text(key).to_string()).collect()
}
