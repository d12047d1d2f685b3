//! Labels and tones for Graph enums and values, shared by every table.

use super::Clock;
use crate::domain::table::{Cell, Tone};
use crate::domain::time;
use crate::i18n::{Key, Locale};
use crate::model::{short_type, ComplianceState, InstallState, ManagedBy, OwnerType, PolicyState};

/// Placeholder for a value the service did not send.
pub const MISSING: &str = "—";

/// A timestamp in local time, with its age as the second line; sorts chronologically.
pub fn datetime_cell(locale: Locale, iso: Option<&str>, clock: Clock) -> Cell {
    match iso.and_then(time::parse_iso) {
        Some(t) => Cell::text(time::format_local(t, clock.offset_minutes))
            .with_detail(Some(age(locale, t, clock.now_secs)))
            .sorted_by(Some(t)),
        None => Cell::text(locale.text(Key::Never)).tone(Tone::Muted).sorted_by(None),
    }
}

pub fn age(locale: Locale, then_secs: i64, now_secs: i64) -> String {
    let secs = (now_secs - then_secs).max(0);
    let n = |v: i64| v.to_string();
    match secs {
        0..=59 => locale.text(Key::JustNow).to_string(),
        60..=3599 => locale.fill(Key::AgoMinutes, &[("n", &n(secs / 60))]),
        3600..=86_399 => locale.fill(Key::AgoHours, &[("n", &n(secs / 3600))]),
        86_400..=172_799 => locale.text(Key::AgoOneDay).to_string(),
        _ => locale.fill(Key::AgoDays, &[("n", &n(secs / 86_400))]),
    }
}

pub fn compliance(state: ComplianceState) -> (Key, Tone) {
    match state {
        ComplianceState::Compliant => (Key::ComplianceCompliant, Tone::Good),
        ComplianceState::Noncompliant => (Key::ComplianceNoncompliant, Tone::Bad),
        ComplianceState::Conflict => (Key::ComplianceConflict, Tone::Bad),
        ComplianceState::Error => (Key::ComplianceError, Tone::Bad),
        ComplianceState::InGracePeriod => (Key::ComplianceInGrace, Tone::Warn),
        ComplianceState::ConfigManager => (Key::ComplianceConfigMgr, Tone::Muted),
        ComplianceState::Unknown => (Key::Unknown, Tone::Muted),
    }
}

/// The "Intune compliant" column: Yes / No / No (grace period).
pub fn intune_compliant(state: ComplianceState) -> (Key, Tone) {
    match state {
        ComplianceState::Compliant => (Key::Yes, Tone::Good),
        ComplianceState::InGracePeriod => (Key::NoInGrace, Tone::Warn),
        ComplianceState::Unknown | ComplianceState::ConfigManager => (Key::Unknown, Tone::Muted),
        _ => (Key::No, Tone::Bad),
    }
}

/// Policy outcome on a device. Configuration profiles call success "Succeeded", compliance "Compliant".
pub fn policy_state(state: PolicyState, compliance: bool) -> (Key, Tone) {
    match state {
        PolicyState::Compliant if compliance => (Key::ComplianceCompliant, Tone::Good),
        PolicyState::Compliant => (Key::StateSucceeded, Tone::Good),
        PolicyState::Remediated => (Key::StateRemediated, Tone::Good),
        PolicyState::NonCompliant => (Key::StateNonCompliant, Tone::Bad),
        PolicyState::Error => (Key::ComplianceError, Tone::Bad),
        PolicyState::Conflict => (Key::ComplianceConflict, Tone::Bad),
        PolicyState::NotApplicable => (Key::StateNotApplicable, Tone::Muted),
        PolicyState::NotAssigned => (Key::StateNotAssigned, Tone::Muted),
        PolicyState::Unknown => (Key::Unknown, Tone::Muted),
    }
}

pub fn install_state(state: InstallState) -> (Key, Tone) {
    match state {
        InstallState::Installed => (Key::InstallInstalled, Tone::Good),
        InstallState::Failed => (Key::InstallFailed, Tone::Bad),
        InstallState::UninstallFailed => (Key::InstallUninstallFailed, Tone::Bad),
        InstallState::PendingInstall => (Key::InstallPending, Tone::Warn),
        InstallState::NotInstalled => (Key::InstallNotInstalled, Tone::Muted),
        InstallState::NotApplicable => (Key::StateNotApplicable, Tone::Muted),
        InstallState::Unknown => (Key::Unknown, Tone::Muted),
    }
}

