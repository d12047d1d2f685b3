//! Intune permissions as role definitions spell them: `Microsoft.Intune_<Resource>_<Action>`. The names are
//! Intune's own, misspellings included (`DeviceCompliancePolices`, as in the role editor and the API).

use std::fmt;
use std::str::FromStr;

const PREFIX: &str = "Microsoft.Intune_";

/// The part of Intune a permission is about. Only the resources Tier1 reads or acts on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Resource {
    Audit,
    DeviceCompliancePolices,
    DeviceConfigurations,
    DeviceEnrollmentManagers,
    ManagedApps,
    ManagedDevices,
    MobileApps,
    Organization,
    RemoteTasks,
    Roles,
}

impl Resource {
    pub const ALL: [Resource; 10] = [
        Resource::Audit,
        Resource::DeviceCompliancePolices,
        Resource::DeviceConfigurations,
        Resource::DeviceEnrollmentManagers,
        Resource::ManagedApps,
        Resource::ManagedDevices,
        Resource::MobileApps,
        Resource::Organization,
        Resource::RemoteTasks,
        Resource::Roles,
    ];

    pub fn graph_name(self) -> &'static str {
        match self {
            Resource::Audit => "Audit",
            Resource::DeviceCompliancePolices => "DeviceCompliancePolices",
            Resource::DeviceConfigurations => "DeviceConfigurations",
            Resource::DeviceEnrollmentManagers => "DeviceEnrollmentManagers",
            Resource::ManagedApps => "ManagedApps",
            Resource::ManagedDevices => "ManagedDevices",
            Resource::MobileApps => "MobileApps",
            Resource::Organization => "Organization",
            Resource::RemoteTasks => "RemoteTasks",
            Resource::Roles => "Roles",
        }
    }

    fn from_graph_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.graph_name() == name)
    }
}

/// What may be done to a resource. Remote tasks are actions on `RemoteTasks`; `Wipe` is also a
/// `ManagedApps` action (selective wipe of app data).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Action {
    Read,
    ViewReports,
    Create,
    Update,
    Delete,
    Assign,
    SetPrimaryUser,
    Wipe,
    ActivateDeviceEsim,
    ChangeAssignments,
    CleanPC,
    ConfigurationManagerAction,
    CustomNotification,
    DeviceLogs,
    DisableLostMode,
    EnableLostMode,
    EnableWindowsIntuneAgent,
    GetFileVaultKey,
    InitiateDeviceAttestation,
    InitiateMDMKeyRecovery,
    LocateDevice,
    ManageSharedDeviceUsers,
    OnDemandProactiveRemediation,
    PlayLostModeSound,
    RebootNow,
    RemoteLock,
    RequestRemoteAssistance,
    ResetPasscode,
    Retire,
    RevokeAppleVppLicenses,
    RotateBitLockerKeys,
    RotateFileVaultKey,
    SetDeviceName,
    ShutDown,
    SyncDevice,
    UpdateDeviceAccount,
    WindowsDefender,
}

impl Action {
    pub const ALL: [Action; 37] = [
        Action::Read,
        Action::ViewReports,
        Action::Create,
        Action::Update,
        Action::Delete,
        Action::Assign,
        Action::SetPrimaryUser,
        Action::Wipe,
        Action::ActivateDeviceEsim,
        Action::ChangeAssignments,
        Action::CleanPC,
        Action::ConfigurationManagerAction,
        Action::CustomNotification,
        Action::DeviceLogs,
        Action::DisableLostMode,
        Action::EnableLostMode,
        Action::EnableWindowsIntuneAgent,
        Action::GetFileVaultKey,
        Action::InitiateDeviceAttestation,
        Action::InitiateMDMKeyRecovery,
        Action::LocateDevice,
        Action::ManageSharedDeviceUsers,
        Action::OnDemandProactiveRemediation,
        Action::PlayLostModeSound,
        Action::RebootNow,
        Action::RemoteLock,
        Action::RequestRemoteAssistance,
        Action::ResetPasscode,
        Action::Retire,
        Action::RevokeAppleVppLicenses,
        Action::RotateBitLockerKeys,
        Action::RotateFileVaultKey,
        Action::SetDeviceName,
        Action::ShutDown,
        Action::SyncDevice,
        Action::UpdateDeviceAccount,
        Action::WindowsDefender,
    ];

    /// The identifier in the permission string (Debug spelling is the Graph spelling).
    pub fn graph_name(self) -> String {
        format!("{self:?}")
    }

    fn from_graph_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.graph_name() == name)
    }
}

/// One Intune permission: a resource and an action on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Permission {
    pub resource: Resource,
    pub action: Action,
}

impl Permission {
    pub const fn new(resource: Resource, action: Action) -> Self {
        Self { resource, action }
    }

    pub const fn remote_task(action: Action) -> Self {
        Self::new(Resource::RemoteTasks, action)
    }

    pub const MOBILE_APPS_READ: Permission = Permission::new(Resource::MobileApps, Action::Read);
    pub const MANAGED_APPS_READ: Permission = Permission::new(Resource::ManagedApps, Action::Read);
    pub const MANAGED_DEVICES_READ: Permission = Permission::new(Resource::ManagedDevices, Action::Read);
    pub const ORGANIZATION_READ: Permission = Permission::new(Resource::Organization, Action::Read);
    pub const COMPLIANCE_POLICIES_READ: Permission = Permission::new(Resource::DeviceCompliancePolices, Action::Read);
    pub const DEVICE_CONFIGURATIONS_READ: Permission = Permission::new(Resource::DeviceConfigurations, Action::Read);

