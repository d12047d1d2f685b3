//! The localized names of the documented enrollment failures and of Graph's failure categories.

use crate::domain::failures::{Category, Reason};
use crate::i18n::Key;

/// The short, localized name shown in the failures table and the details heading.
pub fn reason_title(reason: Reason) -> Key {
    match reason {
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

/// The category's name, shown under the failure and in its details.
pub fn category_title(category: Category) -> Key {
    match category {
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
