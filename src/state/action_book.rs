//! The device actions sent in this session, pure: each entry from the click through Graph's answer to the
//! device's (demo: simulated) result, what the devices look like with the results applied (a session overlay
//! on the loaded data; the data itself never changes), and the log records. Times are epoch seconds.

use std::collections::BTreeMap;

use crate::backend::ActionDelivery;
use crate::domain::device_actions::{
    simulate, ActionOptions, ActionRecord, ActionResult, ActionState, ActionTarget, DeviceAction, DeviceEffect,
    FailureReason, SimulatedRun,
};
use crate::domain::status::DeviceRecord;
use crate::domain::time::format_iso;
use crate::graph::ApiError;

/// Demo delays are divided by this: a sync lands in 1–3 s instead of 1–3 min, a Fresh Start in under a minute.
pub const DEMO_COMPRESSION: i64 = 60;

/// Who sent an action.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Operator {
    pub name: String,
    /// User principal name; empty when Tier1 does not know who is signed in (REST mode).
    pub upn: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Progress {
    /// Waiting for Graph's answer to the POST.
    Sending,
    /// Graph refused it or could not be reached: the device was never asked.
    NotSent(ApiError),
    /// Graph accepted it and Intune delivers it; the device reports back through `deviceActionResults`.
    Accepted,
    /// Graph accepted it and the device's part is simulated ([`ActionDelivery::Simulated`]).
    Simulated(SimulatedRun),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub id: u64,
    pub operator: Operator,
    pub action: DeviceAction,
    pub options: ActionOptions,
    /// The device as it was when the action was sent.
    pub target: ActionTarget,
    pub started_secs: i64,
    pub progress: Progress,
}

/// Where an entry stands at a moment, as the screen shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Sending,
    /// Waiting for the device (`pending` in `deviceActionResults`).
    Pending,
    /// Accepted by Graph and left to Intune; Tier1 does not follow the device's answer.
    Sent,
    Done {
        at_secs: i64,
    },
    Failed {
        at_secs: i64,
        reason: FailureReason,
    },
    NotSent,
}

impl Entry {
    pub fn stage(&self, now_secs: i64) -> Stage {
        match &self.progress {
            Progress::Sending => Stage::Sending,
            Progress::NotSent(_) => Stage::NotSent,
            Progress::Accepted => Stage::Sent,
            Progress::Simulated(run) => match (run.state_at(now_secs), run.finished_secs()) {
                (ActionState::Done, Some(at_secs)) => Stage::Done { at_secs },
                (ActionState::Failed, Some(at_secs)) => {
                    Stage::Failed { at_secs, reason: FailureReason::DeviceDidNotConfirm }
                }
                (ActionState::NotSupported, Some(at_secs)) => {
                    Stage::Failed { at_secs, reason: FailureReason::NotSupported }
                }
                _ => Stage::Pending,
            },
        }
    }

    /// Still waiting for Graph or the device: the same action must not be sent again meanwhile.
    pub fn is_open(&self, now_secs: i64) -> bool {
        matches!(self.stage(now_secs), Stage::Sending | Stage::Pending)
    }

    pub fn error(&self) -> Option<&ApiError> {
        match &self.progress {
            Progress::NotSent(error) => Some(error),
            _ => None,
        }
    }

    /// When the entry last changed state (Graph's `lastUpdatedDateTime`).
    pub fn last_updated(&self, now_secs: i64) -> i64 {
        match self.stage(now_secs) {
            Stage::Done { at_secs } | Stage::Failed { at_secs, .. } => at_secs,
            _ => match &self.progress {
                Progress::Simulated(run) => run.started_secs,
                _ => self.started_secs,
            },
        }
    }

    /// The action log's line for this entry.
    pub fn record(&self, now_secs: i64) -> ActionRecord {
        let (result, finished_secs) = match self.stage(now_secs) {
            Stage::Sending | Stage::Pending | Stage::Sent => (ActionResult::Pending, None),
            Stage::Done { at_secs } => (ActionResult::Done, Some(at_secs)),
            Stage::Failed { at_secs, reason } => (ActionResult::Failed(reason), Some(at_secs)),
            Stage::NotSent => (ActionResult::NotSent, Some(self.started_secs)),
        };
        ActionRecord {
            operator: self.operator.upn.clone(),
            action: self.action,
            device_id: self.target.device_id.clone(),
            device_name: self.target.device_name.clone(),
            user: self.target.user_principal_name.clone().unwrap_or_default(),
            started_secs: self.started_secs,
            finished_secs,
            result,
        }
    }
}

/// What the session's results change on one device.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DeviceOverlay {
    pub last_sync_secs: Option<i64>,
    pub management_state: Option<&'static str>,
    /// Retired or wiped out of Intune: no longer one of the user's devices.
    pub removed: bool,
}

/// Device id → what changed on it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Overlay(pub BTreeMap<String, DeviceOverlay>);

impl Overlay {
    pub fn device(&self, device_id: &str) -> Option<&DeviceOverlay> {
        self.0.get(device_id)
    }

