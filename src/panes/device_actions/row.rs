//! A device row's last column: whether the device is leaving Intune, its actions behind a menu button, and its
//! latest action's status (a polite live region, so progress is announced). The status comes after the
//! actions: appearing above them, it would move the button under a double click's second click.

use std::collections::BTreeSet;

use leptos::prelude::*;

use super::handle::DeviceHandle;
use super::menu::ActionMenu;
use crate::components::explanation;
use crate::domain::status::DeviceRecord;
use crate::domain::table::Tone;
use crate::i18n::{Key, Locale};
use crate::panes::table_context::clock_now;
use crate::state::action_book::{ActionBook, Stage};
use crate::state::actions::use_device_actions;
use crate::state::{tr, use_locale};
use crate::tables::device_actions::{management_badge, status_line};
use crate::test_ids;

/// `data-stage` of a status line, for tests and styles.
pub fn stage_slug(stage: Stage) -> &'static str {
    match stage {
        Stage::Sending => "sending",
        Stage::Pending => "pending",
        Stage::Sent => "sent",
        Stage::Done { .. } => "done",
        Stage::Failed { .. } => "failed",
        Stage::NotSent => "not-sent",
    }
}

/// The device's latest action as a status line: (text, tone, stage slug). With `explain`, a refused send adds
/// why (the details show the whole error instead).
pub fn latest_status(
    l: Locale,
    book: &ActionBook,
    device_id: &str,
    now: i64,
    explain: bool,
) -> Option<(String, Tone, &'static str)> {
    let entry = book.latest(device_id)?;
    let (mut text, tone) = status_line(l, clock_now(), entry, now);
    if let Some(error) = entry.error().filter(|_| explain) {
        text = format!("{text}. {}", explanation(l, error));
    }
    Some((text, tone, stage_slug(entry.stage(now))))
}

#[component]
pub fn RowActions(
    device_id: String,
    devices: Memo<Vec<DeviceRecord>>,
    /// The device whose action menu is open (at most one): a row is rebuilt when its data changes (a sync moves
    /// the last check-in), and the menu should stay as the operator left it.
    open_menus: RwSignal<BTreeSet<String>>,
) -> impl IntoView {
    let handle = DeviceHandle::new(device_id.clone(), devices);
    let (actions, locale) = (use_device_actions(), use_locale());
    let id = StoredValue::new(device_id);
    let status = move || {
        let (l, now) = (locale.get(), actions.now());
        actions.book().with(|b| id.with_value(|id| latest_status(l, b, id, now, true)))
    };
    let leaving =
        move || handle.target.with(|t| t.as_ref().and_then(|t| management_badge(t.management_state.as_deref())));
    let name = move || handle.target.with(|t| t.as_ref().map(|t| t.device_name.clone()).unwrap_or_default());
    let label = Signal::derive(move || locale.get().fill(Key::DeviceActionsFor, &[("device", &name())]));
    let is_open = Signal::derive(move || id.with_value(|id| open_menus.with(|m| m.contains(id))));
    // One menu open at a time: opening this one closes any other.
    let set_open = Callback::new(move |open: bool| {
        id.with_value(|id| {
            open_menus.update(|m| {
                if open {
                    *m = BTreeSet::from([id.clone()]);
                } else {
                    m.remove(id);
                }
            })
        })
    });

    view! {
        <div class="t1-row-actions" data-testid=test_ids::ROW_ACTIONS>
            {move || {
                leaving()
                    .map(|(key, tone)| {
                        view! {
                            <span
                                class=format!("t1-badge t1-badge--{}", tone.as_str())
                                data-testid=test_ids::MANAGEMENT_STATE
                            >
                                {tr(key)}
                            </span>
                        }
                    })
            }}
            <ActionMenu handle label open=is_open set_open>
                {tr(Key::DeviceActionsMenu)}
            </ActionMenu>
            <p
                class=move || format!("t1-action-status t1-tone--{}", status().map_or("muted", |s| s.1.as_str()))
                role="status"
                data-testid=test_ids::ACTION_STATUS
                data-stage=move || status().map(|s| s.2)
            >
                {move || status().map(|s| s.0)}
            </p>
        </div>
    }
}
