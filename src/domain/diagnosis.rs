//! Which checks of "What needs attention" could run. Each check reads some sources (the user, their devices,
//! …); when one failed to load, the check is listed as not run, with the source that stopped it, so the
//! operator is never told "nothing wrong" about something that was not looked at.

use std::collections::BTreeSet;

use super::findings::{findings, Evidence, Finding};

/// A source the checks read; each loads, and can fail, on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Source {
    Tenant,
    User,
    Devices,
    GroupMembership,
    Apps,
    Restrictions,
    /// The user's app protection registrations.
    AppRegistrations,
    /// The user's enrollment failures (troubleshooting events).
    EnrollmentEvents,
    /// The tenant's configuration profiles and compliance policies (with their assignments) and the names of
    /// the groups they target.
    Policies,
}

impl Source {
    /// What this source is loaded from: when one of those failed, this one failed because of it.
    fn upstream(self) -> &'static [Source] {
        match self {
            Source::Apps => &[Source::User, Source::Devices, Source::GroupMembership],
            _ => &[],
        }
    }
}

/// One check of the findings box.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    /// The tenant's subscription and MDM authority.
    Tenant,
    /// Account enabled, Intune license.
    Account,
    /// Device compliance and configuration profile errors.
    Compliance,
    /// Devices that stopped checking in.
    CheckIns,
    DeviceLimit,
    AppInstalls,
    /// Protected apps not checked in, devices flagged by app protection.
    AppProtection,
    /// Failed enrollments without a later success.
    EnrollmentFailures,
    /// Platform restrictions that block the device of a failed enrollment.
    EnrollmentRestrictions,
    /// Retire or wipe pending, device actions that failed.
    DeviceActions,
    /// Assigned profiles a device reports no state for.
    ProfileStates,
    /// Profiles, policies and apps the user does not get (not targeted, or excluded).
    Targeting,
}

impl Check {
    pub const ALL: [Check; 12] = [
        Check::Tenant,
        Check::Account,
        Check::Compliance,
        Check::CheckIns,
        Check::DeviceLimit,
        Check::AppInstalls,
        Check::AppProtection,
        Check::EnrollmentFailures,
        Check::EnrollmentRestrictions,
        Check::DeviceActions,
        Check::ProfileStates,
        Check::Targeting,
    ];

    /// The sources the check reads.
    pub fn sources(self) -> &'static [Source] {
        match self {
            Check::Tenant => &[Source::Tenant],
            Check::Account => &[Source::User],
            Check::Compliance => &[Source::Devices],
            Check::CheckIns => &[Source::Devices, Source::Tenant],
            Check::DeviceLimit => &[Source::Devices, Source::GroupMembership, Source::Restrictions],
            Check::AppInstalls => &[Source::Apps],
            Check::AppProtection => &[Source::AppRegistrations],
            Check::EnrollmentFailures => &[Source::EnrollmentEvents, Source::Devices],
            Check::EnrollmentRestrictions => {
                &[Source::EnrollmentEvents, Source::Devices, Source::Restrictions, Source::GroupMembership]
            }
            Check::DeviceActions => &[Source::Devices],
            Check::ProfileStates => &[Source::Devices, Source::GroupMembership, Source::Policies],
            Check::Targeting => &[Source::Policies, Source::GroupMembership, Source::Devices],
        }
    }
}

/// The findings that could be computed and the checks that could not run, each with the source that stopped it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diagnosis {
    pub findings: Vec<Finding>,
    pub not_checked: Vec<(Check, Source)>,
}

impl Diagnosis {
    /// "Nothing wrong" may be said only when this holds and the findings are empty.
    pub fn complete(&self) -> bool {
        self.not_checked.is_empty()
    }

    /// Whether at least one check ran.
    pub fn any_ran(&self) -> bool {
        self.not_checked.len() < Check::ALL.len()
    }
}

/// The findings `evidence` allows and the checks the sources in `failed` stopped (their evidence is `None`).
pub fn diagnose(evidence: &Evidence, failed: &BTreeSet<Source>) -> Diagnosis {
    Diagnosis { findings: findings(evidence), not_checked: not_checked(failed) }
}

