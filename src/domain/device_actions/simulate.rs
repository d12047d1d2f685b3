//! Demo mode's stand-in for a device receiving an action: pure and deterministic for a seed. An action is
//! pending until the device confirms, then done (with its effect on the device) or failed. Timings follow what
//! Intune documents or operators see: a sync lands within minutes, Restart waits out a 5-minute timer, Fresh
//! Start and diagnostics take tens of minutes. A device that has not checked in for a week is treated as
//! offline: it never confirms, so a lock stays pending past the expected time and then fails, and a retire or
//! wipe stays pending (as in Intune, where it waits for the next check-in).

use super::catalogue::DeviceAction;
use super::platforms::supports;
use super::request::ActionOptions;
use super::target::ActionTarget;

/// Without a check-in for this long, a device is treated as offline.
pub const OFFLINE_AFTER_SECS: i64 = 7 * 86_400;

/// `deviceActionResults[].actionState`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActionState {
    None,
    Pending,
    Canceled,
    Active,
    Done,
    Failed,
    NotSupported,
}

impl ActionState {
    pub const ALL: [ActionState; 7] = [
        ActionState::None,
        ActionState::Pending,
        ActionState::Canceled,
        ActionState::Active,
        ActionState::Done,
        ActionState::Failed,
        ActionState::NotSupported,
    ];

    pub fn graph_name(self) -> &'static str {
        match self {
            ActionState::None => "none",
            ActionState::Pending => "pending",
            ActionState::Canceled => "canceled",
            ActionState::Active => "active",
            ActionState::Done => "done",
            ActionState::Failed => "failed",
            ActionState::NotSupported => "notSupported",
        }
    }

    /// Unknown values read as `none`: nothing Tier1 should wait for.
    pub fn from_graph_name(name: &str) -> ActionState {
        ActionState::ALL.into_iter().find(|s| s.graph_name().eq_ignore_ascii_case(name)).unwrap_or(ActionState::None)
    }

    /// Still waiting for the device.
    pub fn is_open(self) -> bool {
        matches!(self, ActionState::Pending | ActionState::Active)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailureReason {
    /// The device never reported back within the time the action should take.
    DeviceDidNotConfirm,
    /// The device rejected the action (Graph reports `notSupported`).
    NotSupported,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Done {
        at_secs: i64,
    },
    Failed {
        at_secs: i64,
        reason: FailureReason,
    },
    /// Never completes in the session: the device is offline and the action waits for its next check-in.
    StaysPending,
}

/// `managedDevice.managementState` values the simulation sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ManagementState {
    Managed,
    RetirePending,
    WipePending,
}

impl ManagementState {
    pub fn graph_name(self) -> &'static str {
        match self {
            ManagementState::Managed => "managed",
            ManagementState::RetirePending => "retirePending",
            ManagementState::WipePending => "wipePending",
        }
    }
}

