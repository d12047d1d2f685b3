//! Device details: facts only where they apply, hardware and Entra facts, storage in words.

use super::*;
use crate::model::{ComplianceState, PolicyState};

const CLOCK: Clock = Clock { now_secs: 0, offset_minutes: 0 };

fn laptop() -> ManagedDevice {
    ManagedDevice {
        device_name: "AUR-LT-0142".into(),
        operating_system: "Windows".into(),
        os_version: "10.0.26100".into(),
        compliance_state: ComplianceState::Compliant,
        management_agent: "mdm".into(),
        user_principal_name: Some("sanne@example.test".into()),
        user_display_name: Some("Sanne de Vries".into()),
        azure_ad_device_id: Some("0748e771-21f8-54bc-9e39-22648edcda9e".into()),
        azure_ad_registered: Some(true),
        device_enrollment_type: Some("windowsAzureADJoin".into()),
        model: Some("Latitude 7450".into()),
        manufacturer: Some("Dell Inc.".into()),
        serial_number: Some("SBTEMAF".into()),
        is_supervised: Some(false),
        total_storage_space_in_bytes: Some(256_000_000_000),
        free_storage_space_in_bytes: Some(112_400_000_000),
        ..ManagedDevice::default()
    }
}

fn value(facts: &[Fact], label: &str) -> Option<String> {
    facts.iter().find(|f| f.0 == label).map(|f| f.1.clone())
}

#[test]
fn supervision_is_shown_for_iphones_and_ipads_only() {
    let l = Locale::En;
    assert_eq!(value(&device_facts(l, &laptop(), CLOCK), "Supervised"), None);
    for os in ["iOS", "iPadOS"] {
        let phone = ManagedDevice { operating_system: os.into(), ..laptop() };
        assert_eq!(value(&device_facts(l, &phone, CLOCK), "Supervised").as_deref(), Some("No"), "{os}");
    }
    let android = ManagedDevice { operating_system: "Android".into(), ..laptop() };
    assert_eq!(value(&device_facts(l, &android, CLOCK), "Supervised"), None);
}

#[test]
fn hardware_user_entra_and_storage_facts() {
    let facts = device_facts(Locale::En, &laptop(), CLOCK);
    assert_eq!(value(&facts, "Serial number").as_deref(), Some("SBTEMAF"));
    assert_eq!(value(&facts, "Model").as_deref(), Some("Latitude 7450"));
    assert_eq!(value(&facts, "Manufacturer").as_deref(), Some("Dell Inc."));
    let user = facts.iter().find(|f| f.0 == "Primary user").unwrap();
    assert_eq!((user.1.as_str(), user.2.as_deref()), ("Sanne de Vries", Some("sanne@example.test")));
    assert_eq!(value(&facts, "Entra device ID").as_deref(), Some("0748e771-21f8-54bc-9e39-22648edcda9e"));
    assert_eq!(value(&facts, "Entra join type").as_deref(), Some("Microsoft Entra joined"));
    assert_eq!(value(&facts, "Entra compliant").as_deref(), Some("Yes"));
    assert_eq!(value(&facts, "Enrollment type").as_deref(), Some("Microsoft Entra join"));
    assert_eq!(value(&facts, "Storage").as_deref(), Some("112 GB free of 256 GB"));
}

#[test]
fn storage_reads_in_each_locale_and_needs_a_total() {
    assert_eq!(storage(Locale::Nl, Some(5_260_000_000), Some(64_000_000_000)).unwrap(), "5,3 GB vrij van 64 GB");
    assert_eq!(
        storage(Locale::Fr, Some(112_400_000_000), Some(256_000_000_000)).unwrap(),
        "112\u{a0}Go libres sur 256\u{a0}Go"
    );
    assert_eq!(gigabytes(Locale::En, 9_940_000_000), "9.9 GB");
    assert_eq!(gigabytes(Locale::En, 9_960_000_000), "10 GB", "rounded to 10.0 reads as 10");
    assert_eq!(gigabytes(Locale::En, 49_000_000), "0.0 GB");
    assert_eq!(storage(Locale::En, Some(0), Some(0)), None);
    assert_eq!(storage(Locale::En, None, None), None);
}

#[test]
fn a_device_outside_entra_has_no_entra_compliance() {
    let d = ManagedDevice { azure_ad_registered: Some(false), ..laptop() };
    assert_eq!(entra_compliant(&d).0, Key::StateNotApplicable);
    let facts = device_facts(Locale::En, &d, CLOCK);
    assert_eq!(value(&facts, "Entra join type").as_deref(), Some("Not in Microsoft Entra"));
    assert_eq!(value(&facts, "Entra device ID"), None);
}

#[test]
fn compliance_policies_list_problems_first() {
    let policy = |name: &str, state| DevicePolicyState {
        id: name.into(),
        display_name: name.into(),
        state,
        ..DevicePolicyState::default()
    };
    let table = compliance_table(
        Locale::En,
        &[policy("Baseline", PolicyState::Compliant), policy("Passcode", PolicyState::NonCompliant)],
    );
    let texts: Vec<(&str, &str)> =
        table.rows.iter().map(|r| (r.cells[0].text.as_str(), r.cells[1].text.as_str())).collect();
    assert_eq!(texts, [("Passcode", "Non-compliant"), ("Baseline", "Compliant")]);
}
