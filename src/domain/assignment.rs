//! Whether an assignment list reaches a user, and why: the explanation the Intune pane never gives.

use std::collections::BTreeSet;

use crate::model::{Assignment, AssignmentIntent, TargetKind};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Via {
    Group(String),
    AllUsers,
    AllDevices,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reach {
    /// Assigned to the user (or all their devices); for apps, with the strongest intent.
    Included { via: Via, intent: Option<AssignmentIntent> },
    /// A targeted group includes the user, but an exclusion group they are in wins.
    Excluded { group_id: String },
    /// No assignment reaches the user; `target_groups` lists what it does target.
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
    if assignments.is_empty() {
        return Reach::Unassigned;
    }
    let mut included: Option<(Via, Option<AssignmentIntent>)> = None;
    let mut target_groups = Vec::new();
    for assignment in assignments {
        let via = match assignment.target.kind() {
            TargetKind::ExcludedGroup(group) => {
                if user_groups.contains(&group) {
                    return Reach::Excluded { group_id: group };
                }
                continue;
            }
            TargetKind::Group(group) if user_groups.contains(&group) => Via::Group(group),
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
            (Some((_, Some(current))), Some(new)) => new < *current,
            _ => false,
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
        assert_eq!(reach(&a, &groups(&["kiosk"])), Reach::Excluded { group_id: "kiosk".into() });
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
}
