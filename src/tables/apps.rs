//! Client apps view: one row per app and device, with the assignment (intent and the group it comes
//! through, or why it does not reach the user) and the install status with its error code.

use super::format::{self, datetime_cell, MISSING};
use super::policies::{reach_cell, GroupNames, Through};
use super::Clock;
use crate::domain::status::AppRecord;
use crate::domain::table::{Cell, Row, Table, Tone};
use crate::i18n::{Key, Locale};
use crate::model::hresult_hex;

pub fn table(locale: Locale, clock: Clock, apps: &[AppRecord], names: &GroupNames, through: &Through) -> Table {
    let mut rows = Vec::new();
    for record in apps {
        let app = &record.app;
        let base = |assignment: Cell, device: Cell, status: Cell, last: Cell| Row {
            key: String::new(),
            cells: vec![
                Cell::text(&app.display_name).with_detail(app.publisher.clone()),
                Cell::text(locale.text(format::type_platform_label(&app.odata_type))),
                assignment,
                device,
                status,
                last,
            ],
        };
        if record.statuses.is_empty() {
            let mut row = base(
                reach_cell(locale, &record.reach, names, through, None),
                Cell::text(MISSING).tone(Tone::Muted).sorted_by(None),
                Cell::text(MISSING).tone(Tone::Muted).sorted_by(None),
                Cell::text(MISSING).tone(Tone::Muted).sorted_by(None),
            );
            row.key = format!("{}|-", app.id);
            rows.push(row);
        }
        for status in &record.statuses {
            let (key, tone) = format::install_state(status.install_state);
            let code = status
                .error_code
                .filter(|c| *c != 0)
                .map(|c| locale.fill(Key::ErrorCodeSuffix, &[("code", &hresult_hex(c))]).trim().to_string());
            let status_cell =
                Cell::badge(locale.text(key), tone).with_detail(code).sorted_by(Some(status.install_state as i64));
            // Per device: a device-group assignment reaches this device through its own membership.
            let reach = record.reach_on(&status.device_id);
            let mut row = base(
                reach_cell(locale, reach, names, through, Some(&status.device_name)),
                Cell::text(&status.device_name),
                status_cell,
                datetime_cell(locale, status.last_sync_date_time.as_deref(), clock),
            );
            row.key = format!("{}|{}", app.id, status.device_id);
            rows.push(row);
        }
    }
    // Apps that reach the user first; failures first among them.
    rows.sort_by_key(|r| (r.cells[2].sort.clone(), r.cells[4].sort.clone()));
    Table {
        headers: super::headers(
            locale,
            &[
                Key::ColAppName,
                Key::ColPlatform,
                Key::ColAssignment,
                Key::ColDevice,
                Key::ColInstallStatus,
                Key::ColLastSync,
            ],
        ),
        rows,
    }
}
