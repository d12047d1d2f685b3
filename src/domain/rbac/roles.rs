//! The roles the demo tenants use, as data: the built-in Help Desk Operator and Read Only Operator (the part
//! of their permissions Tier1 checks), a stand-in for the Intune Administrator, and the custom "Minimal
//! troubleshooting" role. The fixture generator writes the same lists; `tests/rbac.rs` checks they agree.

use super::permission::{Action, Permission, Resource};

use Action::*;
use Resource::*;

/// The roles Tier1 knows by heart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KnownRole {
    HelpDeskOperator,
    ReadOnlyOperator,
    IntuneAdministrator,
    MinimalTroubleshooting,
}

impl KnownRole {
    pub const ALL: [KnownRole; 4] = [
        KnownRole::HelpDeskOperator,
        KnownRole::ReadOnlyOperator,
        KnownRole::IntuneAdministrator,
        KnownRole::MinimalTroubleshooting,
    ];

    /// The role's `displayName` in Graph (built-in names are Intune's; the custom one is the demo tenant's).
    pub fn display_name(self) -> &'static str {
        match self {
            KnownRole::HelpDeskOperator => "Help Desk Operator",
            KnownRole::ReadOnlyOperator => "Read Only Operator",
            KnownRole::IntuneAdministrator => "Intune Administrator",
            KnownRole::MinimalTroubleshooting => "Minimal troubleshooting",
        }
    }

    pub fn is_built_in(self) -> bool {
        self != KnownRole::MinimalTroubleshooting
    }

    /// `allowedResourceActions` as the role definition lists them.
    pub fn allowed_resource_actions(self) -> Vec<String> {
        match self {
            // Intune Administrator is an Entra directory role (`microsoft.intune/allEntities/allTasks`), not an
            // Intune role definition; the demo tenant models it as one role granting everything.
            KnownRole::IntuneAdministrator => vec!["Microsoft.Intune_*".to_string()],
            _ => self.permissions().iter().map(Permission::to_string).collect(),
        }
    }

    /// The explicit permissions; empty for the administrator, whose grant is a wildcard.
    pub fn permissions(self) -> &'static [Permission] {
        match self {
            KnownRole::HelpDeskOperator => HELP_DESK_OPERATOR,
            KnownRole::ReadOnlyOperator => READ_ONLY_OPERATOR,
            KnownRole::IntuneAdministrator => &[],
            KnownRole::MinimalTroubleshooting => MINIMAL_TROUBLESHOOTING,
        }
    }
}

const fn p(resource: Resource, action: Action) -> Permission {
    Permission::new(resource, action)
}

/// Help Desk Operator, from the built-in role reference (ref-built-in-roles, 2026-02-04): the reads Tier1's
/// views need, the non-read permissions on devices and apps, and every remote task the reference lists.
/// Left out: resources Tier1 never touches (Android FOTA, Cloud attach, Remote Help app, …) and the two
/// Managed Home Screen tasks, whose permission identifiers could not be confirmed.
pub const HELP_DESK_OPERATOR: &[Permission] = &[
    p(Audit, Read),
    p(DeviceCompliancePolices, Read),
    p(DeviceCompliancePolices, ViewReports),
    p(DeviceConfigurations, Read),
    p(DeviceConfigurations, ViewReports),
    p(DeviceEnrollmentManagers, Read),
    p(ManagedApps, Assign),
    p(ManagedApps, Read),
    p(ManagedApps, Wipe),
    p(ManagedDevices, Read),
    p(ManagedDevices, SetPrimaryUser),
    p(ManagedDevices, Update),
    p(ManagedDevices, ViewReports),
    p(MobileApps, Assign),
    p(MobileApps, Read),
    p(Organization, Read),
    p(Roles, Read),
    p(RemoteTasks, ActivateDeviceEsim),
    p(RemoteTasks, ChangeAssignments),
    p(RemoteTasks, CleanPC),
    p(RemoteTasks, ConfigurationManagerAction),
    p(RemoteTasks, CustomNotification),
    p(RemoteTasks, DeviceLogs),
    p(RemoteTasks, DisableLostMode),
    p(RemoteTasks, EnableLostMode),
    p(RemoteTasks, EnableWindowsIntuneAgent),
    p(RemoteTasks, GetFileVaultKey),
    p(RemoteTasks, InitiateDeviceAttestation),
    p(RemoteTasks, InitiateMDMKeyRecovery),
    p(RemoteTasks, LocateDevice),
    p(RemoteTasks, ManageSharedDeviceUsers),
    p(RemoteTasks, OnDemandProactiveRemediation),
    p(RemoteTasks, PlayLostModeSound),
    p(RemoteTasks, RebootNow),
    p(RemoteTasks, RemoteLock),
    p(RemoteTasks, RequestRemoteAssistance),
    p(RemoteTasks, ResetPasscode),
    p(RemoteTasks, Retire),
    p(RemoteTasks, RevokeAppleVppLicenses),
    p(RemoteTasks, RotateBitLockerKeys),
    p(RemoteTasks, RotateFileVaultKey),
    p(RemoteTasks, SetDeviceName),
    p(RemoteTasks, ShutDown),
    p(RemoteTasks, SyncDevice),
    p(RemoteTasks, UpdateDeviceAccount),
    p(RemoteTasks, WindowsDefender),
    p(RemoteTasks, Wipe),
];

