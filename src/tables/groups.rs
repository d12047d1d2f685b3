//! Group membership: name, membership type, direct or transitive, object id.

use crate::domain::membership::{Membership, MembershipType};
use crate::domain::table::{Cell, Row, Table, Tone};
use crate::i18n::{Key, Locale};

pub fn table(locale: Locale, membership: &Membership) -> Table {
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
                Row {
                    key: row.group.id.clone(),
                    cells: vec![
                        Cell::text(&row.group.display_name).with_detail(row.group.description.clone()),
                        Cell::text(locale.text(kind)).with_detail(row.group.membership_rule.clone()),
                        Cell::text(locale.text(direct)).tone(tone),
                        Cell::text(&row.group.id).tone(Tone::Muted),
                    ],
                }
            })
            .collect(),
    }
}
