//! The user's devices, with the session's action results applied (a sync moves the last check-in, a retired
//! device leaves the list), each row with its actions; a device's name opens its details below.

use std::collections::BTreeSet;

use leptos::prelude::*;

use crate::components::{async_view, DataTable, ExtraColumn};
use crate::domain::diagnosis::Source;
use crate::domain::status::DeviceRecord;
use crate::i18n::Key;
use crate::panes::device_actions::{provide_confirm, ConfirmSlot, DeviceDetails, RowActions};
use crate::panes::not_evaluated::{failed_sources, not_evaluated_text};
use crate::panes::table_context::{clock_now, view_label};
use crate::panes::user_data::UserData;
use crate::state::actions::use_device_actions;
use crate::state::{use_locale, use_location_state};
use crate::tables::device_actions::link_device_names;
use crate::tables::devices;

#[component]
pub fn DevicesView(data: UserData) -> impl IntoView {
    let locale = use_locale();
    let location = use_location_state();
    let overlay = use_device_actions().overlay();
    let open_device = Memo::new(move |_| location.get().device);
    let confirm = provide_confirm();
    async_view(data.devices, Key::ViewDevices, move |records: Vec<DeviceRecord>| {
        let loaded = StoredValue::new(records);
        let shown = Memo::new(move |_| overlay.with(|o| loaded.with_value(|r| o.apply(r))));
        // App install status fills in when the apps have loaded; the table does not wait for it.
        // When they cannot load, the cells say why instead of loading for ever.
        let failed = failed_sources(data);
        let table = Signal::derive(move || {
            let l = locale.get();
            let apps = data.apps.get();
            let why = not_evaluated_text(l, Source::Apps, &failed.get());
            let apps = apps.as_ref().map(|a| a.as_deref().map_err(|_| why.as_str()));
            let table = shown.with(|shown| devices::table(l, clock_now(), shown, apps));
            link_device_names(table, &location.get())
        });
        let open_menus = RwSignal::new(BTreeSet::new());
        let extra = ExtraColumn {
            header: view_label(Key::ColActions),
            cell: Callback::new(move |device_id: String| {
                view! { <RowActions device_id devices=shown open_menus /> }.into_any()
            }),
        };
        view! {
            <DataTable table label=view_label(Key::ViewDevices) empty=Key::EmptyDevices extra />
            {move || open_device.get().map(|device_id| view! { <DeviceDetails device_id loaded shown /> })}
            <ConfirmSlot request=confirm devices=shown />
        }
    })
}
