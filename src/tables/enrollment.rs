//! The enrollment restrictions view: every limit and platform restriction of the tenant, and which one is in
//! effect for this user (the rule is in `domain::enrollment_restrictions`).

use std::collections::BTreeSet;

use super::format::text_or_missing;
use crate::domain::enrollment_restrictions::{effective_restriction, precedence, targets, RestrictionKind};
use crate::domain::table::{Cell, Row, Table, Tone};
use crate::i18n::{Key, Locale};
use crate::model::{EnrollmentConfiguration, PlatformRestriction};

fn kind_label(kind: RestrictionKind) -> Key {
    match kind {
        RestrictionKind::Limit => Key::RestrictionLimit,
        RestrictionKind::Platforms => Key::RestrictionPlatforms,
        RestrictionKind::WindowsHello => Key::RestrictionWindowsHello,
        RestrictionKind::Other => Key::RestrictionOther,
    }
}

pub fn table(locale: Locale, configs: &[EnrollmentConfiguration], groups: &BTreeSet<String>) -> Table {
    let mut sorted: Vec<&EnrollmentConfiguration> = configs.iter().collect();
    sorted.sort_by_key(|c| (RestrictionKind::of(c), precedence(c)));
    let rows = sorted
        .into_iter()
        .map(|c| {
            let kind = RestrictionKind::of(c);
            let winner = effective_restriction(configs, kind, groups);
            let targeted = targets(c, groups);
            let applies = match winner {
                Some(w) if w.id == c.id => {
                    Cell::badge(locale.text(Key::AppliesEffective), Tone::Good).sorted_by(Some(0))
                }
                Some(w) if targeted => Cell::badge(
                    locale.fill(Key::AppliesOverridden, &[("priority", &w.priority.to_string())]),
                    Tone::Muted,
                )
                .sorted_by(Some(1)),
                _ => Cell::text(locale.text(Key::DoesNotApply)).tone(Tone::Muted).sorted_by(Some(2)),
            };
            let priority = if c.priority == 0 {
                Cell::text(locale.text(Key::DefaultPriority)).sorted_by(Some(i64::MAX))
            } else {
                Cell::text(c.priority.to_string()).sorted_by(Some(i64::from(c.priority)))
            };
            let limit = match c.limit {
                Some(l) => Cell::text(l.to_string()).sorted_by(Some(i64::from(l))),
                None => text_or_missing(None),
            };
            let (blocked, versions) = if kind == RestrictionKind::Platforms {
                platform_cells(locale, c)
            } else {
                (text_or_missing(None), text_or_missing(None))
            };
            Row {
                key: c.id.clone(),
                cells: vec![
                    Cell::text(locale.text(kind_label(kind))),
                    Cell::text(&c.display_name).with_detail(c.description.clone()),
                    priority,
                    limit,
                    blocked,
                    versions,
                    applies,
                ],
            }
        })
        .collect();
    Table {
        headers: super::headers(
            locale,
            &[
                Key::ColType,
                Key::ColPolicyName,
                Key::ColPriority,
                Key::ColDeviceLimit,
                Key::ColBlockedPlatforms,
                Key::ColOsVersions,
                Key::ColAppliesToUser,
            ],
        ),
        rows,
    }
}

fn platform_cells(locale: Locale, c: &EnrollmentConfiguration) -> (Cell, Cell) {
    let platforms: [(Key, &Option<PlatformRestriction>); 4] = [
        (Key::PlatformWindows, &c.windows_restriction),
        (Key::PlatformIos, &c.ios_restriction),
        (Key::PlatformAndroid, &c.android_restriction),
        (Key::PlatformMacos, &c.mac_os_restriction),
    ];
    let mut blocked = Vec::new();
    let mut personal = Vec::new();
    let mut versions = Vec::new();
    for (key, restriction) in platforms {
        let Some(r) = restriction else { continue };
        let name = locale.text(key);
        if r.platform_blocked {
            blocked.push(name.to_string());
            continue;
        }
        if r.personal_device_enrollment_blocked {
            personal.push(locale.fill(Key::PersonalBlocked, &[("platform", name)]));
        }
        if let Some(v) = r.os_minimum_version.as_deref().filter(|v| !v.is_empty()) {
            versions.push(locale.fill(Key::OsVersionAtLeast, &[("platform", name), ("version", v)]));
        }
        if let Some(v) = r.os_maximum_version.as_deref().filter(|v| !v.is_empty()) {
            versions.push(locale.fill(Key::OsVersionAtMost, &[("platform", name), ("version", v)]));
        }
    }
    let blocked_cell = if blocked.is_empty() {
        Cell::text(locale.text(Key::NoneBlocked)).tone(Tone::Muted)
    } else {
        Cell::badge(blocked.join(", "), Tone::Warn)
    };
    let versions_cell = if versions.is_empty() {
        Cell::text(locale.text(Key::AnyOsVersion)).tone(Tone::Muted)
    } else {
        Cell::text(versions.join("; "))
    };
    (blocked_cell.with_detail((!personal.is_empty()).then(|| personal.join("; "))), versions_cell)
}