    /// The user's devices with the session's results applied: check-ins, management states, removals.
    pub fn apply(&self, records: &[DeviceRecord]) -> Vec<DeviceRecord> {
        records
            .iter()
            .filter(|r| !self.device(&r.device.id).is_some_and(|o| o.removed))
            .map(|r| {
                let mut record = r.clone();
                if let Some(changed) = self.device(&r.device.id) {
                    if let Some(at) = changed.last_sync_secs {
                        record.device.last_sync_date_time = Some(format_iso(at));
                    }
                    if let Some(state) = changed.management_state {
                        record.device.management_state = Some(state.to_string());
                    }
                }
                record
            })
            .collect()
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct ActionBook {
    entries: Vec<Entry>,
    next_id: u64,
}

impl ActionBook {
    /// Records a click; `None` when the same action is still open on that device (a double click, or a
    /// second operator's click while the first is pending): it is not sent twice.
    pub fn begin(
        &mut self,
        operator: Operator,
        action: DeviceAction,
        options: ActionOptions,
        target: ActionTarget,
        now_secs: i64,
    ) -> Option<u64> {
        let busy = self
            .entries
            .iter()
            .any(|e| e.action == action && e.target.device_id == target.device_id && e.is_open(now_secs));
        if busy {
            return None;
        }
        self.next_id += 1;
        let id = self.next_id;
        self.entries.push(Entry {
            id,
            operator,
            action,
            options,
            target,
            started_secs: now_secs,
            progress: Progress::Sending,
        });
        Some(id)
    }

    /// Graph's answer to entry `id`, received at `now_secs`. Where the device's part is simulated, an accepted
    /// action is then played out by the simulation, compressed so the demo takes seconds.
    pub fn settle(&mut self, id: u64, answer: Result<(), ApiError>, delivery: ActionDelivery, now_secs: i64) {
        let Some(entry) = self.entries.iter_mut().find(|e| e.id == id) else { return };
        entry.progress = match answer {
            Err(error) => Progress::NotSent(error),
            Ok(()) if delivery == ActionDelivery::Simulated => {
                let seed = id.wrapping_mul(0x9e37_79b9) ^ entry.started_secs as u64;
                let run = simulate(entry.action, entry.options, &entry.target, now_secs, seed);
                Progress::Simulated(run.compressed(DEMO_COMPRESSION))
            }
            Ok(()) => Progress::Accepted,
        };
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    pub fn for_device<'a>(&'a self, device_id: &'a str) -> impl Iterator<Item = &'a Entry> + 'a {
        self.entries.iter().filter(move |e| e.target.device_id == device_id)
    }

    /// The device's latest entry: what its status line shows.
    pub fn latest<'a>(&'a self, device_id: &'a str) -> Option<&'a Entry> {
        self.for_device(device_id).last()
    }

    pub fn open_actions(&self, device_id: &str, now_secs: i64) -> Vec<DeviceAction> {
        self.for_device(device_id).filter(|e| e.is_open(now_secs)).map(|e| e.action).collect()
    }

    pub fn any_open(&self, now_secs: i64) -> bool {
        self.entries.iter().any(|e| e.is_open(now_secs))
    }

    /// The effects that have happened by `now_secs`, per device, later ones winning.
    pub fn overlay(&self, now_secs: i64) -> Overlay {
        let mut overlay = Overlay::default();
        for entry in &self.entries {
            let Progress::Simulated(run) = &entry.progress else { continue };
            for timed in run.effects_until(now_secs) {
                let device = overlay.0.entry(entry.target.device_id.clone()).or_default();
                match timed.effect {
                    DeviceEffect::CheckedIn => device.last_sync_secs = Some(timed.at_secs),
                    DeviceEffect::ManagementStateChanged(state) => device.management_state = Some(state.graph_name()),
                    DeviceEffect::RemovedFromUserDevices => device.removed = true,
                    _ => {}
                }
            }
        }
        overlay
    }

    /// Every entry as the action log shows it, oldest first.
    pub fn records(&self, now_secs: i64) -> Vec<ActionRecord> {
        self.entries.iter().map(|e| e.record(now_secs)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::backend::ActionDelivery::{Intune, Simulated};
    use crate::domain::device_actions::Platform;
    use crate::graph::ErrorKind;
    use crate::model::{ManagedDevice, OwnerType};

    const NOW: i64 = 1_795_165_200;

    fn felix() -> Operator {
        Operator { name: "Felix Köhler".into(), upn: "felix.kohler@aurora-logistics.example".into() }
    }

    fn laptop(id: &str, silent_days: i64) -> ActionTarget {
        ActionTarget {
            device_id: id.into(),
            device_name: format!("AUR-LT-{id}"),
            user_principal_name: Some("sanne.devries@aurora-logistics.example".into()),
            platform: Platform::Windows,
            owner: OwnerType::Company,
            last_sync_secs: Some(NOW - silent_days * 86_400),
            ..ActionTarget::default()
        }
    }

    fn refused() -> ApiError {
        ApiError::from_status(403, r#"{"error":{"code":"Forbidden","message":"no"}}"#, None, None)
    }

    #[test]
    fn a_double_click_sends_once_and_a_settled_action_can_be_sent_again() {
        let mut book = ActionBook::default();
        let first = book.begin(felix(), DeviceAction::Sync, ActionOptions::default(), laptop("1", 0), NOW);
        assert!(first.is_some());
        assert_eq!(book.begin(felix(), DeviceAction::Sync, ActionOptions::default(), laptop("1", 0), NOW), None);
        assert!(book.begin(felix(), DeviceAction::Restart, ActionOptions::default(), laptop("1", 0), NOW).is_some());
        assert!(book.begin(felix(), DeviceAction::Sync, ActionOptions::default(), laptop("2", 0), NOW).is_some());
        book.settle(first.unwrap(), Err(refused()), Simulated, NOW + 1);
        assert_eq!(book.entries()[0].stage(NOW + 1), Stage::NotSent);
        assert!(book.begin(felix(), DeviceAction::Sync, ActionOptions::default(), laptop("1", 0), NOW + 2).is_some());
        assert_eq!(book.entries().len(), 4);
    }

    #[test]
    fn a_demo_sync_is_pending_then_done_and_updates_the_check_in() {
        let mut book = ActionBook::default();
        let id = book.begin(felix(), DeviceAction::Sync, ActionOptions::default(), laptop("1", 2), NOW).unwrap();
        assert_eq!(book.entries()[0].stage(NOW), Stage::Sending);
        assert_eq!(book.open_actions("1", NOW), [DeviceAction::Sync]);
        book.settle(id, Ok(()), Simulated, NOW);
        let entry = &book.entries()[0];
        assert_eq!(entry.stage(NOW), Stage::Pending);
        let Stage::Done { at_secs } = entry.stage(NOW + 10) else { panic!("{:?}", entry.stage(NOW + 10)) };
        assert!((NOW + 1..=NOW + 4).contains(&at_secs), "compressed into seconds: {}", at_secs - NOW);
        assert!(!book.any_open(at_secs));
        assert_eq!(book.overlay(at_secs).device("1").unwrap().last_sync_secs, Some(at_secs));
        assert_eq!(book.overlay(NOW), Overlay::default(), "nothing changes before the device answers");
        let record = entry.record(at_secs);
        assert_eq!((record.result, record.finished_secs), (ActionResult::Done, Some(at_secs)));
        assert_eq!(record.operator, "felix.kohler@aurora-logistics.example");
    }

    #[test]
    fn an_offline_device_fails_and_a_retired_one_leaves_the_list() {
        let mut book = ActionBook::default();
        let restart =
            book.begin(felix(), DeviceAction::Restart, ActionOptions::default(), laptop("old", 33), NOW).unwrap();
        let retire = book.begin(felix(), DeviceAction::Retire, ActionOptions::default(), laptop("1", 0), NOW).unwrap();
        book.settle(restart, Ok(()), Simulated, NOW);
        book.settle(retire, Ok(()), Simulated, NOW);
        let later = NOW + 120;
        assert!(matches!(
            book.entries()[0].stage(later),
            Stage::Failed { reason: FailureReason::DeviceDidNotConfirm, .. }
        ));
        assert_eq!(book.overlay(NOW).device("1").unwrap().management_state, Some("retirePending"));
        assert!(book.overlay(later).device("1").unwrap().removed);

        let record = |id: &str| DeviceRecord {
            device: ManagedDevice { id: id.into(), ..ManagedDevice::default() },
            compliance: vec![],
            configuration: vec![],
            groups: None,
        };
        let devices = [record("1"), record("old"), record("3")];
        let pending: Vec<_> = book.overlay(NOW).apply(&devices);
        assert_eq!(pending[0].device.management_state.as_deref(), Some("retirePending"));
        let after: Vec<String> = book.overlay(later).apply(&devices).into_iter().map(|r| r.device.id).collect();
        assert_eq!(after, ["old", "3"]);
    }

    #[test]
    fn rest_mode_sends_without_simulating_or_blocking_a_resend() {
        let mut book = ActionBook::default();
        let id = book.begin(Operator::default(), DeviceAction::Sync, ActionOptions::default(), laptop("1", 0), NOW);
        book.settle(id.unwrap(), Ok(()), Intune, NOW);
        assert_eq!(book.entries()[0].stage(NOW + 600), Stage::Sent);
        assert_eq!(book.records(NOW)[0].result, ActionResult::Pending);
        assert!(book
            .begin(Operator::default(), DeviceAction::Sync, ActionOptions::default(), laptop("1", 0), NOW)
            .is_some());
        let mut failed = ActionBook::default();
        let id = failed.begin(felix(), DeviceAction::Wipe, ActionOptions::default(), laptop("1", 0), NOW).unwrap();
        failed.settle(id, Err(refused()), Simulated, NOW);
        assert_eq!(failed.entries()[0].error().map(|e| e.kind), Some(ErrorKind::Forbidden));
        assert_eq!(failed.records(NOW)[0].result, ActionResult::NotSent);
        assert!(failed.overlay(NOW + 999).0.is_empty(), "a wipe that was not sent changes nothing");
    }
}
