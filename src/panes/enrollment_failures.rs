//! Area 6: the user's enrollment failures, newest first. Choosing a failure opens its details below the
//! table; which one is open is the `failure` query parameter, so a failure can be linked from a ticket.

use leptos::prelude::*;

use super::failure_details::FailureDetails;
use super::table_context::{clock_now, view_label};
use super::user_data::{known_facts, UserData};
use crate::components::{async_view, DataTable};
use crate::i18n::Key;
use crate::model::EnrollmentEvent;
use crate::state::{tr, use_locale, use_location_state};
use crate::tables::failures;
use crate::test_ids;

#[component]
pub fn EnrollmentFailures(data: UserData) -> impl IntoView {
    let locale = use_locale();
    let location = use_location_state();
    // Loaded with the rest of the user's data: the findings read the failures too.
    let events = data.failures;
    Effect::new(move |_| {
        if let Some(Ok(loaded)) = events.get() {
            data.events.set(Some(loaded));
        }
    });
    let facts = known_facts(data);
    let open = Memo::new(move |_| location.get().failure);

    view! {
        <section
            class="t1-card t1-failures"
            aria-labelledby="t1-failures-title"
            data-testid=test_ids::ENROLLMENT_FAILURES
        >
            <h2 id="t1-failures-title" class="t1-card__title" tabindex="-1">
                {tr(Key::FailuresTitle)}
            </h2>
            <p class="t1-muted">{tr(Key::FailuresIntro)}</p>
            {async_view(
                events,
                Key::FailuresTitle,
                move |events: Vec<EnrollmentEvent>| {
                    let list = StoredValue::new(events);
                    let table = Signal::derive(move || {
                        let here = location.get();
                        let href = |id: &str| here.with_failure(Some(id.to_string())).to_query();
                        facts
                            .with(|known| {
                                list.with_value(|events| {
                                    failures::table(
                                        locale.get(),
                                        clock_now(),
                                        events,
                                        &known.facts(),
                                        here.failure.as_deref(),
                                        href,
                                    )
                                })
                            })
                    });
                    let selected = Memo::new(move |_| {
                        open.get()
                            .map(|id| list.with_value(|events| events.iter().find(|e| e.id == id).cloned().ok_or(id)))
                    });
                    view! {
                        <DataTable table label=view_label(Key::FailuresTitle) empty=Key::EmptyFailures />
                        {move || match selected.get() {
                            None => ().into_any(),
                            Some(Ok(event)) => view! { <FailureDetails event facts /> }.into_any(),
                            Some(Err(_)) => {
                                view! {
                                    <p
                                        class="t1-callout t1-callout--bad"
                                        role="alert"
                                        data-testid=test_ids::FAILURE_DETAILS
                                    >
                                        {tr(Key::FailureNotFound)}
                                    </p>
                                }
                                    .into_any()
                            }
                        }}
                    }
                },
            )}
        </section>
    }
}
