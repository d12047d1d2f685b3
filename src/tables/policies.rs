//! Compliance and configuration policy views: one row per policy and device, saying whether the policy
//! reaches the user (and through which group), its state on each device, and the failing setting.

use std::collections::BTreeMap;

use super::format::{self, MISSING};
use super::Clock;
use crate::domain::assignment::{reach, reach_on_device, Reach, Via};
use crate::domain::device_platform::Platform;
use crate::domain::membership::{Membership, Parents};
use crate::domain::status::DeviceRecord;
use crate::domain::table::{Cell, Row, Table, Tone};
use crate::i18n::{Key, Locale};
use crate::model::{hresult_hex, AssignmentIntent, DevicePolicy, DevicePolicyState};

/// Group id → display name, for explaining assignments.
pub type GroupNames = BTreeMap<String, String>;

/// How the user is in each nested group: group id → the names of the groups between the user and it
/// (`["Sales Field Team"]` for user → Sales Field Team → VPN Users). Direct groups are not in it.
pub type Through = BTreeMap<String, Vec<String>>;

/// What the reach cells say about groups: the user's group ids, names, and how they are in nested ones.
#[derive(Clone, Copy)]
pub struct UserGroups<'a> {
    pub ids: &'a std::collections::BTreeSet<String>,
    pub names: &'a GroupNames,
    pub through: &'a Through,
}

/// [`Through`] from the membership and the nesting read (empty without it).
pub fn through(membership: &Membership, parents: &Parents) -> Through {
    membership
        .transitive
        .iter()
        .filter_map(|g| {
            let mut path = membership.path_names(parents, &g.id)?;
            path.pop();
            (!path.is_empty()).then(|| (g.id.clone(), path))
        })
        .collect()
}

pub fn table(
    locale: Locale,
    clock: Clock,
    compliance: bool,
    policies: &[DevicePolicy],
    devices: &[DeviceRecord],
    groups: UserGroups,
) -> Table {
    let UserGroups { ids: user_groups, names, through } = groups;
    // The devices' own groups name the device groups an assignment reaches them through.
    let mut names = names.clone();
    for group in devices.iter().flat_map(|d| d.groups.iter().flatten()) {
        names.entry(group.id.clone()).or_insert_with(|| group.display_name.clone());
    }
    let names = &names;
    let device_groups: Vec<_> = devices.iter().map(DeviceRecord::group_ids).collect();
    let mut rows = Vec::new();
    for policy in policies {
        let user_reach = reach(&policy.assignments, user_groups);
        let platform = Platform::from_odata_type(&policy.odata_type);
        // Per device: a device group reaches one device of the user and not another.
        let on_device = |index: usize| reach_on_device(&policy.assignments, user_groups, &device_groups[index]);
        let device_cell = |index: usize| {
            reach_cell(locale, &on_device(index), names, through, Some(&devices[index].device.device_name))
        };
        // Without a state, the policy reaches the user, else the first device it reaches (if any).
        let (reach, reached_device) = if user_reach.applies() {
            (user_reach, None)
        } else {
            match (0..devices.len()).find(|&i| on_device(i).applies()) {
                Some(i) => (on_device(i), Some(devices[i].device.device_name.as_str())),
                None => (user_reach, None),
            }
        };
        let assignment = reach_cell(locale, &reach, names, through, reached_device);
        let mut states: Vec<(usize, &DevicePolicyState)> = devices
            .iter()
            .enumerate()
            .filter_map(|(i, d)| {
                let list = if compliance { &d.compliance } else { &d.configuration };
                list.iter().find(|s| s.id == policy.id).map(|s| (i, s))
            })
            .collect();
        states.sort_by_key(|(_, state)| state.state);
        let base = |assignment: Cell, device: Cell, state: Cell| Row {
            key: String::new(),
            cells: vec![
                Cell::text(&policy.display_name),
                Cell::text(locale.text(format::platform_label(platform))),
                assignment,
                device,
                state,
                super::format::datetime_cell(locale, policy.last_modified_date_time.as_deref(), clock),
            ],
        };
        if states.is_empty() {
            let (text, tone) = if reach.applies() {
                let fits = devices
                    .iter()
                    .any(|d| platform.reaches(Platform::from_operating_system(&d.device.operating_system)));
                if fits {
                    (Key::NoStateReported, Tone::Warn)
                } else {
                    (Key::StateNotApplicable, Tone::Muted)
                }
            } else {
                (Key::StateNotAssigned, Tone::Muted)
            };
            let mut row = base(
                assignment.clone(),
                Cell::text(MISSING).tone(Tone::Muted).sorted_by(None),
                Cell::badge(locale.text(text), tone).sorted_by(Some(rank(tone))),
            );
            row.key = format!("{}|-", policy.id);
            rows.push(row);
        }
        for (index, state) in states {
            let device = &devices[index];
            let (key, tone) = format::policy_state(state.state, compliance);
            let state_cell =
                Cell::badge(locale.text(key), tone).with_detail(setting_detail(state)).sorted_by(Some(rank(tone)));
            let mut row = base(device_cell(index), Cell::text(&device.device.device_name), state_cell);
            row.key = format!("{}|{}", policy.id, device.device.id);
            rows.push(row);
        }
    }
    Table {
        headers: super::headers(
            locale,
            &[
                Key::ColPolicyName,
                Key::ColPlatform,
                Key::ColAssignment,
                Key::ColDevice,
                Key::ColState,
                Key::ColLastModified,
            ],
        ),
        rows,
    }
}

