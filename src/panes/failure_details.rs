//! One enrollment failure, explained (the document is built by `tables::failure_details`). The knowledge base
//! is fetched for the current language; until it arrives, or if it cannot be fetched, everything that does
//! not need it is already shown.

use leptos::prelude::*;

use super::table_context::clock_now;
use super::user_data::KnownFacts;
use crate::components::{focus_later, render_document, ErrorPanel};
use crate::domain::failures::diagnose;
use crate::i18n::Key;
use crate::knowledge;
use crate::model::EnrollmentEvent;
use crate::state::{tr, use_go, use_locale, use_location_state};
use crate::tables::failure_details::{details, DetailsInput, KnowledgeState};
use crate::tables::failures::failure_title;
use crate::test_ids;

#[component]
pub fn FailureDetails(event: EnrollmentEvent, facts: Memo<KnownFacts>) -> impl IntoView {
    let locale = use_locale();
    let location = use_location_state();
    let go = use_go();
    let diagnosis = diagnose(&event);
    let event = StoredValue::new(event);
    let knowledge = LocalResource::new(move || {
        let locale = locale.get();
        async move { knowledge::load(locale).await }
    });
    let heading = NodeRef::<leptos::html::H3>::new();
    // Opening a failure moves focus to its details, so keyboard and screen-reader users land on them.
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
    let title = move || {
        let locale = locale.get();
        let failure = event.with_value(|e| failure_title(locale, e, diagnosis));
        locale.fill(Key::FailureDetailsTitle, &[("failure", &failure)])
    };
    let close_to = move || location.get().with_failure(None);
    let body = move || {
        let loaded = knowledge.get();
        let state = match &loaded {
            None => KnowledgeState::Loading,
            Some(Ok(kb)) => KnowledgeState::Ready(kb),
            Some(Err(_)) => KnowledgeState::Unavailable,
        };
        let here = location.get();
        let blocks = facts.with(|known| {
            event.with_value(|event| {
                details(&DetailsInput {
                    locale: locale.get(),
                    clock: clock_now(),
                    event,
                    diagnosis,
                    facts: &known.facts(),
                    knowledge: state,
                    user_principal_name: &known.user_principal_name,
                    here: &here,
                })
            })
        });
        render_document(blocks)
    };

    view! {
        <article
            class="t1-details"
            aria-labelledby="t1-details-title"
            data-testid=test_ids::FAILURE_DETAILS
            data-reason=diagnosis.reason.map_or("unrecognized", |r| r.slug())
        >
            <div class="t1-details__head">
                <h3 id="t1-details-title" class="t1-details__title" tabindex="-1" node_ref=heading>
                    {title}
                </h3>
                <a
                    class="t1-button t1-button--quiet"
                    href=move || close_to().to_query()
                    data-testid=test_ids::CLOSE_DETAILS
                    on:click=move |ev| {
                        ev.prevent_default();
                        go(&close_to());
                        focus_later("t1-failures-title".into());
                    }
                >
                    {tr(Key::CloseDetails)}
                </a>
            </div>
            {move || match knowledge.get() {
                Some(Err(error)) => {
                    Some(
                        view! { <ErrorPanel error what=Key::KnowledgeBaseName on_retry=move |_| knowledge.refetch() /> },
                    )
                }
                _ => None,
            }}
            {body}
        </article>
    }
}
