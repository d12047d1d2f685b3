//! The browser side of sign-in: clock, randomness, sessionStorage, the address bar, `postMessage` and the
//! token endpoint. Native builds have no browser; there the same functions work on an in-memory stand-in
//! (`Fake`) that records what the browser would have done, so the sign-in logic is tested natively.
//! Nothing here logs.

pub use imp::*;

/// The page's address, split: `base` is origin + path, `query` starts with `?` (or is empty), `hash` with `#`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Here {
    pub base: String,
    pub query: String,
    pub hash: String,
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use std::cell::Cell;

    use js_sys::{Object, Reflect};
    use serde_json::Value;
    use wasm_bindgen::{closure::Closure, JsCast, JsValue};

    use super::Here;
    use crate::auth::host::REQUEST_TYPE;

    pub fn now() -> i64 {
        crate::platform::now_secs()
    }

    pub async fn sleep_ms(ms: u32) {
        crate::platform::sleep_ms(ms).await
    }

    /// `crypto.getRandomValues`; false where it is missing (never a weaker fallback).
    pub fn random_bytes(buf: &mut [u8]) -> bool {
        web_sys::window()
            .and_then(|w| w.crypto().ok())
            .is_some_and(|crypto| crypto.get_random_values_with_u8_array(buf).is_ok())
    }

    fn session() -> Option<web_sys::Storage> {
        web_sys::window()?.session_storage().ok()?
    }

    pub fn session_get(key: &str) -> Option<String> {
        session()?.get_item(key).ok()?
    }

    pub fn session_set(key: &str, value: &str) -> bool {
        session().is_some_and(|s| s.set_item(key, value).is_ok())
    }

    pub fn session_remove(key: &str) {
        if let Some(s) = session() {
            let _ = s.remove_item(key);
        }
    }

    pub fn here() -> Option<Here> {
        let location = web_sys::window()?.location();
        Some(Here {
            base: format!("{}{}", location.origin().ok()?, location.pathname().ok()?),
            query: location.search().ok()?,
            hash: location.hash().ok()?,
        })
    }

    /// Rewrites the address bar without a navigation or a history entry.
    pub fn replace_url(url: &str) {
        if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(url));
        }
    }

    /// Leaves the page for `url` (the sign-in or sign-out page).
    pub fn navigate(url: &str) {
        if let Some(window) = web_sys::window() {
            let _ = window.location().assign(url);
        }
    }

    /// The embedding window, if Tier1 runs in a frame (`window.parent` is `window` itself at the top).
    fn parent(window: &web_sys::Window) -> Option<web_sys::Window> {
        window.parent().ok().flatten().filter(|parent| !Object::is(parent, window))
    }

    /// Posts `{"type":"tier1:token-request"}` to the parent, once per allowed origin as `targetOrigin`: the
    /// browser drops each copy unless the parent's origin is that one. False when not embedded.
    pub fn post_token_request(target_origins: &[String]) -> bool {
        let Some(parent) = web_sys::window().as_ref().and_then(parent) else {
            return false;
        };
        let message = Object::new();
        let _ = Reflect::set(&message, &"type".into(), &REQUEST_TYPE.into());
        let mut sent = false;
        for origin in target_origins {
            sent |= parent.post_message(&message, origin).is_ok();
        }
        sent
    }

    thread_local! {
        static LISTENING: Cell<bool> = const { Cell::new(false) };
    }

    /// Listens for the host's messages for the rest of the page's life (one listener, however many calls).
    /// Only messages whose source is the parent window reach `handler`, reduced to the three fields the
    /// protocol knows: nothing else of a hostile object is read, stringified or kept.
    pub fn listen_for_messages(handler: fn(&str, &Value)) {
        if LISTENING.with(|l| l.replace(true)) {
            return;
        }
        let Some(window) = web_sys::window() else {
            return;
        };
        let listener = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let from_parent = web_sys::window()
                .as_ref()
                .and_then(parent)
                .zip(event.source())
                .is_some_and(|(parent, source)| Object::is(&parent, &source));
            if from_parent {
                if let Some(fields) = message_fields(&event.data()) {
                    handler(&event.origin(), &fields);
                }
            }
        });
        let _ = window.add_event_listener_with_callback("message", listener.as_ref().unchecked_ref());
        listener.forget();
    }

    /// `type`, `accessToken` (strings) and `expiresOn` (a number) of a plain object; None for anything that
    /// is not an object. Missing or mistyped fields are left out, for the validator to reject.
    fn message_fields(data: &JsValue) -> Option<Value> {
        if !data.is_object() || js_sys::Array::is_array(data) {
            return None;
        }
        let get = |key: &str| Reflect::get(data, &JsValue::from_str(key)).ok();
        let mut fields = serde_json::Map::new();
        for key in ["type", "accessToken"] {
            if let Some(text) = get(key).and_then(|v| v.as_string()) {
                fields.insert(key.into(), Value::String(text));
            }
        }
        if let Some(number) = get("expiresOn").and_then(|v| v.as_f64()).and_then(serde_json::Number::from_f64) {
            fields.insert("expiresOn".into(), Value::Number(number));
        }
        Some(Value::Object(fields))
    }

    /// POSTs a form to the token endpoint: (status, body). The error says only that the service was
    /// unreachable, never what was sent.
    pub async fn post_form(url: &str, body: &str) -> Result<(u16, String), ()> {
        let request = gloo_net::http::Request::post(url)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .body(body.to_owned())
            .map_err(drop)?;
        let response = request.send().await.map_err(drop)?;
        let status = response.status();
        let text = response.text().await.map_err(drop)?;
        Ok((status, text))
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use std::cell::RefCell;
    use std::collections::{HashMap, VecDeque};

    use serde_json::Value;

    use super::Here;

    /// What a browser would hold and do, in memory. One per thread, so each test has its own.
    #[derive(Default)]
    #[cfg_attr(not(test), allow(dead_code))]
    pub struct Fake {
        /// Frozen clock (unix seconds); the real clock when None.
        pub now: Option<i64>,
        pub random_calls: u8,
        pub session: HashMap<String, String>,
        pub here: Here,
        pub replaced: Vec<String>,
        pub navigations: Vec<String>,
        /// Whether a parent window exists to ask for tokens.
        pub embedded: bool,
        /// Target origins of each token request posted.
        pub token_requests: Vec<Vec<String>>,
        /// The host: runs when a token request is posted (it may answer at once through
        /// `deliver_host_message`).
        pub host: Option<Box<dyn FnMut()>>,
        /// (url, body) of each form POST.
        pub form_posts: Vec<(String, String)>,
        /// Answers to the next form POSTs, in order; an empty queue is a network failure.
        pub form_answers: VecDeque<(u16, String)>,
    }

    thread_local! {
        pub static FAKE: RefCell<Fake> = RefCell::new(Fake::default());
    }

    pub fn now() -> i64 {
        FAKE.with(|f| f.borrow().now).unwrap_or_else(crate::platform::now_secs)
    }

    pub async fn sleep_ms(_ms: u32) {}

    /// Deterministic bytes, different on every call.
    pub fn random_bytes(buf: &mut [u8]) -> bool {
        let call = FAKE.with(|f| {
            let mut f = f.borrow_mut();
            f.random_calls = f.random_calls.wrapping_add(1);
            f.random_calls
        });
        for (i, b) in buf.iter_mut().enumerate() {
            *b = (i as u8).wrapping_mul(31).wrapping_add(call.wrapping_mul(97));
        }
        true
    }

    pub fn session_get(key: &str) -> Option<String> {
        FAKE.with(|f| f.borrow().session.get(key).cloned())
    }

    pub fn session_set(key: &str, value: &str) -> bool {
        FAKE.with(|f| f.borrow_mut().session.insert(key.into(), value.into()));
        true
    }

    pub fn session_remove(key: &str) {
        FAKE.with(|f| f.borrow_mut().session.remove(key));
    }

    pub fn here() -> Option<Here> {
        Some(FAKE.with(|f| f.borrow().here.clone()))
    }

    pub fn replace_url(url: &str) {
        FAKE.with(|f| {
            let mut f = f.borrow_mut();
            f.replaced.push(url.into());
            let (rest, hash) = url.split_once('#').map_or((url, String::new()), |(r, h)| (r, format!("#{h}")));
            let (base, query) = rest.split_once('?').map_or((rest, String::new()), |(b, q)| (b, format!("?{q}")));
            f.here = Here { base: base.into(), query, hash };
        });
    }

    pub fn navigate(url: &str) {
        FAKE.with(|f| f.borrow_mut().navigations.push(url.into()));
    }

    pub fn post_token_request(target_origins: &[String]) -> bool {
        let host = FAKE.with(|f| {
            let mut f = f.borrow_mut();
            if !f.embedded {
                return None;
            }
            f.token_requests.push(target_origins.to_vec());
            Some(f.host.take())
        });
        let Some(mut host) = host else {
            return false;
        };
        if let Some(answer) = host.as_mut() {
            answer();
        }
        FAKE.with(|f| f.borrow_mut().host = host);
        true
    }

    pub fn listen_for_messages(_handler: fn(&str, &Value)) {}

    pub async fn post_form(url: &str, body: &str) -> Result<(u16, String), ()> {
        FAKE.with(|f| {
            let mut f = f.borrow_mut();
            f.form_posts.push((url.into(), body.into()));
            f.form_answers.pop_front().ok_or(())
        })
    }
}
