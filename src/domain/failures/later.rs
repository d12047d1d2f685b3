//! Whether the device of a failed enrollment enrolled later: the failure then no longer needs acting on.

use crate::domain::time::parse_iso;
use crate::model::{EnrollmentEvent, ManagedDevice};

/// When the device enrolled, in seconds since the epoch.
pub(super) fn enrolled_secs(device: &ManagedDevice) -> Option<i64> {
    device.enrolled_date_time.as_deref().and_then(parse_iso)
}

/// The device the event names, if it is now enrolled and enrolled after the failure.
pub fn enrolled_later<'a>(event: &EnrollmentEvent, devices: &'a [ManagedDevice]) -> Option<&'a ManagedDevice> {
    let failed_at = event.event_date_time.as_deref().and_then(parse_iso);
    let id = event.managed_device_identifier.as_deref().filter(|id| !id.is_empty() && !is_nil(id))?;
    let device = devices.iter().find(|d| d.id.eq_ignore_ascii_case(id))?;
    match (failed_at, enrolled_secs(device)) {
        (Some(failed), Some(enrolled)) if enrolled > failed => Some(device),
        _ => None,
    }
}

/// The all-zero GUID the service sends when the enrollment never got as far as a device.
fn is_nil(id: &str) -> bool {
    id.chars().all(|c| c == '0' || c == '-')
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use crate::domain::failures::test_support::{device, event, facts_with};
    use crate::domain::failures::{diagnose, evidence, Evidence};
    use crate::domain::status::LicenseStatus;

    #[test]
    fn the_same_device_enrolled_after_the_failure_is_reported() {
        let mut e = event("iOS/iPadOS Timeout or Failure", "userAbandonment");
        e.managed_device_identifier = Some("B".into());
        let groups = BTreeSet::new();
        let later = [device("b", "2026-11-11T08:00:00Z")];
        let facts = facts_with(&[], &later, &groups, &LicenseStatus::Unlicensed);
        assert_eq!(
            evidence(&e, diagnose(&e), &facts),
            vec![Evidence::EnrolledLater { device: "dev-b".into(), enrolled: "2026-11-11T08:00:00Z".into() }]
        );
        let earlier = [device("b", "2026-11-09T08:00:00Z")];
        let facts = facts_with(&[], &earlier, &groups, &LicenseStatus::Unlicensed);
        assert!(evidence(&e, diagnose(&e), &facts).is_empty(), "enrolled before the failure is not a later success");
    }
}
