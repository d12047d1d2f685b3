//! What the tenant's own data says about a diagnosed failure: a later enrollment, the device limit and how
//! many devices counted against it, the platform restriction in effect today, the user's license.

use std::collections::BTreeSet;

use super::diagnosis::Diagnosis;
use super::later::{enrolled_later, enrolled_secs};
use super::reason::Reason;
use crate::domain::device_platform::Platform;
use crate::domain::enrollment_restrictions::{effective_limit, effective_restriction, RestrictionKind};
use crate::domain::status::LicenseStatus;
use crate::domain::time::parse_iso;
use crate::model::{EnrollmentConfiguration, EnrollmentEvent, ManagedDevice, PlatformRestriction};

/// What Tier1 sees in the tenant that explains (or no longer explains) a failure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Evidence {
    /// The same device enrolled after the failure.
    EnrolledLater {
        device: String,
        enrolled: String,
    },
    DeviceCap {
        limit: u32,
        policy: String,
        enrolled_at_failure: usize,
        enrolled_now: usize,
    },
    PlatformBlocked {
        policy: String,
        platform: Platform,
    },
    VersionBelowMinimum {
        policy: String,
        platform: Platform,
        minimum: String,
        version: String,
    },
    VersionAboveMaximum {
        policy: String,
        platform: Platform,
        maximum: String,
        version: String,
    },
    PersonalBlocked {
        policy: String,
        platform: Platform,
    },
    /// The restriction in effect today would let this device enroll.
    RestrictionAllowsNow {
        policy: String,
        platform: Platform,
    },
    Unlicensed,
    PlanNotActive {
        sku: String,
        provisioning: String,
    },
    LicensedNow {
        sku: String,
    },
}

/// The selected user's data the evidence is drawn from.
pub struct TenantFacts<'a> {
    pub devices: &'a [ManagedDevice],
    pub restrictions: &'a [EnrollmentConfiguration],
    pub groups: &'a BTreeSet<String>,
    /// `None` while the user's license is not loaded: no license evidence then.
    pub license: Option<&'a LicenseStatus>,
}

pub fn evidence(event: &EnrollmentEvent, diagnosis: Diagnosis, facts: &TenantFacts) -> Vec<Evidence> {
    let mut out = Vec::new();
    let failed_at = event.event_date_time.as_deref().and_then(parse_iso);
    if let Some(device) = enrolled_later(event, facts.devices) {
        out.push(Evidence::EnrolledLater {
            device: device.device_name.clone(),
            enrolled: device.enrolled_date_time.clone().unwrap_or_default(),
        });
    }
    match diagnosis.reason {
        Some(Reason::DeviceCapReached) => {
            if let Some((limit, policy)) = effective_limit(facts.restrictions, facts.groups) {
                let enrolled_before = |d: &&ManagedDevice| match (failed_at, enrolled_secs(d)) {
                    (Some(failed), Some(enrolled)) => enrolled < failed,
                    _ => true,
                };
                out.push(Evidence::DeviceCap {
                    limit,
                    policy,
                    enrolled_at_failure: facts.devices.iter().filter(enrolled_before).count(),
                    enrolled_now: facts.devices.len(),
                });
            }
        }
        Some(reason) if reason.is_restriction() => out.extend(restriction_evidence(event, facts)),
        Some(Reason::UserNotLicensed) => out.extend(facts.license.map(|license| match license {
            LicenseStatus::Unlicensed => Evidence::Unlicensed,
            LicenseStatus::PlanNotActive { sku, provisioning } => {
                Evidence::PlanNotActive { sku: sku.clone(), provisioning: provisioning.clone() }
            }
            LicenseStatus::Licensed { sku } => Evidence::LicensedNow { sku: sku.clone() },
        })),
        _ => {}
    }
    out
}

/// Checks the event's device against the platform restriction in effect for the user today.
fn restriction_evidence(event: &EnrollmentEvent, facts: &TenantFacts) -> Vec<Evidence> {
    let platform = Platform::from_operating_system(event.operating_system.as_deref().unwrap_or_default());
    let Some(config) = effective_restriction(facts.restrictions, RestrictionKind::Platforms, facts.groups) else {
        return Vec::new();
    };
    let Some(rule) = restriction_for(config, platform) else { return Vec::new() };
    let policy = config.display_name.clone();
    if rule.platform_blocked {
        return vec![Evidence::PlatformBlocked { policy, platform }];
    }
    let mut out = Vec::new();
    let version = event.os_version.clone().unwrap_or_default();
    if let Some(minimum) = rule.os_minimum_version.as_deref().filter(|v| !v.is_empty()) {
        if !version.is_empty() && compare_versions(&version, minimum).is_lt() {
            out.push(Evidence::VersionBelowMinimum {
                policy: policy.clone(),
                platform,
                minimum: minimum.into(),
                version: version.clone(),
            });
        }
    }
    if let Some(maximum) = rule.os_maximum_version.as_deref().filter(|v| !v.is_empty()) {
        if !version.is_empty() && compare_versions(&version, maximum).is_gt() {
            out.push(Evidence::VersionAboveMaximum {
                policy: policy.clone(),
                platform,
                maximum: maximum.into(),
                version: version.clone(),
            });
        }
    }
    if rule.personal_device_enrollment_blocked {
        out.push(Evidence::PersonalBlocked { policy: policy.clone(), platform });
    }
    if out.is_empty() {
        out.push(Evidence::RestrictionAllowsNow { policy, platform });
    }
    out
}

