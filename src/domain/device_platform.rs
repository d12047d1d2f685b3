//! The device platform (Windows, iOS, iPadOS, macOS, Android) of a device, an enrollment event, a policy or an app.

use crate::model::short_type;

/// One classification for devices (`operatingSystem`) and for what targets them (`@odata.type`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Platform {
    Windows,
    Ios,
    IpadOs,
    MacOs,
    Android,
    /// Android Enterprise policies and apps (work profile, device owner, managed Google Play). Devices
    /// report `Android`; their Enterprise mode comes from the enrollment type.
    AndroidEnterprise,
    /// A policy or app not tied to one platform (web apps, unrecognised types): it can reach any device.
    All,
    /// An operating system Tier1 does not recognise (Linux, Chrome OS, a new value).
    #[default]
    Other,
}

impl Platform {
    /// From `operatingSystem` as Intune and the enrollment service report it: "Windows", "iOS", "iPadOS",
    /// "macOS", "Android", and older or rarer spellings ("Windows 10", "Mac OS X", "MacMDM", "AndroidForWork",
    /// "AndroidEnterprise"). Case and surrounding spaces do not matter.
    pub fn from_operating_system(os: &str) -> Platform {
        match os.trim().to_ascii_lowercase().as_str() {
            "ios" => Platform::Ios,
            "ipados" => Platform::IpadOs,
            "macos" | "mac os x" | "macmdm" => Platform::MacOs,
            os if os.starts_with("android") => Platform::Android,
            os if os.starts_with("windows") => Platform::Windows,
            _ => Platform::Other,
        }
    }

    /// From a policy's or app's `@odata.type` (`iosCompliancePolicy` → iOS, `win32LobApp` → Windows).
    /// iPad-only types count as iOS: Intune groups them under one iOS/iPadOS platform.
    pub fn from_odata_type(odata_type: &str) -> Platform {
        let t = short_type(odata_type).to_ascii_lowercase();
        if t.starts_with("ios") || t.starts_with("ipad") {
            Platform::Ios
        } else if t.starts_with("macos") {
            Platform::MacOs
        } else if t.starts_with("androidworkprofile")
            || t.starts_with("androiddeviceowner")
            || t.starts_with("androidmanagedstore")
            || t.starts_with("androidforwork")
        {
            Platform::AndroidEnterprise
        } else if t.starts_with("android") {
            Platform::Android
        } else if t.starts_with("win") || t.starts_with("officesuite") || t.starts_with("microsoftstore") {
            Platform::Windows
        } else {
            Platform::All
        }
    }

    /// Whether a policy or app for this platform can land on a device of `device` platform.
    pub fn reaches(self, device: Platform) -> bool {
        self == Platform::All
            || self.family() == device.family()
            || (self == Platform::AndroidEnterprise && device == Platform::Android)
    }

    /// iPhone and iPad are one family: what targets iOS lands on both.
    fn family(self) -> Platform {
        match self {
            Platform::IpadOs => Platform::Ios,
            platform => platform,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operating_systems_in_every_spelling() {
        use Platform::*;
        for (os, platform) in [
            ("Windows", Windows),
            ("Windows 10", Windows),
            ("iOS", Ios),
            ("iPadOS", IpadOs),
            (" ipados ", IpadOs),
            ("macOS", MacOs),
            ("Mac OS X", MacOs),
            ("MacMDM", MacOs),
            ("Android", Android),
            ("AndroidForWork", Android),
            ("AndroidEnterprise", Android),
            ("Linux", Other),
            ("", Other),
        ] {
            assert_eq!(Platform::from_operating_system(os), platform, "{os:?}");
        }
    }

    #[test]
    fn odata_types() {
        use Platform::*;
        for (odata_type, platform) in [
            ("#microsoft.graph.iosCompliancePolicy", Ios),
            ("#microsoft.graph.ipadOSLobApp", Ios),
            ("#microsoft.graph.windows10VpnConfiguration", Windows),
            ("#microsoft.graph.win32LobApp", Windows),
            ("#microsoft.graph.officeSuiteApp", Windows),
            ("#microsoft.graph.androidWorkProfileCompliancePolicy", AndroidEnterprise),
            ("#microsoft.graph.androidManagedStoreApp", AndroidEnterprise),
            ("#microsoft.graph.androidManagedAppProtection", Android),
            ("#microsoft.graph.macOSLobApp", MacOs),
            ("#microsoft.graph.webApp", All),
        ] {
            assert_eq!(Platform::from_odata_type(odata_type), platform, "{odata_type}");
        }
    }

    #[test]
    fn what_targets_a_platform_reaches_its_devices() {
        let device = Platform::from_operating_system;
        assert!(Platform::AndroidEnterprise.reaches(device("Android")));
        assert!(Platform::Ios.reaches(device("iPadOS")));
        assert!(Platform::All.reaches(device("Linux")));
        assert!(!Platform::Windows.reaches(device("iOS")));
        assert!(!Platform::Android.reaches(device("Linux")));
        assert!(!Platform::Android.reaches(Platform::AndroidEnterprise));
    }
}
