//! A managed device as Microsoft Entra ID sees it: how it is joined, and whether Entra counts it compliant
//! (the troubleshooting pane's "Azure AD join type" and "Azure AD compliant" columns).
//!
//! Graph v1.0 has no `joinType` on managedDevice (beta only), so the join type is read from what v1.0 does
//! send: the Entra registration (`azureADRegistered`, `azureADDeviceId`) and the enrollment type, which
//! names how a Windows device joined.

use crate::model::{ComplianceState, ManagedDevice};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JoinType {
    EntraJoined,
    HybridJoined,
    Registered,
    NotRegistered,
}

/// The all-zero id Intune reports for a device that has no Entra object.
const NO_DEVICE_ID: &str = "00000000-0000-0000-0000-000000000000";

pub fn join_type(device: &ManagedDevice) -> JoinType {
    let has_id = device.azure_ad_device_id.as_deref().is_some_and(|id| !id.is_empty() && id != NO_DEVICE_ID);
    if device.azure_ad_registered == Some(false) || !has_id {
        return JoinType::NotRegistered;
    }
    match device.device_enrollment_type.as_deref().unwrap_or_default() {
        "windowsAzureADJoin"
        | "windowsAzureADJoinUsingDeviceAuth"
        | "windowsBulkAzureDomainJoin"
        | "azureAdJoinUsingAzureVmExtension" => JoinType::EntraJoined,
        // Group Policy auto-enrollment and co-management are how domain-joined (hybrid) PCs enroll; an
        // Entra-joined PC that auto-enrolls reports windowsAzureADJoin.
        "windowsAutoEnrollment" | "windowsCoManagement" => JoinType::HybridJoined,
        _ => JoinType::Registered,
    }
}

/// Whether Entra ID counts the device compliant (Conditional Access): Intune writes its compliance verdict
/// to the Entra device object, and a device in its grace period still counts as compliant there. `None`
/// when the device has no Entra object or Intune has no verdict.
pub fn entra_compliant(device: &ManagedDevice) -> Option<bool> {
    if join_type(device) == JoinType::NotRegistered {
        return None;
    }
    match device.compliance_state {
        ComplianceState::Compliant | ComplianceState::InGracePeriod => Some(true),
        ComplianceState::Noncompliant | ComplianceState::Conflict | ComplianceState::Error => Some(false),
        ComplianceState::ConfigManager | ComplianceState::Unknown => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn device(enrollment: &str, registered: Option<bool>, id: Option<&str>) -> ManagedDevice {
        ManagedDevice {
            device_enrollment_type: Some(enrollment.to_string()),
            azure_ad_registered: registered,
            azure_ad_device_id: id.map(str::to_string),
            ..ManagedDevice::default()
        }
    }

    #[test]
    fn join_type_follows_registration_and_enrollment() {
        let id = Some("0748e771-21f8-54bc-9e39-22648edcda9e");
        assert_eq!(join_type(&device("windowsAzureADJoin", Some(true), id)), JoinType::EntraJoined);
        assert_eq!(join_type(&device("windowsCoManagement", Some(true), id)), JoinType::HybridJoined);
        assert_eq!(join_type(&device("userEnrollment", Some(true), id)), JoinType::Registered);
        assert_eq!(join_type(&device("appleBulkWithUser", None, id)), JoinType::Registered);
        assert_eq!(join_type(&device("windowsAzureADJoin", Some(false), id)), JoinType::NotRegistered);
        assert_eq!(join_type(&device("userEnrollment", Some(true), Some(NO_DEVICE_ID))), JoinType::NotRegistered);
        assert_eq!(join_type(&device("userEnrollment", Some(true), None)), JoinType::NotRegistered);
    }

    #[test]
    fn entra_compliance_mirrors_intune_and_needs_an_entra_device() {
        let id = Some("0748e771-21f8-54bc-9e39-22648edcda9e");
        let with = |state| ManagedDevice { compliance_state: state, ..device("windowsAzureADJoin", Some(true), id) };
        assert_eq!(entra_compliant(&with(ComplianceState::Compliant)), Some(true));
        assert_eq!(entra_compliant(&with(ComplianceState::InGracePeriod)), Some(true));
        assert_eq!(entra_compliant(&with(ComplianceState::Noncompliant)), Some(false));
        assert_eq!(entra_compliant(&with(ComplianceState::Unknown)), None);
        let unregistered =
            ManagedDevice { compliance_state: ComplianceState::Compliant, ..device("userEnrollment", Some(false), id) };
        assert_eq!(entra_compliant(&unregistered), None);
    }
}
