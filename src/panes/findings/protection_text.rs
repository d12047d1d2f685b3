//! The words of the app protection and enrollment findings: what is wrong and the next step.

use crate::domain::device_platform::Platform;
use crate::domain::failures::Evidence as FailureEvidence;
use crate::domain::findings::{Finding, FlagReason};
use crate::i18n::{Key, Locale};
use crate::tables::failure_names::{category_title, reason_title};
use crate::tables::failures::{describe as describe_evidence, os_name};
use crate::tables::format::platform_label;
use crate::tables::Clock;

fn or_unknown(l: Locale, text: &str) -> String {
    if text.trim().is_empty() {
        l.text(Key::Unknown).to_string()
    } else {
        text.to_string()
    }
}

fn flag_reason(l: Locale, reason: &FlagReason) -> String {
    match reason {
        FlagReason::Jailbroken => l.text(Key::FlagJailbroken).into(),
        FlagReason::Rooted => l.text(Key::FlagRooted).into(),
        FlagReason::BootloaderUnlocked => l.text(Key::FlagBootloaderUnlocked).into(),
        FlagReason::FactoryRomModified => l.text(Key::FlagFactoryRomModified).into(),
        FlagReason::Other(value) => value.clone(),
    }
}

/// The OS by its own name: an iPhone's failure is about iOS, not about iPads too (the rule compares platforms
/// exactly); other platforms as the failures table names them.
fn os_label(l: Locale, os: &str) -> String {
    match Platform::from_operating_system(os) {
        Platform::Ios => "iOS".into(),
        _ => os_name(l, Some(os)),
    }
}

/// The OS and its version ("iPadOS 26.7.2").
fn os_and_version(l: Locale, os: &str, version: &str) -> String {
    format!("{} {version}", os_label(l, os)).trim().to_string()
}

/// `None` for the findings this module does not word.
pub fn describe(l: Locale, finding: &Finding) -> Option<String> {
    Some(match finding {
        Finding::AppNotCheckedIn { app, device, missing, .. } => l.fill(
            Key::FindingAppNotCheckedIn,
            &[("app", app), ("device", &or_unknown(l, device)), ("policies", &missing.join(", "))],
        ),
        Finding::AppDeviceFlagged { device, reason, apps, .. } => l.fill(
            Key::FindingAppDeviceFlagged,
            &[("device", &or_unknown(l, device)), ("reason", &flag_reason(l, reason)), ("apps", &apps.join(", "))],
        ),
        Finding::EnrollmentFailed { os, os_version, reason, failure, category, .. } => {
            let failure = match (reason, failure) {
                (Some(reason), _) => l.text(reason_title(*reason)).to_string(),
                (None, Some(words)) => words.clone(),
                (None, None) => l.text(Key::UnknownFailure).to_string(),
            };
            l.fill(
                Key::FindingEnrollmentFailed,
                &[
                    ("os", &or_unknown(l, &os_and_version(l, os, os_version))),
                    ("failure", &failure),
                    ("category", l.text(category_title(*category))),
                    ("platform", &or_unknown(l, &os_label(l, os))),
                ],
            )
        }
        Finding::EnrollmentRestricted { block, os, os_version, .. } => {
            // The restriction sentences do not read the clock.
            let evidence = describe_evidence(l, block, Clock { now_secs: 0, offset_minutes: 0 });
            l.fill(
                Key::FindingEnrollmentRestricted,
                &[("os", &or_unknown(l, &os_and_version(l, os, os_version))), ("evidence", &evidence)],
            )
        }
        _ => return None,
    })
}

