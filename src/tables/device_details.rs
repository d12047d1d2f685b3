//! One device's details as the admin center shows them: the facts (hardware, primary user, Entra join and
//! compliance, storage, and what decides its actions), and its compliance policies one by one.

use super::device_actions::management_badge;
use super::enum_labels::{self, other};
use super::format::{self, badge, datetime_cell};
use super::Clock;
use crate::domain::device_platform::Platform;
use crate::domain::entra::{self, JoinType};
use crate::domain::table::{Cell, Row, Table, Tone};
use crate::i18n::{Key, Locale};
use crate::model::{DevicePolicyState, ManagedDevice};

/// (label, value, second line).
pub type Fact = (&'static str, String, Option<String>);

pub fn device_facts(l: Locale, d: &ManagedDevice, clock: Clock) -> Vec<Fact> {
    let management = match management_badge(d.management_state.as_deref()) {
        Some((key, _)) => l.text(key).to_string(),
        None => match d.management_state.as_deref() {
            None | Some("managed") => l.text(Key::MgmtManaged).to_string(),
            Some(state) => other(l, state),
        },
    };
    let checkin = datetime_cell(l, d.last_sync_date_time.as_deref(), clock);
    let given = |v: &Option<String>| v.clone().filter(|v| !v.trim().is_empty());
    let mut facts: Vec<Fact> = vec![
        (l.text(Key::ColOs), format!("{} {}", d.operating_system, d.os_version), None),
        (l.text(Key::ColOwnership), l.text(format::ownership(d.managed_device_owner_type)).to_string(), None),
        (l.text(Key::ColManagedBy), enum_labels::managed_by(l, &d.management_agent), None),
        (l.text(Key::FactManagementState), management, None),
        (l.text(Key::ColLastCheckIn), checkin.text, checkin.detail),
    ];
    if let Some(kind) = d.device_enrollment_type.as_deref().and_then(|k| enum_labels::enrollment_type(l, k)) {
        facts.push((l.text(Key::EnrollmentTypeLabel), kind, None));
    }
    // Supervision is an Apple iPhone/iPad fact; on Windows or Android "Supervised: No" only misleads.
    let apple_mobile = matches!(Platform::from_operating_system(&d.operating_system), Platform::Ios | Platform::IpadOs);
    if let Some(supervised) = d.is_supervised.filter(|_| apple_mobile) {
        facts.push((
            l.text(Key::FactSupervised),
            l.text(if supervised { Key::Yes } else { Key::No }).to_string(),
            None,
        ));
    }
    let hardware = [
        (Key::FactSerialNumber, given(&d.serial_number)),
        (Key::FactModel, given(&d.model)),
        (Key::FactManufacturer, given(&d.manufacturer)),
    ];
    facts.extend(hardware.into_iter().filter_map(|(key, value)| Some((l.text(key), value?, None))));
    let upn = given(&d.user_principal_name);
    if let Some(name) = given(&d.user_display_name).or_else(|| upn.clone()) {
        let detail = upn.filter(|u| *u != name);
        facts.push((l.text(Key::FactPrimaryUser), name, detail));
    }
    let join = entra::join_type(d);
    if join != JoinType::NotRegistered {
        facts.push((l.text(Key::FactEntraDeviceId), given(&d.azure_ad_device_id).unwrap_or_default(), None));
    }
    facts.push((l.text(Key::ColEntraJoinType), l.text(enum_labels::join_type(join)).to_string(), None));
    facts.push((l.text(Key::ColEntraCompliant), l.text(entra_compliant(d).0).to_string(), None));
    if let Some(storage) = storage(l, d.free_storage_space_in_bytes, d.total_storage_space_in_bytes) {
        facts.push((l.text(Key::FactStorage), storage, None));
    }
    facts
}

/// The "Entra compliant" column and fact: Yes / No / Unknown, or not applicable without an Entra device.
pub fn entra_compliant(d: &ManagedDevice) -> (Key, Tone) {
    match entra::entra_compliant(d) {
        Some(true) => (Key::Yes, Tone::Good),
        Some(false) => (Key::No, Tone::Bad),
        None if entra::join_type(d) == JoinType::NotRegistered => (Key::StateNotApplicable, Tone::Muted),
        None => (Key::Unknown, Tone::Muted),
    }
}

/// "112 GB free of 256 GB", in the locale's decimal separator and unit; `None` when Intune did not report
/// the total (it sends 0 before the first hardware inventory).
pub fn storage(l: Locale, free: Option<i64>, total: Option<i64>) -> Option<String> {
    let total = total.filter(|t| *t > 0)?;
    let free = free.unwrap_or(0).clamp(0, total);
    Some(l.fill(Key::StorageFreeOfTotal, &[("free", &gigabytes(l, free)), ("total", &gigabytes(l, total))]))
}

/// Decimal gigabytes, as device makers and the admin center count them; one decimal below 10 GB. Integer
/// arithmetic: formatting a float would bring Rust's float printing (kilobytes of wasm) into the first load.
pub fn gigabytes(l: Locale, bytes: i64) -> String {
    let bytes = bytes.max(0);
    let number = if bytes < 9_950_000_000 {
        let tenths = (bytes + 50_000_000) / 100_000_000;
        format!("{}.{}", tenths / 10, tenths % 10)
    } else {
        ((bytes + 500_000_000) / 1_000_000_000).to_string()
    };
    match l {
        Locale::En => format!("{number} GB"),
        Locale::Nl => format!("{} GB", number.replace('.', ",")),
        Locale::Fr => format!("{}\u{a0}Go", number.replace('.', ",")),
    }
}

/// The device's compliance policies (its `deviceCompliancePolicyStates`), problems first.
pub fn compliance_table(l: Locale, policies: &[DevicePolicyState]) -> Table {
    let mut sorted: Vec<&DevicePolicyState> = policies.iter().collect();
    sorted.sort_by(|a, b| a.state.cmp(&b.state).then_with(|| a.display_name.cmp(&b.display_name)));
    Table {
        headers: super::headers(l, &[Key::ColPolicyName, Key::ColStatus]),
        rows: sorted
            .into_iter()
            .map(|p| Row {
                key: p.id.clone(),
                cells: vec![
                    Cell::text(&p.display_name),
                    badge(l, format::policy_state(p.state, true)).sorted_by(Some(p.state as i64)),
                ],
            })
            .collect(),
    }
}

#[cfg(test)]
#[path = "device_details_tests.rs"]
mod tests;
