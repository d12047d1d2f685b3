//! "This user, or many?": how far a finding's cause reaches across the tenant, from Intune's own counts, and
//! whether it is an incident for the IT administrator rather than a single-user fix.

use crate::model::{AppInstallSummary, PolicyStatusOverview, SettingStateSummary};

/// Causes smaller than this stay single-user fixes; at or above it they are reported as incidents.
/// The default of the `incidentThreshold` setting (users, or devices where Intune counts devices).
pub const DEFAULT_INCIDENT_THRESHOLD: u32 = 5;

/// A finding's cause, as Intune counts it across the tenant.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Cause {
    /// A configuration profile in error or conflict.
    Profile { policy_id: String },
    /// A failing setting of a compliance policy (its `setting` path, e.g. `IosCompliancePolicy.passcodeRequired`).
    ComplianceSetting { policy_id: String, setting: String },
    /// A compliance policy the device fails without naming a setting.
    CompliancePolicy { policy_id: String },
    /// An app whose install failed.
    AppInstall { app_id: String },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Devices,
    Users,
}

/// How many devices or users show the cause now, this user's included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spread {
    pub affected: u32,
    pub unit: Unit,
}

impl Spread {
    /// Affected besides this user's own `mine` devices (or this user).
    pub fn others(self, mine: u32) -> u32 {
        self.affected.saturating_sub(mine)
    }

    /// More affected than the threshold: the cause is not this user's device but something shared.
    pub fn is_incident(self, threshold: u32) -> bool {
        self.affected > threshold
    }
}

/// Devices where the profile is in error or conflict.
pub fn profile_spread(overview: &PolicyStatusOverview) -> Spread {
    Spread { affected: overview.error_count + overview.conflict_count.unwrap_or(0), unit: Unit::Devices }
}

/// Devices failing the compliance policy (not compliant, in error or in conflict).
pub fn compliance_spread(overview: &PolicyStatusOverview) -> Spread {
    let affected = overview.failed_count + overview.error_count + overview.conflict_count.unwrap_or(0);
    Spread { affected, unit: Unit::Devices }
}

/// Devices failing the setting (non-compliant, in error or in conflict); `None` when Intune reports no
/// summary for it. Matched by the setting's path, or by its display name when the path is absent.
pub fn setting_spread(summaries: &[SettingStateSummary], setting: &str) -> Option<Spread> {
    let summary = summaries
        .iter()
        .find(|s| s.instance_path.as_deref() == Some(setting))
        .or_else(|| summaries.iter().find(|s| s.setting_name.as_deref() == Some(setting)))?;
    let affected = summary.non_compliant_device_count + summary.error_device_count + summary.conflict_device_count;
    Some(Spread { affected, unit: Unit::Devices })
}

/// Users on whose devices the app failed to install.
pub fn app_spread(summary: &AppInstallSummary) -> Spread {
    Spread { affected: summary.failed_user_count, unit: Unit::Users }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_profile_counts_its_devices_in_error_and_conflict() {
        let overview =
            PolicyStatusOverview { error_count: 4, conflict_count: Some(3), success_count: 90, ..Default::default() };
        let spread = profile_spread(&overview);
        assert_eq!(spread, Spread { affected: 7, unit: Unit::Devices });
        assert_eq!(spread.others(1), 6);
        assert!(spread.is_incident(DEFAULT_INCIDENT_THRESHOLD));
        assert!(!profile_spread(&PolicyStatusOverview { error_count: 5, ..Default::default() }).is_incident(5));
    }

    #[test]
    fn a_compliance_policy_counts_its_failed_devices() {
        let overview = PolicyStatusOverview { failed_count: 6, error_count: 1, success_count: 3, ..Default::default() };
        assert_eq!(compliance_spread(&overview), Spread { affected: 7, unit: Unit::Devices });
    }

    #[test]
    fn a_setting_is_found_by_path_then_by_name() {
        let summaries = [
            SettingStateSummary {
                setting_name: Some("Require a password".into()),
                instance_path: Some("IosCompliancePolicy.passcodeRequired".into()),
                non_compliant_device_count: 2,
                error_device_count: 1,
                ..Default::default()
            },
            SettingStateSummary {
                setting_name: Some("Minimum OS".into()),
                non_compliant_device_count: 9,
                ..Default::default()
            },
        ];
        assert_eq!(setting_spread(&summaries, "IosCompliancePolicy.passcodeRequired").map(|s| s.affected), Some(3));
        assert_eq!(setting_spread(&summaries, "Minimum OS").map(|s| s.affected), Some(9));
        assert_eq!(setting_spread(&summaries, "Unknown"), None);
    }

    #[test]
    fn an_app_counts_users_and_never_goes_below_zero_others() {
        let spread =
            app_spread(&AppInstallSummary { failed_user_count: 1, failed_device_count: 3, ..Default::default() });
        assert_eq!(spread, Spread { affected: 1, unit: Unit::Users });
        assert_eq!(spread.others(2), 0);
    }
}
