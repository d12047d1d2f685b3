//! How much each finding weighs, who acts on it, where its evidence is shown, and the order the findings box
//! lists them in: by impact on the caller (all access, then a device, then an app or profile, then warnings),
//! most recent first within a weight, and a finding that only follows from another (a stale device's profile
//! errors) grouped under that cause.

use std::cmp::Reverse;

use super::{enrollment, Finding, ItemKind};

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
            Finding::TenantNotActive { .. }
            | Finding::MdmAuthorityNotIntune { .. }
            | Finding::AccountDisabled
            | Finding::NoIntuneLicense
            | Finding::IntunePlanNotActive { .. } => Weight::BlocksAccess,
            Finding::DeviceLimitReached { .. }
            | Finding::DeviceNotCompliant { .. }
            | Finding::DeviceRemovalPending { .. } => Weight::BlocksDevice,
            Finding::DeviceInGracePeriod { .. } | Finding::ProfileNoState { .. } => Weight::Warning,
            Finding::DeviceActionFailed { .. } | Finding::ProfileConflict { .. } => Weight::BlocksItem,
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
            // Conditional launch blocks (or wipes) work data in protected apps on a flagged device.
            Finding::AppDeviceFlagged { .. } => Weight::BlocksDevice,
            Finding::AppNotCheckedIn { .. } => Weight::BlocksItem,
            Finding::EnrollmentFailed { .. } | Finding::EnrollmentRestricted { .. } => Weight::BlocksDevice,
        }
    }

    /// Who takes the next step. For an app install error the knowledge base may know better (per code).
    pub fn actor(&self) -> Actor {
        match self {
            // The subscription is Microsoft's to restore, once the admin has sorted out billing or licences.
            Finding::TenantNotActive { .. } => Actor::Microsoft,
            Finding::MdmAuthorityNotIntune { .. } => Actor::IntuneAdmin,
            Finding::AccountDisabled | Finding::NoIntuneLicense | Finding::IntunePlanNotActive { .. } => {
                Actor::IntuneAdmin
            }
            Finding::DeviceLimitReached { .. } => Actor::HelpDesk,
            Finding::DeviceInGracePeriod { .. } => Actor::User,
            // Confirm with the caller whether the device should be removed; cancel or re-send it.
            Finding::DeviceRemovalPending { .. } | Finding::DeviceActionFailed { .. } => Actor::HelpDesk,
            Finding::ProfileConflict { .. } => Actor::IntuneAdmin,
            Finding::ProfileNoState { .. } => Actor::User,
            Finding::DeviceNotCompliant { .. } | Finding::DeviceStale { .. } => Actor::User,
            Finding::ProfileError { .. } => Actor::IntuneAdmin,
            Finding::AppInstallFailed { .. } => Actor::HelpDesk,
            Finding::AppNotCheckedIn { .. } | Finding::AppDeviceFlagged { .. } => Actor::User,
            Finding::EnrollmentFailed { reason, category, .. } => enrollment::failure_actor(*reason, *category),
            Finding::EnrollmentRestricted { block, .. } => enrollment::restriction_actor(block),
            // The assignment decides; the group's owner may add the user instead (the next step says so).
            Finding::ProfileNotTargeted { .. } | Finding::Excluded { .. } => Actor::IntuneAdmin,
        }
    }

    /// Where the evidence is shown, most specific first.
    pub fn places(&self) -> Vec<Place> {
        match self {
            Finding::TenantNotActive { .. }
            | Finding::MdmAuthorityNotIntune { .. }
            | Finding::AccountDisabled
            | Finding::NoIntuneLicense
            | Finding::IntunePlanNotActive { .. } => vec![Place::area(Area::Account, "")],
            Finding::DeviceInGracePeriod { device, device_id, .. } => {
                vec![Place::device(device_id, device), Place::area(Area::Compliance, "")]
            }
            Finding::DeviceRemovalPending { device, device_id, .. }
            | Finding::DeviceActionFailed { device, device_id, .. } => vec![Place::device(device_id, device)],
            Finding::ProfileConflict { policy, policy_id, device, device_id, other, .. } => {
                let mut places = vec![Place::row(Area::Configuration, format!("{policy_id}|{device_id}"), policy)];
                if let Some((name, id)) = other {
                    places.push(Place::row(Area::Configuration, format!("{id}|{device_id}"), name));
                }
                places.push(Place::device(device_id, device));
                places
            }
            Finding::ProfileNoState { policy, policy_id, device, device_id, reported_elsewhere } => {
                // The view lists a profile no device reports on one row without a device (`id|-`).
                let profile = if *reported_elsewhere {
                    Place::area(Area::Configuration, policy.clone())
                } else {
                    Place::row(Area::Configuration, format!("{policy_id}|-"), policy)
                };
                vec![profile, Place::device(device_id, device)]
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
            Finding::AppNotCheckedIn { app, registration_id, .. } => {
                vec![Place::row(Area::AppProtectionStatus, registration_id, app)]
            }
            Finding::AppDeviceFlagged { device, registration_id, .. } => {
                vec![Place::row(Area::AppProtectionStatus, registration_id, device)]
            }
            Finding::EnrollmentFailed { event_id, os, os_version, .. } => {
                vec![Place::row(Area::EnrollmentFailures, event_id, os_label(os, os_version))]
            }
            Finding::EnrollmentRestricted { policy, policy_id, event_id, os, os_version, .. } => vec![
                Place::row(Area::EnrollmentRestrictions, policy_id, policy),
                Place::row(Area::EnrollmentFailures, event_id, os_label(os, os_version)),
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
            | Finding::DeviceInGracePeriod { device_id, .. }
            | Finding::DeviceRemovalPending { device_id, .. }
            | Finding::DeviceActionFailed { device_id, .. }
            | Finding::ProfileConflict { device_id, .. }
            | Finding::ProfileNoState { device_id, .. }
            | Finding::ProfileError { device_id, .. }
            | Finding::AppInstallFailed { device_id, .. } => Some(device_id),
            _ => None,
        }
    }

    /// Whether this finding explains the other findings about its device (they follow from it and are
    /// grouped under it): a device that stopped checking in reports nothing new, and one with a retire or wipe
    /// pending is leaving management.
    pub fn is_device_cause(&self) -> bool {
        matches!(self, Finding::DeviceStale { .. } | Finding::DeviceRemovalPending { .. })
    }

    /// Whether this finding only follows from `cause`, and is listed under it: what a device that stopped
    /// checking in or waits for a retire or wipe reports (a stale device under its pending wipe, too), and an
    /// enrollment failure that the used-up device limit or the missing license explains.
    pub fn follows_from(&self, cause: &Finding) -> bool {
        let same_device = self.device_id().is_some() && self.device_id() == cause.device_id();
        match cause {
            Finding::DeviceRemovalPending { .. } => {
                same_device && !matches!(self, Finding::DeviceRemovalPending { .. })
            }
            Finding::DeviceStale { .. } => same_device && !self.is_device_cause(),
            _ => enrollment::follows_from(self, cause),
        }
    }

    /// When it happened (Unix seconds), for the order within a weight; `None` when the data has no time.
    pub fn at(&self) -> Option<i64> {
        match self {
            Finding::EnrollmentFailed { at, .. } | Finding::EnrollmentRestricted { at, .. } => *at,
            Finding::DeviceRemovalPending { since: at, .. } | Finding::DeviceActionFailed { at, .. } => *at,
            _ => None,
        }
    }
}

/// A failed enrollment as its link says it: the OS and version the failures table shows.
fn os_label(os: &str, version: &str) -> String {
    format!("{os} {version}").trim().to_string()
}

/// A finding as listed, with the findings that follow from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ranked {
    pub finding: Finding,
    pub dependents: Vec<Finding>,
}

/// The findings in the order to show them, each dependent grouped under its cause (one level: see
/// [`Finding::follows_from`]). A group ranks by its heaviest member, so a stale device holding a
/// non-compliant finding ranks as blocking the device.
pub fn rank(mut findings: Vec<Finding>) -> Vec<Ranked> {
    // A retire or wipe heads its device's group: a device that stopped checking in is why it still waits.
    findings.sort_by_key(|f| match f {
        Finding::DeviceRemovalPending { .. } => 0,
        Finding::DeviceStale { .. } => 1,
        _ => 2,
    });
    let follows: Vec<bool> = findings.iter().map(|f| findings.iter().any(|cause| f.follows_from(cause))).collect();
    let (mut groups, mut dependents) = (Vec::new(), Vec::new());
    for (finding, follows) in findings.into_iter().zip(follows) {
        if follows {
            dependents.push(finding);
        } else {
            groups.push(Ranked { finding, dependents: vec![] });
        }
    }
    // A dependent goes under the first cause that heads a group (a wipe before the staleness it explains).
    for finding in dependents {
        match groups.iter_mut().find(|g| finding.follows_from(&g.finding)) {
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
