#![cfg(not(target_arch = "wasm32"))]
//! Operator roles, scope and device actions over the demo tenants' own files: the four Aurora operators
//! against the real groups and devices, every action's permission and platform rule, the simulation on
//! fixture devices, and the action log's CSV export.

use std::collections::{BTreeMap, BTreeSet};

use serde::de::DeserializeOwned;
use serde_json::Value;
use tier1::domain::device_actions::{
    availability, records_csv, request_body, simulate, ActionOptions, ActionRecord, ActionResult, ActionState,
    ActionTarget, Availability, DeviceAction, DeviceEffect, DisabledReason, FailureReason, GraphLabels,
    ManagementState, Outcome,
};
use tier1::domain::rbac::{
    missing_for_view, Access, Action, GroupGraph, KnownRole, Permission, Resource, Scope, ScopeDecision, ViewArea,
};
use tier1::domain::time::parse_iso;
use tier1::model::{
    Collection, DemoOperator, GroupMember, GroupWithMembers, ManagedDevice, RoleAssignment, RoleDefinition, User,
};

const DOMAIN: &str = "@aurora-logistics.example";
const ANCHOR: &str = "2026-11-20T09:00:00Z";

fn read<T: DeserializeOwned>(tenant: &str, file: &str) -> Vec<T> {
    let path = format!("{}/fixtures/{tenant}/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str::<Collection<T>>(&text).unwrap_or_else(|e| panic!("{path}: {e}")).value
}

fn anchor() -> i64 {
    parse_iso(ANCHOR).unwrap()
}

/// One demo tenant's directory, roles and devices.
struct Tenant {
    users: Vec<User>,
    groups: Vec<GroupWithMembers>,
    graph: GroupGraph,
    definitions: Vec<RoleDefinition>,
    assignments: Vec<RoleAssignment>,
    operators: Vec<DemoOperator>,
    /// Devices with the two facts `ManagedDevice` does not carry (enrollment type, supervision).
    devices: Vec<(ManagedDevice, Value)>,
}

impl Tenant {
    fn load(tenant: &str) -> Tenant {
        let groups: Vec<GroupWithMembers> = read(tenant, "groups.json");
        let raw: Vec<Value> = read(tenant, "managedDevices.json");
        Tenant {
            users: read(tenant, "users.json"),
            graph: GroupGraph::new(&groups),
            groups,
            definitions: read(tenant, "roleDefinitions.json"),
            assignments: read(tenant, "roleAssignments.json"),
            operators: read(tenant, "operators.json"),
            devices: raw.into_iter().map(|v| (serde_json::from_value(v.clone()).unwrap(), v)).collect(),
        }
    }

    fn user(&self, local: &str) -> &User {
        let upn = format!("{local}{DOMAIN}");
        self.users.iter().find(|u| u.user_principal_name == upn).unwrap_or_else(|| panic!("no user {upn}"))
    }

    fn operator(&self, local: &str) -> &DemoOperator {
        let upn = format!("{local}{DOMAIN}");
        self.operators.iter().find(|o| o.user_principal_name == upn).unwrap_or_else(|| panic!("no operator {upn}"))
    }

    fn access(&self, operator: &DemoOperator) -> Access {
        let groups: BTreeSet<String> = operator.group_ids().map(str::to_string).collect();
        Access::resolve(&groups, &self.assignments, &self.definitions, &self.graph)
    }

    fn access_of(&self, local: &str) -> Access {
        self.access(self.operator(local))
    }

    fn target(&self, device: &ManagedDevice, raw: &Value) -> ActionTarget {
        ActionTarget::from_device(device, &self.graph)
            .with_enrollment(raw["deviceEnrollmentType"].as_str(), raw["isSupervised"].as_bool())
    }

    fn targets(&self) -> Vec<ActionTarget> {
        self.devices.iter().map(|(d, raw)| self.target(d, raw)).collect()
    }

    fn device_named(&self, name: &str) -> ActionTarget {
        let (d, raw) = self.devices.iter().find(|(d, _)| d.device_name == name).unwrap_or_else(|| panic!("{name}"));
        self.target(d, raw)
    }

    fn group_id(&self, name: &str) -> &str {
        &self.groups.iter().find(|g| g.display_name == name).unwrap_or_else(|| panic!("no group {name}")).id
    }
}

const HELP_DESK: &str = "felix.kohler";
const READ_ONLY: &str = "ruud.hendriks";
const MINIMAL: &str = "arjun.mehta";
const ADMIN: &str = "oluwaseun.adebayo";

// ---- roles ----------------------------------------------------------------------------------------

#[test]
fn fixture_roles_are_the_roles_tier1_knows() {
    for tenant in ["aurora", "northwind-lab"] {
        for definition in Tenant::load(tenant).definitions {
            let known = KnownRole::ALL
                .into_iter()
                .find(|r| r.display_name() == definition.display_name)
                .unwrap_or_else(|| panic!("{tenant}: unknown role {}", definition.display_name));
            let allowed: Vec<String> = definition
                .role_permissions
                .iter()
                .flat_map(|p| &p.resource_actions)
                .flat_map(|ra| ra.allowed_resource_actions.iter().cloned())
                .collect();
            assert_eq!(allowed, known.allowed_resource_actions(), "{tenant}: {}", definition.display_name);
            assert_eq!(definition.is_built_in, known.is_built_in(), "{}", definition.display_name);
        }
    }
}

#[test]
fn each_aurora_operator_has_one_assignment_with_the_expected_role_and_scope() {
    let aurora = Tenant::load("aurora");
    assert_eq!(aurora.operators[0].user_principal_name, format!("{ADMIN}{DOMAIN}"), "the administrator is default");
    let benelux = aurora.group_id("Staff - Benelux").to_string();
    let all_staff = aurora.group_id("All Staff").to_string();
    let expected = [
        (HELP_DESK, "Help Desk Operator", Some(vec![("Staff - Benelux", benelux)])),
        (READ_ONLY, "Read Only Operator", Some(vec![("All Staff", all_staff)])),
        (MINIMAL, "Minimal troubleshooting", None),
        (ADMIN, "Intune Administrator", None),
    ];
    for (operator, role, groups) in expected {
        let access = aurora.access_of(operator);
        let [assignment] = access.assignments() else { panic!("{operator}: {:?}", access.assignments()) };
        assert_eq!(assignment.role_name, role);
        match (&assignment.scope, groups) {
            (Scope::Groups(actual), Some(expected)) => {
                let actual: Vec<(&str, String)> = actual.iter().map(|g| (g.name.as_str(), g.id.clone())).collect();
                assert_eq!(actual, expected, "{operator}");
            }
            (Scope::AllLicensedUsers, None) => assert_eq!(operator, MINIMAL),
            (Scope::AllDevicesAndLicensedUsers, None) => assert_eq!(operator, ADMIN),
            (scope, _) => panic!("{operator}: unexpected scope {scope:?}"),
        }
    }
}

#[test]
fn custom_role_has_exactly_the_six_documented_reads_and_no_remote_task() {
    let access = Tenant::load("aurora").access_of(MINIMAL);
    let granted: BTreeSet<String> = Resource::ALL
        .into_iter()
        .flat_map(|r| Action::ALL.into_iter().map(move |a| Permission::new(r, a)))
        .filter(|p| access.can(*p))
        .map(|p| p.to_string())
        .collect();
    let expected: BTreeSet<String> = [
        "Microsoft.Intune_DeviceCompliancePolices_Read",
        "Microsoft.Intune_DeviceConfigurations_Read",
        "Microsoft.Intune_ManagedApps_Read",
        "Microsoft.Intune_ManagedDevices_Read",
        "Microsoft.Intune_MobileApps_Read",
        "Microsoft.Intune_Organization_Read",
    ]
    .map(String::from)
    .into();
    assert_eq!(granted, expected);
    for view in ViewArea::ALL {
        assert_eq!(missing_for_view(&access, view), None, "{view:?}");
    }
}

#[test]
fn views_say_which_permission_is_missing() {
    let aurora = Tenant::load("aurora");
    let nobody = Access::resolve(&BTreeSet::new(), &aurora.assignments, &aurora.definitions, &aurora.graph);
    assert!(!nobody.has_assignment());
    assert_eq!(missing_for_view(&nobody, ViewArea::Compliance), Some(Permission::COMPLIANCE_POLICIES_READ));
    assert_eq!(
        missing_for_view(&nobody, ViewArea::EnrollmentRestrictions),
        Some(Permission::DEVICE_CONFIGURATIONS_READ)
    );
    for operator in [HELP_DESK, READ_ONLY, MINIMAL, ADMIN] {
        let access = aurora.access_of(operator);
        assert!(ViewArea::ALL.iter().all(|v| missing_for_view(&access, *v).is_none()), "{operator}");
    }
}

// ---- scope --------------------------------------------------------------------------------------

#[test]
fn benelux_help_desk_reaches_office_members_through_nesting() {
    let aurora = Tenant::load("aurora");
    let access = aurora.access_of(HELP_DESK);
    let benelux = aurora.group_id("Staff - Benelux");
    // Sanne (Rotterdam HQ) and Chloé (Antwerp) are members of office groups only; Staff - Benelux nests those.
    for (local, office) in [("sanne.devries", "Office - Rotterdam HQ"), ("chloe.peeters", "Office - Antwerp")] {
        let user = aurora.user(local);
        let direct = aurora.groups.iter().find(|g| g.id == benelux).unwrap();
        assert!(direct.members.iter().all(|m| m.id != user.id), "{local} must not be a direct member");
        assert!(aurora.graph.contains(aurora.group_id(office), &user.id));
        assert_eq!(access.can_manage_user(&user.id, &aurora.graph), ScopeDecision::InScope, "{local}");
    }
    for local in ["tom.becker", "emma.laurent", "felix.kohler"] {
        assert_eq!(
            access.can_manage_user(&aurora.user(local).id, &aurora.graph),
            ScopeDecision::OutOfScope { scope_group_names: vec!["Staff - Benelux".into()] },
            "{local}"
        );
    }
}

#[test]
fn scope_counts_of_each_operator() {
    let aurora = Tenant::load("aurora");
    let in_scope = |operator: &str| {
        let access = aurora.access_of(operator);
        aurora.users.iter().filter(|u| access.can_manage_user(&u.id, &aurora.graph).is_in_scope()).count()
    };
    let benelux_people =
        aurora.users.iter().filter(|u| aurora.graph.contains(aurora.group_id("Staff - Benelux"), &u.id)).count();
    assert_eq!(benelux_people, 21, "16 in Rotterdam HQ, 5 in Antwerp");
    assert_eq!(in_scope(HELP_DESK), 21);
    assert_eq!(in_scope(READ_ONLY), 51, "All Staff nests every office");
    assert_eq!(in_scope(MINIMAL), 51);
    assert_eq!(in_scope(ADMIN), 51);
}

#[test]
fn scope_resolution_survives_a_cycle_in_the_directory() {
    let aurora = Tenant::load("aurora");
    let mut groups = aurora.groups.clone();
    let all_staff = aurora.group_id("All Staff").to_string();
    let rotterdam = aurora.group_id("Office - Rotterdam HQ").to_string();
    // Office - Rotterdam HQ → All Staff closes a loop All Staff → Staff - Benelux → Office - Rotterdam HQ.
    let office = groups.iter_mut().find(|g| g.id == rotterdam).unwrap();
    office.members.push(GroupMember {
        odata_type: Some("#microsoft.graph.group".into()),
        id: all_staff.clone(),
        device_id: None,
    });
    let graph = GroupGraph::new(&groups);
    let sanne = &aurora.user("sanne.devries").id;
    let names: BTreeSet<&str> = graph.groups_of(sanne).iter().filter_map(|id| graph.name_of(id)).collect();
    assert!(names.is_superset(&BTreeSet::from(["All Staff", "Staff - Benelux", "Office - Rotterdam HQ"])));
    let tom = &aurora.user("tom.becker").id;
    assert!(!aurora.graph.contains(&rotterdam, tom), "without the loop Tom is in Hamburg only");
    assert!(graph.contains(&rotterdam, tom), "with it, Rotterdam holds everyone in All Staff");
    let access = Access::resolve(
        &aurora.operator(HELP_DESK).group_ids().map(str::to_string).collect(),
        &aurora.assignments,
        &aurora.definitions,
        &graph,
    );
    // So Tom is now in Benelux's scope, and resolving it terminated.
    assert_eq!(access.can_manage_user(tom, &graph), ScopeDecision::InScope);
}

// ---- actions: permission and platform rules ------------------------------------------------------

#[test]
fn every_action_names_its_graph_call_and_permission() {
    let table = [
        (DeviceAction::Sync, "syncDevice", "Microsoft.Intune_RemoteTasks_SyncDevice", false),
        (DeviceAction::Restart, "rebootNow", "Microsoft.Intune_RemoteTasks_RebootNow", false),
        (DeviceAction::RemoteLock, "remoteLock", "Microsoft.Intune_RemoteTasks_RemoteLock", false),
        (DeviceAction::ResetPasscode, "resetPasscode", "Microsoft.Intune_RemoteTasks_ResetPasscode", false),
        (DeviceAction::Retire, "retire", "Microsoft.Intune_RemoteTasks_Retire", true),
        (DeviceAction::Wipe, "wipe", "Microsoft.Intune_RemoteTasks_Wipe", true),
        (DeviceAction::FreshStart, "cleanWindowsDevice", "Microsoft.Intune_RemoteTasks_CleanPC", true),
        (DeviceAction::Locate, "locateDevice", "Microsoft.Intune_RemoteTasks_LocateDevice", false),
        (DeviceAction::DefenderQuickScan, "windowsDefenderScan", "Microsoft.Intune_RemoteTasks_WindowsDefender", false),
        (
            DeviceAction::CollectDiagnostics,
            "createDeviceLogCollectionRequest",
            "Microsoft.Intune_RemoteTasks_DeviceLogs",
            false,
        ),
    ];
    assert_eq!(table.len(), DeviceAction::ALL.len());
    for (action, graph_action, permission, destructive) in table {
        assert_eq!(action.graph_action(), graph_action);
        assert_eq!(action.permission().to_string(), permission);
        assert_eq!(action.is_destructive(), destructive, "{action:?}");
        assert!(KnownRole::HelpDeskOperator.permissions().contains(&action.permission()), "{action:?}");
    }
}

/// The kinds of device the demo tenant has, with the actions each must offer (S R L P Rt W F Lo D C =
/// Sync, Restart, Lock, Passcode, Retire, Wipe, Fresh Start, Locate, Defender, Collect diagnostics).
#[test]
fn every_action_appears_exactly_on_the_platforms_that_support_it() {
    let aurora = Tenant::load("aurora");
    let admin = aurora.access_of(ADMIN);
    // (operatingSystem, ownership, deviceEnrollmentType, isSupervised) → offered actions.
    let expected: BTreeMap<(&str, &str, &str, bool), [bool; 10]> = [
        (("Windows", "company", "windowsAzureADJoin", false), [1, 1, 0, 0, 1, 1, 1, 1, 1, 1]),
        (("Windows", "company", "windowsCoManagement", false), [1, 1, 0, 0, 1, 1, 1, 1, 1, 1]),
        (("iOS", "company", "appleBulkWithUser", true), [1, 1, 1, 1, 1, 1, 0, 1, 0, 0]),
        (("iOS", "personal", "userEnrollment", false), [1, 0, 1, 1, 1, 1, 0, 0, 0, 0]),
        (("iPadOS", "company", "appleBulkWithUser", true), [1, 1, 1, 1, 1, 1, 0, 1, 0, 0]),
        (("macOS", "company", "appleBulkWithUser", true), [1, 1, 1, 0, 1, 1, 0, 0, 0, 0]),
        (("Android", "company", "androidEnterpriseFullyManaged", false), [1, 1, 1, 1, 0, 1, 0, 1, 0, 0]),
        (("Android", "company", "androidEnterpriseCorporateWorkProfile", false), [1, 0, 1, 1, 0, 1, 0, 1, 0, 0]),
        (("Android", "personal", "userEnrollment", false), [1, 0, 0, 1, 1, 0, 0, 0, 0, 0]),
    ]
    .into_iter()
    .map(|(kind, offered)| (kind, offered.map(|x| x == 1)))
    .collect();
    let mut seen = BTreeSet::new();
    for (device, raw) in &aurora.devices {
        let kind = (
            raw["operatingSystem"].as_str().unwrap(),
            raw["managedDeviceOwnerType"].as_str().unwrap(),
            raw["deviceEnrollmentType"].as_str().unwrap(),
            raw["isSupervised"].as_bool().unwrap(),
        );
        let offered = expected.get(&kind).unwrap_or_else(|| panic!("no expectation for {kind:?}"));
        seen.insert(kind);
        let target = aurora.target(device, raw);
        for (action, offered) in DeviceAction::ALL.into_iter().zip(offered) {
            let availability = availability(action, &target, &admin);
            let expected = match (*offered, being_removed(&target)) {
                (true, false) => Availability::Enabled,
                // Hanna's stolen iPhone: a wipe is pending, so nothing more can be sent to it.
                (true, true) => Availability::Disabled(DisabledReason::DeviceRetired),
                (false, _) => Availability::Hidden,
            };
            assert_eq!(availability, expected, "{action:?} on {} {kind:?}", device.device_name);
        }
    }
    assert_eq!(seen.len(), expected.len(), "every kind of device is in the tenant");
}

/// A retire or wipe is pending on the device (Hanna's stolen iPhone): every action is refused for that reason.
fn being_removed(target: &ActionTarget) -> bool {
    matches!(target.management_state.as_deref(), Some("wipePending" | "retirePending"))
}

#[test]
fn read_only_operator_can_do_no_action() {
    let aurora = Tenant::load("aurora");
    let reader = aurora.access_of(READ_ONLY);
    let mut disabled = 0;
    for target in aurora.targets() {
        for action in DeviceAction::ALL {
            match availability(action, &target, &reader) {
                Availability::Hidden => {}
                Availability::Disabled(reason) => {
                    assert_eq!(reason, DisabledReason::MissingPermission(action.permission()));
                    disabled += 1;
                }
                Availability::Enabled => panic!("{action:?} enabled on {} for read-only", target.device_name),
            }
        }
    }
    assert_eq!(disabled, 585, "every offered action on the 86 devices is shown disabled");
}

#[test]
fn minimal_troubleshooting_operator_sees_actions_but_cannot_use_them() {
    let aurora = Tenant::load("aurora");
    let minimal = aurora.access_of(MINIMAL);
    let laptop = aurora.device_named("AUR-LT-0142");
    assert_eq!(
        availability(DeviceAction::Sync, &laptop, &minimal),
        Availability::Disabled(DisabledReason::MissingPermission(Permission::remote_task(Action::SyncDevice)))
    );
}

#[test]
fn help_desk_acts_on_benelux_devices_only() {
    let aurora = Tenant::load("aurora");
    let help_desk = aurora.access_of(HELP_DESK);
    let sanne_laptop = aurora.device_named("AUR-LT-0142");
    let tom_laptop = aurora.device_named("AUR-LT-0311");
    for action in [DeviceAction::Sync, DeviceAction::Wipe, DeviceAction::FreshStart, DeviceAction::CollectDiagnostics] {
        assert_eq!(availability(action, &sanne_laptop, &help_desk), Availability::Enabled, "{action:?}");
        assert_eq!(
            availability(action, &tom_laptop, &help_desk),
            Availability::Disabled(DisabledReason::DeviceOutOfScope {
                scope_group_names: vec!["Staff - Benelux".into()]
            }),
            "{action:?}"
        );
    }
    assert_eq!(availability(DeviceAction::RemoteLock, &sanne_laptop, &help_desk), Availability::Hidden);
}

#[test]
fn admin_can_do_everything_the_platform_allows_in_both_tenants() {
    for tenant in ["aurora", "northwind-lab"] {
        let t = Tenant::load(tenant);
        let admin = t.access(&t.operators[0]);
        assert!(admin.can(Permission::new(Resource::Roles, Action::Delete)), "{tenant}");
        let mut enabled = 0;
        for target in t.targets() {
            for action in DeviceAction::ALL {
                match availability(action, &target, &admin) {
                    Availability::Enabled => enabled += 1,
                    Availability::Hidden => {}
                    Availability::Disabled(DisabledReason::DeviceRetired) if being_removed(&target) => {}
                    other => panic!("{tenant}: {action:?} on {}: {other:?}", target.device_name),
                }
            }
        }
        assert!(enabled > 0, "{tenant}");
        for user in &t.users {
            assert!(admin.can_manage_user(&user.id, &t.graph).is_in_scope(), "{tenant}: {}", user.display_name);
        }
    }
}

// ---- requests -------------------------------------------------------------------------------------

#[test]
fn wipe_request_for_a_fixture_device() {
    let aurora = Tenant::load("aurora");
    let laptop = aurora.device_named("AUR-LT-0142");
    assert_eq!(
        DeviceAction::Wipe.path(&laptop.device_id),
        format!("deviceManagement/managedDevices/{}/wipe", laptop.device_id)
    );
    let keep = ActionOptions { keep_enrollment_data: true, keep_user_data: true };
    assert_eq!(
        request_body(DeviceAction::Wipe, keep).unwrap().to_string(),
        r#"{"keepEnrollmentData":true,"keepUserData":true}"#
    );
    let plain = ActionOptions::default();
    assert_eq!(
        request_body(DeviceAction::Wipe, plain).unwrap().to_string(),
        r#"{"keepEnrollmentData":false,"keepUserData":false}"#
    );
}

// ---- simulation -----------------------------------------------------------------------------------

#[test]
fn sync_updates_the_last_check_in() {
    let aurora = Tenant::load("aurora");
    let laptop = aurora.device_named("AUR-LT-0142");
    let before = laptop.last_sync_secs.unwrap();
    let run = simulate(DeviceAction::Sync, ActionOptions::default(), &laptop, anchor(), 42);
    let Outcome::Done { at_secs } = run.outcome else { panic!("{run:?}") };
    assert!(at_secs > before && (anchor() + 45..anchor() + 195).contains(&at_secs), "{at_secs}");
    assert_eq!(run.state_at(at_secs - 1), ActionState::Pending);
    assert_eq!(run.state_at(at_secs), ActionState::Done);
    let checked_in: Vec<i64> =
        run.effects_until(at_secs).filter(|e| e.effect == DeviceEffect::CheckedIn).map(|e| e.at_secs).collect();
    assert_eq!(checked_in, [at_secs]);
}

#[test]
fn retire_takes_the_device_out_of_the_users_list() {
    let aurora = Tenant::load("aurora");
    let iphone = aurora.device_named("Sanne’s iPhone");
    let run = simulate(DeviceAction::Retire, ActionOptions::default(), &iphone, anchor(), 42);
    let done = run.finished_secs().expect("an online iPhone confirms");
    let at_start: Vec<_> = run.effects_until(anchor()).map(|e| e.effect).collect();
    assert_eq!(at_start, [DeviceEffect::ManagementStateChanged(ManagementState::RetirePending)]);
    let at_end: Vec<_> = run.effects_until(done).map(|e| e.effect).collect();
    assert_eq!(at_end.last(), Some(&DeviceEffect::RemovedFromUserDevices));
    // Retiring it makes every other action pointless.
    let retiring = ActionTarget { management_state: Some("retirePending".into()), ..iphone };
    let admin = aurora.access_of(ADMIN);
    assert_eq!(
        availability(DeviceAction::Sync, &retiring, &admin),
        Availability::Disabled(DisabledReason::DeviceRetired)
    );
}

#[test]
fn wipe_keeping_enrollment_leaves_the_device_listed() {
    let aurora = Tenant::load("aurora");
    let laptop = aurora.device_named("AUR-LT-0142");
    let keep = ActionOptions { keep_enrollment_data: true, keep_user_data: true };
    let run = simulate(DeviceAction::Wipe, keep, &laptop, anchor(), 1);
    let effects: Vec<_> = run.effects.iter().map(|e| e.effect).collect();
    assert!(!effects.contains(&DeviceEffect::RemovedFromUserDevices));
    assert!(effects.contains(&DeviceEffect::ManagementStateChanged(ManagementState::Managed)));
    let gone = simulate(DeviceAction::Wipe, ActionOptions::default(), &laptop, anchor(), 1);
    assert!(gone.effects.iter().any(|e| e.effect == DeviceEffect::RemovedFromUserDevices));
}

#[test]
fn a_device_silent_for_45_days_never_confirms() {
    let aurora = Tenant::load("aurora");
    let priya_phone = aurora
        .targets()
        .into_iter()
        .find(|t| t.device_name.starts_with("priya.raman_AndroidForWork"))
        .expect("Priya's work-profile phone");
    assert_eq!(priya_phone.silent_for(anchor()), Some(45 * 86_400));
    for action in [DeviceAction::Sync, DeviceAction::ResetPasscode] {
        let run = simulate(action, ActionOptions::default(), &priya_phone, anchor(), 9);
        assert_eq!(run.state_at(run.expected_by_secs), ActionState::Pending, "{action:?} still pending when due");
        let failed_at = run.finished_secs().unwrap();
        assert!(failed_at > run.expected_by_secs, "{action:?}");
        assert_eq!(run.outcome, Outcome::Failed { at_secs: failed_at, reason: FailureReason::DeviceDidNotConfirm });
        assert_eq!(run.state_at(failed_at), ActionState::Failed);
        assert!(run.effects.is_empty(), "no check-in from an offline device");
    }
    let retire = simulate(DeviceAction::Retire, ActionOptions::default(), &priya_phone, anchor(), 9);
    assert_eq!(retire.outcome, Outcome::StaysPending);
}

#[test]
fn an_offline_lock_fails_after_the_expected_time() {
    let aurora = Tenant::load("aurora");
    // No fixture device that supports Remote lock is offline, so age a supervised iPhone by 20 days.
    let mut iphone = aurora.device_named("AUR-IPH-2C3GY");
    iphone.last_sync_secs = Some(anchor() - 20 * 86_400);
    let run = simulate(DeviceAction::RemoteLock, ActionOptions::default(), &iphone, anchor(), 5);
    assert_eq!(run.state_at(run.expected_by_secs + 60), ActionState::Pending);
    assert!(matches!(run.outcome, Outcome::Failed { reason: FailureReason::DeviceDidNotConfirm, .. }));
}

#[test]
fn simulation_is_deterministic_for_a_seed() {
    let aurora = Tenant::load("aurora");
    let targets = aurora.targets();
    for target in &targets {
        for action in DeviceAction::ALL {
            let once = simulate(action, ActionOptions::default(), target, anchor(), 2026);
            let again = simulate(action, ActionOptions::default(), target, anchor(), 2026);
            assert_eq!(once, again);
        }
    }
    let finish = |seed| {
        targets
            .iter()
            .map(|t| simulate(DeviceAction::Sync, ActionOptions::default(), t, anchor(), seed).finished_secs())
            .collect::<Vec<_>>()
    };
    assert_ne!(finish(1), finish(2), "the seed changes the timings");
}

// ---- action log ------------------------------------------------------------------------------------

#[test]
fn action_log_exports_fixture_names_safely() {
    let aurora = Tenant::load("aurora");
    let xss_device = aurora.device_named("<script>alert('dev')</script>");
    let sanne_iphone = aurora.device_named("Sanne’s iPhone");
    let sync = simulate(DeviceAction::Sync, ActionOptions::default(), &xss_device, anchor(), 1);
    let retire = simulate(DeviceAction::Retire, ActionOptions::default(), &sanne_iphone, anchor(), 1);
    let operator = format!("{HELP_DESK}{DOMAIN}");
    let done = ActionRecord::of_run(&operator, &xss_device, &sync, anchor() + 3600);
    let pending = ActionRecord::of_run(&operator, &sanne_iphone, &retire, anchor());
    assert_eq!(done.result, ActionResult::Done);
    assert_eq!(pending.result, ActionResult::Pending);
    let mut hostile = pending.clone();
    hostile.device_name = "=HYPERLINK(\"http://evil\",\"click\")".into();
    hostile.user = "line one\nline two, \"quoted\"".into();
    let headers = ["Operator", "Action", "Device ID", "Device", "User", "Started", "Finished", "Result"];
    let csv = records_csv(&[done, pending, hostile], &headers, &GraphLabels);
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(lines[0], "Operator,Action,Device ID,Device,User,Started,Finished,Result");
    assert!(lines[1].contains(",syncDevice,") && lines[1].contains(",<script>alert('dev')</script>,"), "{}", lines[1]);
    assert!(lines[1].ends_with(",done"), "{}", lines[1]);
    assert!(lines[2].contains(",retire,") && lines[2].ends_with(",2026-11-20T09:00:00Z,,pending"), "{}", lines[2]);
    assert!(lines[3].contains(r#","'=HYPERLINK(""http://evil"",""click"")","#), "{}", lines[3]);
    assert!(lines[3].contains("\"line one\nline two, \"\"quoted\"\"\""), "{}", lines[3]);
    assert_eq!(lines.len(), 5);
}
