//! The words of a finding: what is wrong (one sentence), the next step, who acts, and how much it weighs.
//! Shared by the findings box and the case summary, so both say the same.

use super::super::not_evaluated::{check_name, source_reason};
use crate::domain::diagnosis::{Check, Source};
use crate::domain::findings::{Actor, Finding, Reason, Weight};
use crate::i18n::{Key, Locale};
use crate::knowledge::KnowledgeBase;
use crate::tables::builtin_policy::builtin_text;
use crate::tables::groups::member_path;

mod device_state;

pub fn not_checked_text(l: Locale, check: Check, source: Source) -> String {
    l.fill(Key::NotChecked, &[("check", l.text(check_name(check))), ("reason", l.text(source_reason(source)))])
}

pub fn describe(l: Locale, finding: &Finding) -> String {
    let code_suffix =
        |code: &Option<String>| code.as_ref().map(|c| l.fill(Key::ErrorCodeSuffix, &[("code", c)])).unwrap_or_default();
    match finding {
        Finding::AccountDisabled => l.text(Key::FindingAccountDisabled).into(),
        Finding::NoIntuneLicense => l.text(Key::FindingNoLicense).into(),
        Finding::IntunePlanNotActive { sku, provisioning } => {
            l.fill(Key::FindingPlanNotActive, &[("sku", sku), ("status", provisioning)])
        }
        Finding::DeviceLimitReached { limit, policy, enrolled } => l.fill(
            Key::FindingLimitReached,
            &[("limit", &limit.to_string()), ("policy", policy), ("enrolled", &enrolled.to_string())],
        ),
        Finding::DeviceNotCompliant { device, reasons, threshold, .. } => {
            l.fill(Key::FindingNotCompliant, &[("device", device), ("reasons", &reasons_text(l, reasons, *threshold))])
        }
        Finding::DeviceStale { device, days, threshold, marked_not_compliant, .. } => l.fill(
            if *marked_not_compliant { Key::FindingStaleNotCompliant } else { Key::FindingStale },
            &[("device", device), ("days", &days.to_string()), ("threshold", &threshold.to_string())],
        ),
        Finding::ProfileError { policy, device, code, .. } => {
            l.fill(Key::FindingProfileError, &[("policy", policy), ("device", device), ("code", &code_suffix(code))])
        }
        Finding::AppInstallFailed { app, device, code, .. } => {
            l.fill(Key::FindingAppFailed, &[("app", app), ("device", device), ("code", &code_suffix(code))])
        }
        Finding::AppNotCheckedIn { .. }
        | Finding::AppDeviceFlagged { .. }
        | Finding::EnrollmentFailed { .. }
        | Finding::EnrollmentRestricted { .. } => super::protection_text::describe(l, finding).unwrap_or_default(),
        Finding::TenantNotActive { .. }
        | Finding::MdmAuthorityNotIntune { .. }
        | Finding::DeviceInGracePeriod { .. }
        | Finding::DeviceRemovalPending { .. }
        | Finding::DeviceActionFailed { .. }
        | Finding::ProfileConflict { .. }
        | Finding::ProfileNoState { .. } => device_state::describe(l, finding),
        Finding::ProfileNotTargeted { policy, user, device, groups, .. } => l.fill(
            Key::FindingNotTargeted,
            &[("policy", policy), ("device", device), ("groups", &either(l, groups)), ("user", user)],
        ),
        Finding::Excluded { item, member, group, path, .. } => {
            let path = path.as_ref().map(|p| format!(" ({})", member_path(member, p))).unwrap_or_default();
            l.fill(Key::FindingExcluded, &[("item", item), ("member", member), ("group", group), ("path", &path)])
        }
    }
}

/// The failing settings of a device, each with the value it has: "Require a password (value: false)".
pub(super) fn reasons_text(l: Locale, reasons: &[Reason], threshold: Option<u32>) -> String {
    let reasons: Vec<String> = reasons
        .iter()
        .map(|r| match r {
            Reason::Setting { name, value: Some(value) } => {
                l.fill(Key::SettingWithValue, &[("setting", name), ("value", value)])
            }
            Reason::Setting { name, value: None } => name.clone(),
            Reason::BuiltIn(setting) => builtin_text(l, *setting, threshold),
        })
        .collect();
    if reasons.is_empty() {
        l.text(Key::Unknown).to_string()
    } else {
        reasons.join(", ")
    }
}

