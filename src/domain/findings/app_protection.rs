//! App protection findings, from the user's app registrations (`managedAppRegistrations` with their intended
//! and applied policies):
//!
//! - **Not checked in.** Intune's user status report says an app is *Not checked in* when "the policy was
//!   deployed to the user, but the app hasn't been used in the work context since then" (Microsoft Learn,
//!   *How to monitor app protection policies*; *How to validate your app protection policy setup*). In Graph
//!   terms: the registration has at least one intended policy (one deployed to the user for this app) that is
//!   not among its applied policies (those the app received at its last check-in). A registration with no
//!   intended policy is not targeted at all and is no finding: there is nothing for it to receive.
//! - **Flagged device.** A registration whose `flaggedReasons` holds anything but `none`: Intune's *Flagged
//!   users* report, for jailbroken (iOS/iPadOS) and rooted (Android) devices; Graph reports both as
//!   `rootedDevice`, and Android's attestation adds `androidBootloaderUnlocked` and `androidFactoryRomModified`.
//!   One finding per device, naming every protected app that reported it.

use super::Finding;
use crate::domain::device_platform::Platform;
use crate::domain::known_apps;
use crate::model::AppRegistration;

/// Why the app protection service flagged a device.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FlagReason {
    /// `rootedDevice` on an iPhone or iPad.
    Jailbroken,
    /// `rootedDevice` on Android (or a platform Tier1 does not know).
    Rooted,
    BootloaderUnlocked,
    FactoryRomModified,
    /// A value Graph added later, kept as the service wrote it.
    Other(String),
}

impl FlagReason {
    fn of(value: &str, registration: &AppRegistration) -> Option<FlagReason> {
        Some(match value {
            "" | "none" => return None,
            "rootedDevice" if is_apple(registration) => FlagReason::Jailbroken,
            "rootedDevice" => FlagReason::Rooted,
            "androidBootloaderUnlocked" => FlagReason::BootloaderUnlocked,
            "androidFactoryRomModified" => FlagReason::FactoryRomModified,
            other => FlagReason::Other(other.to_string()),
        })
    }
}

fn is_apple(registration: &AppRegistration) -> bool {
    matches!(Platform::from_odata_type(&registration.odata_type), Platform::Ios | Platform::IpadOs)
        || registration.app_identifier.bundle_id.is_some()
}

/// The app's product name when Tier1 knows its id, else the id (as the App protection status view shows it).
pub fn app_label(registration: &AppRegistration) -> String {
    let id = registration.app_identifier.name();
    known_apps::app_name(id).map(str::to_string).unwrap_or_else(|| id.to_string())
}

/// The names of the policies deployed to the user for this app that it has not received ("Not checked in"
/// when not empty).
pub fn missing_policies(registration: &AppRegistration) -> Vec<String> {
    registration
        .intended_policies
        .iter()
        .filter(|intended| !registration.applied_policies.iter().any(|applied| applied.id == intended.id))
        .map(|p| p.display_name.clone().filter(|n| !n.is_empty()).unwrap_or_else(|| p.id.clone()))
        .collect()
}

fn device_label(registration: &AppRegistration) -> String {
    registration.device_name.clone().filter(|n| !n.trim().is_empty()).unwrap_or_default()
}

pub(super) fn findings(registrations: &[AppRegistration], out: &mut Vec<Finding>) {
    for registration in registrations {
        let missing = missing_policies(registration);
        if !missing.is_empty() {
            out.push(Finding::AppNotCheckedIn {
                app: app_label(registration),
                registration_id: registration.id.clone(),
                device: device_label(registration),
                missing,
            });
        }
    }
    // Flagged: one finding per device (its tag, else its name), in the order first seen.
    let mut flagged: Vec<(String, Finding)> = Vec::new();
    for registration in registrations {
        let Some(reason) = registration.flagged_reasons.iter().find_map(|f| FlagReason::of(f, registration)) else {
            continue;
        };
        let device_key = registration_device_key(registration);
        let app = app_label(registration);
        match flagged.iter_mut().find(|(key, _)| *key == device_key) {
            Some((_, Finding::AppDeviceFlagged { apps, .. })) => {
                if !apps.contains(&app) {
                    apps.push(app);
                }
            }
            _ => flagged.push((
                device_key,
                Finding::AppDeviceFlagged {
                    device: device_label(registration),
                    registration_id: registration.id.clone(),
                    reason,
                    apps: vec![app],
                },
            )),
        }
    }
    out.extend(flagged.into_iter().map(|(_, finding)| finding));
}

