//! Whether an assignment list reaches a user (or one of their devices), and why: the explanation the Intune
//! pane never gives. A group assignment reaches a device when the user is in the group, or when the device
//! itself is (a device group): that second way is per device, so a policy can reach one device and not another.

use std::collections::BTreeSet;

use crate::model::{Assignment, AssignmentIntent, TargetKind};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Via {
    Group(String),
    /// A group the device (not the user) is a member of.
    DeviceGroup(String),
    AllUsers,
    AllDevices,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reach {
    /// Assigned to the user (or all their devices); for apps, with the strongest intent.
    Included { via: Via, intent: Option<AssignmentIntent> },
    /// A targeted group includes the user, but an exclusion group they (or, with `device`, the device) are in wins.
    Excluded { group_id: String, device: bool },
    /// No assignment reaches the user (or the device); `target_groups` lists what it does target.
    NotTargeted { target_groups: Vec<String> },
    /// The policy has no assignments at all.
    Unassigned,
}

impl Reach {
    pub fn applies(&self) -> bool {
        matches!(self, Reach::Included { .. })
    }
}

/// Intune's rule: exclusion beats inclusion; among inclusions the strongest app intent wins.
pub fn reach(assignments: &[Assignment], user_groups: &BTreeSet<String>) -> Reach {
    reach_on_device(assignments, user_groups, &BTreeSet::new())
}

/// [`reach`] on one device of the user: `device_groups` are the device's own groups (transitively), which
/// device-group assignments and exclusions are matched against. A group the user is in is named first.
pub fn reach_on_device(
    assignments: &[Assignment],
    user_groups: &BTreeSet<String>,
    device_groups: &BTreeSet<String>,
) -> Reach {
    if assignments.is_empty() {
        return Reach::Unassigned;
    }
    let mut included: Option<(Via, Option<AssignmentIntent>)> = None;
    let mut target_groups = Vec::new();
    for assignment in assignments {
        let via = match assignment.target.kind() {
            TargetKind::ExcludedGroup(group) => {
                if user_groups.contains(&group) {
                    return Reach::Excluded { group_id: group, device: false };
                }
                if device_groups.contains(&group) {
                    return Reach::Excluded { group_id: group, device: true };
                }
                continue;
            }
            TargetKind::Group(group) if user_groups.contains(&group) => Via::Group(group),
            TargetKind::Group(group) if device_groups.contains(&group) => Via::DeviceGroup(group),
            TargetKind::Group(group) => {
                target_groups.push(group);
                continue;
            }
            TargetKind::AllUsers => Via::AllUsers,
            TargetKind::AllDevices => Via::AllDevices,
            TargetKind::Other => continue,
        };
        let stronger = match (&included, assignment.intent) {
            (None, _) => true,
            (Some((_, Some(current))), Some(new)) if new != *current => new < *current,
            // As strong: the user's own group explains it more plainly than a device's.
            (Some((current, _)), _) => matches!(current, Via::DeviceGroup(_)) && !matches!(via, Via::DeviceGroup(_)),
        };
        if stronger {
            included = Some((via, assignment.intent));
        }
    }
    match included {
        Some((via, intent)) => Reach::Included { via, intent },
        None => Reach::NotTargeted { target_groups },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::AssignmentTarget;

    fn assign(kind: &str, group: Option<&str>, intent: Option<AssignmentIntent>) -> Assignment {
        Assignment {
            id: String::new(),
            intent,
            target: AssignmentTarget {
                odata_type: format!("#microsoft.graph.{kind}"),
                group_id: group.map(str::to_string),
            },
        }
    }

    fn groups(ids: &[&str]) -> BTreeSet<String> {
        ids.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn group_not_containing_user_is_not_targeted_and_names_the_group() {
        let a = [assign("groupAssignmentTarget", Some("vpn-users"), None)];
        assert_eq!(reach(&a, &groups(&["sales"])), Reach::NotTargeted { target_groups: vec!["vpn-users".into()] });
    }

    #[test]
    fn nested_membership_counts() {
        let a = [assign("groupAssignmentTarget", Some("staff"), None)];
        let r = reach(&a, &groups(&["sales", "staff"]));
        assert_eq!(r, Reach::Included { via: Via::Group("staff".into()), intent: None });
        assert!(r.applies());
    }

    #[test]
    fn exclusion_wins_over_inclusion() {
        let a = [
            assign("allLicensedUsersAssignmentTarget", None, None),
            assign("exclusionGroupAssignmentTarget", Some("kiosk"), None),
        ];
        assert_eq!(reach(&a, &groups(&["kiosk"])), Reach::Excluded { group_id: "kiosk".into(), device: false });
        assert!(reach(&a, &groups(&["sales"])).applies());
    }

    #[test]
    fn strongest_intent_wins() {
        let a = [
            assign("allLicensedUsersAssignmentTarget", None, Some(AssignmentIntent::Available)),
            assign("groupAssignmentTarget", Some("sales"), Some(AssignmentIntent::Required)),
        ];
        assert_eq!(
            reach(&a, &groups(&["sales"])),
            Reach::Included { via: Via::Group("sales".into()), intent: Some(AssignmentIntent::Required) }
        );
    }

    #[test]
    fn no_assignments_is_unassigned() {
        assert_eq!(reach(&[], &groups(&[])), Reach::Unassigned);
    }

    #[test]
    fn a_device_group_reaches_the_device_that_is_in_it_and_not_another() {
        let a = [assign("groupAssignmentTarget", Some("corporate-windows"), None)];
        let user = groups(&["operations"]);
        assert_eq!(
            reach_on_device(&a, &user, &groups(&["corporate-windows"])),
            Reach::Included { via: Via::DeviceGroup("corporate-windows".into()), intent: None }
        );
        assert_eq!(
            reach_on_device(&a, &user, &groups(&["corporate-ios"])),
            Reach::NotTargeted { target_groups: vec!["corporate-windows".into()] }
        );
        assert_eq!(reach(&a, &user), Reach::NotTargeted { target_groups: vec!["corporate-windows".into()] });
    }

    #[test]
    fn an_excluded_device_group_the_device_is_in_wins() {
        let a = [
            assign("allLicensedUsersAssignmentTarget", None, None),
            assign("exclusionGroupAssignmentTarget", Some("kiosks"), None),
        ];
        let user = groups(&["staff"]);
        assert_eq!(
            reach_on_device(&a, &user, &groups(&["kiosks"])),
            Reach::Excluded { group_id: "kiosks".into(), device: true }
        );
        assert!(reach_on_device(&a, &user, &groups(&["laptops"])).applies());
    }

    #[test]
    fn a_user_group_is_named_before_a_device_group_and_intent_still_decides() {
        let both = [
            assign("groupAssignmentTarget", Some("laptops"), None),
            assign("groupAssignmentTarget", Some("staff"), None),
        ];
        let r = reach_on_device(&both, &groups(&["staff"]), &groups(&["laptops"]));
        assert_eq!(r, Reach::Included { via: Via::Group("staff".into()), intent: None });
        let apps = [
            assign("groupAssignmentTarget", Some("staff"), Some(AssignmentIntent::Available)),
            assign("groupAssignmentTarget", Some("laptops"), Some(AssignmentIntent::Required)),
        ];
        assert_eq!(
            reach_on_device(&apps, &groups(&["staff"]), &groups(&["laptops"])),
            Reach::Included { via: Via::DeviceGroup("laptops".into()), intent: Some(AssignmentIntent::Required) }
        );
    }
}
