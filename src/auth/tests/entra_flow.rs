//! Entra mode: the sign-in round trip, a forged or failed redirect, refresh before expiry, 401 recovery
//! without a redirect loop, sign-out, and tokens never leaking into URLs, storage or messages.

use serde_json::{json, Value};

use super::*;

fn entra_config(scopes: &[&str]) -> EntraConfig {
    EntraConfig {
        client_id: "client-1".into(),
        tenant_id: "contoso.onmicrosoft.com".into(),
        redirect_uri: APP.into(),
        scopes: scopes.iter().map(|s| s.to_string()).collect(),
    }
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
