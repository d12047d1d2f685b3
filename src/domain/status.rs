//! The User status area: license, account, devices and their compliance, apps and their install failures.

use std::collections::{BTreeMap, BTreeSet};

use super::assignment::Reach;
use super::time;
use crate::model::{
    AppInstallStatus, ComplianceState, DevicePolicyState, Group, LicenseDetail, ManagedDevice, MobileApp,
};

/// A managed device with its per-policy outcomes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DeviceRecord {
    pub device: ManagedDevice,
    pub compliance: Vec<DevicePolicyState>,
    pub configuration: Vec<DevicePolicyState>,
    /// The device's own groups (transitively), which device-group assignments target; `None` when the device
    /// has no Entra identity or its groups could not be read (then only the user's groups count).
    pub groups: Option<Vec<Group>>,
}

impl DeviceRecord {
    /// Ids of the device's groups (empty when unknown).
    pub fn group_ids(&self) -> BTreeSet<String> {
        self.groups.iter().flatten().map(|g| g.id.clone()).collect()
    }
}

/// An app of the tenant, whether it reaches the user, and its install status on the user's devices.
#[derive(Debug, Clone, PartialEq)]
pub struct AppRecord {
    pub app: MobileApp,
    pub reach: Reach,
    pub statuses: Vec<AppInstallStatus>,
    /// Managed device id → the app's reach on that device where it differs from `reach` (a device group).
    pub device_reach: BTreeMap<String, Reach>,
}

impl AppRecord {
    /// The app's reach on one of the user's devices (by managed device id).
    pub fn reach_on(&self, device_id: &str) -> &Reach {
        self.device_reach.get(device_id).unwrap_or(&self.reach)
    }

    /// Whether the app reaches the user or any of their devices.
    pub fn applies(&self) -> bool {
        self.reach.applies() || self.device_reach.values().any(Reach::applies)
    }

    pub fn failed(&self) -> bool {
        self.statuses.iter().any(|s| s.install_state.is_failure())
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LicenseStatus {
    Licensed {
        sku: String,
    },
    /// A license with the Intune plan is assigned, but the plan itself is not provisioned.
    PlanNotActive {
        sku: String,
        provisioning: String,
    },
    Unlicensed,
}

pub fn license_status(licenses: &[LicenseDetail]) -> LicenseStatus {
    let mut inactive = None;
    for license in licenses {
        for plan in license.service_plans.iter().filter(|p| p.is_intune()) {
            if plan.provisioning_status == "Success" {
                return LicenseStatus::Licensed { sku: license.sku_part_number.clone() };
            }
            inactive.get_or_insert_with(|| LicenseStatus::PlanNotActive {
                sku: license.sku_part_number.clone(),
                provisioning: plan.provisioning_status.clone(),
            });
        }
    }
    inactive.unwrap_or(LicenseStatus::Unlicensed)
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DeviceSummary {
    pub total: usize,
    pub compliant: usize,
    pub not_compliant: usize,
    pub in_grace: usize,
    pub unknown: usize,
}

pub fn device_summary(devices: &[ManagedDevice]) -> DeviceSummary {
    let mut s = DeviceSummary { total: devices.len(), ..DeviceSummary::default() };
    for d in devices {
        match d.compliance_state {
            ComplianceState::Compliant => s.compliant += 1,
            ComplianceState::Noncompliant | ComplianceState::Error | ComplianceState::Conflict => s.not_compliant += 1,
            ComplianceState::InGracePeriod => s.in_grace += 1,
            ComplianceState::ConfigManager | ComplianceState::Unknown => s.unknown += 1,
        }
    }
    s
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AppSummary {
    /// Apps assigned to the user (any intent).
    pub assigned: usize,
    /// Apps with at least one failed install or uninstall on the user's devices.
    pub failed: usize,
}

pub fn app_summary(apps: &[AppRecord]) -> AppSummary {
    AppSummary {
        assigned: apps.iter().filter(|a| a.applies()).count(),
        failed: apps.iter().filter(|a| a.failed()).count(),
    }
}

/// Days since the last check-in when it is at or beyond the tenant's threshold.
pub fn stale_days(device: &ManagedDevice, now_secs: i64, threshold_days: u32) -> Option<i64> {
    let last = time::parse_iso(device.last_sync_date_time.as_deref()?)?;
    let days = time::whole_days_between(last, now_secs);
    (days >= i64::from(threshold_days)).then_some(days)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ServicePlanInfo;

    fn license(sku: &str, plan: &str, status: &str) -> LicenseDetail {
        LicenseDetail {
            sku_part_number: sku.into(),
            service_plans: vec![ServicePlanInfo {
                service_plan_id: String::new(),
                service_plan_name: plan.into(),
                provisioning_status: status.into(),
            }],
            ..LicenseDetail::default()
        }
    }

    #[test]
    fn license_needs_a_provisioned_intune_plan() {
        assert_eq!(license_status(&[]), LicenseStatus::Unlicensed);
        assert_eq!(
            license_status(&[license("STANDARDPACK", "EXCHANGE_S_STANDARD", "Success")]),
            LicenseStatus::Unlicensed
        );
        assert_eq!(
            license_status(&[license("SPE_E3", "INTUNE_A", "Success")]),
            LicenseStatus::Licensed { sku: "SPE_E3".into() }
        );
        assert_eq!(
            license_status(&[license("EMS", "INTUNE_A", "Disabled")]),
            LicenseStatus::PlanNotActive { sku: "EMS".into(), provisioning: "Disabled".into() }
        );
        assert_eq!(
            license_status(&[license("EMS", "INTUNE_A", "Disabled"), license("SPE_E3", "INTUNE_A", "Success")]),
            LicenseStatus::Licensed { sku: "SPE_E3".into() }
        );
    }

    #[test]
    fn stale_devices_pass_the_threshold() {
        let now = time::parse_iso("2026-11-20T09:00:00Z").unwrap();
        let device = |at: &str| ManagedDevice { last_sync_date_time: Some(at.into()), ..ManagedDevice::default() };
        assert_eq!(stale_days(&device("2026-10-06T09:00:00Z"), now, 30), Some(45));
        assert_eq!(stale_days(&device("2026-11-19T09:00:00Z"), now, 30), None);
        assert_eq!(stale_days(&ManagedDevice::default(), now, 30), None);
    }

    #[test]
    fn device_summary_counts_each_state_once() {
        let d = |c| ManagedDevice { compliance_state: c, ..ManagedDevice::default() };
        let s = device_summary(&[
            d(ComplianceState::Compliant),
            d(ComplianceState::Noncompliant),
            d(ComplianceState::Error),
        ]);
        assert_eq!((s.total, s.compliant, s.not_compliant), (3, 1, 2));
    }
}
