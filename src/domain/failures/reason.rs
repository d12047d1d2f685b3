//! The documented enrollment failures (reasons), Graph's failure categories, and where in Tier1 to look.

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
    pub(super) fn is_restriction(self) -> bool {
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn categories_parse_and_unknown_values_read_as_unknown() {
        for category in Category::ALL {
            assert_eq!(Category::from_graph(Some(category.slug())), category);
        }
        assert_eq!(Category::from_graph(Some("somethingNew")), Category::Unknown);
        assert_eq!(Category::from_graph(None), Category::Unknown);
    }
}
