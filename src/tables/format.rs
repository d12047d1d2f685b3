//! Labels and tones for Graph enums and values, shared by every table.

use super::Clock;
use crate::domain::device_platform::Platform;
use crate::domain::table::{Cell, Tone};
use crate::domain::time;
use crate::i18n::{Key, Locale};
use crate::model::{ComplianceState, InstallState, ManagedBy, OwnerType, PolicyState};

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

/// A platform's localized name. iOS and iPadOS share one label, as Intune's policies and apps do; devices
/// and policies of no single platform read "All platforms".
pub fn platform_label(platform: Platform) -> Key {
    match platform {
        Platform::Windows => Key::PlatformWindows,
        Platform::Ios | Platform::IpadOs => Key::PlatformIos,
        Platform::MacOs => Key::PlatformMacos,
        Platform::Android => Key::PlatformAndroid,
        Platform::AndroidEnterprise => Key::PlatformAndroidEnterprise,
        Platform::All | Platform::Other => Key::PlatformAll,
    }
}

/// The localized platform of a policy or app, from its `@odata.type`.
pub fn type_platform_label(odata_type: &str) -> Key {
    platform_label(Platform::from_odata_type(odata_type))
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

    /// Every string value of `field` anywhere in the demo tenants' fixture files.
    fn fixture_values(field: &str) -> std::collections::BTreeSet<String> {
        fn collect(value: &serde_json::Value, field: &str, out: &mut std::collections::BTreeSet<String>) {
            match value {
                serde_json::Value::Object(map) => {
                    for (name, inner) in map {
                        match inner.as_str() {
                            Some(text) if name == field => {
                                out.insert(text.to_string());
                            }
                            _ => collect(inner, field, out),
                        }
                    }
                }
                serde_json::Value::Array(items) => items.iter().for_each(|item| collect(item, field, out)),
                _ => {}
            }
        }
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
        let mut out = std::collections::BTreeSet::new();
        for tenant in std::fs::read_dir(root).unwrap().flatten().filter(|e| e.path().is_dir()) {
            for file in std::fs::read_dir(tenant.path()).unwrap().flatten() {
                if file.path().extension().is_some_and(|ext| ext == "json") {
                    let text = std::fs::read_to_string(file.path()).unwrap();
                    collect(&serde_json::from_str(&text).unwrap(), field, &mut out);
                }
            }
        }
        out
    }

    /// Each fixture `operatingSystem`: the label tables and loaders used, and the device actions' platform.
    #[test]
    fn fixture_operating_systems_keep_their_label_and_platform() {
        let expected = [
            ("Android", Key::PlatformAndroid, Platform::Android),
            ("Windows", Key::PlatformWindows, Platform::Windows),
            ("iOS", Key::PlatformIos, Platform::Ios),
            ("iPadOS", Key::PlatformIos, Platform::IpadOs),
            ("macOS", Key::PlatformMacos, Platform::MacOs),
        ];
        let values = fixture_values("operatingSystem");
        assert_eq!(values.len(), expected.len(), "a new spelling in the fixtures: {values:?}");
        for (os, key, platform) in expected {
            assert!(values.contains(os), "{os} is no longer in the fixtures");
            assert_eq!(Platform::from_operating_system(os), platform, "{os}");
            assert_eq!(platform_label(Platform::from_operating_system(os)), key, "{os}");
        }
    }

    /// Each fixture `@odata.type`: its platform label, and which fixture devices it reaches.
    #[test]
    fn fixture_types_keep_their_label_and_reach() {
        use Key::*;
        let labelled = |short: &str| match short {
            "androidDeviceOwnerCompliancePolicy"
            | "androidDeviceOwnerGeneralDeviceConfiguration"
            | "androidManagedStoreApp"
            | "androidWorkProfileCompliancePolicy"
            | "androidWorkProfileGeneralDeviceConfiguration" => PlatformAndroidEnterprise,
            "androidManagedAppProtection" | "androidManagedAppRegistration" | "androidMobileAppIdentifier" => {
                PlatformAndroid
            }
            t if t.starts_with("ios") => PlatformIos,
            t if t.starts_with("macOS") => PlatformMacos,
            t if t.starts_with("win") || t == "officeSuiteApp" => PlatformWindows,
            _ => PlatformAll,
        };
        let devices: Vec<Platform> =
            fixture_values("operatingSystem").iter().map(|os| Platform::from_operating_system(os)).collect();
        let types = fixture_values("@odata.type");
        assert!(types.len() > 20, "the fixtures were not read: {types:?}");
        for odata_type in types {
            let label = labelled(crate::model::short_type(&odata_type));
            let platform = Platform::from_odata_type(&odata_type);
            assert_eq!(platform_label(platform), label, "{odata_type}");
            for device in &devices {
                let device_label = platform_label(*device);
                let fitted = label == PlatformAll
                    || label == device_label
                    || (label == PlatformAndroidEnterprise && device_label == PlatformAndroid);
                assert_eq!(platform.reaches(*device), fitted, "{odata_type} on {device:?}");
            }
        }
    }

    #[test]
    fn missing_timestamp_reads_never_and_sorts_last() {
        let cell = datetime_cell(Locale::En, None, Clock { now_secs: 0, offset_minutes: 0 });
        assert_eq!(cell.text, "Never");
        assert_eq!(cell.sort, crate::domain::table::SortKey::Missing);
    }
}
