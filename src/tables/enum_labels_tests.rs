//! Every enum value Tier1 shows has a label in every language, and none shows the raw Graph value.

use super::*;
use crate::domain::entra::JoinType;
use crate::model::{ComplianceState, InstallState, OwnerType, PolicyState};
use crate::tables::format;

/// Graph's spelling of a variant: `InGracePeriod` → `inGracePeriod`.
fn graph(variant: impl std::fmt::Debug) -> String {
    let name = format!("{variant:?}");
    name[..1].to_ascii_lowercase() + &name[1..]
}

/// A label is usable when it is there and is not Graph's own spelling of the value.
fn assert_label(graph_value: &str, label: &str, locale: Locale) {
    assert!(!label.trim().is_empty(), "{graph_value} has no label in {locale:?}");
    let camel = graph_value.chars().any(|c| c.is_ascii_uppercase()) && graph_value.len() > 3;
    if camel || locale != Locale::En {
        assert_ne!(label, graph_value, "{graph_value} is shown raw in {locale:?}");
    }
}

#[test]
fn every_enum_value_has_a_label_in_every_language() {
    use SubscriptionState as S;
    let subscription = [
        (S::Pending, "pending"),
        (S::Active, "active"),
        (S::Warning, "warning"),
        (S::Disabled, "disabled"),
        (S::Deleted, "deleted"),
        (S::Blocked, "blocked"),
        (S::LockedOut, "lockedOut"),
        (S::Unknown, "unknown"),
    ];
    let joins = [JoinType::EntraJoined, JoinType::HybridJoined, JoinType::Registered, JoinType::NotRegistered];
    use ComplianceState as C;
    let compliance =
        [C::Compliant, C::Noncompliant, C::Conflict, C::Error, C::InGracePeriod, C::ConfigManager, C::Unknown];
    use PolicyState as P;
    let policy = [
        P::Error,
        P::Conflict,
        P::NonCompliant,
        P::Remediated,
        P::Compliant,
        P::NotApplicable,
        P::NotAssigned,
        P::Unknown,
    ];
    use InstallState as I;
    let installs =
        [I::Installed, I::Failed, I::UninstallFailed, I::PendingInstall, I::NotInstalled, I::NotApplicable, I::Unknown];
    let agents = [
        "mdm",
        "easMdm",
        "microsoft365ManagedMdm",
        "intuneClient",
        "easIntuneClient",
        "configurationManagerClient",
        "configurationManagerClientMdm",
        "configurationManagerClientMdmEas",
        "msSense",
        "eas",
        "unknown",
    ];
    for locale in Locale::ALL {
        for (state, graph) in subscription {
            assert_label(graph, locale.text(subscription_state(state)), locale);
        }
        for (graph, _) in ENROLLMENT_TYPES {
            assert_label(graph, &enrollment_type(locale, graph).unwrap(), locale);
        }
        for join in joins {
            assert_label(&graph(join), locale.text(join_type(join)), locale);
        }
        for state in compliance {
            assert_label(&graph(state), locale.text(format::compliance(state).0), locale);
            assert_label(&graph(state), locale.text(format::intune_compliant(state).0), locale);
        }
        for state in policy {
            assert_label(&graph(state), locale.text(format::policy_state(state, true).0), locale);
            assert_label(&graph(state), locale.text(format::policy_state(state, false).0), locale);
        }
        for state in installs {
            assert_label(&graph(state), locale.text(format::install_state(state).0), locale);
        }
        for owner in [OwnerType::Company, OwnerType::Personal, OwnerType::Unknown] {
            assert_label(&graph(owner), locale.text(format::ownership(owner)), locale);
        }
        for agent in agents {
            let label = managed_by(locale, agent);
            assert_label(agent, &label, locale);
            assert!(!label.contains(agent), "{agent} falls back to Other in {locale:?}");
        }
    }
}

#[test]
fn unknown_values_read_other_with_the_value() {
    assert_eq!(enrollment_type(Locale::En, "windowsQuantumJoin").unwrap(), "Other (windowsQuantumJoin)");
    assert_eq!(enrollment_type(Locale::Nl, "windowsQuantumJoin").unwrap(), "Overig (windowsQuantumJoin)");
    assert_eq!(enrollment_type(Locale::Fr, "windowsAzureADJoin").unwrap(), "Jonction Microsoft Entra");
    assert_eq!(enrollment_type(Locale::En, ""), None);
    assert_eq!(managed_by(Locale::Fr, "jamfAgent"), "Autre (jamfAgent)");
    assert_eq!(Locale::Nl.text(subscription_state(SubscriptionState::Active)), "actief");
}

/// Every enrollment type in the demo tenants' devices and enrollment events has its own label.
#[test]
fn fixture_enrollment_types_are_all_known() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    for tenant in std::fs::read_dir(root).unwrap().flatten().filter(|e| e.path().is_dir()) {
        for (file, field) in
            [("managedDevices.json", "deviceEnrollmentType"), ("troubleshootingEvents.json", "enrollmentType")]
        {
            let text = std::fs::read_to_string(tenant.path().join(file)).unwrap();
            let json: serde_json::Value = serde_json::from_str(&text).unwrap();
            for item in json["value"].as_array().unwrap() {
                if let Some(value) = item[field].as_str() {
                    let label = enrollment_type(Locale::En, value).unwrap();
                    assert!(!label.starts_with("Other ("), "{value} in {file}");
                }
            }
        }
    }
}
