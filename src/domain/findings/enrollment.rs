//! Enrollment findings, from the user's enrollment failures (Intune's troubleshooting events):
//!
//! - **A failed enrollment without a later success.** A failure counts as resolved when the same device
//!   enrolled after it ([`enrolled_later`], as the failures pane shows it), or when any of the user's devices
//!   of the same platform enrolled after it (the user got a device of that kind enrolled another way, or the
//!   service gave the failed attempt no device id). Otherwise it is a finding, named the way the failures pane
//!   names it (its documented reason, else the service's words) with its Graph failure category.
//! - **A restriction that blocks the user's platform or OS version.** An unresolved failure that the platform
//!   restriction in effect for the user *today* still blocks (the platform is blocked, personal devices of
//!   that platform are blocked, or its OS version is outside the allowed range), as the failure details'
//!   evidence shows it. Then the restriction is the finding (with the failure as its evidence) instead of a
//!   bare failure. A failure the restriction no longer explains (it allows the device now) stays a failure.
//!
//! The device limit has its own finding ([`super::Finding::DeviceLimitReached`]); a "Device cap reached" or
//! "User not found or licensed" failure is listed under the device limit or license finding it follows from.

use std::collections::BTreeSet;

use super::triage::Actor;
use super::Finding;
use crate::domain::device_platform::Platform;
use crate::domain::enrollment_restrictions::{effective_restriction, RestrictionKind};
use crate::domain::failures::{diagnose, enrolled_later, evidence, Category, Evidence as Shown, Reason, TenantFacts};
use crate::domain::status::LicenseStatus;
use crate::domain::time::parse_iso;
use crate::model::{EnrollmentConfiguration, EnrollmentEvent, ManagedDevice};

/// What the enrollment checks read.
pub struct EnrollmentFacts<'a> {
    pub events: &'a [EnrollmentEvent],
    pub devices: &'a [ManagedDevice],
    /// The tenant's enrollment configurations and the user's group ids; `None` when either did not load
    /// (failures are then reported without the restriction that explains them).
    pub restrictions: Option<(&'a [EnrollmentConfiguration], &'a BTreeSet<String>)>,
    pub license: Option<&'a LicenseStatus>,
}

/// Whether a later enrollment resolved the failure: the same device, or a device of the same platform,
/// enrolled after it.
pub fn resolved(event: &EnrollmentEvent, devices: &[ManagedDevice]) -> bool {
    if enrolled_later(event, devices).is_some() {
        return true;
    }
    let platform = Platform::from_operating_system(event.operating_system.as_deref().unwrap_or_default());
    let Some(failed) = event.event_date_time.as_deref().and_then(parse_iso) else { return false };
    platform != Platform::Other
        && devices.iter().any(|d| {
            Platform::from_operating_system(&d.operating_system) == platform
                && d.enrolled_date_time.as_deref().and_then(parse_iso).is_some_and(|enrolled| enrolled > failed)
        })
}

pub(super) fn findings(facts: &EnrollmentFacts, out: &mut Vec<Finding>) {
    let no_groups = BTreeSet::new();
    let (configs, groups) = facts.restrictions.unwrap_or((&[], &no_groups));
    let tenant = TenantFacts { devices: facts.devices, restrictions: configs, groups, license: facts.license };
    let restriction = effective_restriction(configs, RestrictionKind::Platforms, groups);
    for event in facts.events.iter().filter(|e| !resolved(e, facts.devices)) {
        let diagnosis = diagnose(event);
        let at = event.event_date_time.as_deref().and_then(parse_iso);
        let os = event.operating_system.clone().unwrap_or_default();
        let os_version = event.os_version.clone().unwrap_or_default();
        let block = evidence(event, diagnosis, &tenant).into_iter().find(is_block);
        match (block, restriction) {
            (Some(block), Some(config)) => out.push(Finding::EnrollmentRestricted {
                policy: config.display_name.clone(),
                policy_id: config.id.clone(),
                block,
                event_id: event.id.clone(),
                os,
                os_version,
                at,
            }),
            _ => out.push(Finding::EnrollmentFailed {
                event_id: event.id.clone(),
                os,
                os_version,
                reason: diagnosis.reason,
                failure: event.failure_reason.clone().filter(|r| !r.trim().is_empty()),
                category: diagnosis.category,
                at,
            }),
        }
    }
}

/// Evidence that the restriction in effect today blocks the device.
fn is_block(shown: &Shown) -> bool {
    matches!(
        shown,
        Shown::PlatformBlocked { .. }
            | Shown::PersonalBlocked { .. }
            | Shown::VersionBelowMinimum { .. }
            | Shown::VersionAboveMaximum { .. }
    )
}

/// Who fixes a failed enrollment: the Intune administrator for tenant set-up (onboarding, tokens, Autopilot,
/// licenses, features), the user for what happens on the device (a timeout, a sign-in, an unsupported
/// device), the help desk for the rest (the knowledge base's first step is theirs for nearly every reason).
pub fn failure_actor(reason: Option<Reason>, category: Category) -> Actor {
    match (reason, category) {
        (
            Some(
                Reason::UserNotLicensed
                | Reason::NotOnboarded
                | Reason::AppleOnboarding
                | Reason::BulkTokenExpired
                | Reason::AutopilotDeviceNotFound
                | Reason::AutopilotProfileNotAssigned
                | Reason::AutopilotMethodUnexpected
                | Reason::AutopilotDeviceRemoved
                | Reason::FeatureNotSupported
                | Reason::NotPreregistered
                | Reason::RestrictionsNotMet
                | Reason::PlatformBlocked
                | Reason::PersonalBlocked
                | Reason::VersionTooHigh,
            ),
            _,
        ) => Actor::IntuneAdmin,
        (
            Some(Reason::IosTimeout | Reason::AuthorizationFailed | Reason::DeviceNotSupported | Reason::VersionTooLow),
            _,
        ) => Actor::User,
        (None, Category::UserAbandonment | Category::ClientDisconnected | Category::Authentication) => Actor::User,
        (None, Category::AccountValidation | Category::UserValidation | Category::FeatureNotSupported) => {
            Actor::IntuneAdmin
        }
        _ => Actor::HelpDesk,
    }
}

/// Who acts on a restriction that blocks the device: the user can update an OS that is too old; anything
/// else needs the administrator (another restriction for this user, or the device registered as corporate).
pub fn restriction_actor(block: &Shown) -> Actor {
    match block {
        Shown::VersionBelowMinimum { .. } => Actor::User,
        _ => Actor::IntuneAdmin,
    }
}

/// Whether an enrollment finding follows from another finding: a device cap failure from the device limit
/// being used up, a license failure from the missing (or inactive) Intune license.
pub fn follows_from(finding: &Finding, cause: &Finding) -> bool {
    let Finding::EnrollmentFailed { reason: Some(reason), .. } = finding else { return false };
    matches!(
        (reason, cause),
        (Reason::DeviceCapReached, Finding::DeviceLimitReached { .. })
            | (Reason::UserNotLicensed, Finding::NoIntuneLicense | Finding::IntunePlanNotActive { .. })
    )
}

#[cfg(test)]
#[path = "enrollment_tests.rs"]
mod tests;
