//! One action among a device's controls (the row menu, the details' bar): its button as the rules allow it
//! now, and why it is blocked, tied to the control by an id so a screen reader reads the reason with it.

use leptos::prelude::*;

use crate::domain::device_actions::DeviceAction;
use crate::tables::device_actions::ActionButton;
use crate::test_ids;

#[derive(Clone, Copy)]
pub(super) struct ActionEntry {
    buttons: Memo<Vec<ActionButton>>,
    action: DeviceAction,
    why_id: StoredValue<String>,
}

impl ActionEntry {
    /// `why_id`: the element id of the reason, unique on the page.
    pub fn new(buttons: Memo<Vec<ActionButton>>, action: DeviceAction, why_id: String) -> Self {
        ActionEntry { buttons, action, why_id: StoredValue::new(why_id) }
    }

    pub fn label(self) -> Option<String> {
        self.buttons.with(|bs| bs.iter().find(|b| b.action == self.action).map(|b| b.label.clone()))
    }

    /// Why the action cannot be used now; `None` when it can.
    pub fn blocked(self) -> Option<String> {
        self.buttons.with(|bs| bs.iter().find(|b| b.action == self.action).and_then(|b| b.blocked.clone()))
    }

    /// The control's `aria-describedby`: the reason's id while the action is blocked.
    pub fn described_by(self) -> Option<String> {
        self.blocked().is_some().then(|| self.why_id.get_value())
    }

    /// The reason beside the control, while the action is blocked.
    pub fn why(self, class: &'static str) -> impl IntoView {
        move || {
            self.blocked().map(|why| {
                view! {
                    <span id=self.why_id.get_value() class=class data-testid=test_ids::ACTION_BLOCKED>
                        {why}
                    </span>
                }
            })
        }
    }
}
