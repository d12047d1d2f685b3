//! What the operator's role keeps them from: views they cannot read (named, with the missing permission,
//! instead of an empty table) and users outside their scope (named, with the scope they do have).

use leptos::prelude::*;

use crate::domain::rbac::{Permission, ViewArea};
use crate::graph::{ApiError, ErrorKind};
use crate::i18n::{Key, Locale};
use crate::model::User;
use crate::state::operator::{use_gate, use_missing, Opening};
use crate::state::{tr, use_locale};
use crate::tables::permission_names::permission_name;
use crate::test_ids;

/// `children` when the operator may read `area`; otherwise what is missing. With a `title`, the message keeps
/// the card it replaces.
#[component]
pub fn RequirePermission(area: ViewArea, #[prop(optional)] title: Option<Key>, children: ChildrenFn) -> impl IntoView {
    let missing = use_missing(area);
    move || match (missing.get(), title) {
        (None, _) => children().into_any(),
        (Some(permission), None) => view! { <PermissionNeeded permission /> }.into_any(),
        (Some(permission), Some(title)) => view! {
            <section class="t1-card">
                <h2 class="t1-card__title">{tr(title)}</h2>
                <PermissionNeeded permission />
            </section>
        }
        .into_any(),
    }
}

#[component]
pub fn PermissionNeeded(permission: Permission) -> impl IntoView {
    let locale = use_locale();
    let code = permission.to_string();
    let text = {
        let code = code.clone();
        move || {
            let l = locale.get();
            l.fill(Key::PermissionNeeded, &[("permission", &permission_name(l, permission)), ("code", &code)])
        }
    };
    view! {
        <p class="t1-callout t1-callout--warn" data-testid=test_ids::PERMISSION_NEEDED data-permission=code>
            {text}
        </p>
    }
}

/// What a resource yields instead of requesting data the role cannot read. Views show [`PermissionNeeded`]
/// rather than this error; shared consumers (the user's summary) read it as "unknown".
pub fn denied(permission: Permission) -> ApiError {
    ApiError {
        kind: ErrorKind::Forbidden,
        status: None,
        code: None,
        message: format!("The signed-in demo operator's role lacks {permission}."),
        request_id: None,
        permission: None,
    }
}

/// Why a user cannot be opened, in full; `None` when they can.
pub fn refusal_text(locale: Locale, opening: &Opening) -> Option<String> {
    Some(match opening {
        Opening::Allowed | Opening::Checking => return None,
        Opening::OutOfScope { user, groups } if groups.is_empty() => {
            locale.fill(Key::OutOfScopeUserNoGroups, &[("user", user)])
        }
        Opening::OutOfScope { user, groups } => {
            locale.fill(Key::OutOfScopeUser, &[("user", user), ("groups", &groups.join(", "))])
        }
        Opening::NoAssignment { user } => locale.fill(Key::NoAssignmentUser, &[("user", user)]),
    })
}

/// The short form beside a search result.
fn refusal_note(locale: Locale, opening: &Opening) -> Option<String> {
    Some(match opening {
        Opening::Allowed | Opening::Checking => return None,
        Opening::OutOfScope { groups, .. } if groups.is_empty() => locale.text(Key::OutOfScopeNoteNoGroups).into(),
        Opening::OutOfScope { groups, .. } => locale.fill(Key::OutOfScopeNote, &[("groups", &groups.join(", "))]),
        Opening::NoAssignment { .. } => locale.text(Key::NoAssignmentNote).into(),
    })
}

/// For the user picker: marks users the operator may not open (they stay listed and selectable, and
/// selecting one shows why it cannot be opened).
pub fn scope_annotation() -> Callback<User, Option<String>> {
    let (gate, locale) = (use_gate(), use_locale());
    Callback::new(move |user: User| gate.with(|g| refusal_note(locale.get(), &g.opening(&user.id))))
}

/// The message shown instead of a user's data.
#[component]
pub fn ScopeRefusal(opening: Opening) -> impl IntoView {
    let locale = use_locale();
    let checking = opening == Opening::Checking;
    let text = move || refusal_text(locale.get(), &opening);
    if checking {
        return view! {
            <p class="t1-muted" role="status" data-testid=test_ids::CHECKING_SCOPE>
                {tr(Key::CheckingScope)}
            </p>
        }
        .into_any();
    }
    view! {
        <p class="t1-callout t1-callout--bad" role="alert" data-testid=test_ids::OUT_OF_SCOPE>
            {text}
        </p>
    }
    .into_any()
}
