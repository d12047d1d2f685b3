//! Targeting findings: "why does the user not get it?". Two kinds.
//!
//! **A connectivity profile that does not reach a device** ([`Finding::ProfileNotTargeted`]). Only profiles a
//! user notices when they are missing are reported: VPN, Wi-Fi, e-mail and certificate profiles (told by
//! their `@odata.type`), and only for a platform the user has a device on. A tenant holds hundreds of
//! profiles aimed at other people (a Finance policy, a scanner lockdown, a pilot update ring); listing every
//! one that does not reach the caller would bury the answer. Callers do notice a missing VPN, Wi-Fi network,
//! mailbox or certificate ("the VPN never showed up on my laptop"), and the cause is then nearly always the
//! assignment: the profile targets a group they are not in.
//!
//! **An exclusion that wins** ([`Finding::Excluded`]): any configuration profile, compliance policy or app
//! (required or available) that an assignment would bring to the user or one of their devices, but an
//! exclusion group they (or the device) are in takes away. The finding names the group and, for a user, the
//! chain of groups that puts them in it (user → A → B), since an exclusion through nesting is the one nobody
//! sees in the Intune pane. An exclusion that hands the user over to another profile of the same kind (the
//! broad update ring excludes the pilot group, which has its own ring) is deliberate and not reported.

use std::collections::{BTreeMap, BTreeSet};

use super::Finding;
use crate::domain::assignment::{reach_on_device, Reach};
use crate::domain::device_platform::Platform;
use crate::domain::membership::{Membership, Parents};
use crate::domain::status::{AppRecord, DeviceRecord};
use crate::model::{short_type, Assignment, AssignmentIntent, DevicePolicy, TargetKind};

/// What the targeting checks read besides the devices and apps: the tenant's profiles and policies with
/// their assignments, the user's groups with how they nest, and the names of groups the user is not in.
pub struct Targeting<'a> {
    pub configuration: &'a [DevicePolicy],
    pub compliance: &'a [DevicePolicy],
    pub membership: &'a Membership,
    /// Group nesting as read; empty when it was not (or could not be) read: paths are then left out.
    pub parents: &'a Parents,
    /// Group id → name for assignment groups the user is not in (their own groups are named by `membership`).
    pub names: &'a BTreeMap<String, String>,
}

/// Which list an excluded item is in, which says where it is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKind {
    Configuration,
    Compliance,
    App,
}

/// The kind of connectivity a profile gives, from its `@odata.type`; `None` for other profiles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Connectivity {
    Vpn,
    WiFi,
    Email,
    Certificate,
}

impl Connectivity {
    /// `windows10VpnConfiguration`, `iosWiFiConfiguration`, `windowsWifiEnterpriseEAPConfiguration`,
    /// `iosEasEmailProfileConfiguration`, `iosPkcsCertificateProfile`, `windows81TrustedRootCertificate`, …
    pub fn of(odata_type: &str) -> Option<Connectivity> {
        let t = short_type(odata_type).to_ascii_lowercase();
        if t.contains("vpn") {
            Some(Connectivity::Vpn)
        } else if t.contains("wifi") {
            Some(Connectivity::WiFi)
        } else if t.contains("emailprofile") {
            Some(Connectivity::Email)
        } else if t.contains("certificate") {
            Some(Connectivity::Certificate)
        } else {
            None
        }
    }
}

pub(super) fn findings(
    t: &Targeting,
    user: &str,
    devices: &[DeviceRecord],
    apps: Option<&[AppRecord]>,
    out: &mut Vec<Finding>,
) {
    let user_groups = t.membership.all_ids();
    let checker = Checker { t, user, devices, user_groups: &user_groups };
    for (kind, list) in [(ItemKind::Configuration, t.configuration), (ItemKind::Compliance, t.compliance)] {
        for policy in list {
            checker.policy(kind, policy, list, out);
        }
    }
    for record in apps.unwrap_or_default() {
        checker.app(record, out);
    }
}

struct Checker<'a> {
    t: &'a Targeting<'a>,
    user: &'a str,
    devices: &'a [DeviceRecord],
    user_groups: &'a BTreeSet<String>,
}