    pub fn is_remote_task(self) -> bool {
        self.resource == Resource::RemoteTasks
    }

    pub fn is_read_only(self) -> bool {
        matches!(self.action, Action::Read | Action::ViewReports)
    }
}

impl fmt::Display for Permission {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{PREFIX}{}_{:?}", self.resource.graph_name(), self.action)
    }
}

impl FromStr for Permission {
    type Err = ();

    fn from_str(text: &str) -> Result<Self, ()> {
        let (resource, action) = text.strip_prefix(PREFIX).and_then(|rest| rest.split_once('_')).ok_or(())?;
        let resource = Resource::from_graph_name(resource).ok_or(())?;
        let action = Action::from_graph_name(action).ok_or(())?;
        Ok(Permission::new(resource, action))
    }
}

/// One entry of a role's allowed (or not-allowed) list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Grant {
    /// `Microsoft.Intune_*`, or Entra's `microsoft.intune/allEntities/allTasks` (the Intune Administrator role).
    Everything,
    /// `Microsoft.Intune_RemoteTasks_*`.
    AllOf(Resource),
    Exactly(Permission),
    /// A permission Tier1 does not model (e.g. `Microsoft.Intune_AndroidFota_Read`): kept for display, grants
    /// nothing Tier1 checks.
    Other(String),
}

impl Grant {
    pub fn parse(text: &str) -> Grant {
        let text = text.trim();
        if text == "Microsoft.Intune_*" || text.eq_ignore_ascii_case("microsoft.intune/allEntities/allTasks") {
            return Grant::Everything;
        }
        if let Some(resource) = text.strip_prefix(PREFIX).and_then(|rest| rest.strip_suffix("_*")) {
            if let Some(resource) = Resource::from_graph_name(resource) {
                return Grant::AllOf(resource);
            }
        }
        text.parse().map(Grant::Exactly).unwrap_or_else(|()| Grant::Other(text.to_string()))
    }

    pub fn covers(&self, permission: Permission) -> bool {
        match self {
            Grant::Everything => true,
            Grant::AllOf(resource) => *resource == permission.resource,
            Grant::Exactly(granted) => *granted == permission,
            Grant::Other(_) => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_and_parses_intune_spelling() {
        let cases = [
            (Permission::MANAGED_DEVICES_READ, "Microsoft.Intune_ManagedDevices_Read"),
            (Permission::remote_task(Action::Wipe), "Microsoft.Intune_RemoteTasks_Wipe"),
            (Permission::remote_task(Action::SyncDevice), "Microsoft.Intune_RemoteTasks_SyncDevice"),
            (Permission::remote_task(Action::CleanPC), "Microsoft.Intune_RemoteTasks_CleanPC"),
            (
                Permission::remote_task(Action::InitiateMDMKeyRecovery),
                "Microsoft.Intune_RemoteTasks_InitiateMDMKeyRecovery",
            ),
            (Permission::COMPLIANCE_POLICIES_READ, "Microsoft.Intune_DeviceCompliancePolices_Read"),
            (Permission::DEVICE_CONFIGURATIONS_READ, "Microsoft.Intune_DeviceConfigurations_Read"),
        ];
        for (permission, text) in cases {
            assert_eq!(permission.to_string(), text);
            assert_eq!(text.parse::<Permission>(), Ok(permission));
        }
    }

    #[test]
    fn every_resource_action_pair_round_trips() {
        for resource in Resource::ALL {
            for action in Action::ALL {
                let permission = Permission::new(resource, action);
                assert_eq!(permission.to_string().parse::<Permission>(), Ok(permission));
            }
        }
    }

    #[test]
    fn rejects_what_is_not_an_intune_permission() {
        for text in [
            "",
            "Microsoft.Intune_ManagedDevices",
            "Microsoft.Intune_DeviceCompliancePolicies_Read", // the correct English is not Intune's spelling
            "microsoft.intune_ManagedDevices_Read",
            "Microsoft.Intune_ManagedDevices_Read_Extra",
            "microsoft.directory/users/standard/read",
        ] {
            assert!(text.parse::<Permission>().is_err(), "{text}");
        }
    }

    #[test]
    fn grants_cover_exactly_what_they_say() {
        let wipe = Permission::remote_task(Action::Wipe);
        assert!(Grant::parse("Microsoft.Intune_*").covers(wipe));
        assert!(Grant::parse("microsoft.intune/allEntities/allTasks").covers(Permission::ORGANIZATION_READ));
        let remote = Grant::parse("Microsoft.Intune_RemoteTasks_*");
        assert_eq!(remote, Grant::AllOf(Resource::RemoteTasks));
        assert!(remote.covers(wipe) && !remote.covers(Permission::MANAGED_DEVICES_READ));
        let exact = Grant::parse(" Microsoft.Intune_RemoteTasks_Wipe ");
        assert!(exact.covers(wipe) && !exact.covers(Permission::remote_task(Action::Retire)));
        let other = Grant::parse("Microsoft.Intune_AndroidFota_Read");
        assert_eq!(other, Grant::Other("Microsoft.Intune_AndroidFota_Read".into()));
        assert!(!other.covers(Permission::MANAGED_DEVICES_READ));
    }
}
