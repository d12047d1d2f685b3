//! Enrollment failures: start, OS, OS version, the failure (our localized name; the service's wording when it
//! names nothing we know), and whether the same device enrolled in a later attempt. Newest first.

use super::failure_names::{category_title, reason_title};
use super::format::{datetime_cell, platform_label, text_or_missing};
use super::Clock;
use crate::domain::device_platform::Platform;
use crate::domain::failures::{diagnose, enrolled_later, error_code, Diagnosis, Evidence, TenantFacts};
use crate::domain::table::{Cell, Row, Sort, Table, Tone};
use crate::domain::time::{format_local, parse_iso};
use crate::i18n::{Key, Locale};
use crate::model::EnrollmentEvent;

/// The failure's name in the table and the details heading.
pub fn failure_title(locale: Locale, event: &EnrollmentEvent, diagnosis: Diagnosis) -> String {
    match diagnosis.reason {
        Some(reason) => locale.text(reason_title(reason)).to_string(),
        None => event
            .troubleshooting_error_details
            .as_ref()
            .and_then(|d| d.failure.clone())
            .or_else(|| event.failure_reason.clone())
            .filter(|t| !t.trim().is_empty())
            .unwrap_or_else(|| locale.text(Key::UnknownFailure).to_string()),
    }
}

/// Name of the OS for a table cell: ours for known platforms, the service's otherwise.
pub fn os_name(locale: Locale, operating_system: Option<&str>) -> String {
    let os = operating_system.unwrap_or_default();
    match Platform::from_operating_system(os) {
        Platform::Other => os.to_string(),
        // iPadOS is its own OS to the user; our iOS label covers both only for policies.
        Platform::IpadOs => "iPadOS".into(),
        platform => locale.text(platform_label(platform)).to_string(),
    }
}

/// One piece of tenant evidence as a sentence for the operator.
pub fn describe(locale: Locale, evidence: &Evidence, clock: Clock) -> String {
    match evidence {
        Evidence::EnrolledLater { device, enrolled } => {
            let date =
                parse_iso(enrolled).map(|t| format_local(t, clock.offset_minutes)).unwrap_or_else(|| enrolled.clone());
            locale.fill(Key::EvEnrolledLater, &[("device", device), ("date", &date)])
        }
        Evidence::DeviceCap { limit, policy, enrolled_at_failure, enrolled_now } => {
            let first = locale.fill(
                Key::EvDeviceCap,
                &[
                    ("limit", &limit.to_string()),
                    ("policy", policy),
                    ("before", &enrolled_at_failure.to_string()),
                    ("now", &enrolled_now.to_string()),
                ],
            );
            let next = if *enrolled_now >= *limit as usize { Key::EvDeviceCapStill } else { Key::EvDeviceCapRoom };
            format!("{first} {}", locale.text(next))
        }
        Evidence::PlatformBlocked { policy, platform } => locale
            .fill(Key::EvPlatformBlocked, &[("platform", locale.text(platform_label(*platform))), ("policy", policy)]),
        Evidence::VersionBelowMinimum { policy, platform, minimum, version } => locale.fill(
            Key::EvVersionLow,
            &[
                ("policy", policy),
                ("platform", locale.text(platform_label(*platform))),
                ("minimum", minimum),
                ("version", version),
            ],
        ),
        Evidence::VersionAboveMaximum { policy, platform, maximum, version } => locale.fill(
            Key::EvVersionHigh,
            &[
                ("policy", policy),
                ("platform", locale.text(platform_label(*platform))),
                ("maximum", maximum),
                ("version", version),
            ],
        ),
        Evidence::PersonalBlocked { policy, platform } => locale
            .fill(Key::EvPersonalBlocked, &[("policy", policy), ("platform", locale.text(platform_label(*platform)))]),
        Evidence::RestrictionAllowsNow { policy, platform } => locale.fill(
            Key::EvRestrictionAllowsNow,
            &[("policy", policy), ("platform", locale.text(platform_label(*platform)))],
        ),
        Evidence::Unlicensed => locale.text(Key::EvUnlicensed).to_string(),
        Evidence::PlanNotActive { sku, provisioning } => {
            locale.fill(Key::EvPlanNotActive, &[("sku", sku), ("status", provisioning)])
        }
        Evidence::LicensedNow { sku } => locale.fill(Key::EvLicensedNow, &[("sku", sku)]),
    }
}

