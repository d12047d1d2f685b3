//! The facts about a device that decide which actions it gets: platform, ownership, Android Enterprise mode,
//! Apple supervision, management state, last check-in, pending actions, and the groups that put it in scope.

use std::collections::BTreeSet;

use crate::domain::device_platform::Platform;
use crate::domain::rbac::GroupGraph;
use crate::domain::time::parse_iso;
use crate::model::{ManagedDevice, OwnerType};

use super::catalogue::DeviceAction;

/// How an Android device is enrolled (Android Enterprise modes; device administrator counts as personal).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AndroidMode {
    /// Corporate-owned dedicated (COSU).
    Dedicated,
    /// Corporate-owned fully managed (COBO).
    FullyManaged,
    /// Corporate-owned work profile (COPE).
    CorporateWorkProfile,
    /// Personally owned work profile (BYOD).
    PersonalWorkProfile,
}

impl AndroidMode {
    /// From `deviceEnrollmentType` (beta values) or, failing that, ownership. `None` when neither tells.
    fn from_enrollment(enrollment_type: Option<&str>, owner: OwnerType) -> Option<AndroidMode> {
        match enrollment_type.unwrap_or_default() {
            "androidEnterpriseDedicatedDevice" => Some(AndroidMode::Dedicated),
            "androidEnterpriseFullyManaged" => Some(AndroidMode::FullyManaged),
            "androidEnterpriseCorporateWorkProfile" => Some(AndroidMode::CorporateWorkProfile),
            _ if owner == OwnerType::Personal => Some(AndroidMode::PersonalWorkProfile),
            _ => None,
        }
    }
}

/// A device as the action rules see it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ActionTarget {
    pub device_id: String,
    pub device_name: String,
    pub user_id: Option<String>,
    pub user_principal_name: Option<String>,
    pub platform: Platform,
    pub owner: OwnerType,
    /// `deviceEnrollmentType`; tells the Android Enterprise mode.
    pub enrollment_type: Option<String>,
    /// `isSupervised` (Apple). Unknown means only what both supervised and unsupervised devices support.
    pub supervised: Option<bool>,
    /// `managementState`: `managed`, `retirePending`, `wipePending`, …
    pub management_state: Option<String>,
    pub last_sync_secs: Option<i64>,
    /// Actions whose `deviceActionResults` state is pending or active.
    pub pending: Vec<DeviceAction>,
    /// The groups of the device's user and of the device itself, through nesting: the scope check's input.
    pub member_of: BTreeSet<String>,
}

impl ActionTarget {
    /// What `ManagedDevice` carries. Without `deviceEnrollmentType` and `isSupervised` (Graph sends them only
    /// when selected), Android and Apple devices get only the actions every mode supports.
    pub fn from_device(device: &ManagedDevice, groups: &GroupGraph) -> ActionTarget {
        let member_ids = [device.user_id.as_deref(), device.azure_ad_device_id.as_deref()];
        ActionTarget {
            device_id: device.id.clone(),
            device_name: device.device_name.clone(),
            user_id: device.user_id.clone().filter(|id| !id.is_empty()),
            user_principal_name: device.user_principal_name.clone(),
            platform: Platform::from_operating_system(&device.operating_system),
            owner: device.managed_device_owner_type,
            enrollment_type: device.device_enrollment_type.clone().filter(|t| !t.is_empty()),
            supervised: device.is_supervised,
            management_state: device.management_state.clone(),
            last_sync_secs: device.last_sync_date_time.as_deref().and_then(parse_iso),
            pending: Vec::new(),
            member_of: groups.groups_of_all(member_ids.into_iter().flatten()),
        }
    }

    pub fn with_enrollment(mut self, enrollment_type: Option<&str>, supervised: Option<bool>) -> Self {
        self.enrollment_type = enrollment_type.map(str::to_string);
        self.supervised = supervised;
        self
    }

    pub fn with_pending(mut self, pending: impl IntoIterator<Item = DeviceAction>) -> Self {
        self.pending = pending.into_iter().collect();
        self
    }

    pub fn android_mode(&self) -> Option<AndroidMode> {
        (self.platform == Platform::Android)
            .then(|| AndroidMode::from_enrollment(self.enrollment_type.as_deref(), self.owner))
            .flatten()
    }

    /// Retired, wiped or deleted, or about to be: no further action reaches it.
    pub fn is_being_removed(&self) -> bool {
        let state = self.management_state.as_deref().unwrap_or_default();
        let removing = ["retirePending", "retireIssued", "wipePending", "wipeIssued", "deletePending"];
        removing.iter().any(|s| s.eq_ignore_ascii_case(state))
            || self.pending.iter().any(|a| matches!(a, DeviceAction::Retire | DeviceAction::Wipe))
    }

    /// Whole seconds since the last check-in, if known.
    pub fn silent_for(&self, now_secs: i64) -> Option<i64> {
        self.last_sync_secs.map(|last| now_secs - last)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn android_mode_from_enrollment_or_ownership() {
        let android = |etype: Option<&str>, owner| {
            ActionTarget { platform: Platform::Android, owner, ..ActionTarget::default() }
                .with_enrollment(etype, None)
                .android_mode()
        };
        assert_eq!(android(Some("androidEnterpriseFullyManaged"), OwnerType::Company), Some(AndroidMode::FullyManaged));
        assert_eq!(android(Some("userEnrollment"), OwnerType::Personal), Some(AndroidMode::PersonalWorkProfile));
        assert_eq!(android(None, OwnerType::Company), None);
    }

    #[test]
    fn pending_retire_means_being_removed() {
        let target = ActionTarget::default();
        assert!(!target.is_being_removed());
        assert!(target.clone().with_pending([DeviceAction::Retire]).is_being_removed());
        let wiping = ActionTarget { management_state: Some("wipePending".into()), ..ActionTarget::default() };
        assert!(wiping.is_being_removed());
    }
}
