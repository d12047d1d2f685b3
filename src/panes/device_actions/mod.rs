//! Device actions on the Devices view: each row's status and action menu (an ARIA menu button), a device's details with its actions
//! and results, and the typed confirmation of destructive actions. One [`DeviceHandle`] per place a device's
//! actions appear ties the device (as loaded, with the session's results applied) to sending. The
//! confirmation belongs to the view, not to a row: a row is rebuilt when its data changes, and an open
//! confirmation must survive that.

mod bar;
mod confirm;
mod details;
mod entry;
mod handle;
mod menu;
mod row;

pub use details::DeviceDetails;
pub use handle::{provide_confirm, ConfirmRequest};
pub use row::RowActions;

use confirm::ConfirmDialog;
use handle::DeviceHandle;

use leptos::prelude::*;

use crate::domain::status::DeviceRecord;

/// The open confirmation, if any, for a device of `devices`.
#[component]
pub fn ConfirmSlot(request: ConfirmRequest, devices: Memo<Vec<DeviceRecord>>) -> impl IntoView {
    let ConfirmRequest(open) = request;
    move || {
        open.get().map(|(device_id, action)| {
            let handle = DeviceHandle::new(device_id, devices);
            view! { <ConfirmDialog handle action on_close=move |_| open.set(None) /> }
        })
    }
}
