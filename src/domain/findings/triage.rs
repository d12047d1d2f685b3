//! How much each finding weighs, who acts on it, where its evidence is shown, and the order the findings box
//! lists them in: by impact on the caller (all access, then a device, then an app or profile, then warnings),
//! most recent first within a weight, and a finding that only follows from another (a stale device's profile
//! errors) grouped under that cause.

use std::cmp::Reverse;

use super::{Finding, ItemKind};

/// Impact on the caller; the order is the ranking order (most severe first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Weight {
    /// The user cannot use anything managed: account, license, tenant.
    BlocksAccess,
    /// One device is blocked (not compliant, cannot enroll, stopped checking in and marked not compliant).
    BlocksDevice,
    /// One app or profile does not work.
    BlocksItem,
    /// Worth knowing; nothing is blocked yet.
    Warning,
}

impl Weight {
    /// A stable name for styling and tests.
    pub fn slug(self) -> &'static str {
        match self {
            Weight::BlocksAccess => "blocks-access",
            Weight::BlocksDevice => "blocks-device",
            Weight::BlocksItem => "blocks-item",
            Weight::Warning => "warning",
        }
    }
}

/// Who must act for the next step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Actor {
    User,
    HelpDesk,
    IntuneAdmin,
    HardwareVendor,
    Microsoft,
}

/// The parts of the user's screen that show evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Area {
    /// The account status card (account, license, tenant).
    Account,
    Devices,
    ClientApps,
    Compliance,
    Configuration,
    AppProtectionStatus,
    EnrollmentRestrictions,
    GroupMembership,
    EnrollmentFailures,
}

/// Where one piece of evidence is shown: an area, and in it the row (or device, or failure) to highlight.
/// `key` is the row's key in that area's table: an id, or `id|deviceId` for a policy or app on one device.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Place {
    pub area: Area,
    pub key: Option<String>,
    /// What the link says: the value shown there (a device name, a policy name).
    pub label: String,
}

impl Place {
    pub fn area(area: Area, label: impl Into<String>) -> Self {
        Place { area, key: None, label: label.into() }
    }

    pub fn row(area: Area, key: impl Into<String>, label: impl Into<String>) -> Self {
        Place { area, key: Some(key.into()), label: label.into() }
    }

    fn device(id: &str, name: &str) -> Self {
        Place::row(Area::Devices, id, name)
    }

    /// An item's row when it has a single one, else its view (labelled with the item).
    fn item(area: Area, row: &Option<String>, label: &str) -> Self {
        Place { area, key: row.clone(), label: label.to_string() }
    }
}

impl Finding {
    pub fn weight(&self) -> Weight {
        match self {
            Finding::AccountDisabled | Finding::NoIntuneLicense | Finding::IntunePlanNotActive { .. } => {
                Weight::BlocksAccess
            }
            Finding::DeviceLimitReached { .. } | Finding::DeviceNotCompliant { .. } => Weight::BlocksDevice,
            Finding::DeviceStale { marked_not_compliant, .. } => {
                if *marked_not_compliant {
                    Weight::BlocksDevice
                } else {
                    Weight::Warning
                }
            }
            Finding::ProfileError { .. }
            | Finding::AppInstallFailed { .. }
            | Finding::ProfileNotTargeted { .. }
            | Finding::Excluded { .. } => Weight::BlocksItem,
        }
    }

    /// Who takes the next step. For an app install error the knowledge base may know better (per code).
    pub fn actor(&self) -> Actor {
        match self {
            Finding::AccountDisabled | Finding::NoIntuneLicense | Finding::IntunePlanNotActive { .. } => {
                Actor::IntuneAdmin
            }
            Finding::DeviceLimitReached { .. } => Actor::HelpDesk,
            Finding::DeviceNotCompliant { .. } | Finding::DeviceStale { .. } => Actor::User,
            Finding::ProfileError { .. } => Actor::IntuneAdmin,
            Finding::AppInstallFailed { .. } => Actor::HelpDesk,
            // The assignment decides; the group's owner may add the user instead (the next step says so).
            Finding::ProfileNotTargeted { .. } | Finding::Excluded { .. } => Actor::IntuneAdmin,
        }
    }

