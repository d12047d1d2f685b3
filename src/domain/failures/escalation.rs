//! What an operator pastes into an escalation: the event's identifiers, extras and the service's own words.

use crate::model::EnrollmentEvent;

/// The event's `ErrorCode` extra (an HRESULT such as 0x80180014), when the service sent one.
pub fn error_code(event: &EnrollmentEvent) -> Option<&str> {
    event.additional_information.iter().find(|kv| kv.name.eq_ignore_ascii_case("ErrorCode")).map(|kv| kv.value.as_str())
}

/// Text an operator pastes into an escalation: every identifier and the service's own words.
pub fn raw_event_text(event: &EnrollmentEvent, user_principal_name: &str) -> String {
    let mut lines = Vec::new();
    let mut add = |name: &str, value: Option<&str>| {
        if let Some(v) = value.filter(|v| !v.is_empty()) {
            lines.push(format!("{name}: {v}"));
        }
    };
    add("eventDateTime", event.event_date_time.as_deref());
    add("user", Some(user_principal_name));
    add("correlationId", event.correlation_id.as_deref());
    add("id", Some(&event.id));
    add("failureCategory", event.failure_category.as_deref());
    add("failureReason", event.failure_reason.as_deref());
    add("enrollmentType", event.enrollment_type.as_deref());
    add("operatingSystem", event.operating_system.as_deref());
    add("osVersion", event.os_version.as_deref());
    add("managedDeviceIdentifier", event.managed_device_identifier.as_deref());
    add("deviceId", event.device_id.as_deref());
    add("userId", event.user_id.as_deref());
    for kv in &event.additional_information {
        add(&kv.name, Some(&kv.value));
    }
    if let Some(d) = &event.troubleshooting_error_details {
        add("context", d.context.as_deref());
        add("failure", d.failure.as_deref());
        add("failureDetails", d.failure_details.as_deref());
        add("remediation", d.remediation.as_deref());
    }
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::failures::test_support::event;
    use crate::model::KeyValue;

    #[test]
    fn the_raw_event_carries_ids_and_extras_for_an_escalation() {
        let mut e = event("Device platform blocked", "enrollmentRestrictionsEnforced");
        e.correlation_id = Some("c0ffee".into());
        e.additional_information = vec![KeyValue { name: "ErrorCode".into(), value: "0x80180014".into() }];
        let text = raw_event_text(&e, "ann@example.com");
        for expected in [
            "correlationId: c0ffee",
            "failureCategory: enrollmentRestrictionsEnforced",
            "ErrorCode: 0x80180014",
            "user: ann@example.com",
            "eventDateTime: 2026-11-10T10:00:00Z",
        ] {
            assert!(text.contains(expected), "{expected} missing from\n{text}");
        }
        assert_eq!(error_code(&e), Some("0x80180014"));
    }
}