/// A change to the device the screen should show once it happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeviceEffect {
    /// The device checked in: `lastSyncDateTime` becomes the effect's time.
    CheckedIn,
    ManagementStateChanged(ManagementState),
    /// Retired or wiped out of Intune: the device leaves the user's device list.
    RemovedFromUserDevices,
    Restarted,
    Locked,
    PasscodeReset,
    LocationReported,
    ScanCompleted,
    DiagnosticsUploaded,
    AppsRemoved,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimedEffect {
    pub at_secs: i64,
    pub effect: DeviceEffect,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SimulatedRun {
    pub action: DeviceAction,
    pub device_id: String,
    pub started_secs: i64,
    /// When a device that is online would have confirmed at the latest.
    pub expected_by_secs: i64,
    pub outcome: Outcome,
    /// In time order.
    pub effects: Vec<TimedEffect>,
}

impl SimulatedRun {
    pub fn state_at(&self, now_secs: i64) -> ActionState {
        if now_secs < self.started_secs {
            return ActionState::None;
        }
        match self.outcome {
            Outcome::Done { at_secs } if now_secs >= at_secs => ActionState::Done,
            Outcome::Failed { at_secs, reason } if now_secs >= at_secs => match reason {
                FailureReason::NotSupported => ActionState::NotSupported,
                FailureReason::DeviceDidNotConfirm => ActionState::Failed,
            },
            _ => ActionState::Pending,
        }
    }

    pub fn finished_secs(&self) -> Option<i64> {
        match self.outcome {
            Outcome::Done { at_secs } | Outcome::Failed { at_secs, .. } => Some(at_secs),
            Outcome::StaysPending => None,
        }
    }

    /// The effects that have happened by `now_secs`.
    pub fn effects_until(&self, now_secs: i64) -> impl Iterator<Item = &TimedEffect> {
        self.effects.iter().filter(move |e| e.at_secs <= now_secs)
    }

    /// The same run with every delay divided by `factor`, so a demo need not wait real minutes.
    pub fn compressed(&self, factor: i64) -> SimulatedRun {
        let factor = factor.max(1);
        let start = self.started_secs;
        let squeeze = |at: i64| start + ((at - start) / factor).max(1);
        SimulatedRun {
            expected_by_secs: squeeze(self.expected_by_secs),
            outcome: match self.outcome {
                Outcome::Done { at_secs } => Outcome::Done { at_secs: squeeze(at_secs) },
                Outcome::Failed { at_secs, reason } => Outcome::Failed { at_secs: squeeze(at_secs), reason },
                Outcome::StaysPending => Outcome::StaysPending,
            },
            effects: self
                .effects
                .iter()
                .map(|e| TimedEffect { at_secs: if e.at_secs == start { start } else { squeeze(e.at_secs) }, ..*e })
                .collect(),
            ..self.clone()
        }
    }
}

/// (fastest confirmation, extra spread) in seconds for a device that is online.
fn timing(action: DeviceAction) -> (i64, i64) {
    match action {
        DeviceAction::Sync => (45, 150),
        // The device shows a 5-minute restart notice, then reboots and checks in.
        DeviceAction::Restart => (330, 180),
        DeviceAction::RemoteLock => (20, 70),
        DeviceAction::ResetPasscode => (40, 140),
        DeviceAction::Retire | DeviceAction::Wipe => (90, 510),
        DeviceAction::FreshStart => (1200, 1200),
        DeviceAction::Locate => (30, 90),
        DeviceAction::DefenderQuickScan => (300, 600),
        DeviceAction::CollectDiagnostics => (600, 1200),
    }
}

/// What the action does to the device once it is done.
fn done_effects(action: DeviceAction, options: ActionOptions) -> Vec<DeviceEffect> {
    use DeviceEffect::*;
    match action {
        DeviceAction::Sync => vec![CheckedIn],
        DeviceAction::Restart => vec![Restarted, CheckedIn],
        DeviceAction::RemoteLock => vec![Locked, CheckedIn],
        DeviceAction::ResetPasscode => vec![PasscodeReset, CheckedIn],
        DeviceAction::Retire => vec![RemovedFromUserDevices],
        DeviceAction::Wipe if options.keep_enrollment_data => {
            vec![ManagementStateChanged(ManagementState::Managed), CheckedIn]
        }
        DeviceAction::Wipe => vec![RemovedFromUserDevices],
        DeviceAction::FreshStart => vec![AppsRemoved, CheckedIn],
        DeviceAction::Locate => vec![LocationReported, CheckedIn],
        DeviceAction::DefenderQuickScan => vec![ScanCompleted, CheckedIn],
        DeviceAction::CollectDiagnostics => vec![DiagnosticsUploaded, CheckedIn],
    }
}

/// Intune marks the device as soon as a retire or wipe is issued.
fn start_effect(action: DeviceAction) -> Option<DeviceEffect> {
    match action {
        DeviceAction::Retire => Some(DeviceEffect::ManagementStateChanged(ManagementState::RetirePending)),
        DeviceAction::Wipe => Some(DeviceEffect::ManagementStateChanged(ManagementState::WipePending)),
        _ => None,
    }
}

/// How `action`, sent at `started_secs`, plays out on `target`. The seed varies the timings only; failures
/// follow from the device (offline, or not supporting the action), so a demo story always ends the same way.
pub fn simulate(
    action: DeviceAction,
    options: ActionOptions,
    target: &ActionTarget,
    started_secs: i64,
    seed: u64,
) -> SimulatedRun {
    let (fastest, spread) = timing(action);
    let expected_by_secs = started_secs + fastest + spread;
    let jitter = (random(seed, action, &target.device_id) % spread as u64) as i64;
    if !supports(action, target) {
        let outcome = Outcome::Failed { at_secs: started_secs + 5 + jitter % 10, reason: FailureReason::NotSupported };
        let device_id = target.device_id.clone();
        return SimulatedRun { action, device_id, started_secs, expected_by_secs, outcome, effects: Vec::new() };
    }
    let mut effects: Vec<TimedEffect> =
        start_effect(action).map(|effect| TimedEffect { at_secs: started_secs, effect }).into_iter().collect();
    let offline = target.silent_for(started_secs).is_some_and(|silent| silent > OFFLINE_AFTER_SECS);
    let outcome = if offline && action.is_destructive() {
        Outcome::StaysPending
    } else if offline {
        // Stays pending for twice the expected time, then gives up.
        Outcome::Failed {
            at_secs: expected_by_secs + fastest + spread + jitter,
            reason: FailureReason::DeviceDidNotConfirm,
        }
    } else {
        let at_secs = started_secs + fastest + jitter;
        effects.extend(done_effects(action, options).into_iter().map(|effect| TimedEffect { at_secs, effect }));
        Outcome::Done { at_secs }
    };
    SimulatedRun { action, device_id: target.device_id.clone(), started_secs, expected_by_secs, outcome, effects }
}

/// splitmix64 over the seed, the action and the device, so runs differ per device but repeat per seed.
fn random(seed: u64, action: DeviceAction, device_id: &str) -> u64 {
    let device_hash =
        device_id.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ b as u64).wrapping_mul(0x0100_0000_01b3));
    let mut z = seed ^ device_hash ^ (action as u64 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::device_platform::Platform;
    use crate::model::OwnerType;

    const NOW: i64 = 1_795_165_200;

    fn iphone(days_silent: i64) -> ActionTarget {
        ActionTarget {
            device_id: "d1".into(),
            platform: Platform::Ios,
            owner: OwnerType::Company,
            supervised: Some(true),
            last_sync_secs: Some(NOW - days_silent * 86_400),
            ..ActionTarget::default()
        }
    }

    #[test]
    fn action_states_round_trip() {
        for state in ActionState::ALL {
            assert_eq!(ActionState::from_graph_name(state.graph_name()), state);
        }
        assert_eq!(ActionState::from_graph_name("somethingNew"), ActionState::None);
    }

    #[test]
    fn online_lock_is_pending_then_done() {
        let run = simulate(DeviceAction::RemoteLock, ActionOptions::default(), &iphone(0), NOW, 7);
        let Outcome::Done { at_secs } = run.outcome else { panic!("{run:?}") };
        assert!((NOW + 20..NOW + 90).contains(&at_secs));
        assert_eq!(run.state_at(NOW - 1), ActionState::None);
        assert_eq!(run.state_at(NOW), ActionState::Pending);
        assert_eq!(run.state_at(at_secs), ActionState::Done);
        let effects: Vec<_> = run.effects_until(at_secs).map(|e| e.effect).collect();
        assert_eq!(effects, [DeviceEffect::Locked, DeviceEffect::CheckedIn]);
    }

    #[test]
    fn offline_lock_outlives_its_expected_time_then_fails() {
        let run = simulate(DeviceAction::RemoteLock, ActionOptions::default(), &iphone(8), NOW, 7);
        assert_eq!(run.expected_by_secs, NOW + 90);
        assert_eq!(run.state_at(run.expected_by_secs + 1), ActionState::Pending);
        let failed_at = run.finished_secs().unwrap();
        assert!(failed_at >= NOW + 180, "fails only after twice the expected time: {failed_at}");
        assert_eq!(run.outcome, Outcome::Failed { at_secs: failed_at, reason: FailureReason::DeviceDidNotConfirm });
        assert_eq!(run.state_at(failed_at), ActionState::Failed);
        assert!(run.effects.is_empty(), "an offline device does not change");
    }

    #[test]
    fn offline_retire_waits_for_the_device() {
        let run = simulate(DeviceAction::Retire, ActionOptions::default(), &iphone(30), NOW, 1);
        assert_eq!(run.outcome, Outcome::StaysPending);
        assert_eq!(run.state_at(NOW + 86_400), ActionState::Pending);
        assert_eq!(
            run.effects,
            [TimedEffect {
                at_secs: NOW,
                effect: DeviceEffect::ManagementStateChanged(ManagementState::RetirePending)
            }]
        );
    }

    #[test]
    fn unsupported_action_is_reported_as_such() {
        let run = simulate(DeviceAction::FreshStart, ActionOptions::default(), &iphone(0), NOW, 1);
        assert_eq!(run.state_at(NOW + 60), ActionState::NotSupported);
        let mac = ActionTarget { platform: Platform::MacOs, ..iphone(0) };
        let locate = simulate(DeviceAction::Locate, ActionOptions::default(), &mac, NOW, 1);
        assert_eq!(locate.state_at(NOW + 60), ActionState::NotSupported);
        let tv = ActionTarget { platform: Platform::Other, ..iphone(0) };
        assert!(simulate(DeviceAction::Retire, ActionOptions::default(), &tv, NOW, 1).effects.is_empty());
    }

    #[test]
    fn compression_keeps_order_and_start() {
        let run = simulate(DeviceAction::Restart, ActionOptions::default(), &iphone(0), NOW, 3);
        let quick = run.compressed(60);
        assert_eq!(quick.started_secs, NOW);
        let done = quick.finished_secs().unwrap();
        assert!(done > NOW && done <= NOW + 9, "{done}");
        assert!(quick.effects.iter().all(|e| e.at_secs == done));
        assert_eq!(quick.expected_by_secs, NOW + 8);
    }
}
