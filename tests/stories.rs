#![cfg(not(target_arch = "wasm32"))]
//! The demo tenant's stories, followed through the same path the screen uses: Graph client → fake Graph →
//! loaders → findings and tables. If a fixture or a rule changes so that an operator would no longer see
//! the story, one of these fails.

mod common;

use std::sync::Arc;

use common::Story;
use futures::executor::block_on;
use tier1::domain::diagnosis::{diagnose, Check, Source};
use tier1::domain::enrollment_restrictions::effective_limit;
use tier1::domain::findings::{Evidence, Finding, Reason};
use tier1::domain::status::{app_summary, LicenseStatus};
use tier1::graph::fixture::{parse_faults, FixtureGraph, FixtureSource, DEMO_TENANT_IDS};
use tier1::graph::{ErrorKind, GraphClient, Transport};
use tier1::i18n::Locale;
use tier1::loaders;
use tier1::model::SubscriptionState;
use tier1::tables::{self, Clock};

fn now() -> i64 {
    tier1::platform::now_secs()
}

fn client_with(tenant: &str, faults: &str) -> GraphClient {
    let graph = FixtureGraph::new(tenant, FixtureSource::repo(), now(), parse_faults(faults), Some(0));
    GraphClient::new(Transport::Fixture(Arc::new(graph)))
}

fn aurora() -> GraphClient {
    client_with("aurora", "")
}

fn clock() -> Clock {
    Clock { now_secs: now(), offset_minutes: 0 }
}

/// Finds a user the way an operator does: by typing part of the name.
fn find(client: &GraphClient, query: &str) -> tier1::model::User {
    let users = block_on(client.search_users(query)).unwrap();
    assert_eq!(users.len(), 1, "{query:?} should find exactly one user, found {users:?}");
    users.into_iter().next().unwrap()
}

fn story(query: &str) -> Story {
    let client = aurora();
    let user = find(&client, query);
    block_on(common::story_of(&client, &user))
}

#[test]
fn every_demo_collection_decodes_into_the_model() {
    for tenant in DEMO_TENANT_IDS {
        let c = client_with(tenant, "");
        block_on(async {
            let info = loaders::tenant(&c).await.unwrap();
            assert!(!info.organization.display_name.is_empty());
            c.mobile_apps().await.unwrap();
            c.compliance_policies().await.unwrap();
            c.configuration_policies().await.unwrap();
            c.enrollment_configurations().await.unwrap();
        });
    }
}

#[test]
fn aurora_is_active_and_northwind_is_inactive() {
    let aurora = block_on(loaders::tenant(&aurora())).unwrap();
    assert_eq!(aurora.organization.display_name, "Aurora Logistics");
    assert_eq!(aurora.organization.default_domain(), Some("aurora-logistics.example"));
    assert!(aurora.device_management.subscription_state.is_active());
    let lab = block_on(loaders::tenant(&client_with("northwind-lab", ""))).unwrap();
    assert_ne!(lab.device_management.subscription_state, SubscriptionState::Active);
    assert!(!lab.device_management.subscription_state.is_active());
}

#[test]
fn search_ignores_case_and_accents_and_matches_word_starts() {
    let c = aurora();
    assert_eq!(find(&c, "zoe").display_name, "Zoë Ångström-Núñez");
    assert_eq!(find(&c, "angstrom").display_name, "Zoë Ångström-Núñez");
    assert_eq!(find(&c, "NÚÑEZ").display_name, "Zoë Ångström-Núñez");
    assert_eq!(find(&c, "sanne.devries@").display_name, "Sanne de Vries");
    assert!(block_on(c.search_users("qqqqzzzz")).unwrap().is_empty());
    assert!(block_on(c.search_users("ström")).unwrap().is_empty(), "matches only the start of words");
}

