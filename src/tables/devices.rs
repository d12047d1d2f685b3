//! Devices view: name, managed by, Entra join type, ownership, Intune compliant, Entra compliant, OS, OS version,
//! last check-in, app installs (the troubleshooting pane's columns).

use super::format::{self, badge, datetime_cell, text_or_missing};
use super::{device_details, enum_labels, Clock};
use crate::domain::entra;
use crate::domain::status::{AppRecord, DeviceRecord};
use crate::domain::table::{Cell, Row, Table, Tone};
use crate::i18n::{Key, Locale};

/// `apps`: `None` while the apps load, `Some(Err(why))` when they cannot be evaluated ("Not evaluated: group
/// membership did not load"), else the apps with their install statuses.
pub fn table(
    locale: Locale,
    clock: Clock,
    devices: &[DeviceRecord],
    apps: Option<Result<&[AppRecord], &str>>,
) -> Table {
    Table {
        headers: super::headers(
            locale,
            &[
                Key::ColDeviceName,
                Key::ColManagedBy,
                Key::ColIntuneCompliant,
                Key::ColEntraCompliant,
                Key::ColOs,
                Key::ColLastCheckIn,
                Key::ColAppInstall,
            ],
        ),
        rows: devices
            .iter()
            .map(|record| {
                let d = &record.device;
                Row {
                    key: d.id.clone(),
                    cells: vec![
                        Cell::text(&d.device_name).with_detail(d.model.clone()),
                        // Secondary facts go on a detail line, so the table fits 1024 px in every language
                        // with the Entra column the troubleshooting pane has.
                        Cell::text(enum_labels::managed_by(locale, &d.management_agent))
                            .with_detail(Some(locale.text(format::ownership(d.managed_device_owner_type)).to_string())),
                        badge(locale, format::intune_compliant(d.compliance_state)),
                        badge(locale, device_details::entra_compliant(d))
                            .with_detail(Some(locale.text(enum_labels::join_type(entra::join_type(d))).to_string())),
                        text_or_missing(Some(&d.operating_system))
                            .with_detail(Some(d.os_version.clone()).filter(|v| !v.is_empty())),
                        datetime_cell(locale, d.last_sync_date_time.as_deref(), clock),
                        app_install_cell(locale, &d.id, apps),
                    ],
                }
            })
            .collect(),
    }
}

/// Failures first: what matters on a device is whether anything failed to install on it.
fn app_install_cell(locale: Locale, device_id: &str, apps: Option<Result<&[AppRecord], &str>>) -> Cell {
    let apps = match apps {
        None => return Cell::text(locale.text(Key::Loading)).tone(Tone::Muted).sorted_by(None),
        Some(Err(why)) => return Cell::text(why).tone(Tone::Muted).sorted_by(None),
        Some(Ok(apps)) => apps,
    };
    let on_device: Vec<_> = apps
        .iter()
        .flat_map(|a| a.statuses.iter().map(move |s| (a, s)))
        .filter(|(_, s)| s.device_id == device_id)
        .collect();
    let failed: Vec<&str> = on_device
        .iter()
        .filter(|(_, s)| s.install_state.is_failure())
        .map(|(a, _)| a.app.display_name.as_str())
        .collect();
    if on_device.is_empty() {
        Cell::text(locale.text(Key::AppInstallNone)).tone(Tone::Muted).sorted_by(Some(0))
    } else if failed.is_empty() {
        Cell::badge(locale.text(Key::AppInstallNoFailures), Tone::Good).sorted_by(Some(0))
    } else {
        Cell::badge(locale.fill(Key::AppInstallFailures, &[("count", &failed.len().to_string())]), Tone::Bad)
            .with_detail(Some(failed.join(", ")))
            .sorted_by(Some(failed.len() as i64))
    }
}
