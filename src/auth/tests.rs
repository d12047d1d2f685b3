//! The token lifecycle of each mode, natively: `browser::FAKE` plays the browser (clock, sessionStorage,
//! address bar, parent window, token endpoint) and records what the code asked of it.

use futures::executor::block_on;
use serde_json::json;

use super::browser::{Here, FAKE};
use super::*;

const NOW: i64 = 1_750_000_000;
const HOST: &str = "https://portal.contoso.com";
const APP: &str = "https://tier1.contoso.com/app/";

fn clock(now: i64) {
    FAKE.with(|f| f.borrow_mut().now = Some(now));
}

fn fake<T>(read: impl FnOnce(&browser::Fake) -> T) -> T {
    FAKE.with(|f| read(&f.borrow()))
}

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
fn none_mode_sends_no_token_and_never_retries() {
    let source = TokenSource::new(AuthMode::None);
    assert_eq!(block_on(source.token()), Ok(None));
    assert_eq!(source.status(), AuthStatus::NotRequired);
    assert!(!block_on(source.unauthorized()));
    assert!(matches!(source.status(), AuthStatus::Failed(m) if m.contains("401")));
    source.accepted();
    assert_eq!(source.status(), AuthStatus::NotRequired);
    source.sign_in();
    assert!(fake(|f| f.navigations.is_empty() && f.token_requests.is_empty()));
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

fn entra_config(scopes: &[&str]) -> EntraConfig {
    EntraConfig {
        client_id: "client-1".into(),
        tenant_id: "contoso.onmicrosoft.com".into(),
        redirect_uri: APP.into(),
        scopes: scopes.iter().map(|s| s.to_string()).collect(),
    }
}

fn at(url: &str) {
    browser::replace_url(url);
    FAKE.with(|f| f.borrow_mut().replaced.clear());
}

fn answer(status: u16, body: Value) {
    FAKE.with(|f| f.borrow_mut().form_answers.push_back((status, body.to_string())));
}

fn param(url: &str, name: &str) -> Option<String> {
    let query = url.split_once('?')?.1;
    query.split('&').find_map(|p| p.strip_prefix(&format!("{name}="))).map(crate::percent::decode)
}

/// Clicks "Sign in" on `url`, then comes back from the sign-in page with a code, and the token endpoint
/// answers `tokens`.
fn sign_in_round_trip(source: &TokenSource, url: &str, tokens: Value) -> Result<(), AuthError> {
    at(url);
    source.sign_in();
    let authorize = fake(|f| f.navigations.last().cloned()).expect("sign-in navigates");
    let state = param(&authorize, "state").unwrap();
    at(&format!("{APP}?code=0.AbC-code&state={state}&session_state=sess-1"));
    answer(200, tokens);
    block_on(source.complete_redirect())
}

#[test]
fn entra_sign_in_round_trip() {
    clock(NOW);
    let source = TokenSource::new(AuthMode::Entra(entra_config(&["User.Read.All", "openid", "profile"])));
    assert_eq!(source.status(), AuthStatus::SignedOut);
    assert_eq!(block_on(source.token()), Err(AuthError::new(SIGN_IN_REQUIRED)));

    at(&format!("{APP}?user=a&view=apps"));
    source.sign_in();
    let authorize = fake(|f| f.navigations[0].clone());
    assert!(authorize.starts_with("https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/authorize?"));
    let pending = entra::Pending::from_storage(&fake(|f| f.session[PENDING_KEY].clone())).unwrap();
    assert_eq!(pending.return_query, "?user=a&view=apps");
    assert_eq!(param(&authorize, "state"), Some(pending.state.clone()));
    assert_eq!(param(&authorize, "code_challenge"), Some(pkce::challenge(&pending.verifier)));
    assert!(!authorize.contains(&pending.verifier), "the verifier never leaves the browser before redemption");

    // Back from Entra: the registered redirect URI has no query of its own.
    at(&format!("{APP}?code=0.AbC-code&state={}&session_state=sess-1", pending.state));
    let id_token = format!("h.{}.s", base64url::encode(br#"{"name":"Ops Lead"}"#));
    answer(200, json!({"access_token": "at-1", "expires_in": 3600, "id_token": id_token}));
    assert_eq!(block_on(source.complete_redirect()), Ok(()));

    assert_eq!(fake(|f| f.replaced.clone()), vec![format!("{APP}?user=a&view=apps")]);
    assert!(fake(|f| f.session.is_empty()), "verifier and state are gone");
    let (url, body) = fake(|f| f.form_posts[0].clone());
    assert_eq!(url, "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token");
    assert_eq!(param(&format!("?{body}"), "grant_type").as_deref(), Some("authorization_code"));
    assert_eq!(param(&format!("?{body}"), "code").as_deref(), Some("0.AbC-code"));
    assert_eq!(param(&format!("?{body}"), "code_verifier"), Some(pending.verifier));
    assert_eq!(param(&format!("?{body}"), "redirect_uri").as_deref(), Some(APP));
    assert_eq!(block_on(source.token()), Ok(Some("at-1".into())));
    assert_eq!(source.status(), AuthStatus::SignedIn { name: Some("Ops Lead".into()) });

    // A later start-up with a clean URL has nothing to complete.
    assert_eq!(block_on(source.complete_redirect()), Ok(()));
    assert_eq!(fake(|f| f.form_posts.len()), 1);
}

#[test]
fn entra_state_mismatch_is_rejected_without_redeeming() {
    clock(NOW);
    let source = TokenSource::new(AuthMode::Entra(entra_config(&["User.Read.All"])));
    at(APP);
    source.sign_in();
    at(&format!("{APP}?user=b&code=forged&state=not-ours"));
    let err = block_on(source.complete_redirect()).unwrap_err();
    assert!(err.message.contains("state mismatch"), "{}", err.message);
    assert!(fake(|f| f.form_posts.is_empty()), "a code with the wrong state is never redeemed");
    assert_eq!(fake(|f| f.replaced.clone()), vec![format!("{APP}?user=b")]);
    assert!(fake(|f| f.session.is_empty()));
    assert_eq!(source.status(), AuthStatus::Failed(err.message));

    // Landing with a code and no sign-in in progress at all.
    let fresh = TokenSource::new(AuthMode::Entra(entra_config(&["User.Read.All"])));
    at(&format!("{APP}?code=c&state=s"));
    assert!(block_on(fresh.complete_redirect()).unwrap_err().message.contains("state mismatch"));
}

#[test]
fn entra_error_redirect_is_reported() {
    clock(NOW);
    let source = TokenSource::new(AuthMode::Entra(entra_config(&["User.Read.All"])));
    at(APP);
    source.sign_in();
    let state = param(&fake(|f| f.navigations[0].clone()), "state").unwrap();
    at(&format!("{APP}?error=access_denied&error_description=AADSTS65004%3A+declined&state={state}"));
    let err = block_on(source.complete_redirect()).unwrap_err();
    assert_eq!(err.message, "Sign-in failed: access_denied: AADSTS65004: declined");
    assert_eq!(fake(|f| f.replaced.clone()), vec![APP.to_string()]);
}

#[test]
fn entra_refreshes_within_five_minutes_of_expiry() {
    clock(NOW);
    let source = TokenSource::new(AuthMode::Entra(entra_config(&["User.Read.All", "offline_access"])));
    let first = json!({"access_token": "at-1", "expires_in": 3600, "refresh_token": "rt-1"});
    sign_in_round_trip(&source, APP, first).unwrap();

    clock(NOW + 3600 - 301);
    assert_eq!(block_on(source.token()), Ok(Some("at-1".into())));
    assert_eq!(fake(|f| f.form_posts.len()), 1, "no refresh with more than five minutes left");

    clock(NOW + 3600 - 299);
    answer(200, json!({"access_token": "at-2", "expires_in": 3600, "refresh_token": "rt-2"}));
    assert_eq!(block_on(source.token()), Ok(Some("at-2".into())));
    let (url, body) = fake(|f| f.form_posts[1].clone());
    assert!(url.ends_with("/oauth2/v2.0/token"));
    assert_eq!(
        body,
        "client_id=client-1&grant_type=refresh_token&refresh_token=rt-1&scope=User.Read.All%20offline_access"
    );

    // The refresh token is refused: the current access token is used while it lasts, then sign-in is required.
    clock(NOW + 3600 - 299 + 3600 - 60);
    answer(400, json!({"error": "invalid_grant", "error_description": "AADSTS70008: expired"}));
    assert_eq!(block_on(source.token()), Ok(Some("at-2".into())));
    clock(NOW + 3600 - 299 + 3600);
    assert_eq!(block_on(source.token()), Err(AuthError::new(SIGN_IN_REQUIRED)));
    assert_eq!(fake(|f| f.form_posts.len()), 3, "the refused refresh token is not tried again");
    assert_eq!(source.status(), AuthStatus::SignedOut);
}

#[test]
fn entra_401_refresh_once_then_stop() {
    clock(NOW);
    let source = TokenSource::new(AuthMode::Entra(entra_config(&["User.Read.All", "offline_access"])));
    sign_in_round_trip(&source, APP, json!({"access_token": "at-1", "expires_in": 3600, "refresh_token": "rt-1"}))
        .unwrap();
    source.accepted();

    answer(200, json!({"access_token": "at-2", "expires_in": 3600, "refresh_token": "rt-2"}));
    assert!(block_on(source.unauthorized()), "first 401: the refresh worked");
    assert_eq!(block_on(source.token()), Ok(Some("at-2".into())));

    answer(200, json!({"access_token": "at-3", "expires_in": 3600}));
    assert!(!block_on(source.unauthorized()), "second 401 in a row");
    assert_eq!(fake(|f| f.form_posts.len()), 2, "sign-in + one refresh, nothing more");
    assert_eq!(fake(|f| f.navigations.len()), 1, "only the original sign-in");
    assert_eq!(source.status(), AuthStatus::Failed(REFUSED_AGAIN.into()));
}

#[test]
fn entra_401_redirects_to_sign_in_once_not_in_a_loop() {
    clock(NOW);
    let mode = AuthMode::Entra(entra_config(&["User.Read.All"]));
    let page = TokenSource::new(mode.clone());
    sign_in_round_trip(&page, &format!("{APP}?user=a"), json!({"access_token": "at-1", "expires_in": 3600})).unwrap();
    assert_eq!(fake(|f| f.navigations.len()), 1);

    // Ten minutes later the token is revoked; no refresh token: the operator is sent to sign in again.
    // (The transport need not call accepted() for this.)
    clock(NOW + 600);
    at(&format!("{APP}?user=a&view=apps"));
    assert!(!block_on(page.unauthorized()));
    assert_eq!(fake(|f| f.navigations.len()), 2);
    assert!(!block_on(page.unauthorized()), "a concurrent 401 does not redirect again");
    assert_eq!(fake(|f| f.navigations.len()), 2);

    // The browser comes back to a fresh page; the new token is refused as well.
    let reloaded = TokenSource::new(mode.clone());
    let state = param(&fake(|f| f.navigations[1].clone()), "state").unwrap();
    at(&format!("{APP}?code=0.new&state={state}&session_state=s"));
    answer(200, json!({"access_token": "at-2", "expires_in": 3600}));
    block_on(reloaded.complete_redirect()).unwrap();
    assert_eq!(fake(|f| f.replaced.last().cloned()), Some(format!("{APP}?user=a&view=apps")));

    assert!(!block_on(reloaded.unauthorized()));
    assert_eq!(reloaded.status(), AuthStatus::Failed(REFUSED_AGAIN.into()));
    assert!(!block_on(reloaded.unauthorized()));
    clock(NOW + 3000);
    assert!(!block_on(reloaded.unauthorized()), "no redirect later either");
    assert_eq!(reloaded.status(), AuthStatus::Failed(SESSION_ENDED.into()));
    assert_eq!(fake(|f| f.navigations.len()), 2, "no second automatic redirect");

    // Even another reload of the tab keeps the guard.
    let again = TokenSource::new(mode);
    sign_in_round_trip(&again, APP, json!({"access_token": "at-3", "expires_in": 3600})).unwrap();
    let explicit = fake(|f| f.navigations.len());
    clock(NOW + 6000);
    assert!(!block_on(again.unauthorized()));
    assert_eq!(fake(|f| f.navigations.len()), explicit, "only the operator's own sign-in");
}

#[test]
fn entra_accepted_request_rearms_the_automatic_redirect() {
    clock(NOW);
    let source = TokenSource::new(AuthMode::Entra(entra_config(&["User.Read.All"])));
    sign_in_round_trip(&source, APP, json!({"access_token": "at-1", "expires_in": 3600})).unwrap();
    clock(NOW + 600);
    assert!(!block_on(source.unauthorized()));
    assert_eq!(fake(|f| f.navigations.len()), 2);
    assert!(fake(|f| f.session.contains_key(REDIRECTED_KEY)));

    let state = param(&fake(|f| f.navigations[1].clone()), "state").unwrap();
    let back = TokenSource::new(source.mode().clone());
    at(&format!("{APP}?code=c2&state={state}"));
    answer(200, json!({"access_token": "at-2", "expires_in": 3600}));
    block_on(back.complete_redirect()).unwrap();
    back.accepted(); // the new token works
    assert!(!fake(|f| f.session.contains_key(REDIRECTED_KEY)));

    clock(NOW + 5000);
    assert!(!block_on(back.unauthorized()));
    assert_eq!(fake(|f| f.navigations.len()), 3, "a new episode: one more automatic sign-in");
}

#[test]
fn entra_sign_out_forgets_tokens_and_ends_the_session() {
    clock(NOW);
    let source = TokenSource::new(AuthMode::Entra(entra_config(&["User.Read.All", "offline_access"])));
    sign_in_round_trip(&source, APP, json!({"access_token": "at-1", "expires_in": 3600, "refresh_token": "rt-1"}))
        .unwrap();
    source.sign_out();
    assert_eq!(source.status(), AuthStatus::SignedOut);
    assert_eq!(block_on(source.token()), Err(AuthError::new(SIGN_IN_REQUIRED)));
    assert_eq!(
        fake(|f| f.navigations.last().cloned()),
        Some(format!(
            "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/logout\
             ?post_logout_redirect_uri={APP}"
        ))
    );
}

#[test]
fn tokens_never_reach_urls_storage_or_messages() {
    clock(NOW);
    let source = TokenSource::new(AuthMode::Entra(entra_config(&["User.Read.All", "offline_access"])));
    sign_in_round_trip(
        &source,
        &format!("{APP}?user=a"),
        json!({"access_token": "SECRET-AT", "expires_in": 3600, "refresh_token": "SECRET-RT"}),
    )
    .unwrap();
    source.accepted();
    answer(400, json!({"error": "invalid_grant"}));
    assert!(!block_on(source.unauthorized()));
    source.sign_out();
    let mut seen: Vec<String> = fake(|f| {
        f.navigations
            .iter()
            .chain(&f.replaced)
            .chain(f.session.values())
            .cloned()
            .chain([f.here.query.clone()])
            .collect()
    });
    if let AuthStatus::Failed(message) = source.status() {
        seen.push(message);
    }
    seen.push(format!("{:?}", source.0.lock().token));
    for text in seen {
        assert!(!text.contains("SECRET"), "{text}");
    }
}

#[test]
fn token_source_is_send_sync_and_cheap_to_clone() {
    fn send_sync<T: Send + Sync + Clone + 'static>() {}
    send_sync::<TokenSource>();
    let a = TokenSource::new(AuthMode::None);
    assert!(a == a.clone());
    assert!(a != TokenSource::new(AuthMode::None));
}

#[test]
fn here_is_split_like_location() {
    at("https://h.example/app/?user=a#x");
    assert_eq!(
        browser::here(),
        Some(Here { base: "https://h.example/app/".into(), query: "?user=a".into(), hash: "#x".into() })
    );
}
