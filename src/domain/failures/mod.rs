//! Enrollment failures: which documented failure an event is, and what the tenant's own data says about it.
//! The prose (explanations, steps) lives in the knowledge base files; this module decides which entry applies
//! and gathers the evidence, so both are tested natively.

use std::collections::BTreeSet;

use super::search::fold;
use super::status::LicenseStatus;
use super::time::parse_iso;
use crate::i18n::Key;
use crate::model::{EnrollmentConfiguration, EnrollmentEvent, ManagedDevice, PlatformRestriction};
use crate::tables::enrollment::{effective, effective_limit, Kind};
use crate::tables::format::platform_of_os;

/// The 20 failure reasons the troubleshooting pane documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Reason {
    IosTimeout,
    UserNotLicensed,
    DeviceAlreadyEnrolled,
    NotOnboarded,
    AuthorizationFailed,
    DeviceNotSupported,
    RestrictionsNotMet,
    VersionTooLow,
    VersionTooHigh,
    PersonalBlocked,
    PlatformBlocked,
    BulkTokenExpired,
    AutopilotDeviceNotFound,
    AutopilotProfileNotAssigned,
    AutopilotMethodUnexpected,
    AutopilotDeviceRemoved,
    DeviceCapReached,
    AppleOnboarding,
    NotPreregistered,
    FeatureNotSupported,
}

/// Places in Tier1 itself where the operator checks or acts on a failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tier1Link {
    Restrictions,
    License,
    Devices,
    Groups,
    Account,
}

impl Reason {
    pub const ALL: [Reason; 20] = [
        Reason::IosTimeout,
        Reason::UserNotLicensed,
        Reason::DeviceAlreadyEnrolled,
        Reason::NotOnboarded,
        Reason::AuthorizationFailed,
        Reason::DeviceNotSupported,
        Reason::RestrictionsNotMet,
        Reason::VersionTooLow,
        Reason::VersionTooHigh,
        Reason::PersonalBlocked,
        Reason::PlatformBlocked,
        Reason::BulkTokenExpired,
        Reason::AutopilotDeviceNotFound,
        Reason::AutopilotProfileNotAssigned,
        Reason::AutopilotMethodUnexpected,
        Reason::AutopilotDeviceRemoved,
        Reason::DeviceCapReached,
        Reason::AppleOnboarding,
        Reason::NotPreregistered,
        Reason::FeatureNotSupported,
    ];

