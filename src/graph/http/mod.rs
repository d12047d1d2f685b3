//! REST mode's transport: Microsoft Graph (or a host portal's proxy of it) over HTTP.
//!
//! - GETs issued in the same tick are sent together as JSON `$batch` requests (≤ 20 each, per API version),
//!   so a user's panes, which all start loading at once, cost one round trip per wave of dependent calls.
//! - 429/503/504 are retried after `Retry-After` (or exponential backoff with jitter), a bounded number of
//!   times; `on_wait` lets the UI say that it is being throttled meanwhile.
//! - A 401 asks the token provider for a fresh token and retries once; it never loops.
//! - Search requests bypass batching, and a newer search aborts the one still in flight.

mod batch;
mod fetch;
mod retry;
mod slot;

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::{Arc, Mutex};

use super::error::ApiError;
use super::response::Response;
pub use batch::MAX_BATCH;
pub use retry::{wait_ms, MAX_ATTEMPTS};

/// Bearer tokens for the API (see `crate::auth`); absent when a same-origin proxy authenticates.
pub trait TokenProvider {
    fn token(&self) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<Option<String>, String>> + '_>>;
    /// The API answered 401 to a request sent with `sent_token`; true when a fresh token is available and
    /// the request may be retried once.
    fn unauthorized<'a>(
        &'a self,
        sent_token: Option<&'a str>,
    ) -> std::pin::Pin<Box<dyn std::future::Future<Output = bool> + 'a>>;
    /// The API answered a request with something other than 401: the token works.
    fn accepted(&self);
}

/// Told when requests start and stop waiting on throttling: `Some(seconds)` at the start of a wait, `None`
/// at its end.
pub type WaitListener = Arc<dyn Fn(Option<u32>) + Send + Sync>;

thread_local! {
    /// Token providers hold browser objects (not `Send`), so the transport, which lives in reactive state that
    /// must be `Send`, refers to its provider by index. The browser runs this code on one thread.
    static PROVIDERS: RefCell<Vec<Rc<dyn TokenProvider>>> = const { RefCell::new(Vec::new()) };
}

pub struct HttpGraph {
    /// `https://graph.microsoft.com` or `/graph`, without a trailing slash.
    base: String,
    tokens: Option<usize>,
    on_wait: Option<WaitListener>,
    queue: Mutex<Vec<slot::Queued>>,
}

/// Requests that are never batched: interactive ones, where a newer request supersedes the older.
fn is_search(url: &str) -> bool {
    url.contains("$search=")
}

impl HttpGraph {
    pub fn new(base: &str, tokens: Option<Rc<dyn TokenProvider>>, on_wait: Option<WaitListener>) -> Self {
        let tokens = tokens.map(|provider| {
            PROVIDERS.with(|all| {
                let mut all = all.borrow_mut();
                all.push(provider);
                all.len() - 1
            })
        });
        Self { base: base.trim_end_matches('/').to_string(), tokens, on_wait, queue: Mutex::new(Vec::new()) }
    }

    fn tokens(&self) -> Option<Rc<dyn TokenProvider>> {
        self.tokens.and_then(|i| PROVIDERS.with(|all| all.borrow().get(i).cloned()))
    }

    pub fn base(&self) -> &str {
        &self.base
    }

    /// GET `url` (relative `v1.0/…`, or an absolute next link) with retries for throttling and one token
    /// refresh on 401.
    pub async fn get(self: &Arc<Self>, url: &str, headers: &[(String, String)]) -> Result<Response, ApiError> {
        self.exchange(url, headers, None, true).await
    }

    /// POST `url` (a device action) with its JSON `body`, never batched. Throttling is waited out and the
    /// action re-sent only when `retry_throttled` (idempotent actions); a 401 is retried once with a fresh
    /// token, since Graph refuses an unauthenticated request before acting on it.
    pub async fn post(
        self: &Arc<Self>,
        url: &str,
        headers: &[(String, String)],
        body: Option<String>,
        retry_throttled: bool,
    ) -> Result<Response, ApiError> {
        self.exchange(url, headers, Some(body), retry_throttled).await
    }

