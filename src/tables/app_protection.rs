//! App protection policies that apply to the user, and the status of each protected app registration.

use super::format::{self, datetime_cell, text_or_missing};
use super::Clock;
use crate::domain::known_apps;
use crate::domain::table::{Cell, Row, Table, Tone};
use crate::i18n::{Key, Locale};
use crate::model::{AppProtectionPolicy, AppRegistration};

pub fn policies_table(locale: Locale, clock: Clock, policies: &[AppProtectionPolicy]) -> Table {
    Table {
        headers: super::headers(
            locale,
            &[Key::ColPolicyName, Key::ColPlatform, Key::ColDeployedApps, Key::ColLastModified],
        ),
        rows: policies
            .iter()
            .map(|p| Row {
                key: p.id.clone(),
                cells: vec![
                    Cell::text(&p.display_name).with_detail(p.description.clone()),
                    Cell::text(locale.text(format::type_platform_label(&p.odata_type))),
                    match p.deployed_app_count {
                        Some(n) => Cell::text(n.to_string()).sorted_by(Some(i64::from(n))),
                        None => text_or_missing(None),
                    },
                    datetime_cell(locale, p.last_modified_date_time.as_deref(), clock),
                ],
            })
            .collect(),
    }
}

/// The app's product name when Tier1 knows its id, with the id (and version) as the second line; an
/// unknown app shows its id.
fn app_cell(locale: Locale, r: &AppRegistration) -> Cell {
    let id = r.app_identifier.name();
    let version = r.application_version.clone().filter(|v| !v.is_empty());
    match known_apps::app_name(id) {
        Some(name) => {
            let label = if r.app_identifier.bundle_id.is_some() { Key::BundleIdDetail } else { Key::PackageIdDetail };
            let detail = locale.fill(label, &[("id", id)]);
            Cell::text(name).with_detail(Some(match version {
                Some(v) => format!("{detail} · {v}"),
                None => detail,
            }))
        }
        None => Cell::text(id).with_detail(version),
    }
}

pub fn status_table(locale: Locale, clock: Clock, registrations: &[AppRegistration]) -> Table {
    Table {
        headers: super::headers(
            locale,
            &[
                Key::ColStatus,
                Key::ColAppName,
                Key::ColDeviceName,
                Key::ColPlatform,
                Key::ColPolicies,
                Key::ColLastSync,
            ],
        ),
        rows: registrations
            .iter()
            .map(|r| {
                let status = if r.is_checked_in() {
                    Cell::badge(locale.text(Key::CheckedIn), Tone::Good).sorted_by(Some(1))
                } else {
                    Cell::badge(locale.text(Key::NotCheckedIn), Tone::Warn).sorted_by(Some(0))
                };
                let flagged = r.flagged_reasons.iter().any(|f| f == "rootedDevice");
                let status = if flagged {
                    Cell::badge(locale.text(Key::FlaggedRooted), Tone::Bad).sorted_by(Some(-1))
                } else {
                    status
                };
                let policies: Vec<&str> = r.applied_policies.iter().filter_map(|p| p.display_name.as_deref()).collect();
                let platform = format!(
                    "{} {}",
                    locale.text(format::type_platform_label(&r.odata_type)),
                    r.platform_version.as_deref().unwrap_or_default()
                );
                Row {
                    key: r.id.clone(),
                    cells: vec![
                        status,
                        app_cell(locale, r),
                        text_or_missing(r.device_name.as_deref()).with_detail(r.device_type.clone()),
                        Cell::text(platform.trim()),
                        text_or_missing(Some(&policies.join(", "))),
                        datetime_cell(locale, r.last_sync_date_time.as_deref(), clock),
                    ],
                }
            })
            .collect(),
    }
}