#[test]
fn the_lookup_finds_sanne_by_her_iphones_serial_number_and_by_her_laptops_name() {
    use tier1::domain::search::DeviceField;
    use tier1::loaders::Matched;
    let c = aurora();
    let by_serial = block_on(loaders::find_callers(&c, "ndqydhgdqc")).unwrap();
    assert_eq!(by_serial.len(), 1, "{by_serial:?}");
    assert_eq!(by_serial[0].user.display_name, "Sanne de Vries");
    let Some(Matched::Device(device, field)) = by_serial[0].matched.clone() else { panic!("{by_serial:?}") };
    assert_eq!((device.device_name.as_str(), field), ("Sanne’s iPhone", DeviceField::SerialNumber));

    let by_name = block_on(loaders::find_callers(&c, "AUR-LT-0142")).unwrap();
    assert_eq!(by_name.len(), 1, "{by_name:?}");
    assert_eq!(by_name[0].user.user_principal_name, "sanne.devries@aurora-logistics.example");
    assert_eq!(
        match &by_name[0].matched {
            Some(Matched::Device(d, f)) => Some((d.device_name.as_str(), *f)),
            _ => None,
        },
        Some(("AUR-LT-0142", DeviceField::Name))
    );

    // A name match is listed once, as a user, even when one of their devices matches too.
    let by_user = block_on(loaders::find_callers(&c, "sanne")).unwrap();
    assert_eq!(by_user.iter().filter(|f| f.user.display_name == "Sanne de Vries").count(), 1);
    assert!(by_user.iter().all(|f| f.matched.is_none()), "{by_user:?}");
    // A part of a serial number finds nothing: serials are matched whole.
    assert!(block_on(loaders::find_callers(&c, "NDQYDH")).unwrap().is_empty());
}

#[test]
fn the_lookup_finds_sanne_by_her_mobile_or_office_number_in_any_written_form() {
    use tier1::loaders::Matched;
    let c = aurora();
    for (typed, number) in [
        ("+31 6 2847 3910", "+31 6 2847 3910"),
        ("+31 6 2847", "+31 6 2847 3910"),
        ("+31 10 555 0142", "+31 10 555 0142"),
    ] {
        let found = block_on(loaders::find_callers(&c, typed)).unwrap();
        assert_eq!(found.len(), 1, "{typed}: {found:?}");
        assert_eq!(found[0].user.display_name, "Sanne de Vries");
        assert_eq!(found[0].matched, Some(Matched::Phone(number.into())), "{typed}");
    }
    assert!(block_on(loaders::find_callers(&c, "+31 6 0000 0000")).unwrap().is_empty());
    // Graph compares text: a number stored with spaces is not found from its compact form (the other way
    // round it is: the compact form of what was typed is asked for too).
    assert!(block_on(loaders::find_callers(&c, "+31628473910")).unwrap().is_empty());
}

#[test]
fn sannes_wifi_error_and_amaras_app_failure_are_theirs_alone() {
    use tier1::domain::prevalence::{Cause, Spread, Unit, DEFAULT_INCIDENT_THRESHOLD};
    let c = aurora();
    let causes = [
        Cause::Profile { policy_id: "7d0ddf0b-32de-514c-ac7d-1b9189076df6".into() },
        Cause::ComplianceSetting {
            policy_id: "d2bf5c4b-9665-52f2-b474-b632166d3f76".into(),
            setting: "IosCompliancePolicy.passcodeRequired".into(),
        },
        Cause::AppInstall { app_id: "f86f40dc-035b-5528-bc71-17707cd83664".into() },
    ];
    let spreads = block_on(loaders::spreads(&c, &causes));
    let only = |unit| Some(Spread { affected: 1, unit });
    assert_eq!(spreads[0], (causes[0].clone(), Ok(only(Unit::Devices))));
    assert_eq!(spreads[1], (causes[1].clone(), Ok(only(Unit::Devices))));
    assert_eq!(spreads[2], (causes[2].clone(), Ok(only(Unit::Users))));
    assert!(spreads.iter().all(|(_, s)| !s.clone().unwrap().unwrap().is_incident(DEFAULT_INCIDENT_THRESHOLD)));

    // A count that cannot be read stays an error for that cause only.
    let failing = client_with("aurora", "installSummary:503");
    let spreads = block_on(loaders::spreads(&failing, &causes));
    assert!(spreads[0].1.is_ok() && spreads[2].1.is_err());
}

#[test]
fn a_failed_device_lookup_leaves_the_users_found_by_name() {
    let c = client_with("aurora", "managedDevices:500");
    let found = block_on(loaders::find_callers(&c, "sanne")).unwrap();
    assert!(found.iter().any(|f| f.user.display_name == "Sanne de Vries"), "{found:?}");
}

#[test]
fn hostile_display_name_is_data_not_markup() {
    let user = find(&aurora(), "onerror");
    assert_eq!(user.display_name, "<img src=x onerror=alert(1)>");
}

