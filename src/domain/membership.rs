//! Group membership as the Groups pane shows it: membership type, and direct or transitive (through nesting).

use std::collections::BTreeSet;

use crate::model::Group;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum MembershipType {
    Assigned,
    DynamicUser,
    DynamicDevice,
}

impl MembershipType {
    pub fn of(group: &Group) -> Self {
        if !group.group_types.iter().any(|t| t == "DynamicMembership") {
            return Self::Assigned;
        }
        match group.membership_rule.as_deref().map(str::trim_start) {
            Some(rule) if rule.starts_with("device.") || rule.starts_with("(device.") => Self::DynamicDevice,
            _ => Self::DynamicUser,
        }
    }
}

/// The user's groups: `direct` from memberOf, `transitive` from transitiveMemberOf (which includes direct).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Membership {
    pub direct: Vec<Group>,
    pub transitive: Vec<Group>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct GroupRow {
    pub group: Group,
    pub membership_type: MembershipType,
    pub direct: bool,
}

impl Membership {
    /// Every group the user is in, directly or through nesting.
    pub fn all_ids(&self) -> BTreeSet<String> {
        self.direct.iter().chain(&self.transitive).map(|g| g.id.clone()).collect()
    }

    pub fn name_of(&self, group_id: &str) -> Option<&str> {
        self.direct.iter().chain(&self.transitive).find(|g| g.id == group_id).map(|g| g.display_name.as_str())
    }

    /// One row per group, direct memberships first, then by name.
    pub fn rows(&self) -> Vec<GroupRow> {
        let direct_ids: BTreeSet<&str> = self.direct.iter().map(|g| g.id.as_str()).collect();
        let mut seen = BTreeSet::new();
        let mut rows: Vec<GroupRow> = self
            .direct
            .iter()
            .chain(&self.transitive)
            .filter(|g| seen.insert(g.id.clone()))
            .map(|g| GroupRow {
                group: g.clone(),
                membership_type: MembershipType::of(g),
                direct: direct_ids.contains(g.id.as_str()),
            })
            .collect();
        rows.sort_by(|a, b| b.direct.cmp(&a.direct).then_with(|| a.group.display_name.cmp(&b.group.display_name)));
        rows
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group(id: &str, dynamic_rule: Option<&str>) -> Group {
        Group {
            id: id.into(),
            display_name: id.to_uppercase(),
            group_types: dynamic_rule.map(|_| vec!["DynamicMembership".to_string()]).unwrap_or_default(),
            membership_rule: dynamic_rule.map(str::to_string),
            ..Group::default()
        }
    }

    #[test]
    fn classifies_membership_types() {
        assert_eq!(MembershipType::of(&group("a", None)), MembershipType::Assigned);
        assert_eq!(MembershipType::of(&group("b", Some("user.department -eq \"Sales\""))), MembershipType::DynamicUser);
        assert_eq!(
            MembershipType::of(&group("c", Some("(device.deviceOSType -eq \"iPhone\")"))),
            MembershipType::DynamicDevice
        );
    }

    #[test]
    fn nested_groups_are_transitive_only() {
        let m = Membership {
            direct: vec![group("sales", None)],
            transitive: vec![group("sales", None), group("staff", None)],
        };
        let rows = m.rows();
        assert_eq!(rows.len(), 2);
        assert!(rows[0].direct && rows[0].group.id == "sales");
        assert!(!rows[1].direct && rows[1].group.id == "staff");
        assert!(m.all_ids().contains("staff"));
    }
}