/// `None` for the findings this module does not word.
pub fn next_step(l: Locale, finding: &Finding) -> Option<String> {
    Some(match finding {
        Finding::AppNotCheckedIn { app, device, .. } => {
            l.fill(Key::StepAppNotCheckedIn, &[("app", app), ("device", &or_unknown(l, device))])
        }
        Finding::AppDeviceFlagged { device, .. } => {
            l.fill(Key::StepAppDeviceFlagged, &[("device", &or_unknown(l, device))])
        }
        Finding::EnrollmentFailed { .. } => l.text(Key::StepEnrollmentFailed).into(),
        Finding::EnrollmentRestricted {
            block: FailureEvidence::VersionBelowMinimum { platform, minimum, .. }, ..
        } => l.fill(
            Key::StepRestrictionUpdateOs,
            &[("platform", l.text(platform_label(*platform))), ("minimum", minimum)],
        ),
        Finding::EnrollmentRestricted { .. } => l.text(Key::StepRestrictionAdmin).into(),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::failures::{Category, Reason};

    fn failed_with(reason: Option<Reason>, failure: &str) -> Finding {
        Finding::EnrollmentFailed {
            event_id: "e1".into(),
            os: "iOS".into(),
            os_version: "27.1".into(),
            reason,
            failure: Some(failure.into()),
            category: Category::ClientDisconnected,
            at: None,
        }
    }

    fn failed() -> Finding {
        failed_with(Some(Reason::IosTimeout), "iOS/iPadOS Timeout or Failure")
    }

    #[test]
    fn each_finding_says_what_is_wrong_with_its_values() {
        let not_checked_in = Finding::AppNotCheckedIn {
            app: "Microsoft Outlook".into(),
            registration_id: "r1".into(),
            device: "Ngozi’s iPad".into(),
            missing: vec!["APP - iOS/iPadOS Standard".into()],
        };
        assert_eq!(
            describe(Locale::En, &not_checked_in).unwrap(),
            "Microsoft Outlook on Ngozi’s iPad has not checked in: it has not received APP - iOS/iPadOS Standard, \
             deployed to this user for it."
        );
        let flagged = Finding::AppDeviceFlagged {
            device: "phone".into(),
            registration_id: "r1".into(),
            reason: FlagReason::Jailbroken,
            apps: vec!["Microsoft Outlook".into(), "Microsoft Teams".into()],
        };
        assert!(describe(Locale::En, &flagged).unwrap().starts_with(
            "phone is flagged by app protection as jailbroken (reported by Microsoft Outlook, Microsoft Teams)"
        ));
        assert_eq!(
            describe(Locale::En, &failed()).unwrap(),
            "Enrollment failed for a device running iOS 27.1 (iOS/iPadOS timeout or failure; Client disconnected), \
             and no iOS device has enrolled since."
        );
        let unnamed = failed_with(None, "Something odd");
        assert!(describe(Locale::Fr, &unnamed).unwrap().contains("(Something odd\u{a0};"));
    }

    #[test]
    fn a_restriction_says_how_it_blocks_and_an_old_os_is_for_the_user_to_update() {
        let restricted = |block| Finding::EnrollmentRestricted {
            policy: "Finance".into(),
            policy_id: "r".into(),
            block,
            event_id: "e1".into(),
            os: "iOS".into(),
            os_version: "16.7.10".into(),
            at: None,
        };
        let low = restricted(FailureEvidence::VersionBelowMinimum {
            policy: "Finance".into(),
            platform: Platform::Ios,
            minimum: "17.0".into(),
            version: "16.7.10".into(),
        });
        assert_eq!(
            describe(Locale::En, &low).unwrap(),
            "An enrollment restriction blocks this user's device running iOS 16.7.10, which failed to enroll: \
             “Finance” requires iOS/iPadOS 17.0 or later; this device runs 16.7.10."
        );
        assert!(next_step(Locale::En, &low).unwrap().contains("17.0 or later"));
        let blocked =
            restricted(FailureEvidence::PlatformBlocked { policy: "Finance".into(), platform: Platform::Ios });
        assert!(next_step(Locale::Nl, &blocked).unwrap().contains("Intune-beheerder"));
        assert_eq!(describe(Locale::En, &Finding::AccountDisabled), None, "not ours to word");
    }
}
