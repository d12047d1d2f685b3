//! The browser side of the HTTP transport: `fetch` with headers and an optional abort signal, and task
//! spawning. Native builds (tests of the pure parts) have no HTTP client.

use std::future::Future;

use crate::graph::response::Response;

#[cfg(target_arch = "wasm32")]
thread_local! {
    /// The in-flight request of each supersedable group ("search"), aborted when a newer one starts.
    static IN_FLIGHT: std::cell::RefCell<std::collections::HashMap<&'static str, web_sys::AbortController>> =
        std::cell::RefCell::new(std::collections::HashMap::new());
}

/// Aborts the previous request of `group` and returns the signal for the new one.
pub fn supersede(group: &'static str) -> Option<web_sys::AbortSignal> {
    #[cfg(target_arch = "wasm32")]
    {
        let controller = web_sys::AbortController::new().ok()?;
        let signal = controller.signal();
        IN_FLIGHT.with(|map| {
            if let Some(previous) = map.borrow_mut().insert(group, controller) {
                previous.abort();
            }
        });
        Some(signal)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = group;
        None
    }
}

pub fn spawn(future: impl Future<Output = ()> + 'static) {
    #[cfg(target_arch = "wasm32")]
    wasm_bindgen_futures::spawn_local(future);
    // Natively nothing sends HTTP, so nothing is ever queued to flush.
    #[cfg(not(target_arch = "wasm32"))]
    drop(future);
}

/// One HTTP exchange. The token goes only into the `Authorization` header.
pub async fn send(
    method: &str,
    url: &str,
    headers: &[(String, String)],
    token: Option<&str>,
    body: Option<String>,
    abort: Option<&web_sys::AbortSignal>,
) -> Result<Response, String> {
    #[cfg(target_arch = "wasm32")]
    {
        use gloo_net::http::RequestBuilder;
        let mut builder = RequestBuilder::new(url).method(if method == "POST" {
            gloo_net::http::Method::POST
        } else {
            gloo_net::http::Method::GET
        });
        for (name, value) in headers {
            builder = builder.header(name, value);
        }
        if let Some(token) = token {
            builder = builder.header("Authorization", &format!("Bearer {token}"));
        }
        builder = builder.abort_signal(abort);
        let request = match body {
            Some(body) => builder.body(body),
            None => builder.build(),
        }
        .map_err(|e| e.to_string())?;
        let response = request.send().await.map_err(|e| e.to_string())?;
        let header = |name: &str| response.headers().get(name);
        Ok(Response {
            status: response.status(),
            retry_after_secs: header("retry-after").and_then(|v| v.trim().parse().ok()),
            request_id: header("request-id"),
            body: response.text().await.map_err(|e| e.to_string())?,
        })
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (method, headers, token, body, abort);
        Err(format!("no HTTP client outside the browser ({url})"))
    }
}