#[test]
fn users_are_paged_and_every_page_is_followed() {
    let c = aurora();
    let request = tier1::graph::GraphRequest::v1("users").select(&["id", "displayName"]).top(7);
    let all: Vec<tier1::model::User> = block_on(c.get_all(&request)).unwrap();
    assert!(all.len() >= 40, "expected the whole tenant, got {}", all.len());
    let mut ids: Vec<_> = all.iter().map(|u| u.id.clone()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), all.len(), "no user repeated across pages");
}

#[test]
fn sanne_iphone_needs_a_passcode_and_its_wifi_profile_failed() {
    let s = story("sanne de vries");
    let iphone = s.devices.iter().find(|d| d.device.operating_system == "iOS").unwrap();
    let laptop = s.devices.iter().find(|d| d.device.operating_system == "Windows").unwrap();
    assert!(s.findings.iter().any(|f| matches!(f, Finding::DeviceNotCompliant { device, reasons, .. }
        if *device == iphone.device.device_name
            && reasons.iter().any(|r| matches!(r, Reason::Setting { name, .. } if name.contains("password"))))));
    assert!(!s
        .findings
        .iter()
        .any(|f| matches!(f, Finding::DeviceNotCompliant { device, .. } if *device == laptop.device.device_name)));
    assert!(s.findings.iter().any(|f| matches!(f, Finding::ProfileError { policy, device, code: Some(_), .. }
        if policy.contains("Wi-Fi") && *device == iphone.device.device_name)));
}

#[test]
fn lucas_has_no_intune_license_and_an_enrollment_failure_saying_so() {
    let s = story("lucas martin");
    assert_eq!(s.info.license, LicenseStatus::Unlicensed);
    assert!(s.findings.contains(&Finding::NoIntuneLicense));
    assert!(s.devices.is_empty());
    let events = block_on(aurora().enrollment_events(&s.info.user.id)).unwrap();
    assert!(events.iter().any(|e| e.failure_reason.as_deref() == Some("User not found or licensed")));
}

#[test]
fn priya_android_last_checked_in_45_days_ago() {
    let s = story("priya");
    assert!(
        s.findings.iter().any(|f| matches!(f, Finding::DeviceStale { days: 45, threshold: 30, .. })),
        "{:?}",
        s.findings
    );
}

#[test]
fn priya_stale_phone_is_one_finding_and_the_builtin_policy_shows_in_the_compliance_view() {
    let s = story("priya");
    let phone = s.devices.iter().find(|d| d.device.operating_system == "Android").unwrap();
    let about_phone: Vec<_> = s
        .findings
        .iter()
        .filter(|f| match f {
            Finding::DeviceStale { device, .. } | Finding::DeviceNotCompliant { device, .. } => {
                *device == phone.device.device_name
            }
            _ => false,
        })
        .collect();
    assert!(
        matches!(about_phone[..], [Finding::DeviceStale { days: 45, marked_not_compliant: true, .. }]),
        "one finding, the stale device, saying it is why it is not compliant: {about_phone:?}"
    );
    let policies = block_on(aurora().compliance_policies()).unwrap();
    let rows = tables::builtin_policy::unlisted_rows(Locale::En, &policies, &s.devices, Some(30));
    let default = rows
        .iter()
        .find(|r| r.cells[0].text == "Default Device Compliance Policy" && r.cells[3].text == phone.device.device_name)
        .expect("the built-in policy's row for the phone");
    assert_eq!(default.cells[4].text, "Non-compliant");
    assert!(default.cells[4].detail.as_deref().unwrap().contains("has not checked in with Intune"));
}

#[test]
fn amara_without_group_membership_is_told_which_checks_did_not_run() {
    let c = client_with("aurora", "memberOf:malformed");
    let user = find(&c, "amara");
    block_on(async {
        let info = loaders::user(&c, &user.id).await.unwrap();
        let devices = loaders::devices(&c, &user.id).await.unwrap();
        let membership = loaders::membership(&c, &user.id).await;
        assert!(membership.is_err());
        // The screen's apps are loaded from the membership, so they fail with it.
        let failed = [Source::GroupMembership, Source::Apps].into_iter().collect();
        let d = diagnose(
            &Evidence {
                account: Some((&info.user, &info.license)),
                devices: Some(&devices),
                apps: None,
                now_secs: now(),
                checkin_threshold_days: Some(30),
                device_limit: None,
                ..Default::default()
            },
            &failed,
        );
        assert!(!d.complete(), "Nothing wrong found must not be said");
        assert_eq!(
            d.not_checked,
            vec![
                (Check::DeviceLimit, Source::GroupMembership),
                (Check::AppInstalls, Source::GroupMembership),
                (Check::EnrollmentRestrictions, Source::GroupMembership),
                (Check::ProfileStates, Source::GroupMembership),
                (Check::Targeting, Source::GroupMembership),
            ]
        );
    });
}

