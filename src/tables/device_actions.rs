//! Device actions as the screen shows them: the buttons a device gets for the operator (hidden where the
//! platform lacks the action, disabled with the reason, or enabled), the device's latest action as a status
//! line, its action results as a table (Graph's `deviceActionResults`), and device names that open the
//! device's details.

use super::action_log::time_text;
use super::permission_names::{device_action_key, permission_name};
use super::Clock;
use crate::domain::device_actions::{
    availability, ActionTarget, Availability, DeviceAction, DisabledReason, FailureReason,
};
use crate::domain::rbac::Access;
use crate::domain::table::{Cell, Row, Table, Tone};
use crate::i18n::{Key, Locale};
use crate::routes::Location;
use crate::state::action_book::{Entry, Stage};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionButton {
    pub action: DeviceAction,
    pub label: String,
    /// Why the button is disabled; `None` when it can be used.
    pub blocked: Option<String>,
    /// Asks for the typed device name first.
    pub destructive: bool,
}

/// The actions `target` offers the operator, in the portal's order; unsupported ones are left out.
pub fn action_buttons(locale: Locale, target: &ActionTarget, access: &Access) -> Vec<ActionButton> {
    DeviceAction::ALL
        .into_iter()
        .filter_map(|action| {
            let blocked = match availability(action, target, access) {
                Availability::Hidden => return None,
                Availability::Enabled => None,
                Availability::Disabled(reason) => Some(blocked_reason(locale, &reason)),
            };
            let label = locale.text(device_action_key(action)).to_string();
            Some(ActionButton { action, label, blocked, destructive: action.is_destructive() })
        })
        .collect()
}

pub fn blocked_reason(locale: Locale, reason: &DisabledReason) -> String {
    match reason {
        DisabledReason::MissingPermission(p) => locale.fill(
            Key::BlockedNeedsPermission,
            &[("permission", &permission_name(locale, *p)), ("code", &p.to_string())],
        ),
        DisabledReason::DeviceOutOfScope { scope_group_names } if scope_group_names.is_empty() => {
            locale.text(Key::BlockedOutOfScopeNoGroups).to_string()
        }
        DisabledReason::DeviceOutOfScope { scope_group_names } => {
            locale.fill(Key::BlockedOutOfScope, &[("groups", &scope_group_names.join(", "))])
        }
        DisabledReason::DeviceRetired => locale.text(Key::BlockedRemoving).to_string(),
        DisabledReason::AlreadyPending => locale.text(Key::BlockedPending).to_string(),
    }
}

pub fn stage_badge(stage: Stage) -> (Key, Tone) {
    match stage {
        Stage::Sending => (Key::StageSending, Tone::Muted),
        Stage::Pending => (Key::StagePending, Tone::Warn),
        Stage::Sent => (Key::StageSent, Tone::Plain),
        Stage::Done { .. } => (Key::StageDone, Tone::Good),
        Stage::Failed { reason: FailureReason::DeviceDidNotConfirm, .. } => (Key::StageFailed, Tone::Bad),
        Stage::Failed { reason: FailureReason::NotSupported, .. } => (Key::StageNotSupported, Tone::Bad),
        Stage::NotSent => (Key::StageNotSent, Tone::Bad),
    }
}

/// Why a simulated action failed, in the operator's words.
fn failure_text(locale: Locale, clock: Clock, entry: &Entry, reason: FailureReason) -> String {
    match reason {
        FailureReason::DeviceDidNotConfirm => {
            let checkin = entry.target.last_sync_secs.map(|t| time_text(t, clock.offset_minutes));
            let checkin = checkin.unwrap_or_else(|| locale.text(Key::Never).to_string());
            locale.fill(Key::FailedDidNotConfirm, &[("checkin", &checkin)])
        }
        FailureReason::NotSupported => locale.text(Key::FailedNotSupported).to_string(),
    }
}

/// "Sync: done at 2026-11-20 10:05:07", with its tone. A failure adds why it failed.
pub fn status_line(locale: Locale, clock: Clock, entry: &Entry, now_secs: i64) -> (String, Tone) {
    let action = locale.text(device_action_key(entry.action));
    let at = |t: i64| time_text(t, clock.offset_minutes);
    let stage = entry.stage(now_secs);
    let text = match stage {
        Stage::Sending => locale.fill(Key::StatusSending, &[("action", action)]),
        Stage::Pending => locale.fill(Key::StatusPending, &[("action", action), ("time", &at(entry.started_secs))]),
        Stage::Sent => locale.fill(Key::StatusSent, &[("action", action), ("time", &at(entry.started_secs))]),
        Stage::Done { at_secs } => locale.fill(Key::StatusDone, &[("action", action), ("time", &at(at_secs))]),
        Stage::Failed { at_secs, reason } => format!(
            "{}. {}",
            locale.fill(Key::StatusFailed, &[("action", action), ("time", &at(at_secs))]),
            failure_text(locale, clock, entry, reason)
        ),
        Stage::NotSent => locale.fill(Key::StatusNotSent, &[("action", action)]),
    };
    (text, stage_badge(stage).1)
}

