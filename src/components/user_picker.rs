//! The user lookup: an ARIA 1.2 combobox. Results appear as you type (debounced), match the start of any
//! word ignoring case and accents, and are keyboard navigable: arrows move, Enter selects, Escape closes.
//! A throttled search counts down to one automatic retry; a search that still fails shows the error panel
//! with its Retry.

use std::time::Duration;

use leptos::prelude::*;

use super::countdown::{auto_retry_secs, Countdown};
use super::status::ErrorPanel;
use crate::domain::search::DeviceField;
use crate::i18n::Key;
use crate::i18n::Locale;
use crate::loaders::{self, Found, Matched};
use crate::model::User;
use crate::state::{tr, use_client, use_locale};
use crate::test_ids;

/// Typing pauses shorter than this do not start a lookup: one request per pause, not per keystroke.
const DEBOUNCE: Duration = Duration::from_millis(120);
const MIN_CHARS: usize = 2;

#[component]
pub fn UserPicker(
    #[prop(into)] on_select: Callback<User>,
    #[prop(optional)] on_cancel: Option<Callback<()>>,
    /// A note shown with a result (e.g. that the user is outside the operator's scope); it stays selectable.
    #[prop(optional)]
    annotate: Option<Callback<User, Option<String>>>,
) -> impl IntoView {
    let client = use_client();
    let locale = use_locale();
    let typed = RwSignal::new(String::new());
    let committed = RwSignal::new(String::new());
    let generation = StoredValue::new(0u64);
    let open = RwSignal::new(false);
    let active = RwSignal::new(None::<usize>);

    // Each committed query is searched in a task of its own rather than by a resource: a resource starts its
    // next run only when the previous one has finished, so one slow search would hold back the newer ones.
    // Here a newer query starts at once, the transport aborts the stale request, and a stale answer is
    // dropped.
    let results = RwSignal::new(None::<Result<Vec<Found>, crate::graph::ApiError>>);
    // Automatic retries of the current query so far, and a bump to search it again (a retry).
    let retries = StoredValue::new(0u32);
    let rerun = RwSignal::new(0u32);
    let countdown = Countdown::new();
    Effect::new(move |_| {
        let (client, query, run) = (client.get(), committed.get(), rerun.get());
        countdown.cancel();
        results.set(None);
        leptos::task::spawn_local(async move {
            let found = if query.trim().chars().count() < MIN_CHARS {
                Ok(Vec::new())
            } else {
                loaders::find_callers(&client, &query).await
            };
            let current =
                committed.try_get_untracked().as_ref() == Some(&query) && rerun.try_get_untracked() == Some(run);
            if !current {
                return;
            }
            if let Some(secs) = found.as_ref().err().and_then(|e| auto_retry_secs(e, retries.get_value())) {
                countdown.start(secs, move || {
                    retries.update_value(|r| *r += 1);
                    rerun.update(|r| *r += 1);
                });
            }
            results.set(Some(found));
        });
    });
    let input = NodeRef::<leptos::html::Input>::new();
    // Focus the lookup when the page opens on it, as `autofocus` would, but never take focus from a control in
    // use: a deep link shows the lookup for a moment while it opens the user, and the top bar's Settings menu
    // closed when that moment's autofocus took its focus.
    Effect::new(move |_| {
        if let Some(element) = input.get() {
            let idle = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.active_element())
                .is_none_or(|active| active.tag_name() == "BODY");
            if idle {
                let _ = element.focus();
            }
        }
    });
    let retry = move |_| {
        retries.set_value(0);
        rerun.update(|r| *r += 1);
        if let Some(input) = input.get_untracked() {
            let _ = input.focus();
        }
    };
    let current = move || results.get().and_then(Result::ok).unwrap_or_default();
    let settled = move || typed.get() == committed.get() && results.get().is_some();

    let on_input = move |value: String| {
        typed.set(value.clone());
        retries.set_value(0);
        open.set(true);
        active.set(None);
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        set_timeout(
            move || {
                if generation.try_get_value() == Some(mine) {
                    committed.set(value);
                }
            },
            DEBOUNCE,
        );
    };
    let choose = move |user: User| {
        open.set(false);
        on_select.run(user);
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let count = current().len();
        match ev.key().as_str() {
            "ArrowDown" if count > 0 => {
                ev.prevent_default();
                open.set(true);
                active.update(|a| *a = Some(a.map_or(0, |i| (i + 1) % count)));
            }
            "ArrowUp" if count > 0 => {
                ev.prevent_default();
                open.set(true);
                active.update(|a| *a = Some(a.map_or(count - 1, |i| (i + count - 1) % count)));
            }
            "Enter" => {
                let users = current();
                let pick = active.get_untracked().or((users.len() == 1).then_some(0));
                if let Some(user) = pick.and_then(|i| users.get(i).map(|f| f.user.clone())) {
                    ev.prevent_default();
                    choose(user);
                }
            }
            "Escape" => {
                if open.get_untracked() && !typed.get_untracked().is_empty() {
                    open.set(false);
                    active.set(None);
                } else if let Some(cancel) = on_cancel {
                    cancel.run(());
                }
            }
            _ => {}
        }
    };

    let status = move || {
        let l = locale.get();
        let query = typed.get();
        if query.trim().chars().count() < MIN_CHARS {
            return l.text(Key::SearchMinChars).to_string();
        }
        if !settled() {
            return l.text(Key::SearchSearching).to_string();
        }
        match results.get() {
            // Counting down, or given up: the countdown below and the error panel say it.
            Some(Err(_)) => String::new(),
            Some(Ok(users)) if users.is_empty() => l.fill(Key::SearchNoResults, &[("query", query.trim())]),
            Some(Ok(users)) => l.fill(Key::SearchResultsCount, &[("count", &users.len().to_string())]),
            None => l.text(Key::SearchSearching).to_string(),
        }
    };
    let expanded = move || open.get() && settled() && !current().is_empty();

    view! {
        <div class="t1-picker">
            <label class="t1-field__label" for="t1-user-search">
                {tr(Key::SearchLabel)}
            </label>
            <input
                id="t1-user-search"
                class="t1-input t1-picker__input"
                type="text"
                role="combobox"
                autocomplete="off"
                spellcheck="false"
                aria-autocomplete="list"
                aria-controls="t1-user-results"
                aria-describedby="t1-user-search-hint"
                aria-expanded=move || expanded().to_string()
                aria-activedescendant=move || active.get().filter(|_| expanded()).map(|i| format!("t1-user-option-{i}"))
                placeholder=tr(Key::SearchPlaceholder)
                data-testid=test_ids::USER_SEARCH
                node_ref=input
                prop:value=move || typed.get()
                on:input:target=move |ev| on_input(ev.target().value())
                on:keydown=on_keydown
                on:blur=move |_| open.set(false)
                on:focus=move |_| open.set(true)
            />
            <p id="t1-user-search-hint" class="t1-visually-hidden">
                {tr(Key::SearchHint)}
            </p>
            <ul
                id="t1-user-results"
                class="t1-picker__results"
                role="listbox"
                aria-label=tr(Key::SearchLabel)
                data-testid=test_ids::USER_RESULTS
                hidden=move || !expanded()
            >
                {move || {
                    current()
                        .into_iter()
                        .enumerate()
                        .map(|(i, Found { user, matched })| {
                            let selected = move || active.get() == Some(i);
                            let chosen = user.clone();
                            let matched = matched.map(|m| how_matched(locale.get_untracked(), &m));
                            let note = annotate.and_then(|a| a.run(user.clone()));
                            view! {
                                <li
                                    id=format!("t1-user-option-{i}")
                                    role="option"
                                    class="t1-picker__option"
                                    class:t1-picker__option--active=selected
                                    aria-selected=move || selected().to_string()
                                    data-testid=test_ids::USER_RESULT
                                    // mousedown, not click: it fires before the input's blur closes the list.
                                    on:mousedown=move |ev| {
                                        ev.prevent_default();
                                        choose(chosen.clone());
                                    }
                                >
                                    <span class="t1-picker__name">{user.display_name.clone()}</span>
                                    <span class="t1-picker__upn">{user.user_principal_name.clone()}</span>
                                    {matched.map(|m| {
                                        view! { <span class="t1-picker__device" data-testid=test_ids::USER_RESULT_DEVICE>{m}</span> }
                                    })}
                                    {note.map(|n| {
                                        view! { <span class="t1-picker__note" data-testid=test_ids::USER_RESULT_NOTE>{n}</span> }
                                    })}
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
            <p class="t1-picker__status" role="status" aria-live="polite" data-testid=test_ids::SEARCH_STATUS>
                {status}
                // A timer is not read at every tick: its appearing is announced, its seconds are shown.
                {move || {
                    countdown
                        .left()
                        .map(|secs| {
                            view! {
                                <span
                                    class="t1-callout t1-callout--warn t1-picker__wait"
                                    role="timer"
                                    data-testid=test_ids::THROTTLED
                                >
                                    {locale.get().fill(Key::ThrottledWaiting, &[("secs", &secs.to_string())])}
                                </span>
                            }
                        })
                }}
            </p>
            {move || {
                let error = results.get().and_then(Result::err).filter(|_| countdown.left().is_none() && settled())?;
                let title = Signal::derive(move || {
                    locale.get().fill(Key::SearchFailedTitle, &[("query", committed.get().trim())])
                });
                Some(view! { <ErrorPanel error what=Key::SearchLabel title on_retry=retry /> })
            }}
        </div>
    }
}

/// What led to a user found by what the caller said: "Serial number NDQYDHGDQC: Sanne’s iPhone", "Phone …".
fn how_matched(l: Locale, matched: &Matched) -> String {
    let (hit, field) = match matched {
        Matched::Phone(phone) => return l.fill(Key::LookupMatchedPhone, &[("phone", phone)]),
        Matched::Device(hit, field) => (hit, *field),
    };
    match field {
        DeviceField::SerialNumber => l.fill(
            Key::LookupMatchedSerial,
            &[("serial", hit.serial_number.as_deref().unwrap_or_default()), ("device", &hit.device_name)],
        ),
        DeviceField::Name => {
            l.fill(Key::LookupMatchedDevice, &[("device", &hit.device_name), ("platform", &hit.operating_system)])
        }
    }
}
