//! Area 2: who is being helped, and "Change user". Results the operator may not open are marked; choosing
//! one (or a link to one) shows why instead of their data.

use leptos::prelude::*;

use super::operator::{scope_annotation, ScopeRefusal};
use crate::components::{async_view, UserPicker};
use crate::graph::{ApiError, ErrorKind};
use crate::i18n::Key;
use crate::loaders::UserInfo;
use crate::model::User;
use crate::platform;
use crate::state::operator::Opening;
use crate::state::{tr, use_go, use_location_state};
use crate::test_ids;

/// The picker alone, when nobody is selected yet.
#[component]
pub fn UserSelectionEmpty() -> impl IntoView {
    picker_card(view! { <p class="t1-muted">{tr(Key::NoUserSelected)}</p> })
}

/// A user the operator may not open (chosen in the lookup or linked): why, and the lookup to choose another.
#[component]
pub fn UserSelectionRefused(opening: Opening) -> impl IntoView {
    picker_card(view! { <ScopeRefusal opening /> })
}

/// The selection card with `note` above the lookup; choosing a user puts them in the URL.
fn picker_card(note: impl IntoView + 'static) -> impl IntoView {
    let go = use_go();
    let location = use_location_state();
    let select = Callback::new(move |user: User| {
        go(&location.get_untracked().with_user(Some(user.id)));
        focus_after_choice();
    });
    view! {
        <section class="t1-card t1-selection" aria-labelledby="t1-selection-title">
            <h2 id="t1-selection-title" class="t1-card__title" tabindex="-1">
                {tr(Key::UserSelectionTitle)}
            </h2>
            {note}
            <UserPicker on_select=select annotate=scope_annotation() />
        </section>
    }
}

#[component]
pub fn UserSelection(user: LocalResource<Result<UserInfo, ApiError>>) -> impl IntoView {
    let go = use_go();
    let location = use_location_state();
    let changing = RwSignal::new(false);
    let select = Callback::new(move |picked: User| {
        changing.set(false);
        go(&location.get_untracked().with_user(Some(picked.id)));
        focus_after_choice();
    });
    let cancel = Callback::new(move |_| changing.set(false));

    view! {
        <section class="t1-card t1-selection" aria-labelledby="t1-selection-title">
            <h2 id="t1-selection-title" class="t1-card__title" tabindex="-1">
                {tr(Key::UserSelectionTitle)}
            </h2>
            {move || {
                if changing.get() {
                    view! {
                        <UserPicker on_select=select on_cancel=cancel annotate=scope_annotation() />
                        <button type="button" class="t1-button t1-button--quiet" on:click=move |_| changing.set(false)>
                            {tr(Key::Cancel)}
                        </button>
                    }
                        .into_any()
                } else {
                    view! {
                        {move || match user.get() {
                            Some(Err(e)) if e.kind == ErrorKind::NotFound => {
                                view! { <p class="t1-callout t1-callout--bad">{tr(Key::OutOfDateUser)}</p> }.into_any()
                            }
                            _ => async_view(user, Key::UserSelectionTitle, selected_user).into_any(),
                        }}
                        <button
                            type="button"
                            class="t1-button"
                            data-testid=test_ids::CHANGE_USER
                            on:click=move |_| changing.set(true)
                        >
                            {tr(Key::ChangeUser)}
                        </button>
                    }
                        .into_any()
                }
            }}
        </section>
    }
}

/// Choosing a user replaces the lookup, which had focus: focus moves to the user's status (its findings follow
/// and are announced), or, for a user the operator may not open, to the selection card saying why.
fn focus_after_choice() {
    /// The user status card's heading (`user_status.rs`).
    const STATUS_HEADING: &str = "t1-status-title";
    leptos::task::spawn_local(async {
        // A macrotask later: the router and the views it updates have settled by then.
        platform::sleep_ms(1).await;
        let exists =
            |id: &str| web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id)).is_some();
        let target = if exists(STATUS_HEADING) { STATUS_HEADING } else { "t1-selection-title" };
        platform::focus_element(target, false);
    });
}

fn selected_user(info: UserInfo) -> impl IntoView {
    let u = info.user;
    let role = [u.job_title.clone(), u.department.clone()].into_iter().flatten().collect::<Vec<_>>().join(" · ");
    view! {
        <div class="t1-selection__user" data-testid=test_ids::SELECTED_USER>
            <p class="t1-selection__name">{u.display_name.clone()}</p>
            <p class="t1-muted">{u.user_principal_name.clone()}</p>
            {u.mail.filter(|m| *m != u.user_principal_name).map(|m| view! { <p class="t1-muted">{m}</p> })}
            {(!role.is_empty()).then(|| view! { <p class="t1-muted">{role}</p> })}
        </div>
    }
}