/// The device's actions of this session, newest first, with the columns of `deviceActionResults`
/// (`actionName`, `actionState`, `startDateTime`, `lastUpdatedDateTime`) and who sent each.
pub fn results_table(locale: Locale, clock: Clock, entries: &[&Entry], now_secs: i64) -> Table {
    let time = |t: i64| Cell::text(time_text(t, clock.offset_minutes)).sorted_by(Some(t));
    Table {
        headers: super::headers(
            locale,
            &[Key::ColAction, Key::ColState, Key::ColStarted, Key::ColLastUpdated, Key::ColOperator],
        ),
        rows: entries
            .iter()
            .rev()
            .map(|entry| {
                let stage = entry.stage(now_secs);
                let (state, tone) = stage_badge(stage);
                let why = match stage {
                    Stage::Failed { reason, .. } => Some(failure_text(locale, clock, entry, reason)),
                    _ => None,
                };
                let operator = if entry.operator.upn.is_empty() {
                    locale.text(Key::OperatorSignedIn).to_string()
                } else {
                    entry.operator.name.clone()
                };
                Row {
                    key: entry.id.to_string(),
                    cells: vec![
                        Cell::text(locale.text(device_action_key(entry.action)))
                            .with_detail(Some(entry.action.graph_action().to_string())),
                        Cell::badge(locale.text(state), tone).with_detail(why),
                        time(entry.started_secs),
                        time(entry.last_updated(now_secs)),
                        Cell::text(operator).with_detail(Some(entry.operator.upn.clone())),
                    ],
                }
            })
            .collect(),
    }
}

/// A badge for a device that is leaving Intune (`managementState`), as the device list should warn.
pub fn management_badge(state: Option<&str>) -> Option<(Key, Tone)> {
    match state? {
        "retirePending" | "retireIssued" => Some((Key::MgmtRetirePending, Tone::Warn)),
        "wipePending" | "wipeIssued" => Some((Key::MgmtWipePending, Tone::Warn)),
        _ => None,
    }
}

