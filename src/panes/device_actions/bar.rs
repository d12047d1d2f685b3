//! A device's action buttons. Unsupported actions are absent; a blocked one stays focusable with
//! `aria-disabled` and says why beside it (`aria-describedby`), so keyboard and screen-reader users learn the
//! reason too. A click while blocked (including the second click of a double click) does nothing.

use leptos::prelude::*;

use super::entry::ActionEntry;
use super::handle::DeviceHandle;
use crate::domain::device_actions::DeviceAction;
use crate::test_ids;

#[component]
pub fn ActionBar(
    handle: DeviceHandle,
    /// Keeps element ids unique where a device's actions appear twice (row and details).
    prefix: &'static str,
) -> impl IntoView {
    let buttons = handle.buttons();
    let device_id = handle.device_id();
    // Keyed by action, so a button keeps its element (and focus) while its state changes.
    let shown = move || buttons.with(|bs| bs.iter().map(|b| b.action).collect::<Vec<DeviceAction>>());

    view! {
        <ul class="t1-actions">
            <For
                each=shown
                key=|action| *action
                children=move |action| {
                    let why_id = format!("t1-{prefix}-{device_id}-{}-why", action.graph_action());
                    let entry = ActionEntry::new(buttons, action, why_id);
                    view! {
                        <li class="t1-actions__item">
                            <button
                                type="button"
                                class="t1-button t1-button--small"
                                class:t1-button--danger=action.is_destructive()
                                aria-disabled=move || entry.blocked().is_some().then_some("true")
                                aria-describedby=move || entry.described_by()
                                data-testid=test_ids::DEVICE_ACTION
                                data-action=action.graph_action()
                                on:click=move |_| handle.request(action)
                            >
                                {move || entry.label()}
                            </button>
                            {entry.why("t1-actions__why")}
                        </li>
                    }
                }
            />
        </ul>
    }
}