    /// Where the evidence is shown, most specific first.
    pub fn places(&self) -> Vec<Place> {
        match self {
            Finding::AccountDisabled | Finding::NoIntuneLicense | Finding::IntunePlanNotActive { .. } => {
                vec![Place::area(Area::Account, "")]
            }
            Finding::DeviceLimitReached { policy, .. } => {
                vec![Place::area(Area::EnrollmentRestrictions, policy), Place::area(Area::Devices, "")]
            }
            Finding::DeviceNotCompliant { device, device_id, .. } => {
                vec![Place::device(device_id, device), Place::area(Area::Compliance, "")]
            }
            Finding::DeviceStale { device, device_id, .. } => vec![Place::device(device_id, device)],
            Finding::ProfileError { policy, policy_id, device, device_id, .. } => vec![
                Place::row(Area::Configuration, format!("{policy_id}|{device_id}"), policy),
                Place::device(device_id, device),
            ],
            Finding::AppInstallFailed { app, app_id, device, device_id, .. } => vec![
                Place::row(Area::ClientApps, format!("{app_id}|{device_id}"), app),
                Place::device(device_id, device),
            ],
            Finding::ProfileNotTargeted { policy, row, device, device_id, .. } => {
                vec![Place::item(Area::Configuration, row, policy), Place::device(device_id, device)]
            }
            Finding::Excluded { kind, item, row, member, device_id, group, group_id, .. } => {
                let area = match kind {
                    ItemKind::Configuration => Area::Configuration,
                    ItemKind::Compliance => Area::Compliance,
                    ItemKind::App => Area::ClientApps,
                };
                let mut places = vec![Place::item(area, row, item)];
                match device_id {
                    Some(id) => places.push(Place::device(id, member)),
                    None => places.push(Place::row(Area::GroupMembership, group_id, group)),
                }
                places
            }
        }
    }

    /// The managed device this finding is about, if one: a finding about it that a stale device explains.
    /// Targeting findings are about an assignment, which no check-in changes, so they name none.
    pub fn device_id(&self) -> Option<&str> {
        match self {
            Finding::DeviceNotCompliant { device_id, .. }
            | Finding::DeviceStale { device_id, .. }
            | Finding::ProfileError { device_id, .. }
            | Finding::AppInstallFailed { device_id, .. } => Some(device_id),
            _ => None,
        }
    }

    /// Whether this finding explains the other findings about its device (they follow from it and are
    /// grouped under it): a device that stopped checking in reports nothing new.
    pub fn is_device_cause(&self) -> bool {
        matches!(self, Finding::DeviceStale { .. })
    }

    /// When it happened (Unix seconds), for the order within a weight; `None` when the data has no time.
    pub fn at(&self) -> Option<i64> {
        None
    }
}

/// A finding as listed, with the findings that follow from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ranked {
    pub finding: Finding,
    pub dependents: Vec<Finding>,
}

/// The findings in the order to show them, each dependent grouped under its cause. A group ranks by its
/// heaviest member, so a stale device holding a non-compliant finding ranks as blocking the device.
pub fn rank(findings: Vec<Finding>) -> Vec<Ranked> {
    let (causes, rest): (Vec<Finding>, Vec<Finding>) = findings.into_iter().partition(Finding::is_device_cause);
    let mut groups: Vec<Ranked> = causes.into_iter().map(|finding| Ranked { finding, dependents: vec![] }).collect();
    for finding in rest {
        let cause =
            finding.device_id().and_then(|device| groups.iter_mut().find(|g| g.finding.device_id() == Some(device)));
        match cause {
            Some(group) => group.dependents.push(finding),
            None => groups.push(Ranked { finding, dependents: vec![] }),
        }
    }
    for group in &mut groups {
        group.dependents.sort_by_key(|f| (f.weight(), Reverse(f.at())));
    }
    // Stable: equal findings keep the order the checks produced them in.
    groups.sort_by_key(|g| (g.weight(), Reverse(g.finding.at())));
    groups
}

impl Ranked {
    pub fn weight(&self) -> Weight {
        self.dependents.iter().map(Finding::weight).fold(self.finding.weight(), Ord::min)
    }

    /// The finding and its dependents, in the order listed.
    pub fn all(&self) -> impl Iterator<Item = &Finding> {
        std::iter::once(&self.finding).chain(&self.dependents)
    }
}

#[cfg(test)]
#[path = "triage_tests.rs"]
mod tests;
