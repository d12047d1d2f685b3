//! Which enrollment restriction (device limit, platform restriction) is in effect for a user: the lowest
//! priority number among those targeting them; the default, priority 0, applies to everyone and comes last.

use std::collections::BTreeSet;

use super::assignment::reach;
use crate::model::{short_type, EnrollmentConfiguration};

/// The kind of an enrollment configuration, from its `@odata.type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum RestrictionKind {
    Limit,
    Platforms,
    WindowsHello,
    Other,
}

impl RestrictionKind {
    pub fn of(config: &EnrollmentConfiguration) -> Self {
        match short_type(&config.odata_type) {
            "deviceEnrollmentLimitConfiguration" => RestrictionKind::Limit,
            "deviceEnrollmentPlatformRestrictionsConfiguration"
            | "deviceEnrollmentPlatformRestrictionConfiguration" => RestrictionKind::Platforms,
            "deviceEnrollmentWindowsHelloForBusinessConfiguration" => RestrictionKind::WindowsHello,
            _ => RestrictionKind::Other,
        }
    }
}

/// Order of precedence: lower wins, and the default (priority 0) comes after every other.
pub fn precedence(config: &EnrollmentConfiguration) -> i32 {
    if config.priority == 0 {
        i32::MAX
    } else {
        config.priority
    }
}

/// Whether the configuration targets a user in `groups` (the default targets everyone).
pub fn targets(config: &EnrollmentConfiguration, groups: &BTreeSet<String>) -> bool {
    config.priority == 0 || reach(&config.assignments, groups).applies()
}

/// The configuration of `kind` in effect for a user in `groups`.
pub fn effective_restriction<'a>(
    configs: &'a [EnrollmentConfiguration],
    kind: RestrictionKind,
    groups: &BTreeSet<String>,
) -> Option<&'a EnrollmentConfiguration> {
    configs.iter().filter(|c| RestrictionKind::of(c) == kind && targets(c, groups)).min_by_key(|c| precedence(c))
}

/// The device limit in effect and the policy that sets it.
pub fn effective_limit(configs: &[EnrollmentConfiguration], groups: &BTreeSet<String>) -> Option<(u32, String)> {
    effective_restriction(configs, RestrictionKind::Limit, groups)
        .and_then(|c| c.limit.map(|l| (l, c.display_name.clone())))
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
