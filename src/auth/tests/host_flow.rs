//! Host-token mode: the first request at start-up, early renewal, a silent or absent host, foreign messages,
//! and 401 recovery.

use serde_json::{json, Value};

use super::super::host_tokens::deliver_host_message;
use super::*;

const HOST: &str = "https://portal.contoso.com";

fn token_message(token: &str, expires_on: i64) -> Value {
    json!({"type": "tier1:token", "accessToken": token, "expiresOn": expires_on})
}

fn host_mode() -> AuthMode {
    AuthMode::HostToken(HostTokenConfig { allowed_origins: vec![HOST.into()] })
}

/// An embedded page whose host answers every request with a new token: host-1, host-2, …
fn embedded_with_answering_host() {
    clock(NOW);
    let mut served = 0;
    FAKE.with(|f| {
        let mut f = f.borrow_mut();
        f.embedded = true;
        f.host = Some(Box::new(move || {
            served += 1;
            deliver_host_message(HOST, &token_message(&format!("host-{served}"), NOW + 3600));
        }));
    });
}

fn requests() -> usize {
    fake(|f| f.token_requests.len())
}

#[test]
fn host_token_is_requested_at_start_and_used() {
    embedded_with_answering_host();
    let source = TokenSource::new(host_mode());
    assert_eq!(fake(|f| f.token_requests.clone()), vec![vec![HOST.to_string()]]);
    assert_eq!(block_on(source.token()), Ok(Some("host-1".into())));
    assert_eq!(source.status(), AuthStatus::SignedIn { name: None });
    assert_eq!(requests(), 1, "a held token needs no new request");
}

#[test]
fn host_token_renewed_shortly_before_expiry_rate_limited() {
    embedded_with_answering_host();
    let source = TokenSource::new(host_mode());
    clock(NOW + 3600 - 400);
    assert_eq!(block_on(source.token()), Ok(Some("host-1".into())));
    assert_eq!(requests(), 1, "more than five minutes left");
    // Host silent from now on: the early renewal is asked for, the current token still used.
    FAKE.with(|f| f.borrow_mut().host = None);
    clock(NOW + 3600 - 299);
    assert_eq!(block_on(source.token()), Ok(Some("host-1".into())));
    assert_eq!(requests(), 2);
    clock(NOW + 3600 - 290);
    assert_eq!(block_on(source.token()), Ok(Some("host-1".into())));
    assert_eq!(requests(), 2, "one renewal request per 30 s");
    clock(NOW + 3600);
    assert_eq!(block_on(source.token()), Err(AuthError::new(HOST_SILENT)));
    assert_eq!(source.status(), AuthStatus::Failed(HOST_SILENT.into()));
}

#[test]
fn host_silent_or_absent_is_an_error_not_a_hang() {
    clock(NOW);
    FAKE.with(|f| f.borrow_mut().embedded = true);
    let source = TokenSource::new(host_mode());
    assert_eq!(block_on(source.token()), Err(AuthError::new(HOST_SILENT)));
    assert_eq!(requests(), 1, "the request from start-up is still unanswered");

    FAKE.with(|f| f.borrow_mut().embedded = false);
    let top_level = TokenSource::new(host_mode());
    assert_eq!(block_on(top_level.token()), Err(AuthError::new(NOT_EMBEDDED)));
}

#[test]
fn host_messages_from_elsewhere_are_ignored() {
    clock(NOW);
    FAKE.with(|f| f.borrow_mut().embedded = true);
    let source = TokenSource::new(host_mode());
    deliver_host_message("https://evil.example", &token_message("evil", NOW + 3600));
    deliver_host_message(HOST, &json!("tier1:token evil"));
    deliver_host_message(HOST, &json!({"type": "tier1:token", "accessToken": "late", "expiresOn": NOW - 1}));
    assert_eq!(source.status(), AuthStatus::SignedOut);
    deliver_host_message(HOST, &token_message("good", NOW + 3600));
    assert_eq!(block_on(source.token()), Ok(Some("good".into())));
}

#[test]
fn host_401_recovers_once_then_stops() {
    embedded_with_answering_host();
    let source = TokenSource::new(host_mode());
    assert_eq!(block_on(source.token()), Ok(Some("host-1".into())));
    source.accepted();

    assert!(block_on(source.unauthorized()), "first 401: a new token arrived");
    assert_eq!(requests(), 2);
    assert_eq!(block_on(source.token()), Ok(Some("host-2".into())));

    assert!(!block_on(source.unauthorized()), "second 401 in a row");
    assert_eq!(requests(), 2, "no further token request");
    assert!(matches!(source.status(), AuthStatus::Failed(m) if m == REFUSED_AGAIN));
    assert!(fake(|f| f.navigations.is_empty()));

    // A request got through: the next 401 is a new episode.
    source.accepted();
    clock(NOW + 5);
    assert!(block_on(source.unauthorized()));
    assert_eq!(requests(), 3);
}

#[test]
fn host_stale_401_just_retries_with_the_newer_token() {
    embedded_with_answering_host();
    let source = TokenSource::new(host_mode());
    assert!(block_on(source.unauthorized_with("host-1")));
    assert_eq!(requests(), 2);
    // A concurrent request sent with host-1 comes back 401 after host-2 arrived.
    assert!(block_on(source.unauthorized_with("host-1")));
    assert_eq!(requests(), 2);
    assert_eq!(block_on(source.token()), Ok(Some("host-2".into())));
    assert!(!block_on(source.unauthorized_with("host-2")), "host-2 itself refused: in a row");
}
