//! The action log: every device action of the session, who sent it, to which device, when, and how it ended;
//! as a table and as the CSV export, both in the operator's language and time zone.

use super::permission_names::device_action_key;
use super::Clock;
use crate::domain::device_actions::{
    records_csv, ActionRecord, ActionResult, DeviceAction, FailureReason, RecordColumn, RecordLabels,
};
use crate::domain::table::{Cell, Row, Table, Tone};
use crate::domain::time::{format_iso, format_local};
use crate::i18n::{Key, Locale};

pub fn table(locale: Locale, clock: Clock, records: &[ActionRecord]) -> Table {
    Table {
        headers: super::headers(
            locale,
            &[Key::ColStarted, Key::ColOperator, Key::ColAction, Key::ColDevice, Key::ColUser, Key::ColResult],
        ),
        rows: records
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let (result, tone) = result_label(r.result);
                let finished = r.finished_secs.map(|t| time_text(t, clock.offset_minutes));
                Row {
                    key: format!("{i}"),
                    cells: vec![
                        Cell::text(time_text(r.started_secs, clock.offset_minutes)).sorted_by(Some(r.started_secs)),
                        Cell::text(operator_text(locale, &r.operator)),
                        Cell::text(locale.text(device_action_key(r.action))),
                        Cell::text(&r.device_name).with_detail(Some(r.device_id.clone())),
                        Cell::text(&r.user),
                        Cell::badge(locale.text(result), tone).with_detail(finished),
                    ],
                }
            })
            .collect(),
    }
}

/// The operator's principal name, or "Signed-in account" where Tier1 does not know it (REST mode).
fn operator_text(locale: Locale, operator: &str) -> String {
    if operator.is_empty() {
        locale.text(Key::OperatorSignedIn).to_string()
    } else {
        operator.to_string()
    }
}

pub fn result_label(result: ActionResult) -> (Key, Tone) {
    match result {
        ActionResult::Pending => (Key::StagePending, Tone::Warn),
        ActionResult::Done => (Key::StageDone, Tone::Good),
        ActionResult::Failed(FailureReason::DeviceDidNotConfirm) => (Key::StageFailed, Tone::Bad),
        ActionResult::Failed(FailureReason::NotSupported) => (Key::StageNotSupported, Tone::Bad),
        ActionResult::NotSent => (Key::StageNotSent, Tone::Bad),
    }
}

/// `2026-11-20 10:05:07` in local time: actions are seconds apart, so seconds matter here.
pub fn time_text(epoch_secs: i64, offset_minutes: i64) -> String {
    let seconds = (epoch_secs + offset_minutes * 60).rem_euclid(60);
    format!("{}:{seconds:02}", format_local(epoch_secs, offset_minutes))
}

/// The export's labels: the screen's names and results, local times with their UTC offset so a ticket
/// reader elsewhere can place them.
pub struct LocalLabels {
    pub locale: Locale,
    pub offset_minutes: i64,
}

impl RecordLabels for LocalLabels {
    fn action(&self, action: DeviceAction) -> String {
        self.locale.text(device_action_key(action)).to_string()
    }

    fn result(&self, result: ActionResult) -> String {
        self.locale.text(result_label(result).0).to_string()
    }

    fn time(&self, epoch_secs: i64) -> String {
        let (sign, minutes) =
            if self.offset_minutes < 0 { ('-', -self.offset_minutes) } else { ('+', self.offset_minutes) };
        format!("{} (UTC{sign}{:02}:{:02})", time_text(epoch_secs, self.offset_minutes), minutes / 60, minutes % 60)
    }
}

fn column_key(column: RecordColumn) -> Key {
    match column {
        RecordColumn::Operator => Key::ColOperator,
        RecordColumn::Action => Key::ColAction,
        RecordColumn::DeviceId => Key::ColDeviceId,
        RecordColumn::DeviceName => Key::ColDevice,
        RecordColumn::User => Key::ColUser,
        RecordColumn::Started => Key::ColStarted,
        RecordColumn::Finished => Key::ColFinished,
        RecordColumn::Result => Key::ColResult,
    }
}

pub fn csv(locale: Locale, clock: Clock, records: &[ActionRecord]) -> String {
    let headers = RecordColumn::ALL.map(|c| locale.text(column_key(c)));
    records_csv(records, &headers, &LocalLabels { locale, offset_minutes: clock.offset_minutes })
}

/// `tier1-action-log-2026-11-20T10-05-07Z.csv`: sortable, and safe in every file system.
pub fn file_name(now_secs: i64) -> String {
    format!("tier1-action-log-{}.csv", format_iso(now_secs).replace(':', "-"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_795_165_200; // 2026-11-20T09:00:00Z
    const CLOCK: Clock = Clock { now_secs: NOW + 60, offset_minutes: 60 };

    fn record(operator: &str, result: ActionResult) -> ActionRecord {
        ActionRecord {
            operator: operator.into(),
            action: DeviceAction::Sync,
            device_id: "d1".into(),
            device_name: "AUR-LT-0142".into(),
            user: "sanne.devries@aurora-logistics.example".into(),
            started_secs: NOW + 7,
            finished_secs: (result != ActionResult::Pending).then_some(NOW + 9),
            result,
        }
    }

    #[test]
    fn rows_say_who_did_what_to_which_device_when_and_how_it_ended() {
        let records = [
            record("felix.kohler@aurora-logistics.example", ActionResult::Done),
            record("", ActionResult::Failed(FailureReason::DeviceDidNotConfirm)),
        ];
        let table = table(Locale::En, CLOCK, &records);
        assert_eq!(table.headers, ["Started", "Operator", "Action", "Device", "User", "Result"]);
        let texts: Vec<&str> = table.rows[0].cells.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "2026-11-20 10:00:07",
                "felix.kohler@aurora-logistics.example",
                "Sync",
                "AUR-LT-0142",
                "sanne.devries@aurora-logistics.example",
                "Done"
            ]
        );
        assert_eq!(table.rows[0].cells[5].detail.as_deref(), Some("2026-11-20 10:00:09"));
        assert_eq!(table.rows[1].cells[1].text, "Signed-in account");
        assert_eq!(
            (table.rows[1].cells[5].text.as_str(), table.rows[1].cells[5].tone),
            ("Failed to complete", Tone::Bad)
        );
    }

    #[test]
    fn csv_has_localized_headers_and_local_times_with_their_offset() {
        let csv = csv(Locale::Nl, CLOCK, &[record("felix.kohler@aurora-logistics.example", ActionResult::Pending)]);
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(lines[0], "Medewerker,Actie,Apparaat-id,Apparaat,Gebruiker,Gestart,Afgerond,Resultaat");
        assert_eq!(
            lines[1],
            "felix.kohler@aurora-logistics.example,Synchroniseren,d1,AUR-LT-0142,sanne.devries@aurora-logistics.example,\
             2026-11-20 10:00:07 (UTC+01:00),,In behandeling"
        );
        let west = LocalLabels { locale: Locale::En, offset_minutes: -210 };
        assert_eq!(west.time(NOW), "2026-11-20 05:30:00 (UTC-03:30)");
    }

    #[test]
    fn file_names_are_sortable_and_portable() {
        assert_eq!(file_name(NOW), "tier1-action-log-2026-11-20T09-00-00Z.csv");
    }
}
