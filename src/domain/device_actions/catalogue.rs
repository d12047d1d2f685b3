//! The ten device actions Tier1 offers, with their Graph call and RBAC permission (reference §1.7;
//! `Microsoft.Intune_RemoteTasks_*` identifiers as Intune's role definitions list them).

use crate::domain::rbac::{Action, Permission};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DeviceAction {
    Sync,
    Restart,
    RemoteLock,
    ResetPasscode,
    Retire,
    Wipe,
    FreshStart,
    Locate,
    DefenderQuickScan,
    CollectDiagnostics,
}

/// An option the operator may set before confirming.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActionOption {
    KeepEnrollmentData,
    KeepUserData,
}

impl DeviceAction {
    pub const ALL: [DeviceAction; 10] = [
        DeviceAction::Sync,
        DeviceAction::Restart,
        DeviceAction::RemoteLock,
        DeviceAction::ResetPasscode,
        DeviceAction::Retire,
        DeviceAction::Wipe,
        DeviceAction::FreshStart,
        DeviceAction::Locate,
        DeviceAction::DefenderQuickScan,
        DeviceAction::CollectDiagnostics,
    ];

    /// The action's segment in `POST /deviceManagement/managedDevices/{id}/<action>`.
    pub fn graph_action(self) -> &'static str {
        match self {
            DeviceAction::Sync => "syncDevice",
            DeviceAction::Restart => "rebootNow",
            DeviceAction::RemoteLock => "remoteLock",
            DeviceAction::ResetPasscode => "resetPasscode",
            DeviceAction::Retire => "retire",
            DeviceAction::Wipe => "wipe",
            DeviceAction::FreshStart => "cleanWindowsDevice",
            DeviceAction::Locate => "locateDevice",
            DeviceAction::DefenderQuickScan => "windowsDefenderScan",
            DeviceAction::CollectDiagnostics => "createDeviceLogCollectionRequest",
        }
    }

    /// Graph offers the action only in its beta API (the Graph layer picks the version from this).
    /// Collect diagnostics: v1.0 has the logCollectionRequests navigation but not the action.
    pub fn beta_only(self) -> bool {
        self == DeviceAction::CollectDiagnostics
    }

    /// Path below the version: `deviceManagement/managedDevices/{id}/rebootNow`.
    pub fn path(self, managed_device_id: &str) -> String {
        format!("deviceManagement/managedDevices/{managed_device_id}/{}", self.graph_action())
    }

    /// `deviceActionResults[].actionName` for this action. Graph reports the action's own name (e.g.
    /// `remoteLock`); diagnostics are also tracked in `logCollectionRequests`.
    pub fn result_action_name(self) -> &'static str {
        self.graph_action()
    }

    pub fn from_result_action_name(name: &str) -> Option<DeviceAction> {
        DeviceAction::ALL.into_iter().find(|a| a.result_action_name().eq_ignore_ascii_case(name))
    }

    /// The remote task permission Intune checks (the role editor's "Remote tasks" names in comments).
    pub fn permission(self) -> Permission {
        Permission::remote_task(match self {
            DeviceAction::Sync => Action::SyncDevice,
            DeviceAction::Restart => Action::RebootNow,
            DeviceAction::RemoteLock => Action::RemoteLock,
            DeviceAction::ResetPasscode => Action::ResetPasscode,
            DeviceAction::Retire => Action::Retire,
            DeviceAction::Wipe => Action::Wipe,
            // "Clean PC"
            DeviceAction::FreshStart => Action::CleanPC,
            DeviceAction::Locate => Action::LocateDevice,
            // "Windows defender"
            DeviceAction::DefenderQuickScan => Action::WindowsDefender,
            // "Collect diagnostics"
            DeviceAction::CollectDiagnostics => Action::DeviceLogs,
        })
    }

    /// Removes data or management from the device: the operator must type the device name to confirm.
    pub fn is_destructive(self) -> bool {
        matches!(self, DeviceAction::Retire | DeviceAction::Wipe | DeviceAction::FreshStart)
    }

    /// Safe to send again automatically after a timeout or a retryable error, because a second request
    /// asks for the same outcome: another check-in, another location report, another quick scan.
    /// Not the others: a restart or lock twice interrupts the user twice, a second passcode reset
    /// invalidates the passcode the operator just read out, retire/wipe/Fresh Start must never be sent
    /// by anyone but the operator, and each diagnostics request creates a new collection (a device keeps
    /// at most 10), so a retry after an ambiguous failure could leave duplicates.
    pub fn is_idempotent(self) -> bool {
        matches!(self, DeviceAction::Sync | DeviceAction::Locate | DeviceAction::DefenderQuickScan)
    }

    /// Options the confirmation offers (Windows only: other platforms ignore them).
    pub fn options(self) -> &'static [ActionOption] {
        match self {
            DeviceAction::Wipe => &[ActionOption::KeepEnrollmentData, ActionOption::KeepUserData],
            DeviceAction::FreshStart => &[ActionOption::KeepUserData],
            _ => &[],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_and_versions() {
        assert_eq!(DeviceAction::Restart.path("d1"), "deviceManagement/managedDevices/d1/rebootNow");
        assert!(DeviceAction::CollectDiagnostics.beta_only());
        let v1 = DeviceAction::ALL.iter().filter(|a| !a.beta_only()).count();
        assert_eq!(v1, 9);
    }

    #[test]
    fn action_names_round_trip() {
        for action in DeviceAction::ALL {
            assert_eq!(DeviceAction::from_result_action_name(action.result_action_name()), Some(action));
        }
        assert_eq!(DeviceAction::from_result_action_name("RemoteLock"), Some(DeviceAction::RemoteLock));
        assert_eq!(DeviceAction::from_result_action_name("shutDown"), None);
    }

    #[test]
    fn only_sync_locate_and_scan_are_retried() {
        let retried: Vec<_> = DeviceAction::ALL.into_iter().filter(|a| a.is_idempotent()).collect();
        assert_eq!(retried, [DeviceAction::Sync, DeviceAction::Locate, DeviceAction::DefenderQuickScan]);
        assert!(DeviceAction::ALL.iter().all(|a| !(a.is_destructive() && a.is_idempotent())));
    }
}