/// The source that stopped `check`, if any of its sources is in `failed`: for a source that failed because
/// something it is loaded from failed, that one (apps fail when group membership does; the cause is membership).
pub fn blocked_by(check: Check, failed: &BTreeSet<Source>) -> Option<Source> {
    let source = check.sources().iter().copied().find(|s| failed.contains(s))?;
    Some(root_cause(source, failed))
}

/// `source` failed; what made it fail, as far as the failed set tells.
pub fn root_cause(source: Source, failed: &BTreeSet<Source>) -> Source {
    source.upstream().iter().copied().find(|s| failed.contains(s)).unwrap_or(source)
}

/// The checks that could not run for the sources in `failed`, in the order the findings box lists them.
pub fn not_checked(failed: &BTreeSet<Source>) -> Vec<(Check, Source)> {
    Check::ALL.into_iter().filter_map(|check| Some((check, blocked_by(check, failed)?))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(sources: &[Source]) -> BTreeSet<Source> {
        sources.iter().copied().collect()
    }

    #[test]
    fn every_check_runs_when_nothing_failed() {
        assert!(not_checked(&set(&[])).is_empty());
    }

    #[test]
    fn failed_membership_stops_app_installs_the_device_limit_and_targeting_and_is_named_as_the_cause() {
        // The apps resource fails with the membership it is loaded from.
        let failed = set(&[Source::GroupMembership, Source::Apps]);
        assert_eq!(
            not_checked(&failed),
            vec![
                (Check::DeviceLimit, Source::GroupMembership),
                (Check::AppInstalls, Source::GroupMembership),
                (Check::EnrollmentRestrictions, Source::GroupMembership),
                (Check::ProfileStates, Source::GroupMembership),
                (Check::Targeting, Source::GroupMembership),
            ]
        );
    }

    #[test]
    fn apps_failing_on_their_own_name_the_apps() {
        assert_eq!(not_checked(&set(&[Source::Apps])), vec![(Check::AppInstalls, Source::Apps)]);
    }

    #[test]
    fn every_source_stops_the_checks_that_read_it() {
        assert_eq!(
            not_checked(&set(&[Source::User, Source::Apps])),
            vec![(Check::Account, Source::User), (Check::AppInstalls, Source::User)]
        );
        assert_eq!(
            not_checked(&set(&[Source::Restrictions])),
            vec![(Check::DeviceLimit, Source::Restrictions), (Check::EnrollmentRestrictions, Source::Restrictions)]
        );
        assert_eq!(
            not_checked(&set(&[Source::Tenant])),
            vec![(Check::Tenant, Source::Tenant), (Check::CheckIns, Source::Tenant)]
        );
        assert_eq!(
            not_checked(&set(&[Source::Policies])),
            vec![(Check::ProfileStates, Source::Policies), (Check::Targeting, Source::Policies)]
        );
        let devices = not_checked(&set(&[Source::Devices, Source::Apps]));
        assert_eq!(devices.len(), 9, "{devices:?}");
        assert!(devices.iter().all(|(_, cause)| *cause == Source::Devices));
    }

    #[test]
    fn app_protection_and_enrollment_failures_are_stopped_by_their_own_sources() {
        assert_eq!(
            not_checked(&set(&[Source::AppRegistrations])),
            vec![(Check::AppProtection, Source::AppRegistrations)]
        );
        assert_eq!(
            not_checked(&set(&[Source::EnrollmentEvents])),
            vec![
                (Check::EnrollmentFailures, Source::EnrollmentEvents),
                (Check::EnrollmentRestrictions, Source::EnrollmentEvents)
            ]
        );
    }

    #[test]
    fn a_diagnosis_is_complete_only_when_every_check_ran() {
        let partial = Diagnosis { findings: vec![], not_checked: vec![(Check::AppInstalls, Source::GroupMembership)] };
        assert!(!partial.complete());
        assert!(partial.any_ran());
        let none = Diagnosis {
            findings: vec![],
            not_checked: not_checked(&set(&[
                Source::User,
                Source::Devices,
                Source::Tenant,
                Source::Apps,
                Source::Restrictions,
                Source::AppRegistrations,
                Source::EnrollmentEvents,
                Source::Policies,
            ])),
        };
        assert!(!none.any_ran());
        assert!(Diagnosis::default().complete());
    }
}