    async fn exchange(
        self: &Arc<Self>,
        url: &str,
        headers: &[(String, String)],
        post: Option<Option<String>>,
        retry_throttled: bool,
    ) -> Result<Response, ApiError> {
        let mut refreshed = false;
        let mut attempt = 0;
        loop {
            let (response, sent_token) = match &post {
                None => self.send_once(url, headers).await?,
                Some(body) => self.post_once(url, headers, body.clone()).await?,
            };
            if let Some(tokens) = self.tokens() {
                if response.status != 401 {
                    tokens.accepted();
                } else if !refreshed && tokens.unauthorized(sent_token.as_deref()).await {
                    refreshed = true;
                    continue;
                }
            }
            if retry_throttled && retry::retryable(response.status) {
                if let Some(ms) = retry::wait_ms(attempt, response.retry_after_secs, crate::platform::random_unit()) {
                    self.notify(Some(ms.div_ceil(1000)));
                    crate::platform::sleep_ms(ms).await;
                    self.notify(None);
                    attempt += 1;
                    continue;
                }
            }
            return Ok(response);
        }
    }

    fn notify(&self, secs: Option<u32>) {
        if let Some(listener) = &self.on_wait {
            listener(secs);
        }
    }

    /// One attempt; also returns the token it was sent with, so a 401 is attributed to that token.
    async fn send_once(
        self: &Arc<Self>,
        url: &str,
        headers: &[(String, String)],
    ) -> Result<(Response, Option<String>), ApiError> {
        let token = match self.tokens() {
            Some(tokens) => tokens.token().await.map_err(ApiError::unauthorized)?,
            None => None,
        };
        let response = match split_version(url) {
            Some((version, relative)) if !is_search(url) => {
                let receiver = self.enqueue(version, relative, headers, token.clone());
                receiver.await
            }
            _ => {
                let absolute = self.absolute(url);
                let abort = is_search(url).then(|| fetch::supersede("search"));
                fetch::send("GET", &absolute, headers, token.as_deref(), None, abort.flatten().as_ref())
                    .await
                    .map_err(ApiError::network)
            }
        }?;
        Ok((response, token))
    }

    async fn post_once(
        &self,
        url: &str,
        headers: &[(String, String)],
        body: Option<String>,
    ) -> Result<(Response, Option<String>), ApiError> {
        let token = match self.tokens() {
            Some(tokens) => tokens.token().await.map_err(ApiError::unauthorized)?,
            None => None,
        };
        let mut headers = headers.to_vec();
        if body.is_some() {
            headers.push(("Content-Type".into(), "application/json".into()));
        }
        let response = fetch::send("POST", &self.absolute(url), &headers, token.as_deref(), body, None)
            .await
            .map_err(ApiError::network)?;
        Ok((response, token))
    }

    /// Queues a GET for the next batch; the first request of a tick schedules the flush.
    fn enqueue(
        self: &Arc<Self>,
        version: &'static str,
        relative: &str,
        headers: &[(String, String)],
        token: Option<String>,
    ) -> slot::Receiver {
        let (queued, receiver) = slot::Queued::new(version, relative, headers, token);
        let first = {
            let mut queue = self.queue.lock().unwrap_or_else(|e| e.into_inner());
            queue.push(queued);
            queue.len() == 1
        };
        if first {
            let this = self.clone();
            fetch::spawn(async move {
                crate::platform::next_task().await;
                this.flush().await;
            });
        }
        receiver
    }

    /// Sends everything queued: one request alone as a plain GET, more as `$batch`es of at most 20 per version,
    /// all concurrently.
    async fn flush(self: Arc<Self>) {
        let queued = std::mem::take(&mut *self.queue.lock().unwrap_or_else(|e| e.into_inner()));
        let mut groups: Vec<Vec<slot::Queued>> = Vec::new();
        for version in ["v1.0", "beta"] {
            let mut of_version: Vec<slot::Queued> = Vec::new();
            for q in queued.iter().filter(|q| q.version == version) {
                of_version.push(q.clone());
            }
            while !of_version.is_empty() {
                let rest = of_version.split_off(of_version.len().min(MAX_BATCH));
                groups.push(std::mem::replace(&mut of_version, rest));
            }
        }
        let sends: Vec<_> = groups.into_iter().map(|group| self.send_group(group)).collect();
        crate::concurrent::join_all(sends).await;
    }

