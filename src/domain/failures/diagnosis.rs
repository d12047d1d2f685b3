//! Which documented failure an enrollment event is: its reason from the service's wording (exact names,
//! other spellings, then phrases in the details) and its Graph failure category.

use super::reason::{Category, Reason, Tier1Link};
use crate::domain::search::fold;
use crate::model::EnrollmentEvent;

/// Which catalog entries explain an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Diagnosis {
    /// `None` when neither the reason nor the service's details name a documented failure.
    pub reason: Option<Reason>,
    pub category: Category,
}

impl Diagnosis {
    /// Where in Tier1 to look: the reason's places, else the ones its category points at.
    pub fn tier1_links(self) -> &'static [Tier1Link] {
        match (self.reason, self.category) {
            (Some(reason), _) => reason.tier1_links(),
            (None, Category::EnrollmentRestrictionsEnforced) => &[Tier1Link::Restrictions, Tier1Link::Devices],
            (None, Category::UserValidation | Category::AccountValidation) => &[Tier1Link::License, Tier1Link::Account],
            (None, _) => &[Tier1Link::Devices],
        }
    }
}

/// Letters and digits only, folded: "Device cap reached", "deviceCapReached" and "DEVICE_CAP_REACHED" agree.
fn squash(text: &str) -> String {
    fold(text).chars().filter(|c| c.is_alphanumeric()).collect()
}

/// Other spellings of a reason seen in service data (enum-style names and older wording).
const ALIASES: &[(&str, Reason)] = &[
    ("iostimeout", Reason::IosTimeout),
    ("iostimeoutorfailure", Reason::IosTimeout),
    ("usernotfound", Reason::UserNotLicensed),
    ("userlicensetypeinvalid", Reason::UserNotLicensed),
    ("usernotlicensed", Reason::UserNotLicensed),
    ("devicecap", Reason::DeviceCapReached),
    ("devicelimitreached", Reason::DeviceCapReached),
    ("mdmauthoritynotset", Reason::NotOnboarded),
    ("applepushcertificateexpired", Reason::AppleOnboarding),
    ("apnscertificateexpired", Reason::AppleOnboarding),
    ("devicenotpreregistered", Reason::NotPreregistered),
    ("osversiontoolow", Reason::VersionTooLow),
    ("osversiontoohigh", Reason::VersionTooHigh),
];

/// Phrases in the service's own failure text, for events whose `failureReason` is free text.
const PHRASES: &[(&str, Reason)] = &[
    ("device limit", Reason::DeviceCapReached),
    ("maximum number of devices", Reason::DeviceCapReached),
    ("licen", Reason::UserNotLicensed),
    ("push certificate", Reason::AppleOnboarding),
    ("apns", Reason::AppleOnboarding),
    ("mdm authority", Reason::NotOnboarded),
    ("bulk token", Reason::BulkTokenExpired),
    ("platform is blocked", Reason::PlatformBlocked),
    ("personal device", Reason::PersonalBlocked),
    ("already enrolled", Reason::DeviceAlreadyEnrolled),
];

pub fn diagnose(event: &EnrollmentEvent) -> Diagnosis {
    let category = Category::from_graph(event.failure_category.as_deref());
    Diagnosis { reason: reason_of(event), category }
}

fn reason_of(event: &EnrollmentEvent) -> Option<Reason> {
    let stated = event.failure_reason.as_deref().map(squash).filter(|s| !s.is_empty());
    if let Some(stated) = &stated {
        let exact =
            Reason::ALL.into_iter().find(|r| squash(r.service_text()) == *stated || squash(r.slug()) == *stated);
        if let Some(reason) = exact.or_else(|| ALIASES.iter().find(|(a, _)| a == stated).map(|(_, r)| *r)) {
            return Some(reason);
        }
    }
    let details = event.troubleshooting_error_details.as_ref();
    let texts = [
        event.failure_reason.as_deref(),
        details.and_then(|d| d.failure.as_deref()),
        details.and_then(|d| d.failure_details.as_deref()),
    ];
    let text = fold(&texts.into_iter().flatten().collect::<Vec<_>>().join(" "));
    PHRASES.iter().find(|(phrase, _)| text.contains(phrase)).map(|(_, r)| *r)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::failures::test_support::event;
    use crate::model::ErrorDetails;

    #[test]
    fn every_service_text_and_slug_maps_to_its_reason() {
        for reason in Reason::ALL {
            assert_eq!(diagnose(&event(reason.service_text(), "unknown")).reason, Some(reason));
            assert_eq!(diagnose(&event(reason.slug(), "unknown")).reason, Some(reason), "{}", reason.slug());
        }
    }

    #[test]
    fn spelling_and_case_do_not_matter() {
        assert_eq!(diagnose(&event("DEVICE_CAP_REACHED", "x")).reason, Some(Reason::DeviceCapReached));
        assert_eq!(diagnose(&event("ios/ipados timeout or failure ", "x")).reason, Some(Reason::IosTimeout));
        assert_eq!(diagnose(&event("UserLicenseTypeInvalid", "x")).reason, Some(Reason::UserNotLicensed));
    }

    #[test]
    fn free_text_falls_back_to_the_service_details() {
        let mut e = event("Enrollment failed", "enrollmentRestrictionsEnforced");
        assert_eq!(diagnose(&e).reason, None);
        e.troubleshooting_error_details =
            Some(ErrorDetails { failure: Some("The user has reached the device limit.".into()), ..Default::default() });
        assert_eq!(diagnose(&e).reason, Some(Reason::DeviceCapReached));
    }
}
