//! Which devices support which action, from the Intune device-action reference (device-management/actions,
//! 2025-10 to 2026-08): e.g. Restart needs supervision on iOS/iPadOS and a fully managed or dedicated Android,
//! Remote lock is not a Windows action, Retire is the Android action only for personal work profiles (Wipe for
//! corporate ones), Collect diagnostics is for corporate Windows devices.

use crate::model::OwnerType;

use super::catalogue::DeviceAction;
use super::target::{ActionTarget, AndroidMode};
use crate::domain::device_platform::Platform;

/// One concrete kind of device. When a fact is unknown (ownership, supervision, Android mode), the target
/// stands for several kinds and an action is offered only if every one of them supports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Windows { corporate: bool },
    Apple { supervised: bool },
    Mac,
    Android(AndroidMode),
}

const ANDROID_MODES: [AndroidMode; 4] = [
    AndroidMode::Dedicated,
    AndroidMode::FullyManaged,
    AndroidMode::CorporateWorkProfile,
    AndroidMode::PersonalWorkProfile,
];

fn kinds(target: &ActionTarget) -> Vec<Kind> {
    match target.platform {
        Platform::Windows => match target.owner {
            OwnerType::Company => vec![Kind::Windows { corporate: true }],
            OwnerType::Personal => vec![Kind::Windows { corporate: false }],
            OwnerType::Unknown => vec![Kind::Windows { corporate: true }, Kind::Windows { corporate: false }],
        },
        Platform::Ios | Platform::IpadOs => match target.supervised {
            Some(supervised) => vec![Kind::Apple { supervised }],
            None => vec![Kind::Apple { supervised: true }, Kind::Apple { supervised: false }],
        },
        Platform::MacOs => vec![Kind::Mac],
        Platform::Android => match target.android_mode() {
            Some(mode) => vec![Kind::Android(mode)],
            None if target.owner == OwnerType::Company => {
                ANDROID_MODES.into_iter().filter(|m| is_corporate(*m)).map(Kind::Android).collect()
            }
            None => ANDROID_MODES.into_iter().map(Kind::Android).collect(),
        },
        // Devices report Android, never Android Enterprise or All (those come from policy and app types).
        Platform::AndroidEnterprise | Platform::All | Platform::Other => Vec::new(),
    }
}

fn is_corporate(mode: AndroidMode) -> bool {
    mode != AndroidMode::PersonalWorkProfile
}

fn supported_on(action: DeviceAction, kind: Kind) -> bool {
    use AndroidMode::*;
    use Kind::*;
    match action {
        DeviceAction::Sync => true,
        DeviceAction::Restart => {
            matches!(kind, Windows { .. } | Mac | Apple { supervised: true } | Android(Dedicated | FullyManaged))
        }
        DeviceAction::RemoteLock => {
            matches!(kind, Apple { .. } | Mac | Android(Dedicated | FullyManaged | CorporateWorkProfile))
        }
        // iOS/iPadOS call it "Remove passcode"; on Android it resets the device or work profile passcode.
        DeviceAction::ResetPasscode => matches!(kind, Apple { .. } | Android(_)),
        DeviceAction::Retire => matches!(kind, Windows { .. } | Apple { .. } | Mac | Android(PersonalWorkProfile)),
        DeviceAction::Wipe => matches!(
            kind,
            Windows { .. } | Apple { .. } | Mac | Android(Dedicated | FullyManaged | CorporateWorkProfile)
        ),
        DeviceAction::FreshStart | DeviceAction::DefenderQuickScan => matches!(kind, Windows { .. }),
        DeviceAction::Locate => matches!(
            kind,
            Windows { .. } | Apple { supervised: true } | Android(Dedicated | FullyManaged | CorporateWorkProfile)
        ),
        DeviceAction::CollectDiagnostics => matches!(kind, Windows { corporate: true }),
    }
}

/// True when the device's platform (and enrollment) supports the action.
pub fn supports(action: DeviceAction, target: &ActionTarget) -> bool {
    let kinds = kinds(target);
    !kinds.is_empty() && kinds.into_iter().all(|kind| supported_on(action, kind))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn device(platform: Platform, owner: OwnerType, etype: Option<&str>, supervised: Option<bool>) -> ActionTarget {
        ActionTarget { platform, owner, ..ActionTarget::default() }.with_enrollment(etype, supervised)
    }

    fn offered(target: &ActionTarget) -> Vec<DeviceAction> {
        DeviceAction::ALL.into_iter().filter(|a| supports(*a, target)).collect()
    }

    #[test]
    fn unknown_facts_offer_only_what_every_possibility_supports() {
        use DeviceAction::*;
        let iphone = device(Platform::Ios, OwnerType::Company, None, None);
        assert_eq!(offered(&iphone), [Sync, RemoteLock, ResetPasscode, Retire, Wipe]);
        let corporate_android = device(Platform::Android, OwnerType::Company, None, None);
        assert_eq!(offered(&corporate_android), [Sync, RemoteLock, ResetPasscode, Wipe, Locate]);
        let any_android = device(Platform::Android, OwnerType::Unknown, None, None);
        assert_eq!(offered(&any_android), [Sync, ResetPasscode]);
        let any_windows = device(Platform::Windows, OwnerType::Unknown, None, None);
        assert!(!supports(CollectDiagnostics, &any_windows) && supports(FreshStart, &any_windows));
        assert!(offered(&device(Platform::Other, OwnerType::Company, None, None)).is_empty());
    }
}
