//! Group membership as the Groups pane shows it: membership type, and direct or transitive (through nesting).

use std::collections::{BTreeMap, BTreeSet, VecDeque};

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

/// Group nesting as read: each of the user's groups → the groups it is a direct member of.
pub type Parents = BTreeMap<String, Vec<String>>;

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

    /// The groups whose own memberships are needed to tell how the user is in each nested group: all of the
    /// user's groups when at least one is nested (in `transitive` only), none when every group is direct.
    pub fn nesting_needed(&self) -> Vec<String> {
        let direct: BTreeSet<&str> = self.direct.iter().map(|g| g.id.as_str()).collect();
        if self.transitive.iter().all(|g| direct.contains(g.id.as_str())) {
            return Vec::new();
        }
        self.all_ids().into_iter().collect()
    }

    /// How the user is in `group_id`: the chain of group ids from a group they are directly in to it
    /// (`[A, B]` for user → A → B; `[B]` when direct), the shortest one found walking up `parents` from the
    /// direct groups. `None` when the user is not in it or the edges read do not connect it.
    pub fn path(&self, parents: &Parents, group_id: &str) -> Option<Vec<String>> {
        let mut came_from: BTreeMap<&str, Option<&str>> = BTreeMap::new();
        let mut queue = VecDeque::new();
        let mut direct: Vec<&str> = self.direct.iter().map(|g| g.id.as_str()).collect();
        direct.sort_unstable();
        for id in direct {
            if came_from.insert(id, None).is_none() {
                queue.push_back(id);
            }
        }
        while let Some(id) = queue.pop_front() {
            if id == group_id {
                let mut path = vec![id.to_string()];
                let mut at = id;
                while let Some(Some(previous)) = came_from.get(at) {
                    path.push(previous.to_string());
                    at = previous;
                }
                path.reverse();
                return Some(path);
            }
            for parent in parents.get(id).into_iter().flatten() {
                if !came_from.contains_key(parent.as_str()) {
                    came_from.insert(parent, Some(id));
                    queue.push_back(parent);
                }
            }
        }
        None
    }

    /// [`Membership::path`] as group names (ids where a name is unknown).
    pub fn path_names(&self, parents: &Parents, group_id: &str) -> Option<Vec<String>> {
        let path = self.path(parents, group_id)?;
        Some(path.iter().map(|id| self.name_of(id).unwrap_or(id).to_string()).collect())
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

    fn parents(edges: &[(&str, &[&str])]) -> Parents {
        edges.iter().map(|(child, ps)| (child.to_string(), ps.iter().map(|p| p.to_string()).collect())).collect()
    }

    fn nested() -> Membership {
        let all = ["field", "vpn", "office", "staff", "everyone"].map(|id| group(id, None));
        Membership { direct: vec![group("field", None), group("office", None)], transitive: all.to_vec() }
    }

    #[test]
    fn the_path_walks_up_from_a_direct_group_and_is_the_shortest() {
        let m = nested();
        // field → vpn; office → staff → everyone; and a longer way to everyone through vpn.
        let edges =
            parents(&[("field", &["vpn"]), ("office", &["staff"]), ("staff", &["everyone"]), ("vpn", &["staff"])]);
        assert_eq!(m.path(&edges, "vpn"), Some(vec!["field".into(), "vpn".into()]));
        assert_eq!(m.path(&edges, "everyone"), Some(vec!["office".into(), "staff".into(), "everyone".into()]));
        assert_eq!(m.path(&edges, "office"), Some(vec!["office".into()]));
        assert_eq!(m.path_names(&edges, "vpn"), Some(vec!["FIELD".into(), "VPN".into()]));
    }

    #[test]
    fn no_path_without_the_edges_or_for_a_group_the_user_is_not_in_and_cycles_end() {
        let m = nested();
        assert_eq!(m.path(&Parents::new(), "vpn"), None);
        let cycle = parents(&[("field", &["vpn"]), ("vpn", &["field"])]);
        assert_eq!(m.path(&cycle, "elsewhere"), None);
        assert_eq!(m.path(&cycle, "vpn"), Some(vec!["field".into(), "vpn".into()]));
    }

    #[test]
    fn nesting_is_read_only_when_a_group_is_nested() {
        let m = nested();
        assert_eq!(m.nesting_needed().len(), 5);
        let flat = Membership { direct: vec![group("a", None)], transitive: vec![group("a", None)] };
        assert!(flat.nesting_needed().is_empty());
    }
}
