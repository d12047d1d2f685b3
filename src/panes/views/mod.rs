//! The data selector's views. Each builds its table from the user's shared resources plus whatever it
//! loads itself, and shows its own loading, empty and error states.

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

use leptos::prelude::*;

use crate::domain::membership::Membership;
use crate::domain::status::{AppRecord, DeviceRecord};
use crate::graph::ApiError;
use crate::i18n::Key;
use crate::loaders::{TenantInfo, UserInfo};
use crate::model::EnrollmentConfiguration;
use crate::platform;
use crate::state::use_locale;
use crate::tables::Clock;

/// The selected user's data, loaded once and shared by the areas and views that need it.
#[derive(Clone, Copy)]
pub struct UserData {
    pub user_id: Signal<String>,
    pub tenant: LocalResource<Result<TenantInfo, ApiError>>,
    pub user: LocalResource<Result<UserInfo, ApiError>>,
    pub devices: LocalResource<Result<Vec<DeviceRecord>, ApiError>>,
    pub groups: LocalResource<Result<Membership, ApiError>>,
    pub apps: LocalResource<Result<Vec<AppRecord>, ApiError>>,
    /// The tenant's enrollment restrictions: the restrictions view and the device-limit finding share it.
    pub restrictions: LocalResource<Result<Vec<EnrollmentConfiguration>, ApiError>>,
}

pub fn clock_now() -> Clock {
    let now_secs = platform::now_secs();
    Clock { now_secs, offset_minutes: platform::local_offset_minutes(now_secs) }
}

/// The user's devices with this session's device action results applied (a sync moves the last check-in, a
/// retired device is gone), for every area that shows or judges them; `None` while loading.
pub fn session_devices(data: UserData) -> Signal<Option<Result<Vec<DeviceRecord>, ApiError>>> {
    let overlay = crate::state::actions::use_device_actions().overlay();
    Signal::derive(move || data.devices.get().map(|loaded| loaded.map(|records| overlay.with(|o| o.apply(&records)))))
}

/// The accessible name of a view's table: its title, in the current language.
pub fn view_label(key: Key) -> Signal<String> {
    let locale = use_locale();
    Signal::derive(move || locale.get().text(key).to_string())
}
