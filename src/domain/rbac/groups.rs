//! Which groups a user or device is in, through any depth of nesting, from the groups' member lists
//! (`groups?$expand=members`). Role scope needs this: a user in `Office - Antwerp`, which is nested in
//! `Staff - Benelux`, is in an assignment scoped to `Staff - Benelux`.

use std::collections::{BTreeSet, HashMap};

use crate::model::{short_type, GroupWithMembers};

#[derive(Debug, Clone, Default)]
pub struct GroupGraph {
    names: HashMap<String, String>,
    /// Member id (user id, group id, or Entra device id) → the groups that list it directly.
    parents: HashMap<String, Vec<String>>,
}

impl GroupGraph {
    pub fn new(groups: &[GroupWithMembers]) -> Self {
        let mut graph = GroupGraph::default();
        for group in groups {
            graph.names.insert(group.id.clone(), group.display_name.clone());
            for member in &group.members {
                let is_device = member.odata_type.as_deref().map(short_type) == Some("device");
                // Device members are matched by Entra device id, which managed devices carry; index the object
                // id too, for callers that have only that.
                let keys = [Some(&member.id), member.device_id.as_ref().filter(|_| is_device)];
                for key in keys.into_iter().flatten().filter(|k| !k.is_empty()) {
                    graph.parents.entry(key.clone()).or_default().push(group.id.clone());
                }
            }
        }
        graph
    }

    pub fn name_of(&self, group_id: &str) -> Option<&str> {
        self.names.get(group_id).map(String::as_str)
    }

    /// Every group `member_id` belongs to, directly or through nested groups. Cycles in the directory
    /// (Entra forbids them, but a proxy or a fixture may not) end the walk instead of looping.
    pub fn groups_of(&self, member_id: &str) -> BTreeSet<String> {
        let mut found = BTreeSet::new();
        let mut queue: Vec<&str> = vec![member_id];
        while let Some(id) = queue.pop() {
            for parent in self.parents.get(id).into_iter().flatten() {
                if found.insert(parent.clone()) {
                    queue.push(parent);
                }
            }
        }
        found
    }

    /// The groups of a user and of their device together: either puts the device in a scope group.
    pub fn groups_of_all<'a>(&self, member_ids: impl IntoIterator<Item = &'a str>) -> BTreeSet<String> {
        member_ids.into_iter().flat_map(|id| self.groups_of(id)).collect()
    }

    pub fn contains(&self, group_id: &str, member_id: &str) -> bool {
        self.groups_of(member_id).contains(group_id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::GroupMember;

    fn member(kind: &str, id: &str) -> GroupMember {
        GroupMember { odata_type: Some(format!("#microsoft.graph.{kind}")), id: id.into(), device_id: None }
    }

    fn group(id: &str, members: Vec<GroupMember>) -> GroupWithMembers {
        GroupWithMembers { id: id.into(), display_name: id.to_uppercase(), members }
    }

    #[test]
    fn membership_flows_up_through_nesting() {
        let graph = GroupGraph::new(&[
            group("all", vec![member("group", "region")]),
            group("region", vec![member("group", "office")]),
            group("office", vec![member("user", "ann")]),
            group("other", vec![member("user", "bob")]),
        ]);
        assert_eq!(graph.groups_of("ann"), BTreeSet::from(["all".into(), "region".into(), "office".into()]));
        assert!(graph.contains("all", "ann"));
        assert!(!graph.contains("all", "bob"));
        assert!(graph.groups_of("nobody").is_empty());
        assert_eq!(graph.name_of("region"), Some("REGION"));
    }

    #[test]
    fn survives_cycles() {
        let graph = GroupGraph::new(&[
            group("a", vec![member("group", "b"), member("user", "ann")]),
            group("b", vec![member("group", "c")]),
            group("c", vec![member("group", "a")]),
        ]);
        assert_eq!(graph.groups_of("ann"), BTreeSet::from(["a".into(), "b".into(), "c".into()]));
        assert_eq!(graph.groups_of("a"), BTreeSet::from(["a".into(), "b".into(), "c".into()]));
    }

    #[test]
    fn devices_are_found_by_entra_device_id() {
        let mut device = member("device", "object-1");
        device.device_id = Some("entra-1".into());
        let graph = GroupGraph::new(&[group("scanners", vec![device])]);
        assert!(graph.contains("scanners", "entra-1"));
        assert!(graph.contains("scanners", "object-1"));
        assert_eq!(graph.groups_of_all(["nobody", "entra-1"]).len(), 1);
    }
}
