//! Whether an action appears on a device, and whether the operator can use it: hidden where the platform does
//! not support it, disabled with a reason where the role or the device's state stands in the way.

use crate::domain::rbac::{Access, Permission, ScopeDecision};

use super::catalogue::DeviceAction;
use super::platforms::supports;
use super::target::ActionTarget;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Availability {
    /// The platform does not support the action: not shown at all.
    Hidden,
    Disabled(DisabledReason),
    Enabled,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DisabledReason {
    /// No assignment grants this remote task.
    MissingPermission(Permission),
    /// The permission is granted, but not for this device's user or groups.
    DeviceOutOfScope { scope_group_names: Vec<String> },
    /// Retired, wiped or deleted, or about to be (Intune then ignores every other pending action).
    DeviceRetired,
    /// The same action is still pending: sending it again would only run it twice.
    AlreadyPending,
}

/// Checked in the order an operator can act on: the role first, then scope, then the device's state.
pub fn availability(action: DeviceAction, target: &ActionTarget, access: &Access) -> Availability {
    if !supports(action, target) {
        return Availability::Hidden;
    }
    let permission = action.permission();
    if !access.can(permission) {
        return Availability::Disabled(DisabledReason::MissingPermission(permission));
    }
    match access.device_scope(&target.member_of, target.user_id.is_some(), permission) {
        ScopeDecision::InScope => {}
        ScopeDecision::OutOfScope { scope_group_names } => {
            return Availability::Disabled(DisabledReason::DeviceOutOfScope { scope_group_names })
        }
        ScopeDecision::NoAssignment => return Availability::Disabled(DisabledReason::MissingPermission(permission)),
    }
    if target.is_being_removed() {
        return Availability::Disabled(DisabledReason::DeviceRetired);
    }
    if target.pending.contains(&action) {
        return Availability::Disabled(DisabledReason::AlreadyPending);
    }
    Availability::Enabled
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::device_platform::Platform;
    use crate::domain::rbac::KnownRole;
    use crate::model::{OwnerType, ScopeType};

    fn access(role: KnownRole, scope: &[&str], scope_type: ScopeType) -> Access {
        crate::domain::rbac::test_support::access_with(role, scope, scope_type)
    }

    fn laptop(groups: &[&str]) -> ActionTarget {
        ActionTarget {
            platform: Platform::Windows,
            owner: OwnerType::Company,
            user_id: Some("u".into()),
            member_of: groups.iter().map(|s| s.to_string()).collect(),
            ..ActionTarget::default()
        }
    }

    #[test]
    fn checks_in_order_platform_role_scope_state() {
        let help_desk = access(KnownRole::HelpDeskOperator, &["benelux"], ScopeType::ResourceScope);
        let inside = laptop(&["benelux"]);
        assert_eq!(availability(DeviceAction::RemoteLock, &inside, &help_desk), Availability::Hidden);
        assert_eq!(availability(DeviceAction::Wipe, &inside, &help_desk), Availability::Enabled);
        assert_eq!(
            availability(DeviceAction::Wipe, &laptop(&["dach"]), &help_desk),
            Availability::Disabled(DisabledReason::DeviceOutOfScope { scope_group_names: vec!["benelux".into()] })
        );
        let pending = inside.clone().with_pending([DeviceAction::Sync]);
        assert_eq!(
            availability(DeviceAction::Sync, &pending, &help_desk),
            Availability::Disabled(DisabledReason::AlreadyPending)
        );
        assert_eq!(availability(DeviceAction::Restart, &pending, &help_desk), Availability::Enabled);
        let retiring = ActionTarget { management_state: Some("retirePending".into()), ..inside };
        assert_eq!(
            availability(DeviceAction::Sync, &retiring, &help_desk),
            Availability::Disabled(DisabledReason::DeviceRetired)
        );
        let reader = access(KnownRole::ReadOnlyOperator, &[], ScopeType::AllDevicesAndLicensedUsers);
        assert_eq!(
            availability(DeviceAction::Sync, &retiring, &reader),
            Availability::Disabled(DisabledReason::MissingPermission(DeviceAction::Sync.permission()))
        );
    }
}
