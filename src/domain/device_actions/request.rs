//! What an action sends (its JSON body) and what the operator must be told before a destructive one: what
//! will be lost, and the typed confirmation.

use serde_json::{json, Value};

use super::catalogue::DeviceAction;

/// The confirmation's options. Default: nothing kept, as in the admin center.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ActionOptions {
    /// Wipe: keep the enrollment state (the device stays enrolled and in the user's list).
    pub keep_enrollment_data: bool,
    /// Wipe and Fresh Start: keep the user's files and accounts.
    pub keep_user_data: bool,
}

/// The request body, or `None` for actions Graph calls without one.
pub fn request_body(action: DeviceAction, options: ActionOptions) -> Option<Value> {
    match action {
        DeviceAction::Wipe => Some(json!({
            "keepEnrollmentData": options.keep_enrollment_data,
            "keepUserData": options.keep_user_data,
        })),
        DeviceAction::FreshStart => Some(json!({ "keepUserData": options.keep_user_data })),
        DeviceAction::DefenderQuickScan => Some(json!({ "quickScan": true })),
        // Beta `deviceLogCollectionRequest`; `predefined` is the only template Intune offers.
        DeviceAction::CollectDiagnostics => Some(json!({
            "templateType": {
                "@odata.type": "microsoft.graph.deviceLogCollectionRequest",
                "templateType": "predefined",
            }
        })),
        _ => None,
    }
}

/// What the device (or its user) loses, stated before a destructive action is confirmed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Loss {
    /// Apps, data, e-mail and the Wi-Fi, VPN and certificate profiles Intune installed; personal data stays.
    CompanyAppsAndData,
    /// Installed apps and settings (a factory reset, or Fresh Start's reinstall of Windows).
    AppsAndSettings,
    /// The user's files and accounts on the device.
    UserFilesAndAccounts,
    /// The device leaves Intune: it disappears from the user's devices and must be enrolled again.
    IntuneManagement,
}

pub fn losses(action: DeviceAction, options: ActionOptions) -> Vec<Loss> {
    let mut lost = Vec::new();
    match action {
        DeviceAction::Retire => lost.extend([Loss::CompanyAppsAndData, Loss::IntuneManagement]),
        DeviceAction::Wipe => {
            lost.push(Loss::AppsAndSettings);
            if !options.keep_user_data {
                lost.push(Loss::UserFilesAndAccounts);
            }
            if !options.keep_enrollment_data {
                lost.push(Loss::IntuneManagement);
            }
        }
        DeviceAction::FreshStart => {
            lost.push(Loss::AppsAndSettings);
            if !options.keep_user_data {
                lost.push(Loss::UserFilesAndAccounts);
            }
        }
        _ => {}
    }
    lost
}

/// Whether what the operator typed confirms the device name. Surrounding spaces, case and typographic
/// quotes are forgiven (`Sanne’s iPhone` is hard to type exactly); anything else must match.
pub fn confirmation_matches(typed: &str, device_name: &str) -> bool {
    fn normalize(text: &str) -> String {
        text.trim()
            .chars()
            .map(|c| match c {
                '\u{2018}' | '\u{2019}' | '\u{02BC}' => '\'',
                '\u{201C}' | '\u{201D}' => '"',
                c => c,
            })
            .flat_map(char::to_lowercase)
            .collect()
    }
    let expected = normalize(device_name);
    !expected.is_empty() && normalize(typed) == expected
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wipe_body_carries_both_options() {
        let keep_all = ActionOptions { keep_enrollment_data: true, keep_user_data: true };
        assert_eq!(
            request_body(DeviceAction::Wipe, keep_all),
            Some(json!({"keepEnrollmentData": true, "keepUserData": true}))
        );
        assert_eq!(
            request_body(DeviceAction::Wipe, ActionOptions::default()).unwrap().to_string(),
            r#"{"keepEnrollmentData":false,"keepUserData":false}"#
        );
    }

    #[test]
    fn bodies_of_the_other_actions() {
        let keep = ActionOptions { keep_user_data: true, ..ActionOptions::default() };
        assert_eq!(request_body(DeviceAction::FreshStart, keep), Some(json!({"keepUserData": true})));
        assert_eq!(request_body(DeviceAction::DefenderQuickScan, keep), Some(json!({"quickScan": true})));
        let diagnostics = request_body(DeviceAction::CollectDiagnostics, keep).unwrap();
        assert_eq!(diagnostics["templateType"]["templateType"], "predefined");
        for action in [DeviceAction::Sync, DeviceAction::Restart, DeviceAction::Retire, DeviceAction::Locate] {
            assert_eq!(request_body(action, keep), None, "{action:?}");
        }
    }

    #[test]
    fn losses_depend_on_options() {
        use Loss::*;
        let none = ActionOptions::default();
        assert_eq!(losses(DeviceAction::Wipe, none), [AppsAndSettings, UserFilesAndAccounts, IntuneManagement]);
        let keep_enrollment = ActionOptions { keep_enrollment_data: true, keep_user_data: false };
        assert_eq!(losses(DeviceAction::Wipe, keep_enrollment), [AppsAndSettings, UserFilesAndAccounts]);
        let keep_both = ActionOptions { keep_enrollment_data: true, keep_user_data: true };
        assert_eq!(losses(DeviceAction::Wipe, keep_both), [AppsAndSettings]);
        assert_eq!(losses(DeviceAction::Retire, none), [CompanyAppsAndData, IntuneManagement]);
        assert_eq!(losses(DeviceAction::FreshStart, keep_both), [AppsAndSettings]);
        assert!(losses(DeviceAction::Sync, none).is_empty());
        for action in DeviceAction::ALL {
            assert_eq!(action.is_destructive(), !losses(action, none).is_empty(), "{action:?}");
        }
    }

    #[test]
    fn confirmation_needs_the_device_name() {
        assert!(confirmation_matches("AUR-LT-0142", "AUR-LT-0142"));
        assert!(confirmation_matches("  aur-lt-0142 ", "AUR-LT-0142"));
        assert!(confirmation_matches("Sanne's iPhone", "Sanne’s iPhone"));
        assert!(!confirmation_matches("AUR-LT-014", "AUR-LT-0142"));
        assert!(!confirmation_matches("", ""));
        assert!(!confirmation_matches("yes", "AUR-LT-0142"));
    }
}