    /// The key of this reason in the knowledge base files.
    pub fn slug(self) -> &'static str {
        match self {
            Reason::IosTimeout => "iosTimeout",
            Reason::UserNotLicensed => "userNotLicensed",
            Reason::DeviceAlreadyEnrolled => "deviceAlreadyEnrolled",
            Reason::NotOnboarded => "notOnboarded",
            Reason::AuthorizationFailed => "authorizationFailed",
            Reason::DeviceNotSupported => "deviceNotSupported",
            Reason::RestrictionsNotMet => "restrictionsNotMet",
            Reason::VersionTooLow => "versionTooLow",
            Reason::VersionTooHigh => "versionTooHigh",
            Reason::PersonalBlocked => "personalBlocked",
            Reason::PlatformBlocked => "platformBlocked",
            Reason::BulkTokenExpired => "bulkTokenExpired",
            Reason::AutopilotDeviceNotFound => "autopilotDeviceNotFound",
            Reason::AutopilotProfileNotAssigned => "autopilotProfileNotAssigned",
            Reason::AutopilotMethodUnexpected => "autopilotMethodUnexpected",
            Reason::AutopilotDeviceRemoved => "autopilotDeviceRemoved",
            Reason::DeviceCapReached => "deviceCapReached",
            Reason::AppleOnboarding => "appleOnboarding",
            Reason::NotPreregistered => "notPreregistered",
            Reason::FeatureNotSupported => "featureNotSupported",
        }
    }

    /// The failure as the service and the Intune pane word it in `failureReason`.
    pub fn service_text(self) -> &'static str {
        match self {
            Reason::IosTimeout => "iOS/iPadOS Timeout or Failure",
            Reason::UserNotLicensed => "User not found or licensed",
            Reason::DeviceAlreadyEnrolled => "Device already enrolled",
            Reason::NotOnboarded => "Not onboarded into Intune",
            Reason::AuthorizationFailed => "Enrollment authorization failed",
            Reason::DeviceNotSupported => "Device not supported",
            Reason::RestrictionsNotMet => "Enrollment restrictions not met",
            Reason::VersionTooLow => "Device version too low",
            Reason::VersionTooHigh => "Device version too high",
            Reason::PersonalBlocked => "Device cannot be enrolled as personal",
            Reason::PlatformBlocked => "Device platform blocked",
            Reason::BulkTokenExpired => "Bulk token expired",
            Reason::AutopilotDeviceNotFound => "Autopilot device or details not found",
            Reason::AutopilotProfileNotAssigned => "Autopilot profile not found or not assigned",
            Reason::AutopilotMethodUnexpected => "Autopilot enrollment method unexpected",
            Reason::AutopilotDeviceRemoved => "Autopilot device removed",
            Reason::DeviceCapReached => "Device cap reached",
            Reason::AppleOnboarding => "Apple onboarding",
            Reason::NotPreregistered => "Device not preregistered",
            Reason::FeatureNotSupported => "Feature not supported",
        }
    }

    /// The short, localized name shown in the failures table.
    pub fn title(self) -> Key {
        match self {
            Reason::IosTimeout => Key::ReasonIosTimeout,
            Reason::UserNotLicensed => Key::ReasonUserNotLicensed,
            Reason::DeviceAlreadyEnrolled => Key::ReasonDeviceAlreadyEnrolled,
            Reason::NotOnboarded => Key::ReasonNotOnboarded,
            Reason::AuthorizationFailed => Key::ReasonAuthorizationFailed,
            Reason::DeviceNotSupported => Key::ReasonDeviceNotSupported,
            Reason::RestrictionsNotMet => Key::ReasonRestrictionsNotMet,
            Reason::VersionTooLow => Key::ReasonVersionTooLow,
            Reason::VersionTooHigh => Key::ReasonVersionTooHigh,
            Reason::PersonalBlocked => Key::ReasonPersonalBlocked,
            Reason::PlatformBlocked => Key::ReasonPlatformBlocked,
            Reason::BulkTokenExpired => Key::ReasonBulkTokenExpired,
            Reason::AutopilotDeviceNotFound => Key::ReasonAutopilotDeviceNotFound,
            Reason::AutopilotProfileNotAssigned => Key::ReasonAutopilotProfileNotAssigned,
            Reason::AutopilotMethodUnexpected => Key::ReasonAutopilotMethodUnexpected,
            Reason::AutopilotDeviceRemoved => Key::ReasonAutopilotDeviceRemoved,
            Reason::DeviceCapReached => Key::ReasonDeviceCapReached,
            Reason::AppleOnboarding => Key::ReasonAppleOnboarding,
            Reason::NotPreregistered => Key::ReasonNotPreregistered,
            Reason::FeatureNotSupported => Key::ReasonFeatureNotSupported,
        }
    }

    pub fn tier1_links(self) -> &'static [Tier1Link] {
        use Tier1Link::*;
        match self {
            Reason::UserNotLicensed => &[License],
            Reason::DeviceCapReached => &[Restrictions, Devices],
            Reason::RestrictionsNotMet
            | Reason::VersionTooLow
            | Reason::VersionTooHigh
            | Reason::PersonalBlocked
            | Reason::PlatformBlocked
            | Reason::NotPreregistered => &[Restrictions],
            Reason::AutopilotDeviceNotFound
            | Reason::AutopilotProfileNotAssigned
            | Reason::AutopilotMethodUnexpected
            | Reason::AutopilotDeviceRemoved => &[Groups, Devices],
            Reason::NotOnboarded | Reason::AppleOnboarding | Reason::BulkTokenExpired => &[Account],
            Reason::IosTimeout
            | Reason::DeviceAlreadyEnrolled
            | Reason::AuthorizationFailed
            | Reason::DeviceNotSupported
            | Reason::FeatureNotSupported => &[Devices],
        }
    }

    /// Restriction-driven failures, checked against the restriction in effect for the user.
    fn is_restriction(self) -> bool {
        matches!(
            self,
            Reason::RestrictionsNotMet
                | Reason::VersionTooLow
                | Reason::VersionTooHigh
                | Reason::PersonalBlocked
                | Reason::PlatformBlocked
                | Reason::NotPreregistered
        )
    }
}

/// Graph's `deviceEnrollmentFailureReason`, the event's `failureCategory`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Category {
    Unknown,
    Authentication,
    Authorization,
    AccountValidation,
    UserValidation,
    DeviceNotSupported,
    InMaintenance,
    BadRequest,
    FeatureNotSupported,
    EnrollmentRestrictionsEnforced,
    ClientDisconnected,
    UserAbandonment,
}

impl Category {
    pub const ALL: [Category; 12] = [
        Category::Unknown,
        Category::Authentication,
        Category::Authorization,
        Category::AccountValidation,
        Category::UserValidation,
        Category::DeviceNotSupported,
        Category::InMaintenance,
        Category::BadRequest,
        Category::FeatureNotSupported,
        Category::EnrollmentRestrictionsEnforced,
        Category::ClientDisconnected,
        Category::UserAbandonment,
    ];

