//! Group membership: name, membership type, direct or transitive (with the path through the nesting), object id.

use crate::domain::membership::{Membership, MembershipType, Parents};
use crate::domain::table::{Cell, Row, Table, Tone};
use crate::i18n::{Key, Locale};

/// "Tom Becker → Sales Field Team → VPN Users": how a user (or device) is in the last group.
pub fn member_path(member: &str, groups: &[String]) -> String {
    std::iter::once(member).chain(groups.iter().map(String::as_str)).collect::<Vec<_>>().join(" → ")
}

/// The user's groups; a nested group's row says how the user is in it (`user` → A → B) once `parents` (the
/// nesting read) connect it.
pub fn table(locale: Locale, membership: &Membership, parents: &Parents, user: &str) -> Table {
    Table {
        headers: super::headers(locale, &[Key::ColGroupName, Key::ColMembershipType, Key::ColDirect, Key::ColObjectId]),
        rows: membership
            .rows()
            .into_iter()
            .map(|row| {
                let kind = match row.membership_type {
                    MembershipType::Assigned => Key::MembershipAssigned,
                    MembershipType::DynamicUser => Key::MembershipDynamicUser,
                    MembershipType::DynamicDevice => Key::MembershipDynamicDevice,
                };
                let (direct, tone) =
                    if row.direct { (Key::Direct, Tone::Plain) } else { (Key::Transitive, Tone::Muted) };
                let path = (!row.direct)
                    .then(|| membership.path_names(parents, &row.group.id))
                    .flatten()
                    .map(|path| locale.fill(Key::MembershipPath, &[("path", &member_path(user, &path))]));
                Row {
                    key: row.group.id.clone(),
                    cells: vec![
                        Cell::text(&row.group.display_name).with_detail(row.group.description.clone()),
                        Cell::text(locale.text(kind)).with_detail(row.group.membership_rule.clone()),
                        Cell::text(locale.text(direct)).tone(tone).with_detail(path),
                        Cell::text(&row.group.id).tone(Tone::Muted),
                    ],
                }
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Group;

    fn group(id: &str, name: &str) -> Group {
        Group { id: id.into(), display_name: name.into(), ..Group::default() }
    }

    #[test]
    fn a_nested_group_shows_the_path_from_the_user() {
        let m = Membership {
            direct: vec![group("f", "Sales Field Team")],
            transitive: vec![group("f", "Sales Field Team"), group("v", "VPN Users")],
        };
        let parents: Parents = [("f".to_string(), vec!["v".to_string()])].into_iter().collect();
        let t = table(Locale::En, &m, &parents, "Sanne de Vries");
        let vpn = t.rows.iter().find(|r| r.key == "v").unwrap();
        assert_eq!(vpn.cells[2].detail.as_deref(), Some("Path: Sanne de Vries → Sales Field Team → VPN Users"));
        let field = t.rows.iter().find(|r| r.key == "f").unwrap();
        assert_eq!(field.cells[2].detail, None, "a direct group needs no path");
        let unknown = table(Locale::En, &m, &Parents::new(), "Sanne de Vries");
        assert_eq!(unknown.rows.iter().find(|r| r.key == "v").unwrap().cells[2].detail, None);
    }
}