/// Problems sort first.
fn rank(tone: Tone) -> i64 {
    match tone {
        Tone::Bad => 0,
        Tone::Warn => 1,
        Tone::Good => 2,
        Tone::Plain => 3,
        Tone::Muted => 4,
    }
}

/// The failing settings of a state, with their current value and error code.
fn setting_detail(state: &DevicePolicyState) -> Option<String> {
    let parts: Vec<String> = state
        .setting_states
        .iter()
        .filter(|s| s.state.is_problem())
        .map(|s| {
            let mut text = s.setting_name.clone().or_else(|| s.setting.clone()).unwrap_or_default();
            if let Some(value) = s.current_value.as_deref().filter(|v| !v.is_empty()) {
                text.push_str(&format!(" = {value}"));
            }
            if let Some(code) = s.error_code.filter(|c| *c != 0) {
                text.push_str(&format!(" [{}]", hresult_hex(code)));
            }
            if let Some(description) = s.error_description.as_deref().filter(|d| !d.is_empty()) {
                text.push_str(&format!(": {description}"));
            }
            text
        })
        .collect();
    (!parts.is_empty()).then(|| parts.join("; "))
}

/// "Required via Sales" / "Not assigned: targets VPN Users, which this user is not a member of". `device`
/// names the device a device-group reach is about ("via device group … (AUR-LT-0311 is a member)"); a
/// nested group says how the user is in it ("via VPN Users (through Sales Field Team)").
pub fn reach_cell(locale: Locale, reach: &Reach, names: &GroupNames, through: &Through, device: Option<&str>) -> Cell {
    let name = |id: &str| names.get(id).cloned().unwrap_or_else(|| id.to_string());
    let path = |id: &str| through.get(id).map(|p| p.join(" → "));
    let device = device.unwrap_or(MISSING);
    match reach {
        Reach::Included { via, intent } => {
            let via_text = match via {
                Via::Group(id) => match path(id) {
                    Some(path) => locale.fill(Key::ViaGroupThrough, &[("group", &name(id)), ("path", &path)]),
                    None => locale.fill(Key::ViaGroup, &[("group", &name(id))]),
                },
                Via::DeviceGroup(id) => locale.fill(Key::ViaDeviceGroup, &[("group", &name(id)), ("device", device)]),
                Via::AllUsers => locale.text(Key::ViaAllUsers).to_string(),
                Via::AllDevices => locale.text(Key::ViaAllDevices).to_string(),
            };
            match intent {
                Some(intent) => Cell::badge(locale.text(intent_key(*intent)), Tone::Good)
                    .with_detail(Some(via_text))
                    .sorted_by(Some(*intent as i64)),
                None => Cell::badge(via_text, Tone::Good).sorted_by(Some(0)),
            }
        }
        Reach::Excluded { group_id, device: false } => {
            let text = match path(group_id) {
                Some(path) => locale.fill(Key::ExcludedViaThrough, &[("group", &name(group_id)), ("path", &path)]),
                None => locale.fill(Key::ExcludedVia, &[("group", &name(group_id))]),
            };
            Cell::badge(text, Tone::Warn).sorted_by(Some(10))
        }
        Reach::Excluded { group_id, device: true } => {
            let text = locale.fill(Key::ExcludedViaDeviceGroup, &[("group", &name(group_id)), ("device", device)]);
            Cell::badge(text, Tone::Warn).sorted_by(Some(10))
        }
        Reach::NotTargeted { target_groups } if !target_groups.is_empty() => {
            let groups: Vec<String> = target_groups.iter().map(|g| name(g)).collect();
            Cell::badge(locale.fill(Key::NotTargeted, &[("groups", &groups.join(", "))]), Tone::Muted)
                .sorted_by(Some(11))
        }
        Reach::NotTargeted { .. } => {
            Cell::badge(locale.text(Key::NotTargetedNoGroups), Tone::Muted).sorted_by(Some(11))
        }
        Reach::Unassigned => Cell::badge(locale.text(Key::Unassigned), Tone::Muted).sorted_by(Some(12)),
    }
}

pub fn intent_key(intent: AssignmentIntent) -> Key {
    match intent {
        AssignmentIntent::Required => Key::IntentRequired,
        AssignmentIntent::Available => Key::IntentAvailable,
        AssignmentIntent::AvailableWithoutEnrollment => Key::IntentAvailableWithoutEnrollment,
        AssignmentIntent::Uninstall => Key::IntentUninstall,
        AssignmentIntent::Unknown => Key::Unknown,
    }
}

/// Group ids named by any assignment that does not reach the user: these need their names looked up.
pub fn unexplained_groups<'a>(reaches: impl Iterator<Item = &'a Reach>, names: &GroupNames) -> Vec<String> {
    let mut ids: Vec<String> = reaches
        .flat_map(|r| match r {
            Reach::NotTargeted { target_groups } => target_groups.clone(),
            Reach::Excluded { group_id, .. } => vec![group_id.clone()],
            Reach::Included { via: Via::Group(id) | Via::DeviceGroup(id), .. } => vec![id.clone()],
            _ => Vec::new(),
        })
        .filter(|id| !names.contains_key(id))
        .collect();
    ids.sort();
    ids.dedup();
    ids
}