/// A user's Configuration (or Compliance) view, as the screen builds it.
fn policy_view(s: &Story, compliance: bool) -> tier1::domain::table::Table {
    let c = aurora();
    let lists = block_on(loaders::policy_lists(&c, async { Ok(s.membership.clone()) })).unwrap();
    let groups = s.membership.all_ids();
    let through = tables::policies::through(&s.membership, &s.parents);
    let user_groups = tables::policies::UserGroups { ids: &groups, names: &lists.names, through: &through };
    let list = if compliance { &lists.compliance } else { &lists.configuration };
    tables::policies::table(Locale::En, clock(), compliance, list, &s.devices, user_groups)
}

/// Tom's Configuration policies view, as the screen builds it.
fn toms_configuration_policies() -> tier1::domain::table::Table {
    policy_view(&story("tom becker"), false)
}

#[test]
fn tom_does_not_get_the_vpn_profile_because_he_is_not_in_its_group() {
    let table = toms_configuration_policies();
    let vpn = table.rows.iter().find(|r| r.cells[0].text == "Aurora VPN (Windows)").expect("VPN profile row");
    assert_eq!(vpn.cells[2].text, "Not assigned: targets VPN Users, which this user is not a member of");
}

/// Policies assigned to device groups reach the device through its own membership, per device: the row of
/// that device names the group and the device.
#[test]
fn tom_gets_the_windows_wifi_through_his_laptops_device_group() {
    let table = toms_configuration_policies();
    let cell = |policy: &str, device: &str| {
        let row = table.rows.iter().find(|r| r.cells[0].text == policy && r.cells[3].text == device);
        row.unwrap_or_else(|| panic!("{policy} on {device}")).cells[2].text.clone()
    };
    assert_eq!(
        cell("Aurora Staff Wi-Fi (Windows)", "AUR-LT-0311"),
        "via device group Devices - Corporate Windows (dynamic) (AUR-LT-0311 is a member)"
    );
    assert_eq!(
        cell("iOS/iPadOS - Corporate device restrictions", "AUR-IPH-9N2WH"),
        "via device group Devices - Corporate iOS/iPadOS (dynamic) (AUR-IPH-9N2WH is a member)"
    );
}

/// An app assigned only to a device group reaches the user through that device: its install status is read and
/// the row of that device names the group and the device.
#[test]
fn daan_gets_scan_and_pack_through_his_scanners_device_group() {
    let s = story("daan visser");
    let app = s.apps.iter().find(|a| a.app.display_name == "Aurora Scan & Pack").expect("the app");
    assert!(!app.reach.applies(), "no group of Daan's own is targeted");
    assert!(app.applies());
    assert_eq!(app_summary(&s.apps).assigned, s.apps.iter().filter(|a| a.applies()).count());
    let c = aurora();
    let reaches = s.apps.iter().flat_map(|r| std::iter::once(&r.reach).chain(r.device_reach.values()));
    let names = block_on(loaders::group_names(&c, &s.membership, reaches)).unwrap();
    let table = tables::apps::table(Locale::En, clock(), &s.apps, &names, &Default::default());
    let row = table
        .rows
        .iter()
        .find(|r| r.cells[0].text == "Aurora Scan & Pack" && r.cells[3].text == "AUR-SCN-267")
        .expect("an install status on the scanner");
    assert_eq!(row.cells[2].text, "Required");
    assert_eq!(row.cells[2].detail.as_deref(), Some("via device group Warehouse Scanners (AUR-SCN-267 is a member)"));
    assert_eq!(row.cells[4].text, "Installed");
}

/// The fake Graph answers a device's memberships by its Entra `deviceId`, as Graph's alternate key does.
#[test]
fn a_devices_groups_are_read_by_its_entra_device_id() {
    let c = aurora();
    let groups = block_on(c.device_groups("b976faea-4c2d-5cf1-b692-e370ab408c9e")).unwrap();
    let names: Vec<&str> = groups.iter().map(|g| g.display_name.as_str()).collect();
    assert_eq!(names, ["Devices - Corporate Windows (dynamic)"], "Tom's laptop AUR-LT-0311");
    let unknown = block_on(c.device_groups("11111111-2222-3333-4444-555555555555")).unwrap_err();
    assert_eq!(unknown.kind, ErrorKind::NotFound);
    let s = story("tom becker");
    let laptop = s.devices.iter().find(|d| d.device.device_name == "AUR-LT-0311").unwrap();
    assert_eq!(laptop.groups.as_deref(), Some(groups.as_slice()), "read with the device's states");
}