    async fn send_group(&self, group: Vec<slot::Queued>) {
        let token = group.iter().find_map(|q| q.token.clone());
        if let [single] = group.as_slice() {
            let url = self.absolute(&format!("{}/{}", single.version, single.url));
            let result = fetch::send("GET", &url, &single.headers, token.as_deref(), None, None).await;
            single.complete(result.map_err(ApiError::network));
            return;
        }
        let items: Vec<batch::BatchItem> =
            group.iter().map(|q| batch::BatchItem { url: q.url.clone(), headers: q.headers.clone() }).collect();
        let url = self.absolute(&format!("{}/$batch", group[0].version));
        let json = [("Content-Type".to_string(), "application/json".to_string())];
        let result = fetch::send("POST", &url, &json, token.as_deref(), Some(batch::request_body(&items)), None).await;
        match result {
            Ok(response) if response.status == 200 => {
                for (q, r) in group.iter().zip(batch::split_response(&response.body, group.len())) {
                    q.complete(Ok(r));
                }
            }
            // The batch itself was refused (throttled, unauthorized, …): each request gets that answer.
            Ok(response) => group.iter().for_each(|q| q.complete(Ok(response.clone()))),
            Err(e) => group.iter().for_each(|q| q.complete(Err(ApiError::network(e.clone())))),
        }
    }

    /// A request URL on this API: relative URLs go under the base; a next link pointing at another host
    /// (a proxy passing Graph's own links through) is moved onto the base, so paging stays on the contract.
    pub fn absolute(&self, url: &str) -> String {
        match split_version(url) {
            Some((version, rest)) if !url.starts_with(&self.base) => format!("{}/{version}/{rest}", self.base),
            _ => url.to_string(),
        }
    }
}

/// `…/v1.0/users?x` → ("v1.0", "users?x"), for relative URLs and absolute next links alike.
fn split_version(url: &str) -> Option<(&'static str, &str)> {
    let path = url.split('?').next().unwrap_or(url);
    for version in ["v1.0", "beta"] {
        let marker = format!("{version}/");
        if path.starts_with(&marker) {
            return Some((version, &url[marker.len()..]));
        }
        if let Some(at) = path.find(&format!("/{marker}")) {
            return Some((version, &url[at + marker.len() + 1..]));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_are_found_in_relative_and_absolute_urls() {
        assert_eq!(split_version("v1.0/users?$top=5"), Some(("v1.0", "users?$top=5")));
        assert_eq!(split_version("beta/users/u1/x"), Some(("beta", "users/u1/x")));
        assert_eq!(
            split_version("https://graph.microsoft.com/v1.0/users?$skiptoken=a"),
            Some(("v1.0", "users?$skiptoken=a"))
        );
        assert_eq!(split_version("/graph/beta/deviceManagement"), Some(("beta", "deviceManagement")));
        assert_eq!(split_version("config.json"), None);
    }

    #[test]
    fn next_links_from_another_host_are_moved_onto_the_base() {
        let proxy = HttpGraph::new("/graph/", None, None);
        assert_eq!(proxy.absolute("v1.0/users"), "/graph/v1.0/users");
        assert_eq!(
            proxy.absolute("https://graph.microsoft.com/v1.0/users?$skiptoken=x"),
            "/graph/v1.0/users?$skiptoken=x"
        );
        assert_eq!(proxy.absolute("/graph/v1.0/users?$skiptoken=x"), "/graph/v1.0/users?$skiptoken=x");
        let direct = HttpGraph::new("https://graph.microsoft.com", None, None);
        let link = "https://graph.microsoft.com/beta/users?$skiptoken=y";
        assert_eq!(direct.absolute(link), link);
    }
}
