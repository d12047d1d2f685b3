//! The action log: everything the operator did since signing in, and its CSV export (RFC 4180, with cells
//! that a spreadsheet would run as a formula defused). Column titles and cell labels come from the caller, so
//! the export is in the operator's language.

use crate::domain::time::format_iso;

use super::catalogue::DeviceAction;
use super::simulate::{ActionState, FailureReason, Outcome, SimulatedRun};
use super::target::ActionTarget;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionRecord {
    /// The operator's user principal name.
    pub operator: String,
    pub action: DeviceAction,
    pub device_id: String,
    pub device_name: String,
    /// The device's user (principal name), empty for a userless device.
    pub user: String,
    pub started_secs: i64,
    pub finished_secs: Option<i64>,
    pub result: ActionResult,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActionResult {
    Pending,
    Done,
    Failed(FailureReason),
    /// Graph refused the request (an error answer or no answer): the device was never asked.
    NotSent,
}

impl ActionRecord {
    /// The log line for a run as it stands at `now_secs`.
    pub fn of_run(operator: &str, target: &ActionTarget, run: &SimulatedRun, now_secs: i64) -> ActionRecord {
        let (result, finished_secs) = match (run.state_at(now_secs), run.outcome) {
            (ActionState::Done, Outcome::Done { at_secs }) => (ActionResult::Done, Some(at_secs)),
            (ActionState::Failed | ActionState::NotSupported, Outcome::Failed { at_secs, reason }) => {
                (ActionResult::Failed(reason), Some(at_secs))
            }
            _ => (ActionResult::Pending, None),
        };
        ActionRecord {
            operator: operator.to_string(),
            action: run.action,
            device_id: target.device_id.clone(),
            device_name: target.device_name.clone(),
            user: target.user_principal_name.clone().unwrap_or_default(),
            started_secs: run.started_secs,
            finished_secs,
            result,
        }
    }
}

/// The export's columns, in order; the caller supplies a title for each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordColumn {
    Operator,
    Action,
    DeviceId,
    DeviceName,
    User,
    Started,
    Finished,
    Result,
}

impl RecordColumn {
    pub const ALL: [RecordColumn; 8] = [
        RecordColumn::Operator,
        RecordColumn::Action,
        RecordColumn::DeviceId,
        RecordColumn::DeviceName,
        RecordColumn::User,
        RecordColumn::Started,
        RecordColumn::Finished,
        RecordColumn::Result,
    ];
}

/// How actions, results and times read in the export.
pub trait RecordLabels {
    fn action(&self, action: DeviceAction) -> String;
    fn result(&self, result: ActionResult) -> String;
    fn time(&self, epoch_secs: i64) -> String;
}

/// Graph's own identifiers and UTC ISO times: a language-neutral export.
pub struct GraphLabels;

impl RecordLabels for GraphLabels {
    fn action(&self, action: DeviceAction) -> String {
        action.graph_action().to_string()
    }

    fn result(&self, result: ActionResult) -> String {
        match result {
            ActionResult::Pending => ActionState::Pending.graph_name(),
            ActionResult::Done => ActionState::Done.graph_name(),
            ActionResult::Failed(FailureReason::NotSupported) => ActionState::NotSupported.graph_name(),
            ActionResult::Failed(FailureReason::DeviceDidNotConfirm) | ActionResult::NotSent => {
                ActionState::Failed.graph_name()
            }
        }
        .to_string()
    }

    fn time(&self, epoch_secs: i64) -> String {
        format_iso(epoch_secs)
    }
}

