//! Loading, empty and error states, so every pane says what is happening instead of showing nothing.

use leptos::prelude::*;

use crate::graph::{ApiError, ErrorKind};
use crate::i18n::{Key, Locale};
use crate::state::{tr, use_locale};
use crate::test_ids;

#[component]
pub fn LoadingState() -> impl IntoView {
    view! {
        <div class="t1-loading" role="status" aria-busy="true" data-testid=test_ids::LOADING>
            <span class="t1-spinner" aria-hidden="true"></span>
            {tr(Key::Loading)}
        </div>
    }
}

#[component]
pub fn EmptyState(message: Key) -> impl IntoView {
    view! { <p class="t1-empty" data-testid=test_ids::EMPTY>{tr(message)}</p> }
}

/// What went wrong in words an operator can act on, the raw details for an escalation, and a retry.
#[component]
pub fn ErrorPanel(error: ApiError, what: Key, #[prop(into)] on_retry: Callback<()>) -> impl IntoView {
    let locale = use_locale();
    let copied = RwSignal::new(false);
    let details = error.escalation_text();
    let explain = {
        let error = error.clone();
        move || explanation(locale.get(), &error)
    };
    let copy = {
        let details = details.clone();
        move |_| copied.set(crate::platform::copy_to_clipboard(&details))
    };
    view! {
        <div class="t1-error" role="alert" data-testid=test_ids::ERROR_PANEL data-kind=kind_name(error.kind)>
            <p class="t1-error__title">{move || locale.get().fill(Key::ErrorTitle, &[("what", locale.get().text(what))])}</p>
            <p>{explain}</p>
            <details class="t1-error__details">
                <summary>{tr(Key::ErrorDetails)}</summary>
                <pre>{details.clone()}</pre>
            </details>
            <div class="t1-error__actions">
                <button type="button" class="t1-button" data-testid=test_ids::RETRY on:click=move |_| on_retry.run(())>
                    {tr(Key::Retry)}
                </button>
                <button type="button" class="t1-button t1-button--quiet" on:click=copy>
                    {tr(Key::CopyDetails)}
                </button>
                <span role="status">{move || copied.get().then(|| locale.get().text(Key::Copied))}</span>
            </div>
        </div>
    }
}

pub fn explanation(locale: Locale, error: &ApiError) -> String {
    match error.kind {
        ErrorKind::Network => locale.text(Key::ErrorNetwork).into(),
        ErrorKind::Unauthorized => locale.text(Key::ErrorUnauthorized).into(),
        ErrorKind::Forbidden => locale.text(Key::ErrorForbidden).into(),
        ErrorKind::NotFound => locale.text(Key::ErrorNotFound).into(),
        ErrorKind::Throttled { retry_after_secs: Some(secs) } => {
            locale.fill(Key::ErrorThrottled, &[("secs", &secs.to_string())])
        }
        ErrorKind::Throttled { retry_after_secs: None } => locale.text(Key::ErrorThrottledSoon).into(),
        ErrorKind::Server => locale.text(Key::ErrorServer).into(),
        ErrorKind::BadRequest => locale.text(Key::ErrorBadRequest).into(),
        ErrorKind::Decode => locale.text(Key::ErrorDecode).into(),
    }
}

fn kind_name(kind: ErrorKind) -> &'static str {
    match kind {
        ErrorKind::Network => "network",
        ErrorKind::Unauthorized => "unauthorized",
        ErrorKind::Forbidden => "forbidden",
        ErrorKind::NotFound => "not-found",
        ErrorKind::Throttled { .. } => "throttled",
        ErrorKind::Server => "server",
        ErrorKind::BadRequest => "bad-request",
        ErrorKind::Decode => "decode",
    }
}

/// Renders a resource: loading state, then `render(value)`, or an error panel whose retry refetches.
pub fn async_view<T, V>(
    resource: LocalResource<Result<T, ApiError>>,
    what: Key,
    render: impl Fn(T) -> V + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    move || match resource.get() {
        None => view! { <LoadingState /> }.into_any(),
        Some(Ok(value)) => render(value).into_any(),
        Some(Err(error)) => {
            view! { <ErrorPanel error=error what=what on_retry=move |_| resource.refetch() /> }.into_any()
        }
    }
}
