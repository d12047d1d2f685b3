use leptos::prelude::*;

use super::{clock_now, view_label, UserData};
use crate::components::{async_view, DataTable};
use crate::domain::status::DeviceRecord;
use crate::i18n::Key;
use crate::state::use_locale;
use crate::tables::devices;

#[component]
pub fn DevicesView(data: UserData) -> impl IntoView {
    let locale = use_locale();
    async_view(data.devices, Key::ViewDevices, move |records: Vec<DeviceRecord>| {
        // App install status fills in when the apps have loaded; the table does not wait for it.
        let table = Signal::derive(move || {
            let apps = data.apps.get().and_then(Result::ok);
            devices::table(locale.get(), clock_now(), &records, apps.as_deref())
        });
        view! { <DataTable table label=view_label(Key::ViewDevices) empty=Key::EmptyDevices /> }
    })
}
