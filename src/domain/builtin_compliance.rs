//! Intune's built-in "Default device compliance policy": every enrolled device is judged by it, it is not in
//! the tenant's list of compliance policies, and its settings' names ("Is active") mean little to an operator.

use crate::model::{DevicePolicyState, SettingState};

/// The three settings of the built-in policy, by what they check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BuiltInSetting {
    /// "Is active": the device checked in within the tenant's check-in threshold.
    IsActive,
    /// "Has a compliance policy assigned": some compliance policy is assigned to the device.
    PolicyAssigned,
    /// "Enrolled user exists": the user who enrolled the device still exists.
    EnrolledUserExists,
}

const PREFIX: &str = "DefaultDeviceCompliancePolicy.";

/// The built-in setting a setting state reports, by Graph's setting id, else by its display name.
pub fn builtin_setting(state: &SettingState) -> Option<BuiltInSetting> {
    let by_id = state.setting.as_deref().and_then(|id| id.strip_prefix(PREFIX)).and_then(|name| match name {
        "RequireRemainContact" => Some(BuiltInSetting::IsActive),
        "RequireDeviceCompliancePolicyAssigned" => Some(BuiltInSetting::PolicyAssigned),
        "RequireUserExistence" => Some(BuiltInSetting::EnrolledUserExists),
        _ => None,
    });
    by_id.or_else(|| match state.setting_name.as_deref()? {
        "Is active" => Some(BuiltInSetting::IsActive),
        "Has a compliance policy assigned" => Some(BuiltInSetting::PolicyAssigned),
        "Enrolled user exists" => Some(BuiltInSetting::EnrolledUserExists),
        _ => None,
    })
}

/// Whether a device's compliance state is the built-in policy's (Graph names it, and prefixes its settings).
pub fn is_builtin_policy(state: &DevicePolicyState) -> bool {
    state.display_name.eq_ignore_ascii_case("Default Device Compliance Policy")
        || state.setting_states.iter().any(|s| s.setting.as_deref().is_some_and(|id| id.starts_with(PREFIX)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn setting(id: Option<&str>, name: Option<&str>) -> SettingState {
        SettingState { setting: id.map(Into::into), setting_name: name.map(Into::into), ..SettingState::default() }
    }

    #[test]
    fn settings_are_known_by_id_or_by_name() {
        let active = setting(Some("DefaultDeviceCompliancePolicy.RequireRemainContact"), Some("Is active"));
        assert_eq!(builtin_setting(&active), Some(BuiltInSetting::IsActive));
        let by_name = setting(None, Some("Enrolled user exists"));
        assert_eq!(builtin_setting(&by_name), Some(BuiltInSetting::EnrolledUserExists));
        let assigned = setting(Some("DefaultDeviceCompliancePolicy.RequireDeviceCompliancePolicyAssigned"), None);
        assert_eq!(builtin_setting(&assigned), Some(BuiltInSetting::PolicyAssigned));
        assert_eq!(builtin_setting(&setting(Some("Passcode.Required"), Some("Require a password"))), None);
    }

    #[test]
    fn the_builtin_policy_is_known_by_name_or_settings() {
        let named = DevicePolicyState { display_name: "Default Device Compliance Policy".into(), ..Default::default() };
        assert!(is_builtin_policy(&named));
        let by_setting = DevicePolicyState {
            display_name: "Standard".into(),
            setting_states: vec![setting(Some("DefaultDeviceCompliancePolicy.RequireUserExistence"), None)],
            ..Default::default()
        };
        assert!(is_builtin_policy(&by_setting));
        assert!(!is_builtin_policy(&DevicePolicyState { display_name: "iOS baseline".into(), ..Default::default() }));
    }
}
