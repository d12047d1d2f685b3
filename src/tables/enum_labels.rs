//! Localized labels for Graph enum values Tier1 shows as text (subscription state, enrollment type, Entra
//! join type, management agent). A value Tier1 does not know stays readable: "Other (value)".

use crate::domain::entra::JoinType;
use crate::i18n::{Key, Locale};
use crate::model::{ManagedBy, MdmAuthority, SubscriptionState};

/// "Other (value)": a Graph value newer than Tier1, shown as Graph sent it.
pub fn other(locale: Locale, value: &str) -> String {
    locale.fill(Key::OtherValue, &[("value", value)])
}

pub fn subscription_state(state: SubscriptionState) -> Key {
    match state {
        SubscriptionState::Pending => Key::SubStatePending,
        SubscriptionState::Active => Key::SubStateActive,
        SubscriptionState::Warning => Key::SubStateWarning,
        SubscriptionState::Disabled => Key::SubStateDisabled,
        SubscriptionState::Deleted => Key::SubStateDeleted,
        SubscriptionState::Blocked => Key::SubStateBlocked,
        SubscriptionState::LockedOut => Key::SubStateLockedOut,
        SubscriptionState::Unknown => Key::SubStateUnknown,
    }
}

pub fn mdm_authority(authority: MdmAuthority) -> Key {
    match authority {
        MdmAuthority::Intune => Key::MdmIntune,
        MdmAuthority::Sccm => Key::MdmSccm,
        MdmAuthority::Office365 => Key::MdmOffice365,
        MdmAuthority::Unknown => Key::MdmUnknown,
    }
}

/// Graph's `deviceEnrollmentType` values (managedDevice, and enrollment troubleshooting events).
pub const ENROLLMENT_TYPES: [(&str, Key); 21] = [
    ("unknown", Key::Unknown),
    ("userEnrollment", Key::EnrollUserDriven),
    ("deviceEnrollmentManager", Key::EnrollDeviceEnrollmentManager),
    ("appleBulkWithUser", Key::EnrollAppleAutomatedWithUser),
    ("appleBulkWithoutUser", Key::EnrollAppleAutomatedWithoutUser),
    ("windowsAzureADJoin", Key::EnrollEntraJoin),
    ("windowsBulkUserless", Key::EnrollWindowsBulkUserless),
    ("windowsAutoEnrollment", Key::EnrollWindowsAutomatic),
    ("windowsBulkAzureDomainJoin", Key::EnrollWindowsBulkEntraJoin),
    ("windowsCoManagement", Key::EnrollWindowsCoManagement),
    ("windowsAzureADJoinUsingDeviceAuth", Key::EnrollEntraJoinDeviceAuth),
    ("appleUserEnrollment", Key::EnrollAppleUser),
    ("appleUserEnrollmentWithServiceAccount", Key::EnrollAppleUserServiceAccount),
    ("appleAccountDrivenUserEnrollment", Key::EnrollAppleAccountDriven),
    ("azureAdJoinUsingAzureVmExtension", Key::EnrollEntraJoinAzureVm),
    ("androidEnterpriseDedicatedDevice", Key::EnrollAndroidDedicated),
    ("androidEnterpriseFullyManaged", Key::EnrollAndroidFullyManaged),
    ("androidEnterpriseCorporateWorkProfile", Key::EnrollAndroidCorporateWorkProfile),
    ("androidEnterprisePersonalWorkProfile", Key::EnrollAndroidPersonalWorkProfile),
    ("androidAOSPUserOwnedDeviceEnrollment", Key::EnrollAospUserAssociated),
    ("androidAOSPUserlessDeviceEnrollment", Key::EnrollAospUserless),
];

/// An enrollment type in words; `None` for an empty value.
pub fn enrollment_type(locale: Locale, value: &str) -> Option<String> {
    if value.is_empty() {
        return None;
    }
    Some(match ENROLLMENT_TYPES.iter().find(|(graph, _)| graph.eq_ignore_ascii_case(value)) {
        Some((_, key)) => locale.text(*key).to_string(),
        None => other(locale, value),
    })
}

pub fn join_type(join: JoinType) -> Key {
    match join {
        JoinType::EntraJoined => Key::JoinEntraJoined,
        JoinType::HybridJoined => Key::JoinHybridJoined,
        JoinType::Registered => Key::JoinRegistered,
        JoinType::NotRegistered => Key::JoinNotRegistered,
    }
}

/// The "Managed by" column: MDM, ConfigMgr, co-managed, …; an agent Tier1 does not group reads
/// "Other (agent)".
pub fn managed_by(locale: Locale, agent: &str) -> String {
    match ManagedBy::from_agent(agent) {
        ManagedBy::Other if agent.is_empty() || agent == "unknown" => locale.text(Key::Unknown).to_string(),
        ManagedBy::Other => other(locale, agent),
        _ => locale.text(super::format::managed_by(agent)).to_string(),
    }
}

#[cfg(test)]
#[path = "enum_labels_tests.rs"]
mod tests;