/// Makes each row's first cell (the device name) a link that opens the device's details.
pub fn link_device_names(mut table: Table, here: &Location) -> Table {
    for row in &mut table.rows {
        let open = here.device.as_deref() == Some(row.key.as_str());
        let href = here.with_device(Some(row.key.clone())).to_query();
        if let Some(first) = row.cells.first_mut() {
            *first = first.clone().linked(href, open);
        }
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::device_actions::{ActionOptions, Platform};
    use crate::domain::rbac::KnownRole;
    use crate::graph::ApiError;
    use crate::model::{OwnerType, ScopeType};
    use crate::state::action_book::{ActionBook, Operator};

    const NOW: i64 = 1_795_165_200;
    const CLOCK: Clock = Clock { now_secs: NOW, offset_minutes: 0 };

    fn access(role: KnownRole, scope: &[&str]) -> Access {
        crate::domain::rbac::test_support::access_with(role, scope, ScopeType::ResourceScope)
    }

    fn device(platform: Platform, owner: OwnerType, groups: &[&str]) -> ActionTarget {
        ActionTarget {
            device_id: "d1".into(),
            device_name: "AUR-LT-0142".into(),
            user_id: Some("u".into()),
            platform,
            owner,
            last_sync_secs: Some(NOW - 3600),
            member_of: groups.iter().map(|s| s.to_string()).collect(),
            ..ActionTarget::default()
        }
    }

    fn labels(buttons: &[ActionButton]) -> Vec<&str> {
        buttons.iter().map(|b| b.label.as_str()).collect()
    }

    #[test]
    fn a_help_desk_operator_gets_what_the_platform_supports_enabled() {
        let felix = access(KnownRole::HelpDeskOperator, &["benelux"]);
        let laptop = action_buttons(Locale::En, &device(Platform::Windows, OwnerType::Company, &["benelux"]), &felix);
        assert_eq!(
            labels(&laptop),
            ["Sync", "Restart", "Retire", "Wipe", "Fresh Start", "Locate device", "Quick scan", "Collect diagnostics"]
        );
        assert!(laptop.iter().all(|b| b.blocked.is_none()));
        let destructive: Vec<&str> = laptop.iter().filter(|b| b.destructive).map(|b| b.label.as_str()).collect();
        assert_eq!(destructive, ["Retire", "Wipe", "Fresh Start"]);
        let phone = action_buttons(Locale::En, &device(Platform::Ios, OwnerType::Personal, &["benelux"]), &felix);
        assert_eq!(labels(&phone), ["Sync", "Remote lock", "Reset passcode", "Retire", "Wipe"]);
    }

    #[test]
    fn disabled_buttons_say_why() {
        let laptop = device(Platform::Windows, OwnerType::Company, &["benelux"]);
        let ruud = action_buttons(Locale::En, &laptop, &access(KnownRole::ReadOnlyOperator, &["benelux"]));
        assert_eq!(
            ruud[0].blocked.as_deref(),
            Some("Your role lacks “Remote tasks: Sync devices” (Microsoft.Intune_RemoteTasks_SyncDevice).")
        );
        assert!(ruud.iter().all(|b| b.blocked.is_some()));
        let elsewhere = device(Platform::Windows, OwnerType::Company, &["dach"]);
        let felix = action_buttons(Locale::Fr, &elsewhere, &access(KnownRole::HelpDeskOperator, &["benelux"]));
        assert_eq!(felix[0].blocked.as_deref(), Some("Cet appareil est hors de votre étendue (benelux)."));
        let pending = laptop.clone().with_pending([DeviceAction::Sync]);
        let felix = action_buttons(Locale::En, &pending, &access(KnownRole::HelpDeskOperator, &["benelux"]));
        assert_eq!(felix[0].blocked.as_deref(), Some("Already pending on this device."));
        assert_eq!(felix[1].blocked, None, "other actions stay available");
    }

    #[test]
    fn status_lines_and_results_follow_the_action() {
        let felix = Operator { name: "Felix Köhler".into(), upn: "felix.kohler@aurora-logistics.example".into() };
        let mut book = ActionBook::default();
        let target = device(Platform::Windows, OwnerType::Company, &[]);
        let id = book.begin(felix.clone(), DeviceAction::Sync, ActionOptions::default(), target.clone(), NOW).unwrap();
        let entry = |book: &ActionBook| book.entries()[0].clone();
        assert_eq!(
            status_line(Locale::En, CLOCK, &entry(&book), NOW),
            ("Sync: sending to Intune…".into(), Tone::Muted)
        );
        book.settle(id, Ok(()), crate::backend::ActionDelivery::Simulated, NOW);
        assert_eq!(status_line(Locale::En, CLOCK, &entry(&book), NOW).0, "Sync: pending since 2026-11-20 09:00:00");
        let (done, tone) = status_line(Locale::En, CLOCK, &entry(&book), NOW + 60);
        assert!(done.starts_with("Sync: done at 2026-11-20 09:00:0"), "{done}");
        assert_eq!(tone, Tone::Good);

        let offline = ActionTarget { last_sync_secs: Some(NOW - 30 * 86_400), ..target };
        let lock = book.begin(felix, DeviceAction::Restart, ActionOptions::default(), offline, NOW).unwrap();
        book.settle(lock, Ok(()), crate::backend::ActionDelivery::Simulated, NOW);
        let (failed, tone) = status_line(Locale::En, CLOCK, &book.entries()[1], NOW + 3600);
        assert!(failed.starts_with("Restart: failed at "), "{failed}");
        assert!(failed.ends_with("it seems to be offline (last check-in 2026-10-21 09:00:00)."), "{failed}");
        assert_eq!(tone, Tone::Bad);

        let entries: Vec<&Entry> = book.entries().iter().collect();
        let table = results_table(Locale::En, CLOCK, &entries, NOW + 3600);
        assert_eq!(table.headers, ["Action", "State", "Started", "Last updated", "Operator"]);
        assert_eq!(table.rows[0].cells[0].detail.as_deref(), Some("rebootNow"), "newest first");
        assert_eq!(table.rows[0].cells[1].text, "Failed to complete");
        assert_eq!(table.rows[1].cells[1].text, "Done");
        assert_eq!(table.rows[1].cells[4].text, "Felix Köhler");
    }

    #[test]
    fn a_refused_send_reads_not_sent() {
        let mut book = ActionBook::default();
        let target = device(Platform::Windows, OwnerType::Company, &[]);
        let id = book.begin(Operator::default(), DeviceAction::Wipe, ActionOptions::default(), target, NOW).unwrap();
        book.settle(id, Err(ApiError::network("offline")), crate::backend::ActionDelivery::Intune, NOW);
        assert_eq!(
            status_line(Locale::Nl, CLOCK, &book.entries()[0], NOW),
            ("Wissen: niet verzonden".into(), Tone::Bad)
        );
    }

    #[test]
    fn names_open_details_and_leaving_devices_are_flagged() {
        let table = Table {
            headers: vec!["Device name".into()],
            rows: vec![
                Row { key: "d1".into(), cells: vec![Cell::text("AUR-LT-0142")] },
                Row { key: "d2".into(), cells: vec![Cell::text("Sanne’s iPhone")] },
            ],
        };
        let here = Location::from_query("?user=u1&device=d2");
        let linked = link_device_names(table, &here);
        let link = |i: usize| linked.rows[i].cells[0].link.clone().unwrap();
        assert_eq!((link(0).href.as_str(), link(0).current), ("?user=u1&device=d1", false));
        assert!(link(1).current);
        assert_eq!(management_badge(Some("retirePending")), Some((Key::MgmtRetirePending, Tone::Warn)));
        assert_eq!(management_badge(Some("managed")), None);
    }
}
