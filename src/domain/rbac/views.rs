//! Which Intune read permission each area of the troubleshooting screen needs, so a view the role cannot read
//! names the missing permission instead of showing an empty table.

use super::access::Access;
use super::permission::Permission;

/// The areas of the screen that read Intune data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ViewArea {
    AccountStatus,
    Devices,
    ClientApps,
    Compliance,
    Configuration,
    AppProtectionPolicies,
    AppProtectionStatus,
    EnrollmentRestrictions,
    EnrollmentFailures,
}

impl ViewArea {
    pub const ALL: [ViewArea; 9] = [
        ViewArea::AccountStatus,
        ViewArea::Devices,
        ViewArea::ClientApps,
        ViewArea::Compliance,
        ViewArea::Configuration,
        ViewArea::AppProtectionPolicies,
        ViewArea::AppProtectionStatus,
        ViewArea::EnrollmentRestrictions,
        ViewArea::EnrollmentFailures,
    ];
}

pub fn required_for_view(view: ViewArea) -> Permission {
    match view {
        // Tenant settings (subscription state, check-in threshold) are Organization data.
        ViewArea::AccountStatus => Permission::ORGANIZATION_READ,
        ViewArea::Devices => Permission::MANAGED_DEVICES_READ,
        ViewArea::ClientApps => Permission::MOBILE_APPS_READ,
        ViewArea::Compliance => Permission::COMPLIANCE_POLICIES_READ,
        ViewArea::Configuration => Permission::DEVICE_CONFIGURATIONS_READ,
        ViewArea::AppProtectionPolicies | ViewArea::AppProtectionStatus => Permission::MANAGED_APPS_READ,
        // Intune's description of Device configurations Read is "View device configuration profiles, or view
        // device enrollment restrictions"; DeviceEnrollmentManagers Read only lists DEM accounts.
        ViewArea::EnrollmentRestrictions => Permission::DEVICE_CONFIGURATIONS_READ,
        // Enrollment failures are troubleshooting events about managed devices.
        ViewArea::EnrollmentFailures => Permission::MANAGED_DEVICES_READ,
    }
}

/// The permission the operator lacks to read a view, if any.
pub fn missing_for_view(access: &Access, view: ViewArea) -> Option<Permission> {
    let needed = required_for_view(view);
    (!access.can(needed)).then_some(needed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::rbac::roles::MINIMAL_TROUBLESHOOTING;

    #[test]
    fn the_minimal_role_reads_every_view() {
        for view in ViewArea::ALL {
            assert!(MINIMAL_TROUBLESHOOTING.contains(&required_for_view(view)), "{view:?}");
        }
    }

    #[test]
    fn views_name_intune_permissions() {
        assert_eq!(
            required_for_view(ViewArea::Compliance).to_string(),
            "Microsoft.Intune_DeviceCompliancePolices_Read"
        );
        assert_eq!(required_for_view(ViewArea::AppProtectionStatus).to_string(), "Microsoft.Intune_ManagedApps_Read");
        assert_eq!(
            required_for_view(ViewArea::EnrollmentRestrictions).to_string(),
            "Microsoft.Intune_DeviceConfigurations_Read"
        );
        assert_eq!(missing_for_view(&Access::default(), ViewArea::Devices), Some(Permission::MANAGED_DEVICES_READ));
    }
}