#[test]
fn amara_windows_app_failed_with_its_error_code() {
    let s = story("amara");
    assert!(
        s.findings.iter().any(|f| matches!(f, Finding::AppInstallFailed { app, code: Some(code), .. }
        if app == "Aurora Route Planner" && code == "0x87D1041C")),
        "{:?}",
        s.findings
    );
    assert!(app_summary(&s.apps).failed >= 1);
    let table = tables::apps::table(Locale::En, clock(), &s.apps, &Default::default(), &Default::default());
    let failed =
        table.rows.iter().find(|r| r.cells[0].text == "Aurora Route Planner" && r.cells[4].text == "Failed").unwrap();
    assert_eq!(failed.cells[4].detail.as_deref(), Some("(error 0x87D1041C)"));
}

#[test]
fn jonas_has_five_devices_and_a_limit_of_five() {
    let s = story("jonas berg");
    assert_eq!(s.devices.len(), 5);
    let configs = block_on(aurora().enrollment_configurations()).unwrap();
    let (limit, _) = effective_limit(&configs, &s.membership.all_ids()).unwrap();
    assert_eq!(limit, 5);
    assert!(s.findings.iter().any(|f| matches!(f, Finding::DeviceLimitReached { limit: 5, enrolled: 5, .. })));
}

#[test]
fn emma_is_healthy_and_mark_is_disabled() {
    let emma = story("emma laurent");
    assert!(emma.findings.is_empty(), "{:?}", emma.findings);
    assert!(emma.devices.len() >= 2);
    let mark = story("mark jansen");
    assert_eq!(mark.findings.first(), Some(&Finding::AccountDisabled));
}

#[test]
fn nested_groups_show_as_transitive() {
    let s = story("sanne de vries");
    let rows = s.membership.rows();
    assert!(rows.iter().any(|r| r.direct));
    assert!(rows.iter().any(|r| !r.direct), "a nested group reaches Sanne only transitively");
}

#[test]
fn users_open_by_user_principal_name_and_unknown_ids_are_not_found() {
    let c = aurora();
    let by_upn = block_on(loaders::user(&c, "sanne.devries@aurora-logistics.example")).unwrap();
    assert_eq!(by_upn.user.display_name, "Sanne de Vries");
    let missing = block_on(loaders::user(&c, "00000000-0000-0000-0000-000000000000")).unwrap_err();
    assert_eq!(missing.kind, ErrorKind::NotFound);
}

#[test]
fn injected_faults_fail_only_the_affected_pane() {
    let c = client_with("aurora", "managedDevices:503,transitiveMemberOf:malformed,licenseDetails:throttle");
    let user = find(&c, "emma laurent");
    let devices = block_on(loaders::devices(&c, &user.id)).unwrap_err();
    assert_eq!(devices.kind, ErrorKind::Server);
    assert!(devices.request_id.is_some(), "an escalation needs the request id");
    assert_eq!(block_on(loaders::membership(&c, &user.id)).unwrap_err().kind, ErrorKind::Decode);
    let throttled = block_on(loaders::user(&c, &user.id)).unwrap_err();
    assert_eq!(throttled.kind, ErrorKind::Throttled { retry_after_secs: Some(2) });
    assert!(block_on(loaders::tenant(&c)).is_ok(), "the account status pane still loads");
}

// ── Why not: targeting findings and the nesting path ────────────────────────────────────────────────────────

#[test]
fn toms_vpn_is_a_finding_naming_vpn_users_and_emma_in_vpn_users_has_none() {
    let s = story("tom becker");
    let vpn: Vec<_> = s.findings.iter().filter(|f| matches!(f, Finding::ProfileNotTargeted { .. })).collect();
    assert!(
        matches!(&vpn[..], [Finding::ProfileNotTargeted { policy, device, groups, user, row: Some(_), .. }]
            if policy == "Aurora VPN (Windows)" && device == "AUR-LT-0311" && *groups == ["VPN Users"]
                && user == "Tom Becker"),
        "{:?}",
        s.findings
    );
    let text = tier1::panes::findings::describe(Locale::En, vpn[0]);
    assert!(text.contains("VPN Users") && text.contains("AUR-LT-0311"), "{text}");
    let step = tier1::panes::findings::next_step(Locale::En, vpn[0]);
    assert!(step.starts_with("If Tom Becker should have it, add them to VPN Users"), "{step}");
}

