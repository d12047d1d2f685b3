//! The few things that differ between the browser and native test builds: clock, timers, storage, zone.

/// Seconds since the Unix epoch.
pub fn now_secs() -> i64 {
    #[cfg(target_arch = "wasm32")]
    {
        (js_sys::Date::now() / 1000.0) as i64
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64)
    }
}

/// Minutes to add to UTC to get the browser's local time (0 natively).
pub fn local_offset_minutes(epoch_secs: i64) -> i64 {
    #[cfg(target_arch = "wasm32")]
    {
        let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(epoch_secs as f64 * 1000.0));
        -(date.get_timezone_offset() as i64)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = epoch_secs;
        0
    }
}

/// Resolves after `ms` milliseconds in the browser; immediately in native tests.
pub async fn sleep_ms(ms: u32) {
    #[cfg(target_arch = "wasm32")]
    if ms > 0 {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            if let Some(window) = web_sys::window() {
                let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms as i32);
            }
        });
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = ms;
}

/// Persisted preferences (language). Storage can be unavailable (privacy modes): then nothing persists.
pub fn load_pref(key: &str) -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window()?.local_storage().ok()??.get_item(key).ok()?
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = key;
        None
    }
}

pub fn save_pref(key: &str, value: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = storage.set_item(key, value);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (key, value);
}

/// GETs a file beside the page (fixtures, knowledge base); the error says which URL failed and how.
pub async fn fetch_text(url: &str) -> Result<String, String> {
    fetch_optional_text(url).await?.ok_or_else(|| format!("HTTP 404 for {url}"))
}

/// Like [`fetch_text`], but a missing file (404) is `Ok(None)` rather than an error.
#[cfg(target_arch = "wasm32")]
pub async fn fetch_optional_text(url: &str) -> Result<Option<String>, String> {
    let response = gloo_net::http::Request::get(url).send().await.map_err(|e| e.to_string())?;
    match response.status() {
        404 => Ok(None),
        _ if response.ok() => response.text().await.map(Some).map_err(|e| e.to_string()),
        status => Err(format!("HTTP {status} for {url}")),
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub async fn fetch_optional_text(url: &str) -> Result<Option<String>, String> {
    Err(format!("no HTTP client outside the browser ({url})"))
}

/// Puts `text` on the clipboard (for escalation details); false where the browser offers no clipboard.
pub fn copy_to_clipboard(text: &str) -> bool {
    #[cfg(target_arch = "wasm32")]
    if let Some(window) = web_sys::window() {
        let _ = window.navigator().clipboard().write_text(text);
        return true;
    }
    let _ = text;
    false
}

/// The page's address as the browser shows it: the deep link to the current screen.
pub fn current_href() -> String {
    #[cfg(target_arch = "wasm32")]
    if let Some(href) = web_sys::window().and_then(|w| w.location().href().ok()) {
        return href;
    }
    String::new()
}

/// A number in [0, 1) for backoff jitter (not for secrets).
pub fn random_unit() -> f64 {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::Math::random()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        0.5
    }
}

/// Resolves in a later browser task (after pending promise callbacks have run), so work started in the
/// same tick can be gathered first; immediately natively.
pub async fn next_task() {
    #[cfg(target_arch = "wasm32")]
    {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            if let Some(window) = web_sys::window() {
                let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
            }
        });
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    }
}

/// Moves keyboard focus to the element with `id`, scrolling it into view first when asked.
pub fn focus_element(id: &str, scroll: bool) {
    use wasm_bindgen::JsCast;
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        if scroll {
            element.scroll_into_view();
        }
        let _ = element.focus();
    }
}

/// Scrolls the first element under `root` that matches `selector` into view.
pub fn scroll_to_first(root: &web_sys::Element, selector: &str) {
    if let Ok(Some(element)) = root.query_selector(selector) {
        element.scroll_into_view();
    }
}

/// Scrolls the row that holds the element `id` sideways (and only that row, never the page) until the element
/// is in view: the selected tab of a scrolling tab strip.
pub fn scroll_into_row(id: &str) {
    use wasm_bindgen::JsCast;
    let Some(element) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let Some(row) = element.parent_element() else { return };
    // The row is the element's offset parent (position: relative), so offsetLeft is measured from its start.
    let (left, width) = (element.offset_left(), element.offset_width());
    let (scroll, visible) = (row.scroll_left(), row.client_width());
    if left < scroll {
        row.set_scroll_left(left);
    } else if left + width > scroll + visible {
        row.set_scroll_left(left + width - visible);
    }
}