/// What identifies the device of a registration: the device tag Intune gives it, else its name.
fn registration_device_key(registration: &AppRegistration) -> String {
    registration
        .device_tag
        .clone()
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| format!("name:{}", device_label(registration)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AppIdentifier, ObjectRef};

    fn policy(id: &str) -> ObjectRef {
        ObjectRef { odata_type: None, id: id.into(), display_name: Some(format!("APP {id}")) }
    }

    fn registration(id: &str, intended: &[&str], applied: &[&str]) -> AppRegistration {
        AppRegistration {
            odata_type: "#microsoft.graph.iosManagedAppRegistration".into(),
            id: id.into(),
            app_identifier: AppIdentifier { bundle_id: Some("com.microsoft.Office.Outlook".into()), package_id: None },
            device_name: Some("Ngozi’s iPad".into()),
            device_tag: Some("tag-1".into()),
            intended_policies: intended.iter().map(|p| policy(p)).collect(),
            applied_policies: applied.iter().map(|p| policy(p)).collect(),
            ..Default::default()
        }
    }

    fn run(registrations: &[AppRegistration]) -> Vec<Finding> {
        let mut out = Vec::new();
        findings(registrations, &mut out);
        out
    }

    #[test]
    fn an_intended_policy_not_applied_is_an_app_not_checked_in_naming_the_policy() {
        assert_eq!(
            run(&[registration("r1", &["p1"], &[])]),
            vec![Finding::AppNotCheckedIn {
                app: "Microsoft Outlook".into(),
                registration_id: "r1".into(),
                device: "Ngozi’s iPad".into(),
                missing: vec!["APP p1".into()],
            }]
        );
        // One of two policies missing is still not checked in; only the missing one is named.
        let partial = run(&[registration("r2", &["p1", "p2"], &["p1"])]);
        assert!(matches!(&partial[..], [Finding::AppNotCheckedIn { missing, .. }] if missing == &["APP p2"]));
    }

    #[test]
    fn checked_in_and_untargeted_registrations_are_no_finding() {
        assert!(run(&[registration("r1", &["p1"], &["p1"]), registration("r2", &[], &[])]).is_empty());
    }

    #[test]
    fn a_flagged_device_is_one_finding_naming_its_apps_and_jailbroken_on_ios() {
        let mut outlook = registration("r1", &["p1"], &["p1"]);
        outlook.flagged_reasons = vec!["rootedDevice".into()];
        let mut teams = outlook.clone();
        teams.id = "r2".into();
        teams.app_identifier.bundle_id = Some("com.microsoft.skype.teams".into());
        let found = run(&[outlook, teams]);
        assert_eq!(
            found,
            vec![Finding::AppDeviceFlagged {
                device: "Ngozi’s iPad".into(),
                registration_id: "r1".into(),
                reason: FlagReason::Jailbroken,
                apps: vec!["Microsoft Outlook".into(), "Microsoft Teams".into()],
            }]
        );
    }

    #[test]
    fn android_root_is_rooted_and_none_is_not_flagged() {
        let mut phone = registration("r1", &["p1"], &["p1"]);
        phone.odata_type = "#microsoft.graph.androidManagedAppRegistration".into();
        phone.app_identifier = AppIdentifier { bundle_id: None, package_id: Some("com.microsoft.teams".into()) };
        phone.flagged_reasons = vec!["none".into()];
        assert!(run(std::slice::from_ref(&phone)).is_empty());
        phone.flagged_reasons = vec!["rootedDevice".into()];
        assert!(matches!(&run(&[phone])[..], [Finding::AppDeviceFlagged { reason: FlagReason::Rooted, .. }]));
    }
}