/// Read Only Operator: the read and view-reports permissions on the same resources, no remote task.
pub const READ_ONLY_OPERATOR: &[Permission] = &[
    p(Audit, Read),
    p(DeviceCompliancePolices, Read),
    p(DeviceCompliancePolices, ViewReports),
    p(DeviceConfigurations, Read),
    p(DeviceConfigurations, ViewReports),
    p(DeviceEnrollmentManagers, Read),
    p(ManagedApps, Read),
    p(ManagedDevices, Read),
    p(ManagedDevices, ViewReports),
    p(MobileApps, Read),
    p(Organization, Read),
    p(Roles, Read),
];

/// The custom role the help-desk documentation asks for to use the troubleshooting portal: "MobileApps:
/// Read, ManagedApps: Read, ManagedDevices: Read, Organization: Read, DeviceCompliancePolices: Read,
/// DeviceConfigurations: Read" (help-desk-operators.md, 2017; later versions list only the first four).
pub const MINIMAL_TROUBLESHOOTING: &[Permission] = &[
    Permission::MOBILE_APPS_READ,
    Permission::MANAGED_APPS_READ,
    Permission::MANAGED_DEVICES_READ,
    Permission::ORGANIZATION_READ,
    Permission::COMPLIANCE_POLICIES_READ,
    Permission::DEVICE_CONFIGURATIONS_READ,
];

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn lists_have_no_duplicates() {
        for role in KnownRole::ALL {
            let unique: BTreeSet<_> = role.permissions().iter().collect();
            assert_eq!(unique.len(), role.permissions().len(), "{role:?}");
        }
    }

    #[test]
    fn read_only_operator_reads_and_nothing_else() {
        assert!(READ_ONLY_OPERATOR.iter().all(|p| p.is_read_only() && !p.is_remote_task()));
        let help_desk: BTreeSet<_> = HELP_DESK_OPERATOR.iter().collect();
        assert!(READ_ONLY_OPERATOR.iter().all(|p| help_desk.contains(p)), "read-only is a subset of help desk");
    }

    #[test]
    fn help_desk_has_every_remote_task_tier1_offers() {
        for action in [SyncDevice, RebootNow, RemoteLock, ResetPasscode, Retire, Wipe, CleanPC, LocateDevice] {
            assert!(HELP_DESK_OPERATOR.contains(&Permission::remote_task(action)), "{action:?}");
        }
        assert!(HELP_DESK_OPERATOR.contains(&Permission::remote_task(WindowsDefender)));
        assert!(HELP_DESK_OPERATOR.contains(&Permission::remote_task(DeviceLogs)));
        assert_eq!(HELP_DESK_OPERATOR.iter().filter(|p| p.is_remote_task()).count(), 30);
    }

    #[test]
    fn minimal_role_is_six_reads() {
        let names: Vec<String> = KnownRole::MinimalTroubleshooting.allowed_resource_actions();
        assert_eq!(
            names,
            [
                "Microsoft.Intune_MobileApps_Read",
                "Microsoft.Intune_ManagedApps_Read",
                "Microsoft.Intune_ManagedDevices_Read",
                "Microsoft.Intune_Organization_Read",
                "Microsoft.Intune_DeviceCompliancePolices_Read",
                "Microsoft.Intune_DeviceConfigurations_Read",
            ]
        );
        assert!(!KnownRole::MinimalTroubleshooting.is_built_in());
        assert_eq!(KnownRole::IntuneAdministrator.allowed_resource_actions(), ["Microsoft.Intune_*"]);
    }
}
