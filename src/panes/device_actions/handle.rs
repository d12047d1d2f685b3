//! One device's actions in one place on screen: the device as the action rules see it now, and sending (through
//! the typed confirmation for destructive actions).

use leptos::prelude::*;

use crate::domain::device_actions::{availability, ActionOptions, ActionTarget, Availability, DeviceAction};
use crate::domain::status::DeviceRecord;
use crate::graph::GraphClient;
use crate::state::action_book::Operator;
use crate::state::actions::{use_device_actions, DeviceActions};
use crate::state::operator::{use_gate, Gate};
use crate::state::{use_client, use_locale};
use crate::tables::device_actions::{action_buttons, ActionButton};

#[derive(Clone, Copy)]
pub struct DeviceHandle {
    device_id: StoredValue<String>,
    /// The device as the action rules see it now (with its open actions); `None` once it has left the list.
    pub(super) target: Memo<Option<ActionTarget>>,
    /// Where a destructive action asks for its confirmation.
    confirm: Option<ConfirmRequest>,
    client: Memo<GraphClient>,
    gate: Signal<Gate>,
    actions: DeviceActions,
}

impl DeviceHandle {
    /// `devices`: the user's devices with the session's results applied.
    pub fn new(device_id: String, devices: Memo<Vec<DeviceRecord>>) -> Self {
        let (gate, actions) = (use_gate(), use_device_actions());
        let id = StoredValue::new(device_id);
        let target = Memo::new(move |_| {
            let now = actions.now();
            let device = devices.with(|ds| ds.iter().find(|r| id.with_value(|id| r.device.id == *id)).cloned())?;
            let open = actions.book().with(|b| b.open_actions(&device.device.id, now));
            Some(gate.with(|g| g.target(&device.device)).with_pending(open))
        });
        let confirm = use_context::<ConfirmRequest>();
        DeviceHandle { device_id: id, target, confirm, client: use_client(), gate, actions }
    }

    /// The device's action buttons as the operator's role, scope and the device allow them now, in the
    /// current language: the row menu and the details' bar show the same.
    pub fn buttons(&self) -> Memo<Vec<ActionButton>> {
        let (target, gate, locale) = (self.target, self.gate, use_locale());
        Memo::new(move |_| {
            target.with(|t| {
                t.as_ref().map(|t| gate.with(|g| action_buttons(locale.get(), t, g.access()))).unwrap_or_default()
            })
        })
    }

    pub fn device_id(&self) -> String {
        self.device_id.get_value()
    }

    /// Whether the action can be sent right now (a click on a disabled button, or a second click, is ignored).
    fn allowed(&self, action: DeviceAction) -> bool {
        self.target.with_untracked(|t| {
            t.as_ref().is_some_and(|t| {
                self.gate.with_untracked(|g| availability(action, t, g.access())) == Availability::Enabled
            })
        })
    }

    /// A click on an action: destructive ones ask for the typed device name first.
    pub fn request(&self, action: DeviceAction) {
        if !self.allowed(action) {
            return;
        }
        if action.is_destructive() {
            if let Some(ConfirmRequest(request)) = self.confirm {
                request.set(Some((self.device_id(), action)));
            }
        } else {
            self.send(action, ActionOptions::default());
        }
    }

    pub fn send(&self, action: DeviceAction, options: ActionOptions) {
        if !self.allowed(action) {
            return;
        }
        let Some(target) = self.target.get_untracked() else { return };
        let operator = self.gate.with_untracked(|g| g.operator());
        let operator = operator.map(|(name, upn)| Operator { name, upn }).unwrap_or_default();
        self.actions.send(self.client.get_untracked(), operator, action, options, target);
    }
}

/// The destructive action (device id, action) whose confirmation is open in the Devices view.
#[derive(Clone, Copy)]
pub struct ConfirmRequest(pub RwSignal<Option<(String, DeviceAction)>>);

/// Call in the Devices view before its rows: actions of the rows and details below confirm through it.
pub fn provide_confirm() -> ConfirmRequest {
    let request = ConfirmRequest(RwSignal::new(None));
    provide_context(request);
    request
}