impl Checker<'_> {
    fn name(&self, id: &str) -> String {
        let known = self.t.membership.name_of(id).or_else(|| self.t.names.get(id).map(String::as_str));
        let from_devices = || {
            self.devices.iter().flat_map(|d| d.groups.iter().flatten()).find(|g| g.id == id).map(|g| &*g.display_name)
        };
        known.or_else(from_devices).unwrap_or(id).to_string()
    }

    /// The user's devices an item for `platform` can land on, with their own groups.
    fn fitting(&self, platform: Platform) -> impl Iterator<Item = (&DeviceRecord, BTreeSet<String>)> {
        self.devices
            .iter()
            .filter(move |d| platform.reaches(Platform::from_operating_system(&d.device.operating_system)))
            .map(|d| (d, d.group_ids()))
    }

    fn policy(&self, kind: ItemKind, policy: &DevicePolicy, list: &[DevicePolicy], out: &mut Vec<Finding>) {
        let platform = Platform::from_odata_type(&policy.odata_type);
        let connectivity = kind == ItemKind::Configuration && Connectivity::of(&policy.odata_type).is_some();
        let has_state = |d: &DeviceRecord| {
            let states = if kind == ItemKind::Compliance { &d.compliance } else { &d.configuration };
            states.iter().any(|s| s.id == policy.id)
        };
        // The views show a policy without a state on any device in one row (`id|-`); else one row per device.
        let row = (!self.devices.iter().any(has_state)).then(|| format!("{}|-", policy.id));
        let mut user_excluded = false;
        for (record, device_groups) in self.fitting(platform) {
            match reach_on_device(&policy.assignments, self.user_groups, &device_groups) {
                Reach::Excluded { group_id, device } => {
                    let wanted = would_reach(&policy.assignments, self.user_groups, &device_groups);
                    let replaced = list.iter().any(|other| {
                        other.id != policy.id
                            && other.odata_type == policy.odata_type
                            && reach_on_device(&other.assignments, self.user_groups, &device_groups).applies()
                    });
                    if !wanted || replaced || (!device && user_excluded) {
                        continue;
                    }
                    user_excluded |= !device;
                    let on = device.then_some(record);
                    out.push(self.excluded(kind, &policy.id, &policy.display_name, row.clone(), on, &group_id));
                }
                // A device whose groups could not be read may well be in a targeted device group: say nothing.
                Reach::NotTargeted { target_groups }
                    if connectivity && !target_groups.is_empty() && record.groups.is_some() =>
                {
                    out.push(Finding::ProfileNotTargeted {
                        policy: policy.display_name.clone(),
                        policy_id: policy.id.clone(),
                        row: row.clone(),
                        user: self.user.to_string(),
                        device: record.device.device_name.clone(),
                        device_id: record.device.id.clone(),
                        groups: target_groups.iter().map(|g| self.name(g)).collect(),
                    });
                }
                _ => {}
            }
        }
    }

    fn app(&self, record: &AppRecord, out: &mut Vec<Finding>) {
        let app = &record.app;
        let platform = Platform::from_odata_type(&app.odata_type);
        let row = record.statuses.is_empty().then(|| format!("{}|-", app.id));
        let mut user_excluded = false;
        for (device, device_groups) in self.fitting(platform) {
            let Reach::Excluded { group_id, device: on_device } = record.reach_on(&device.device.id) else { continue };
            if !would_reach(&app.assignments, self.user_groups, &device_groups) || (!on_device && user_excluded) {
                continue;
            }
            user_excluded |= !on_device;
            let on = on_device.then_some(device);
            out.push(self.excluded(ItemKind::App, &app.id, &app.display_name, row.clone(), on, group_id));
        }
    }

    /// An exclusion finding; `device` when the device (not the user) is in the group.
    fn excluded(
        &self,
        kind: ItemKind,
        item_id: &str,
        item: &str,
        row: Option<String>,
        device: Option<&DeviceRecord>,
        group_id: &str,
    ) -> Finding {
        let path = match device {
            Some(_) => None,
            None => self.t.membership.path(self.t.parents, group_id),
        };
        Finding::Excluded {
            kind,
            item: item.to_string(),
            item_id: item_id.to_string(),
            row,
            member: device.map_or_else(|| self.user.to_string(), |d| d.device.device_name.clone()),
            device_id: device.map(|d| d.device.id.clone()),
            group: self.name(group_id),
            group_id: group_id.to_string(),
            path: path.map(|ids| ids.iter().map(|id| self.name(id)).collect()),
        }
    }
}

/// Whether the assignments would bring the item to the user or the device if no exclusion applied (an app
/// only as required or available: being excluded from an uninstall takes nothing away).
fn would_reach(assignments: &[Assignment], user_groups: &BTreeSet<String>, device_groups: &BTreeSet<String>) -> bool {
    let included: Vec<Assignment> =
        assignments.iter().filter(|a| !matches!(a.target.kind(), TargetKind::ExcludedGroup(_))).cloned().collect();
    match reach_on_device(&included, user_groups, device_groups) {
        Reach::Included { intent, .. } => !matches!(intent, Some(AssignmentIntent::Uninstall)),
        _ => false,
    }
}

#[cfg(test)]
#[path = "targeting_tests.rs"]
mod tests;
