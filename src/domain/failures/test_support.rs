//! Events, devices and tenant facts the failure tests share.

use std::collections::BTreeSet;

use super::TenantFacts;
use crate::domain::status::LicenseStatus;
use crate::model::{EnrollmentConfiguration, EnrollmentEvent, ManagedDevice};

/// An iOS 16.7.10 event of 2026-11-10 10:00 UTC with the given reason and category.
pub fn event(reason: &str, category: &str) -> EnrollmentEvent {
    EnrollmentEvent {
        id: "e1".into(),
        failure_reason: Some(reason.into()),
        failure_category: Some(category.into()),
        event_date_time: Some("2026-11-10T10:00:00Z".into()),
        operating_system: Some("iOS".into()),
        os_version: Some("16.7.10".into()),
        ..Default::default()
    }
}

pub fn device(id: &str, enrolled: &str) -> ManagedDevice {
    ManagedDevice {
        id: id.into(),
        device_name: format!("dev-{id}"),
        enrolled_date_time: Some(enrolled.into()),
        ..Default::default()
    }
}

pub fn facts_with<'a>(
    configs: &'a [EnrollmentConfiguration],
    devices: &'a [ManagedDevice],
    groups: &'a BTreeSet<String>,
    license: &'a LicenseStatus,
) -> TenantFacts<'a> {
    TenantFacts { devices, restrictions: configs, groups, license: Some(license) }
}
