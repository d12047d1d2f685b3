//! The token lifecycle of each mode, natively: `browser::FAKE` plays the browser (clock, sessionStorage,
//! address bar, parent window, token endpoint) and records what the code asked of it. Shared helpers and the
//! mode-independent checks here; host-token and Entra in their own files.

mod entra_flow;
mod host_flow;

use futures::executor::block_on;

use super::browser::{Here, FAKE};
use super::*;

const NOW: i64 = 1_750_000_000;
const APP: &str = "https://tier1.contoso.com/app/";

fn clock(now: i64) {
    FAKE.with(|f| f.borrow_mut().now = Some(now));
}

fn fake<T>(read: impl FnOnce(&browser::Fake) -> T) -> T {
    FAKE.with(|f| read(&f.borrow()))
}

fn at(url: &str) {
    browser::replace_url(url);
    FAKE.with(|f| f.borrow_mut().replaced.clear());
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