    /// The Graph enum value, also the key in the knowledge base files.
    pub fn slug(self) -> &'static str {
        match self {
            Category::Unknown => "unknown",
            Category::Authentication => "authentication",
            Category::Authorization => "authorization",
            Category::AccountValidation => "accountValidation",
            Category::UserValidation => "userValidation",
            Category::DeviceNotSupported => "deviceNotSupported",
            Category::InMaintenance => "inMaintenance",
            Category::BadRequest => "badRequest",
            Category::FeatureNotSupported => "featureNotSupported",
            Category::EnrollmentRestrictionsEnforced => "enrollmentRestrictionsEnforced",
            Category::ClientDisconnected => "clientDisconnected",
            Category::UserAbandonment => "userAbandonment",
        }
    }

    /// Values Graph adds later, and missing ones, read as `unknown`.
    pub fn from_graph(value: Option<&str>) -> Self {
        let value = value.unwrap_or_default();
        Self::ALL.into_iter().find(|c| c.slug().eq_ignore_ascii_case(value)).unwrap_or(Category::Unknown)
    }

    pub fn title(self) -> Key {
        match self {
            Category::Unknown => Key::CategoryUnknown,
            Category::Authentication => Key::CategoryAuthentication,
            Category::Authorization => Key::CategoryAuthorization,
            Category::AccountValidation => Key::CategoryAccountValidation,
            Category::UserValidation => Key::CategoryUserValidation,
            Category::DeviceNotSupported => Key::CategoryDeviceNotSupported,
            Category::InMaintenance => Key::CategoryInMaintenance,
            Category::BadRequest => Key::CategoryBadRequest,
            Category::FeatureNotSupported => Key::CategoryFeatureNotSupported,
            Category::EnrollmentRestrictionsEnforced => Key::CategoryRestrictionsEnforced,
            Category::ClientDisconnected => Key::CategoryClientDisconnected,
            Category::UserAbandonment => Key::CategoryUserAbandonment,
        }
    }
}

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
        platform: Key,
    },
    VersionBelowMinimum {
        policy: String,
        platform: Key,
        minimum: String,
        version: String,
    },
    VersionAboveMaximum {
        policy: String,
        platform: Key,
        maximum: String,
        version: String,
    },
    PersonalBlocked {
        policy: String,
        platform: Key,
    },
    /// The restriction in effect today would let this device enroll.
    RestrictionAllowsNow {
        policy: String,
        platform: Key,
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

fn enrolled_secs(device: &ManagedDevice) -> Option<i64> {
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

fn is_nil(id: &str) -> bool {
    id.chars().all(|c| c == '0' || c == '-')
}

/// Checks the event's device against the platform restriction in effect for the user today.
fn restriction_evidence(event: &EnrollmentEvent, facts: &TenantFacts) -> Vec<Evidence> {
    let platform = platform_of_os(event.operating_system.as_deref().unwrap_or_default());
    let Some(config) = effective(facts.restrictions, Kind::Platforms, facts.groups) else { return Vec::new() };
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

fn restriction_for(config: &EnrollmentConfiguration, platform: Key) -> Option<&PlatformRestriction> {
    match platform {
        Key::PlatformWindows => config.windows_restriction.as_ref(),
        Key::PlatformIos => config.ios_restriction.as_ref(),
        Key::PlatformAndroid => config.android_restriction.as_ref(),
        Key::PlatformMacos => config.mac_os_restriction.as_ref(),
        _ => None,
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
    use crate::model::{Assignment, AssignmentTarget, ErrorDetails, KeyValue};

    fn event(reason: &str, category: &str) -> EnrollmentEvent {
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

    #[test]
    fn categories_parse_and_unknown_values_read_as_unknown() {
        for category in Category::ALL {
            assert_eq!(Category::from_graph(Some(category.slug())), category);
        }
        assert_eq!(Category::from_graph(Some("somethingNew")), Category::Unknown);
        assert_eq!(Category::from_graph(None), Category::Unknown);
    }

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

    fn facts_with<'a>(
        configs: &'a [EnrollmentConfiguration],
        devices: &'a [ManagedDevice],
        groups: &'a BTreeSet<String>,
        license: &'a LicenseStatus,
    ) -> TenantFacts<'a> {
        TenantFacts { devices, restrictions: configs, groups, license: Some(license) }
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
                platform: Key::PlatformIos,
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
            vec![Evidence::RestrictionAllowsNow { policy: "Default".into(), platform: Key::PlatformIos }]
        );
    }

    fn device(id: &str, enrolled: &str) -> ManagedDevice {
        ManagedDevice {
            id: id.into(),
            device_name: format!("dev-{id}"),
            enrolled_date_time: Some(enrolled.into()),
            ..Default::default()
        }
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