/// The log as CSV: a header row from `headers` (one per [`RecordColumn::ALL`]), then one row per record,
/// CRLF line ends as RFC 4180 asks.
pub fn records_csv(records: &[ActionRecord], headers: &[&str; 8], labels: &impl RecordLabels) -> String {
    let mut out = csv_row(headers.iter().map(|h| h.to_string()));
    for record in records {
        out.push_str(&csv_row(RecordColumn::ALL.into_iter().map(|column| match column {
            RecordColumn::Operator => record.operator.clone(),
            RecordColumn::Action => labels.action(record.action),
            RecordColumn::DeviceId => record.device_id.clone(),
            RecordColumn::DeviceName => record.device_name.clone(),
            RecordColumn::User => record.user.clone(),
            RecordColumn::Started => labels.time(record.started_secs),
            RecordColumn::Finished => record.finished_secs.map(|t| labels.time(t)).unwrap_or_default(),
            RecordColumn::Result => labels.result(record.result),
        })));
    }
    out
}

fn csv_row(cells: impl Iterator<Item = String>) -> String {
    let mut row = cells.map(|c| csv_cell(&c)).collect::<Vec<_>>().join(",");
    row.push_str("\r\n");
    row
}

/// One CSV field. A text starting with `=`, `+`, `-` or `@` (or a tab or carriage return, which some
/// spreadsheets skip before reading a formula) gets a leading `'`, so a device named `=HYPERLINK(…)` stays
/// text. Fields with a comma, quote or line break are quoted, quotes doubled.
pub fn csv_cell(text: &str) -> String {
    let defused = match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_string(),
    };
    if defused.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", defused.replace('"', "\"\""))
    } else {
        defused
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADERS: [&str; 8] = ["Operator", "Action", "Device id", "Device", "User", "Started", "Finished", "Result"];

    fn record(device_name: &str, result: ActionResult) -> ActionRecord {
        ActionRecord {
            operator: "felix.kohler@aurora-logistics.example".into(),
            action: DeviceAction::Wipe,
            device_id: "d1".into(),
            device_name: device_name.into(),
            user: "sanne.devries@aurora-logistics.example".into(),
            started_secs: 1_795_165_200,
            finished_secs: (result != ActionResult::Pending).then_some(1_795_165_500),
            result,
        }
    }

    #[test]
    fn quotes_and_doubles_as_rfc_4180_asks() {
        assert_eq!(csv_cell("plain"), "plain");
        assert_eq!(csv_cell("a,b"), "\"a,b\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_cell("two\nlines"), "\"two\nlines\"");
        assert_eq!(csv_cell(""), "");
    }

    #[test]
    fn defuses_formulas() {
        assert_eq!(csv_cell("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"");
        assert_eq!(csv_cell("+31 10 000"), "'+31 10 000");
        assert_eq!(csv_cell("-2016345060"), "'-2016345060");
        assert_eq!(csv_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_cell("\tcmd"), "'\tcmd");
        assert_eq!(csv_cell("a=b"), "a=b", "only a leading sign is a formula");
    }

    #[test]
    fn exports_a_header_and_one_row_per_record() {
        let records =
            [record("Sanne’s iPhone", ActionResult::Done), record("=cmd|' /C calc'!A0", ActionResult::Pending)];
        let csv = records_csv(&records, &HEADERS, &GraphLabels);
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(lines.len(), 4, "{csv}");
        assert_eq!(lines[0], "Operator,Action,Device id,Device,User,Started,Finished,Result");
        assert_eq!(
            lines[1],
            "felix.kohler@aurora-logistics.example,wipe,d1,Sanne’s iPhone,sanne.devries@aurora-logistics.example,\
             2026-11-20T09:00:00Z,2026-11-20T09:05:00Z,done"
        );
        assert!(lines[2].contains(",'=cmd|' /C calc'!A0,"), "{}", lines[2]);
        assert!(lines[2].ends_with(",2026-11-20T09:00:00Z,,pending"), "{}", lines[2]);
        assert_eq!(lines[3], "");
    }

    #[test]
    fn headers_are_the_callers_and_escaped_too() {
        let headers = ["Opérateur", "Actie, type", "a", "b", "c", "d", "e", "f"];
        let csv = records_csv(&[], &headers, &GraphLabels);
        assert_eq!(csv, "Opérateur,\"Actie, type\",a,b,c,d,e,f\r\n");
    }
}