#[test]
fn benoits_iphone_misses_the_staff_wifi_through_a_nested_exclusion_group_and_the_finding_names_the_path() {
    let s = story("benoit dupont");
    let excluded: Vec<_> = s.findings.iter().filter(|f| matches!(f, Finding::Excluded { .. })).collect();
    let [Finding::Excluded { item, group, path, device_id: None, row: Some(row), .. }] = &excluded[..] else {
        panic!("one exclusion finding: {:?}", s.findings)
    };
    assert_eq!(item, "Aurora Staff Wi-Fi (iOS/iPadOS)");
    assert_eq!(group, "Staff Wi-Fi - Excluded");
    assert_eq!(path.as_deref(), Some(&["Customs Brokers - External".to_string(), "Staff Wi-Fi - Excluded".into()][..]));
    let text = tier1::panes::findings::describe(Locale::En, excluded[0]);
    assert!(
        text.contains("(Benoît Dupont → Customs Brokers - External → Staff Wi-Fi - Excluded)"),
        "the sentence shows the path: {text}"
    );
    // The evidence row exists in his Configuration view and says the same.
    let table = policy_view(&s, false);
    let cell = &table.rows.iter().find(|r| &r.key == row).expect("the Wi-Fi row").cells[2];
    assert_eq!(cell.text, "Excluded through Staff Wi-Fi - Excluded (member through Customs Brokers - External)");
}

#[test]
fn sanne_gets_the_vpn_through_sales_field_team_and_her_group_membership_shows_the_path() {
    let s = story("sanne de vries");
    let table = policy_view(&s, false);
    let vpn = table.rows.iter().find(|r| r.cells[0].text == "Aurora VPN (Windows)").expect("the VPN row");
    assert_eq!(vpn.cells[2].text, "via VPN Users (through Sales Field Team)");
    let groups = tables::groups::table(Locale::En, &s.membership, &s.parents, "Sanne de Vries");
    let row = groups.rows.iter().find(|r| r.cells[0].text == "VPN Users").expect("VPN Users row");
    assert_eq!(row.cells[2].detail.as_deref(), Some("Path: Sanne de Vries → Sales Field Team → VPN Users"));
    assert!(!s.findings.iter().any(|f| matches!(f, Finding::ProfileNotTargeted { .. })), "{:?}", s.findings);
}

#[test]
fn teams_failing_on_six_users_scanners_is_an_incident_and_amaras_failure_is_hers_alone() {
    use tier1::domain::findings::Actor;
    use tier1::domain::incident::{actor, reach, Reach};
    use tier1::domain::prevalence::{Unit, DEFAULT_INCIDENT_THRESHOLD};
    let client = aurora();
    let reach_of = |s: &Story, app_name: &str| {
        let finding = s
            .findings
            .iter()
            .find(|f| matches!(f, Finding::AppInstallFailed { app, .. } if app == app_name))
            .unwrap_or_else(|| panic!("a failed {app_name} in {:?}", s.findings))
            .clone();
        let known = block_on(loaders::finding_spreads(&client, &s.devices, Some(&s.apps)));
        (reach(&finding, &s.devices, &known, DEFAULT_INCIDENT_THRESHOLD), finding)
    };

    let zofia = story("zofia");
    let (r, teams) = reach_of(&zofia, "Microsoft Teams");
    assert_eq!(r, Some(Reach { affected: 6, others: 5, unit: Unit::Users, incident: true }));
    assert_eq!(teams.actor(), Actor::HelpDesk);
    assert_eq!(actor(&teams, r), Actor::IntuneAdmin, "an incident is the Intune administrator's");
    assert!(matches!(&teams, Finding::AppInstallFailed { code: Some(code), .. } if code == "0xC7D14FB5"));

    let amara = story("amara");
    let (r, route_planner) = reach_of(&amara, "Aurora Route Planner");
    assert_eq!(r, Some(Reach { affected: 1, others: 0, unit: Unit::Users, incident: false }));
    assert_eq!(actor(&route_planner, r), route_planner.actor());
}
