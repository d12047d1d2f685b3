//! Human names for Intune permissions and device actions, beside the identifiers Intune uses, so an operator
//! can read "Remote tasks: Wipe" and still quote `Microsoft.Intune_RemoteTasks_Wipe` to an administrator.

use crate::domain::device_actions::DeviceAction;
use crate::domain::rbac::{Action, Permission, Resource};
use crate::i18n::{Key, Locale};

pub fn resource_key(resource: Resource) -> Key {
    match resource {
        Resource::Audit => Key::ResAudit,
        Resource::DeviceCompliancePolices => Key::ResDeviceCompliancePolices,
        Resource::DeviceConfigurations => Key::ResDeviceConfigurations,
        Resource::DeviceEnrollmentManagers => Key::ResDeviceEnrollmentManagers,
        Resource::ManagedApps => Key::ResManagedApps,
        Resource::ManagedDevices => Key::ResManagedDevices,
        Resource::MobileApps => Key::ResMobileApps,
        Resource::Organization => Key::ResOrganization,
        Resource::RemoteTasks => Key::ResRemoteTasks,
        Resource::Roles => Key::ResRoles,
    }
}

/// The role editor's name for an action (its "Remote tasks" names for remote tasks).
pub fn action_key(action: Action) -> Key {
    use Action::*;
    match action {
        Read => Key::PermRead,
        ViewReports => Key::PermViewReports,
        Create => Key::PermCreate,
        Update => Key::PermUpdate,
        Delete => Key::PermDelete,
        Assign => Key::PermAssign,
        SetPrimaryUser => Key::PermSetPrimaryUser,
        Wipe => Key::PermWipe,
        ActivateDeviceEsim => Key::PermActivateDeviceEsim,
        ChangeAssignments => Key::PermChangeAssignments,
        CleanPC => Key::PermCleanPC,
        ConfigurationManagerAction => Key::PermConfigurationManagerAction,
        CustomNotification => Key::PermCustomNotification,
        DeviceLogs => Key::PermDeviceLogs,
        DisableLostMode => Key::PermDisableLostMode,
        EnableLostMode => Key::PermEnableLostMode,
        EnableWindowsIntuneAgent => Key::PermEnableWindowsIntuneAgent,
        GetFileVaultKey => Key::PermGetFileVaultKey,
        InitiateDeviceAttestation => Key::PermInitiateDeviceAttestation,
        InitiateMDMKeyRecovery => Key::PermInitiateMDMKeyRecovery,
        LocateDevice => Key::PermLocateDevice,
        ManageSharedDeviceUsers => Key::PermManageSharedDeviceUsers,
        OnDemandProactiveRemediation => Key::PermOnDemandProactiveRemediation,
        PlayLostModeSound => Key::PermPlayLostModeSound,
        RebootNow => Key::PermRebootNow,
        RemoteLock => Key::PermRemoteLock,
        RequestRemoteAssistance => Key::PermRequestRemoteAssistance,
        ResetPasscode => Key::PermResetPasscode,
        Retire => Key::PermRetire,
        RevokeAppleVppLicenses => Key::PermRevokeAppleVppLicenses,
        RotateBitLockerKeys => Key::PermRotateBitLockerKeys,
        RotateFileVaultKey => Key::PermRotateFileVaultKey,
        SetDeviceName => Key::PermSetDeviceName,
        ShutDown => Key::PermShutDown,
        SyncDevice => Key::PermSyncDevice,
        UpdateDeviceAccount => Key::PermUpdateDeviceAccount,
        WindowsDefender => Key::PermWindowsDefender,
    }
}

/// "Label: value", with the no-break space French puts before a colon.
pub fn labelled(locale: Locale, label: &str, value: &str) -> String {
    let colon = if locale == Locale::Fr { "\u{a0}: " } else { ": " };
    format!("{label}{colon}{value}")
}

/// "Managed devices: Read".
pub fn permission_name(locale: Locale, permission: Permission) -> String {
    labelled(locale, locale.text(resource_key(permission.resource)), locale.text(action_key(permission.action)))
}

/// A device action's button label. Where the portal's button and the role editor's permission read the same,
/// they share a key.
pub fn device_action_key(action: DeviceAction) -> Key {
    match action {
        DeviceAction::Sync => Key::ActSync,
        DeviceAction::Restart => Key::ActRestart,
        DeviceAction::RemoteLock => Key::PermRemoteLock,
        DeviceAction::ResetPasscode => Key::PermResetPasscode,
        DeviceAction::Retire => Key::PermRetire,
        DeviceAction::Wipe => Key::PermWipe,
        DeviceAction::FreshStart => Key::ActFreshStart,
        DeviceAction::Locate => Key::PermLocateDevice,
        DeviceAction::DefenderQuickScan => Key::ActDefenderScan,
        DeviceAction::CollectDiagnostics => Key::PermDeviceLogs,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_read_like_the_role_editor_in_each_language() {
        let wipe = Permission::remote_task(Action::Wipe);
        assert_eq!(permission_name(Locale::En, wipe), "Remote tasks: Wipe");
        assert_eq!(permission_name(Locale::Nl, Permission::MANAGED_DEVICES_READ), "Beheerde apparaten: Lezen");
        assert_eq!(permission_name(Locale::Fr, Permission::MANAGED_DEVICES_READ), "Appareils gérés\u{a0}: Lecture");
    }

    #[test]
    fn every_action_and_device_action_has_its_own_name() {
        let names: std::collections::BTreeSet<_> =
            Action::ALL.iter().map(|a| Locale::En.text(action_key(*a))).collect();
        assert_eq!(names.len(), Action::ALL.len());
        let buttons: std::collections::BTreeSet<_> =
            DeviceAction::ALL.iter().map(|a| Locale::En.text(device_action_key(*a))).collect();
        assert_eq!(buttons.len(), DeviceAction::ALL.len());
        assert_eq!(Locale::En.text(device_action_key(DeviceAction::Wipe)), "Wipe");
    }
}
