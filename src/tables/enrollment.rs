//! Enrollment restrictions: every limit and platform restriction of the tenant, which one is in effect for
//! this user (lowest priority number among those targeting them; the default, priority 0, applies last).

use std::collections::BTreeSet;

use super::format::text_or_missing;
use crate::domain::assignment::reach;
use crate::domain::table::{Cell, Row, Table, Tone};
use crate::i18n::{Key, Locale};
use crate::model::{short_type, EnrollmentConfiguration, PlatformRestriction};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Limit,
    Platforms,
    WindowsHello,
    Other,
}

impl Kind {
    pub fn of(config: &EnrollmentConfiguration) -> Self {
        match short_type(&config.odata_type) {
            "deviceEnrollmentLimitConfiguration" => Kind::Limit,
            "deviceEnrollmentPlatformRestrictionsConfiguration"
            | "deviceEnrollmentPlatformRestrictionConfiguration" => Kind::Platforms,
            "deviceEnrollmentWindowsHelloForBusinessConfiguration" => Kind::WindowsHello,
            _ => Kind::Other,
        }
    }

    fn key(self) -> Key {
        match self {
            Kind::Limit => Key::RestrictionLimit,
            Kind::Platforms => Key::RestrictionPlatforms,
            Kind::WindowsHello => Key::RestrictionWindowsHello,
            Kind::Other => Key::RestrictionOther,
        }
    }
}

/// The configuration of `kind` in effect for a user in `groups`.
pub fn effective<'a>(
    configs: &'a [EnrollmentConfiguration],
    kind: Kind,
    groups: &BTreeSet<String>,
) -> Option<&'a EnrollmentConfiguration> {
    let targeting =
        configs.iter().filter(|c| Kind::of(c) == kind && (c.priority == 0 || reach(&c.assignments, groups).applies()));
    targeting.min_by_key(|c| if c.priority == 0 { i32::MAX } else { c.priority })
}

/// The device limit in effect and the policy that sets it.
pub fn effective_limit(configs: &[EnrollmentConfiguration], groups: &BTreeSet<String>) -> Option<(u32, String)> {
    effective(configs, Kind::Limit, groups).and_then(|c| c.limit.map(|l| (l, c.display_name.clone())))
}

pub fn table(locale: Locale, configs: &[EnrollmentConfiguration], groups: &BTreeSet<String>) -> Table {
    let mut sorted: Vec<&EnrollmentConfiguration> = configs.iter().collect();
    sorted.sort_by_key(|c| (Kind::of(c), if c.priority == 0 { i32::MAX } else { c.priority }));
    let rows = sorted
        .into_iter()
        .map(|c| {
            let kind = Kind::of(c);
            let winner = effective(configs, kind, groups);
            let targeted = c.priority == 0 || reach(&c.assignments, groups).applies();
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
            let (blocked, versions) = if kind == Kind::Platforms {
                platform_cells(locale, c)
            } else {
                (text_or_missing(None), text_or_missing(None))
            };
            Row {
                key: c.id.clone(),
                cells: vec![
                    Cell::text(locale.text(kind.key())),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Assignment, AssignmentTarget};

    fn limit(id: &str, priority: i32, limit: u32, target: &str, group: Option<&str>) -> EnrollmentConfiguration {
        EnrollmentConfiguration {
            odata_type: "#microsoft.graph.deviceEnrollmentLimitConfiguration".into(),
            id: id.into(),
            display_name: id.into(),
            priority,
            limit: Some(limit),
            assignments: vec![Assignment {
                id: String::new(),
                intent: None,
                target: AssignmentTarget {
                    odata_type: format!("#microsoft.graph.{target}"),
                    group_id: group.map(str::to_string),
                },
            }],
            ..EnrollmentConfiguration::default()
        }
    }

    #[test]
    fn lowest_targeting_priority_wins_and_default_applies_last() {
        let configs = vec![
            limit("default", 0, 15, "allLicensedUsersAssignmentTarget", None),
            limit("staff", 2, 5, "groupAssignmentTarget", Some("staff")),
            limit("execs", 1, 10, "groupAssignmentTarget", Some("execs")),
        ];
        let groups = |ids: &[&str]| ids.iter().map(|s| s.to_string()).collect::<BTreeSet<_>>();
        assert_eq!(effective_limit(&configs, &groups(&["staff"])), Some((5, "staff".into())));
        assert_eq!(effective_limit(&configs, &groups(&["staff", "execs"])), Some((10, "execs".into())));
        assert_eq!(effective_limit(&configs, &groups(&[])), Some((15, "default".into())));
    }
}
