//! Loading, empty and error states, so every pane says what is happening instead of showing nothing.

use leptos::prelude::*;

use super::countdown::Countdown;
use crate::graph::{ApiError, ErrorKind};
use crate::i18n::{Key, Locale};
use crate::state::{tr, use_locale, Throttling};
use crate::test_ids;

/// "Loading…", or, while requests wait on Microsoft Graph's throttling, that they do and for how long (counting
/// down each second).
#[component]
pub fn LoadingState() -> impl IntoView {
    let locale = use_locale();
    let throttling = use_context::<Throttling>().map(|t| t.0);
    let waiting = move || throttling.map(|t| t.get()).filter(|(count, _)| *count > 0).map(|(_, secs)| secs);
    let left = Countdown::new();
    Effect::new(move |_| match waiting() {
        Some(secs) => left.start(secs, || {}),
        None => left.cancel(),
    });
    let text = move || match waiting() {
        Some(secs) => {
            let secs = left.left().unwrap_or(secs);
            locale.get().fill(Key::ThrottledWaiting, &[("secs", &secs.to_string())])
        }
        None => locale.get().text(Key::Loading).to_string(),
    };
    view! {
        <div
            class="t1-loading"
            role="status"
            aria-busy="true"
            data-testid=test_ids::LOADING
            data-throttled=move || waiting().is_some().then_some("true")
        >
            <span class="t1-spinner" aria-hidden="true"></span>
            {text}
        </div>
    }
}

#[component]
pub fn EmptyState(message: Key) -> impl IntoView {
    view! {
        <p class="t1-empty" data-testid=test_ids::EMPTY>
            {tr(message)}
        </p>
    }
}

/// What went wrong in words an operator can act on, the raw details for an escalation, and a retry.
#[component]
pub fn ErrorPanel(
    error: ApiError,
    what: Key,
    #[prop(into)] on_retry: Callback<()>,
    /// Replaces "Could not load {what}" where nothing was being loaded (a device action that was not sent).
    #[prop(optional, into)]
    title: Option<Signal<String>>,
) -> impl IntoView {
    let locale = use_locale();
    let copied = RwSignal::new(false);
    let details = error.escalation_text();
    let escalate = matches!(error.kind, ErrorKind::Server | ErrorKind::BadRequest | ErrorKind::Decode);
    let sign_in = (error.kind == ErrorKind::Unauthorized)
        .then(crate::backend::session)
        .flatten()
        .filter(|source| source.is_interactive());
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
            <p class="t1-error__title">
                {move || match title {
                    Some(title) => title.get(),
                    None => locale.get().fill(Key::ErrorTitle, &[("what", locale.get().text(what))]),
                }}
            </p>
            <p>{explain}</p>
            // Errors only an escalation can fix show their code, message and request-id at once.
            <details class="t1-error__details" open=escalate>
                <summary>{tr(Key::ErrorDetails)}</summary>
                <pre>{details.clone()}</pre>
            </details>
            <div class="t1-error__actions">
                <button type="button" class="t1-button" data-testid=test_ids::RETRY on:click=move |_| on_retry.run(())>
                    {tr(Key::Retry)}
                </button>
                {sign_in
                    .map(|source| {
                        view! {
                            <button type="button" class="t1-button" on:click=move |_| source.sign_in()>
                                {tr(Key::SignIn)}
                            </button>
                        }
                    })}
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
        ErrorKind::Forbidden => match error.permission {
            Some(permission) => locale.fill(Key::ErrorForbiddenPermission, &[("permission", permission)]),
            None => locale.text(Key::ErrorForbidden).into(),
        },
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
