//! The action log: every device action sent since the page was opened (switching demo operator is a new
//! sign-in, but the log carries on and says who sent what), live as results arrive, and its CSV download.

use leptos::prelude::*;

use crate::components::{download_text, DataTable, Modal};
use crate::i18n::Key;
use crate::panes::table_context::clock_now;
use crate::platform;
use crate::state::actions::use_device_actions;
use crate::state::{tr, use_locale};
use crate::tables::action_log;
use crate::test_ids;

#[component]
pub fn ActionLog(#[prop(into)] on_close: Callback<()>) -> impl IntoView {
    let actions = use_device_actions();
    let locale = use_locale();
    let records = Memo::new(move |_| actions.book().with(|b| b.records(actions.now())));
    let table = Signal::derive(move || action_log::table(locale.get(), clock_now(), &records.get()));
    let title = Signal::derive(move || locale.get().text(Key::ActionLogTitle).to_string());
    let download = move |_| {
        let csv = action_log::csv(locale.get_untracked(), clock_now(), &records.get_untracked());
        // A byte-order mark, or Excel reads the UTF-8 file as ANSI and mangles names like "Köhler".
        download_text(
            &action_log::file_name(platform::now_secs()),
            "text/csv;charset=utf-8",
            &format!("\u{feff}{csv}"),
        );
    };

    view! {
        <Modal title heading_id="t1-log-title" on_close test_id=test_ids::ACTION_LOG class="t1-modal--wide">
            <p class="t1-muted">{tr(Key::ActionLogIntro)}</p>
            <div class="t1-modal__actions t1-modal__actions--start">
                <button
                    type="button"
                    class="t1-button"
                    data-testid=test_ids::DOWNLOAD_CSV
                    disabled=move || records.with(Vec::is_empty)
                    on:click=download
                >
                    {tr(Key::DownloadCsv)}
                </button>
            </div>
            <DataTable table label=title empty=Key::EmptyActionLog />
        </Modal>
    }
}
