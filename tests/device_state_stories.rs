#![cfg(not(target_arch = "wasm32"))]
//! The device state stories of the demo tenant (issue 11), through the screen's path: fake Graph → loaders →
//! findings → ranking and words. Hanna's pending wipe, Lars's failed restart, Sofía's two profiles in conflict,
//! Mila's grace period, Noah's profile without a state, and the Northwind lab's inactive subscription and MDM
//! authority.

mod common;

use futures::executor::block_on;
use tier1::domain::findings::{rank, Actor, Finding, Reason, Weight};
use tier1::i18n::Locale;
use tier1::model::{MdmAuthority, SubscriptionState};
use tier1::panes::findings::{describe, next_step};

fn now() -> i64 {
    tier1::platform::now_secs()
}

/// Every finding about the user the screen shows, with every source loaded, except a connectivity profile
/// that does not reach them: most Windows users are not in VPN Users, and that is Tom's story, not these.
fn diagnosis(tenant: &str, query: &str) -> Vec<Finding> {
    let client = common::tenant(tenant);
    block_on(async {
        let users = client.search_users(query).await.unwrap();
        assert_eq!(users.len(), 1, "{query}: {users:?}");
        let findings = common::diagnosis_of(&client, &users[0]).await.findings;
        findings.into_iter().filter(|f| !matches!(f, Finding::ProfileNotTargeted { .. })).collect()
    })
}

#[test]
fn hannas_pending_wipe_heads_her_stolen_iphones_other_findings() {
    let found = diagnosis("aurora", "hanna smit");
    let ranked = rank(found);
    let wipe = ranked
        .iter()
        .find(
            |r| matches!(&r.finding, Finding::DeviceRemovalPending { action, since: Some(_), .. } if action == "wipe"),
        )
        .expect("the pending wipe, with when it was sent");
    assert_eq!(wipe.finding.weight(), Weight::BlocksDevice);
    assert!(wipe.finding.at().is_some(), "ranked by the wipe's time");
    assert!(
        wipe.dependents.iter().any(|f| matches!(f, Finding::DeviceNotCompliant { .. }))
            && wipe.dependents.iter().any(|f| matches!(f, Finding::ProfileError { .. })),
        "the phone's compliance and profile error are grouped under the wipe: {:?}",
        wipe.dependents
    );
    assert_eq!(ranked.len(), 1, "nothing else about Hanna: {ranked:?}");
    let text = describe(Locale::En, &wipe.finding);
    assert!(text.starts_with("Wipe of AUR-IPH-") && text.contains(" UTC"), "{text}");
}

#[test]
fn lars_restart_failed_and_the_help_desk_sends_it_again() {
    let found = diagnosis("aurora", "lars nilsson");
    assert!(
        matches!(&found[..], [f @ Finding::DeviceActionFailed { action, at: Some(_), .. }]
            if action == "rebootNow" && f.actor() == Actor::HelpDesk),
        "{found:?}"
    );
    assert_eq!(describe(Locale::En, &found[0]).split(" on ").next(), Some("Restart"));
    assert!(next_step(Locale::En, &found[0]).contains("send Restart again"));
}

#[test]
fn sofias_two_profiles_in_conflict_each_name_the_other() {
    let found = diagnosis("aurora", "sofia moreno");
    let pairs: Vec<(String, String)> = found
        .iter()
        .filter_map(|f| match f {
            Finding::ProfileConflict { policy, other: Some((other, _)), setting: Some(s), .. } => {
                assert_eq!(s, "Edge home page URLs");
                Some((policy.clone(), other.clone()))
            }
            _ => None,
        })
        .collect();
    let edge = "Microsoft Edge baseline - Pilot (Windows)".to_string();
    let finance = "Finance browser settings (Windows)".to_string();
    assert_eq!(pairs, vec![(edge.clone(), finance.clone()), (finance, edge)], "{found:?}");
    assert_eq!(found.len(), 2, "a conflict is not also a profile error: {found:?}");
    assert!(found.iter().all(|f| f.weight() == Weight::BlocksItem && f.actor() == Actor::IntuneAdmin));
    assert!(describe(Locale::En, &found[0]).contains("conflicts with Finance browser settings (Windows)"));
}

#[test]
fn milas_phone_is_in_its_grace_period_with_the_value_it_has_and_the_end_date() {
    let found = diagnosis("aurora", "mila jacobs");
    let [f @ Finding::DeviceInGracePeriod { reasons, until: Some(until), .. }] = &found[..] else {
        panic!("one grace period finding: {found:?}");
    };
    assert_eq!(reasons, &vec![Reason::Setting { name: "Minimum OS version".into(), value: Some("12".into()) }]);
    assert!((until - now() - 2 * 86_400).abs() < 3600, "ends in two days");
    assert_eq!(f.weight(), Weight::Warning);
    let text = describe(Locale::En, f);
    assert!(text.contains("Minimum OS version (value: 12)") && text.contains("becomes non-compliant on "), "{text}");
}

#[test]
fn noahs_windows_hello_profile_reports_no_state_on_his_laptop() {
    let found = diagnosis("aurora", "noah williams");
    assert!(
        matches!(&found[..], [f @ Finding::ProfileNoState { policy, device, reported_elsewhere: false, .. }]
            if policy == "Windows Hello for Business - Pilot (Windows)" && device == "AUR-LT-0649"
                && f.weight() == Weight::Warning),
        "{found:?}"
    );
    assert!(next_step(Locale::En, &found[0]).contains("sync AUR-LT-0649"));
}

#[test]
fn sanne_is_told_the_value_her_failing_setting_has() {
    let found = diagnosis("aurora", "sanne de vries");
    assert!(found.iter().any(|f| matches!(f, Finding::DeviceNotCompliant { reasons, .. }
        if reasons.iter().any(|r| matches!(r, Reason::Setting { name, value: Some(v) }
            if name.contains("password") && v == "false")))));
}

#[test]
fn the_northwind_lab_subscription_is_not_active_and_office_365_manages_its_devices() {
    let found = diagnosis("northwind-lab", "lab admin");
    let ranked = rank(found);
    assert_eq!(ranked[0].finding, Finding::TenantNotActive { state: SubscriptionState::Disabled });
    assert_eq!(ranked[0].finding.actor(), Actor::Microsoft);
    assert_eq!(ranked[1].finding, Finding::MdmAuthorityNotIntune { authority: MdmAuthority::Office365 });
    assert!(ranked[..2].iter().all(|r| r.weight() == Weight::BlocksAccess));
    assert!(describe(Locale::En, &ranked[0].finding).contains("is not active (disabled)"));
}

#[test]
fn no_other_user_of_aurora_gets_a_device_state_finding() {
    // The checks must not find what is not there: everyone but the story users is free of them.
    for query in ["emma laurent", "tom becker", "priya raman", "amara okafor", "jonas berg", "daan visser"] {
        let found = diagnosis("aurora", query);
        let new: Vec<_> = found
            .iter()
            .filter(|f| {
                matches!(
                    f,
                    Finding::TenantNotActive { .. }
                        | Finding::MdmAuthorityNotIntune { .. }
                        | Finding::DeviceInGracePeriod { .. }
                        | Finding::DeviceRemovalPending { .. }
                        | Finding::DeviceActionFailed { .. }
                        | Finding::ProfileConflict { .. }
                        | Finding::ProfileNoState { .. }
                )
            })
            .collect();
        assert!(new.is_empty(), "{query}: {new:?}");
    }
}