/// The part of a platform restriction for one platform (iPadOS falls under iOS, as in Intune).
fn restriction_for(config: &EnrollmentConfiguration, platform: Platform) -> Option<&PlatformRestriction> {
    match platform {
        Platform::Windows => config.windows_restriction.as_ref(),
        Platform::Ios | Platform::IpadOs => config.ios_restriction.as_ref(),
        Platform::Android => config.android_restriction.as_ref(),
        Platform::MacOs => config.mac_os_restriction.as_ref(),
        Platform::AndroidEnterprise | Platform::All | Platform::Other => None,
    }
}

/// Dotted versions compared number by number ("16.7.10" < "17.0"); missing parts count as 0.
pub fn compare_versions(a: &str, b: &str) -> std::cmp::Ordering {
    let parts = |v: &str| -> Vec<u64> {
        v.split(['.', '-', ' '])
            .map(|p| p.chars().take_while(char::is_ascii_digit).collect::<String>())
            .map(|p| p.parse().unwrap_or(0))
            .collect()
    };
    let (a, b) = (parts(a), parts(b));
    for i in 0..a.len().max(b.len()) {
        let order = a.get(i).unwrap_or(&0).cmp(b.get(i).unwrap_or(&0));
        if order.is_ne() {
            return order;
        }
    }
    std::cmp::Ordering::Equal
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::failures::diagnose;
    use crate::domain::failures::test_support::{device, event, facts_with};
    use crate::model::{Assignment, AssignmentTarget};

    #[test]
    fn versions_compare_numerically() {
        use std::cmp::Ordering::*;
        assert_eq!(compare_versions("16.7.10", "17.0"), Less);
        assert_eq!(compare_versions("10.0.27950.1000", "10.0.26200.9999"), Greater);
        assert_eq!(compare_versions("17", "17.0.0"), Equal);
        assert_eq!(compare_versions("17.10", "17.9"), Greater);
    }

    fn platform_config(ios: PlatformRestriction) -> EnrollmentConfiguration {
        EnrollmentConfiguration {
            odata_type: "#microsoft.graph.deviceEnrollmentPlatformRestrictionsConfiguration".into(),
            id: "r0".into(),
            display_name: "Default".into(),
            priority: 0,
            ios_restriction: Some(ios),
            ..Default::default()
        }
    }

    #[test]
    fn a_too_low_version_names_the_minimum_and_the_policy() {
        let configs =
            [platform_config(PlatformRestriction { os_minimum_version: Some("17.0".into()), ..Default::default() })];
        let groups = BTreeSet::new();
        let facts = facts_with(&configs, &[], &groups, &LicenseStatus::Unlicensed);
        let e = event("Device version too low", "enrollmentRestrictionsEnforced");
        assert_eq!(
            evidence(&e, diagnose(&e), &facts),
            vec![Evidence::VersionBelowMinimum {
                policy: "Default".into(),
                platform: Platform::Ios,
                minimum: "17.0".into(),
                version: "16.7.10".into()
            }]
        );
    }

    #[test]
    fn a_restriction_that_now_allows_the_device_says_so() {
        let configs = [platform_config(PlatformRestriction::default())];
        let groups = BTreeSet::new();
        let facts = facts_with(&configs, &[], &groups, &LicenseStatus::Unlicensed);
        let e = event("Device platform blocked", "enrollmentRestrictionsEnforced");
        assert_eq!(
            evidence(&e, diagnose(&e), &facts),
            vec![Evidence::RestrictionAllowsNow { policy: "Default".into(), platform: Platform::Ios }]
        );
    }

    #[test]
    fn device_cap_counts_devices_enrolled_before_the_failure_and_now() {
        let limit = EnrollmentConfiguration {
            odata_type: "#microsoft.graph.deviceEnrollmentLimitConfiguration".into(),
            display_name: "Staff limit".into(),
            priority: 1,
            limit: Some(2),
            assignments: vec![Assignment {
                target: AssignmentTarget {
                    odata_type: "#microsoft.graph.groupAssignmentTarget".into(),
                    group_id: Some("g1".into()),
                },
                ..Default::default()
            }],
            ..Default::default()
        };
        let groups: BTreeSet<String> = ["g1".to_string()].into();
        let devices = [
            device("a", "2026-01-01T00:00:00Z"),
            device("b", "2026-02-01T00:00:00Z"),
            device("c", "2026-11-12T00:00:00Z"),
        ];
        let configs = [limit];
        let facts = facts_with(&configs, &devices, &groups, &LicenseStatus::Unlicensed);
        let e = event("Device cap reached", "enrollmentRestrictionsEnforced");
        assert_eq!(
            evidence(&e, diagnose(&e), &facts),
            vec![Evidence::DeviceCap {
                limit: 2,
                policy: "Staff limit".into(),
                enrolled_at_failure: 2,
                enrolled_now: 3
            }]
        );
    }

    #[test]
    fn a_license_failure_shows_todays_license() {
        let e = event("User not found or licensed", "userValidation");
        let groups = BTreeSet::new();
        let licensed = LicenseStatus::Licensed { sku: "SPE_E3".into() };
        let facts = facts_with(&[], &[], &groups, &licensed);
        assert_eq!(evidence(&e, diagnose(&e), &facts), vec![Evidence::LicensedNow { sku: "SPE_E3".into() }]);
        let facts = facts_with(&[], &[], &groups, &LicenseStatus::Unlicensed);
        assert_eq!(evidence(&e, diagnose(&e), &facts), vec![Evidence::Unlicensed]);
    }
}