/// "A", "A or B", "A, B or C".
fn either(l: Locale, names: &[String]) -> String {
    match names.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => l.fill(Key::GroupsOr, &[("first", &rest.join(", ")), ("second", last)]),
    }
}

/// The next step for a finding, in one sentence. App install errors explained by the knowledge base use its
/// first step instead (see the case summary and the findings box).
pub fn next_step(l: Locale, finding: &Finding) -> String {
    match finding {
        Finding::AccountDisabled => l.text(Key::StepAccountDisabled).into(),
        Finding::NoIntuneLicense => l.text(Key::StepNoLicense).into(),
        Finding::IntunePlanNotActive { .. } => l.text(Key::StepPlanNotActive).into(),
        Finding::DeviceLimitReached { .. } => l.text(Key::StepLimitReached).into(),
        Finding::DeviceNotCompliant { device, .. } => l.fill(Key::StepNotCompliant, &[("device", device)]),
        Finding::DeviceStale { device, .. } => l.fill(Key::StepStale, &[("device", device)]),
        Finding::ProfileError { device, .. } => l.fill(Key::StepProfileError, &[("device", device)]),
        Finding::AppInstallFailed { device, .. } => l.fill(Key::StepAppFailed, &[("device", device)]),
        Finding::AppNotCheckedIn { .. }
        | Finding::AppDeviceFlagged { .. }
        | Finding::EnrollmentFailed { .. }
        | Finding::EnrollmentRestricted { .. } => super::protection_text::next_step(l, finding).unwrap_or_default(),
        Finding::TenantNotActive { .. }
        | Finding::MdmAuthorityNotIntune { .. }
        | Finding::DeviceInGracePeriod { .. }
        | Finding::DeviceRemovalPending { .. }
        | Finding::DeviceActionFailed { .. }
        | Finding::ProfileConflict { .. }
        | Finding::ProfileNoState { .. } => device_state::next_step(l, finding),
        Finding::ProfileNotTargeted { user, device, groups, .. } => {
            l.fill(Key::StepNotTargeted, &[("user", user), ("group", &either(l, groups)), ("device", device)])
        }
        Finding::Excluded { item, member, group, path, .. } => {
            let direct = path.as_ref().and_then(|p| p.first()).unwrap_or(group);
            l.fill(Key::StepExcluded, &[("member", member), ("item", item), ("direct", direct), ("group", group)])
        }
    }
}

pub fn actor_key(actor: Actor) -> Key {
    match actor {
        Actor::User => Key::ActorUser,
        Actor::HelpDesk => Key::ActorOperator,
        Actor::IntuneAdmin => Key::ActorAdmin,
        Actor::HardwareVendor => Key::ActorHardwareVendor,
        Actor::Microsoft => Key::ActorMicrosoft,
    }
}

pub fn weight_key(weight: Weight) -> Key {
    match weight {
        Weight::BlocksAccess => Key::WeightBlocksAccess,
        Weight::BlocksDevice => Key::WeightBlocksDevice,
        Weight::BlocksItem => Key::WeightBlocksItem,
        Weight::Warning => Key::WeightWarning,
    }
}

/// What a finding asks for, as the box and the case summary state it: the meaning of an error code when the
/// knowledge base explains it, the next step and who takes it (the knowledge base's steps when it has them).
#[derive(Debug, Clone, PartialEq)]
pub struct Advice {
    pub meaning: Option<String>,
    pub next_step: String,
    pub who_acts: String,
}

pub fn advice(l: Locale, finding: &Finding, kb: Option<&KnowledgeBase>) -> Advice {
    let explained = match finding {
        Finding::AppInstallFailed { code: Some(code), .. } => kb.and_then(|kb| kb.app_error(code)),
        _ => None,
    };
    match explained {
        Some(entry) if !entry.steps.is_empty() => Advice {
            meaning: Some(format!("{} {}", entry.message, entry.explanation)),
            next_step: entry.steps.iter().map(|s| s.text.as_str()).collect::<Vec<_>>().join(" "),
            who_acts: l.text(entry.steps[0].actor.label()).to_string(),
        },
        _ => Advice {
            meaning: None,
            next_step: next_step(l, finding),
            who_acts: l.text(actor_key(finding.actor())).to_string(),
        },
    }
}