pub fn table(
    locale: Locale,
    clock: Clock,
    events: &[EnrollmentEvent],
    facts: &TenantFacts,
    open: Option<&str>,
    href: impl Fn(&str) -> String,
) -> Table {
    let rows = events
        .iter()
        .map(|event| {
            let diagnosis = diagnose(event);
            let mut detail = vec![locale.text(category_title(diagnosis.category)).to_string()];
            if let Some(code) = error_code(event) {
                detail.push(code.to_string());
            }
            let failure = Cell::text(failure_title(locale, event, diagnosis))
                .with_detail(Some(detail.join(" · ")))
                .linked(href(&event.id), open == Some(event.id.as_str()));
            let later = enrolled_later(event, facts.devices)
                .map(|d| (d.device_name.clone(), d.enrolled_date_time.clone().unwrap_or_default()));
            let later = match later {
                Some((device, enrolled)) => {
                    let when = datetime_cell(locale, Some(&enrolled), clock);
                    Cell::badge(locale.fill(Key::LaterEnrolled, &[("device", &device)]), Tone::Good)
                        .with_detail(Some(when.text))
                        .sorted_by(parse_iso(&enrolled))
                }
                None => Cell::text(locale.text(Key::NoLaterEnrollment)).tone(Tone::Muted).sorted_by(None),
            };
            Row {
                key: event.id.clone(),
                cells: vec![
                    datetime_cell(locale, event.event_date_time.as_deref(), clock),
                    Cell::text(os_name(locale, event.operating_system.as_deref())),
                    text_or_missing(event.os_version.as_deref()),
                    failure,
                    later,
                ],
            }
        })
        .collect();
    let table = Table {
        headers: super::headers(
            locale,
            &[Key::ColEnrollmentStart, Key::ColOs, Key::ColOsVersion, Key::ColFailure, Key::ColLaterAttempt],
        ),
        rows,
    };
    // Newest first, through the table's own column sort (one sort routine in the wasm, not two).
    Table { rows: table.view("", Some(Sort { column: 0, descending: true })), ..table }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::status::LicenseStatus;
    use crate::model::{ErrorDetails, ManagedDevice};
    use std::collections::BTreeSet;

    const CLOCK: Clock = Clock { now_secs: 1_795_000_000, offset_minutes: 0 };

    fn event(id: &str, when: &str, reason: &str) -> EnrollmentEvent {
        EnrollmentEvent {
            id: id.into(),
            event_date_time: Some(when.into()),
            failure_reason: Some(reason.into()),
            failure_category: Some("enrollmentRestrictionsEnforced".into()),
            operating_system: Some("iPadOS".into()),
            os_version: Some("17.1".into()),
            managed_device_identifier: Some(format!("dev-{id}")),
            ..Default::default()
        }
    }

    fn build(locale: Locale, events: &[EnrollmentEvent], devices: &[ManagedDevice], open: Option<&str>) -> Table {
        let groups = BTreeSet::new();
        let facts =
            TenantFacts { devices, restrictions: &[], groups: &groups, license: Some(&LicenseStatus::Unlicensed) };
        table(locale, CLOCK, events, &facts, open, |id| format!("?failure={id}"))
    }

    #[test]
    fn newest_first_with_localized_failure_names_linking_to_details() {
        let events = [
            event("old", "2026-09-01T10:00:00Z", "Device cap reached"),
            event("new", "2026-11-01T10:00:00Z", "Device platform blocked"),
        ];
        let t = build(Locale::Fr, &events, &[], Some("old"));
        assert_eq!(t.rows.iter().map(|r| r.key.as_str()).collect::<Vec<_>>(), ["new", "old"]);
        let failure = &t.rows[0].cells[3];
        assert_eq!(failure.text, Locale::Fr.text(Key::ReasonPlatformBlocked));
        assert_eq!(failure.detail.as_deref(), Some(Locale::Fr.text(Key::CategoryRestrictionsEnforced)));
        let link = failure.link.as_ref().unwrap();
        assert_eq!((link.href.as_str(), link.current), ("?failure=new", false));
        assert!(t.rows[1].cells[3].link.as_ref().unwrap().current);
        assert_eq!(t.rows[0].cells[1].text, "iPadOS");
    }

    #[test]
    fn a_later_successful_enrollment_of_the_same_device_is_shown() {
        let events = [event("a", "2026-11-01T10:00:00Z", "iOS/iPadOS Timeout or Failure")];
        let enrolled = ManagedDevice {
            id: "dev-a".into(),
            device_name: "Ann's iPad".into(),
            enrolled_date_time: Some("2026-11-02T09:00:00Z".into()),
            ..Default::default()
        };
        let t = build(Locale::En, &events, &[enrolled], None);
        let later = &t.rows[0].cells[4];
        assert_eq!(later.text, "Enrolled as Ann's iPad");
        assert_eq!(later.tone, Tone::Good);
        let t = build(Locale::En, &events, &[], None);
        assert_eq!(t.rows[0].cells[4].text, "No later enrollment seen");
    }

    #[test]
    fn device_cap_evidence_says_whether_there_is_room_now() {
        let cap =
            |now| Evidence::DeviceCap { limit: 5, policy: "Staff".into(), enrolled_at_failure: 5, enrolled_now: now };
        let full = describe(Locale::En, &cap(5), CLOCK);
        assert!(full.contains("limit for this user is 5 (restriction “Staff”)") && full.contains("had 5"), "{full}");
        assert!(full.ends_with(Locale::En.text(Key::EvDeviceCapStill)));
        assert!(describe(Locale::En, &cap(4), CLOCK).ends_with(Locale::En.text(Key::EvDeviceCapRoom)));
        let low = Evidence::VersionBelowMinimum {
            policy: "Finance".into(),
            platform: Platform::Ios,
            minimum: "17.0".into(),
            version: "16.7.10".into(),
        };
        assert_eq!(
            describe(Locale::En, &low, CLOCK),
            "“Finance” requires iOS/iPadOS 17.0 or later; this device runs 16.7.10."
        );
    }

    #[test]
    fn an_unrecognized_failure_shows_the_services_words() {
        let mut e = event("x", "2026-11-01T10:00:00Z", "Something new");
        e.failure_category = Some("unknown".into());
        assert_eq!(build(Locale::Nl, std::slice::from_ref(&e), &[], None).rows[0].cells[3].text, "Something new");
        e.troubleshooting_error_details =
            Some(ErrorDetails { failure: Some("Service text".into()), ..Default::default() });
        assert_eq!(build(Locale::Nl, std::slice::from_ref(&e), &[], None).rows[0].cells[3].text, "Service text");
        e.troubleshooting_error_details = None;
        e.failure_reason = None;
        assert_eq!(build(Locale::En, &[e], &[], None).rows[0].cells[3].text, "Unrecognized failure");
    }
}