pub fn managed_by(agent: &str) -> Key {
    match ManagedBy::from_agent(agent) {
        ManagedBy::Mdm => Key::ManagedByMdm,
        ManagedBy::ConfigMgr => Key::ManagedByConfigMgr,
        ManagedBy::CoManaged => Key::ManagedByCoManaged,
        ManagedBy::Mde => Key::ManagedByMde,
        ManagedBy::Eas => Key::ManagedByEas,
        ManagedBy::Other => Key::ManagedByOther,
    }
}

pub fn ownership(owner: OwnerType) -> Key {
    match owner {
        OwnerType::Company => Key::OwnershipCompany,
        OwnerType::Personal => Key::OwnershipPersonal,
        OwnerType::Unknown => Key::Unknown,
    }
}

/// Platform of a policy or app from its `@odata.type` (`iosCompliancePolicy` → iOS/iPadOS).
pub fn platform_of_type(odata_type: &str) -> Key {
    let t = short_type(odata_type).to_ascii_lowercase();
    if t.starts_with("ios") || t.starts_with("ipad") {
        Key::PlatformIos
    } else if t.starts_with("macos") {
        Key::PlatformMacos
    } else if t.starts_with("androidworkprofile")
        || t.starts_with("androiddeviceowner")
        || t.starts_with("androidmanagedstore")
        || t.starts_with("androidforwork")
    {
        Key::PlatformAndroidEnterprise
    } else if t.starts_with("android") {
        Key::PlatformAndroid
    } else if t.starts_with("win") || t.starts_with("officesuite") || t.starts_with("microsoftstore") {
        Key::PlatformWindows
    } else {
        Key::PlatformAll
    }
}

/// Platform key of a device's `operatingSystem`, to match policies and apps to devices.
pub fn platform_of_os(operating_system: &str) -> Key {
    match operating_system.to_ascii_lowercase().as_str() {
        "ios" | "ipados" => Key::PlatformIos,
        "macos" | "mac os x" => Key::PlatformMacos,
        "android" => Key::PlatformAndroid,
        os if os.starts_with("windows") => Key::PlatformWindows,
        _ => Key::PlatformAll,
    }
}

/// Whether something built for `target` platform can land on a device of `device` platform.
pub fn platform_fits(target: Key, device: Key) -> bool {
    target == Key::PlatformAll
        || target == device
        || (target == Key::PlatformAndroidEnterprise && device == Key::PlatformAndroid)
}

pub fn badge(locale: Locale, (key, tone): (Key, Tone)) -> Cell {
    Cell::badge(locale.text(key), tone)
}

pub fn text_or_missing(value: Option<&str>) -> Cell {
    match value.filter(|v| !v.is_empty()) {
        Some(v) => Cell::text(v),
        None => Cell::text(MISSING).tone(Tone::Muted).sorted_by(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ages_read_naturally() {
        let l = Locale::En;
        assert_eq!(age(l, 0, 30), "just now");
        assert_eq!(age(l, 0, 600), "10 min ago");
        assert_eq!(age(l, 0, 7200), "2 h ago");
        assert_eq!(age(l, 0, 86_400 + 5), "1 day ago");
        assert_eq!(age(l, 0, 45 * 86_400 + 5), "45 days ago");
    }

    #[test]
    fn platforms_from_odata_types() {
        assert_eq!(platform_of_type("#microsoft.graph.iosCompliancePolicy"), Key::PlatformIos);
        assert_eq!(platform_of_type("#microsoft.graph.windows10VpnConfiguration"), Key::PlatformWindows);
        assert_eq!(platform_of_type("#microsoft.graph.win32LobApp"), Key::PlatformWindows);
        assert_eq!(
            platform_of_type("#microsoft.graph.androidWorkProfileCompliancePolicy"),
            Key::PlatformAndroidEnterprise
        );
        assert_eq!(platform_of_type("#microsoft.graph.macOSLobApp"), Key::PlatformMacos);
        assert_eq!(platform_of_type("#microsoft.graph.webApp"), Key::PlatformAll);
        assert!(platform_fits(Key::PlatformAndroidEnterprise, platform_of_os("Android")));
        assert!(platform_fits(Key::PlatformIos, platform_of_os("iPadOS")));
        assert!(!platform_fits(Key::PlatformWindows, platform_of_os("iOS")));
    }

    #[test]
    fn missing_timestamp_reads_never_and_sorts_last() {
        let cell = datetime_cell(Locale::En, None, Clock { now_secs: 0, offset_minutes: 0 });
        assert_eq!(cell.text, "Never");
        assert_eq!(cell.sort, crate::domain::table::SortKey::Missing);
    }
}
