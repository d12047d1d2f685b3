//! The tenant: organization, verified domains, and the Intune subscription and its settings.

use serde::Deserialize;

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Organization {
    pub id: String,
    pub display_name: String,
    pub verified_domains: Vec<VerifiedDomain>,
    /// Who manages the tenant's devices; `None` when not read (Graph returns it only when `$select`ed).
    pub mobile_device_management_authority: Option<MdmAuthority>,
}

impl Organization {
    pub fn default_domain(&self) -> Option<&str> {
        self.verified_domains.iter().find(|d| d.is_default).or(self.verified_domains.first()).map(|d| d.name.as_str())
    }
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct VerifiedDomain {
    pub name: String,
    pub is_default: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct DeviceManagement {
    pub subscription_state: SubscriptionState,
    pub settings: DeviceManagementSettings,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct DeviceManagementSettings {
    /// Days without check-in after which a device is marked non-compliant.
    pub device_compliance_checkin_threshold_days: u32,
}

impl Default for DeviceManagementSettings {
    fn default() -> Self {
        // Intune's documented default.
        Self { device_compliance_checkin_threshold_days: 30 }
    }
}

/// `deviceManagementSubscriptionState`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum SubscriptionState {
    Pending,
    Active,
    Warning,
    Disabled,
    Deleted,
    Blocked,
    LockedOut,
    #[default]
    #[serde(other)]
    Unknown,
}

impl SubscriptionState {
    /// The portal shows Active only for `active`; every other state means the tenant cannot be managed.
    pub fn is_active(self) -> bool {
        self == SubscriptionState::Active
    }

    pub fn graph_name(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Active => "active",
            Self::Warning => "warning",
            Self::Disabled => "disabled",
            Self::Deleted => "deleted",
            Self::Blocked => "blocked",
            Self::LockedOut => "lockedOut",
            Self::Unknown => "unknown",
        }
    }
}

/// `mdmAuthority`: the service that manages the tenant's devices. Only `intune` lets Intune manage them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum MdmAuthority {
    Intune,
    Sccm,
    Office365,
    #[default]
    #[serde(other)]
    Unknown,
}

impl MdmAuthority {
    pub fn graph_name(self) -> &'static str {
        match self {
            Self::Intune => "intune",
            Self::Sccm => "sccm",
            Self::Office365 => "office365",
            Self::Unknown => "unknown",
        }
    }
}
