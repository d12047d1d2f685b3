//! Where requests go. Demo mode answers from the bundled tenant in-process, with simulated latency;
//! REST mode (an HTTP transport) plugs in here without any pane changing.

use std::sync::Arc;

use super::error::ApiError;
use super::fixture::FixtureGraph;
use super::http::HttpGraph;
use super::response::Response;

#[derive(Clone)]
pub enum Transport {
    Fixture(Arc<FixtureGraph>),
    /// REST mode: Graph or a proxy of it, over HTTP.
    Http(Arc<HttpGraph>),
}

impl Transport {
    /// GET a Graph URL (relative `v1.0/…` or an absolute next link), sending `headers`.
    pub async fn get(&self, url: &str, headers: &[(String, String)]) -> Result<Response, ApiError> {
        match self {
            Transport::Fixture(graph) => {
                let (response, delay_ms) = graph.handle(url).await;
                crate::platform::sleep_ms(delay_ms).await;
                Ok(response)
            }
            Transport::Http(graph) => graph.get(url, headers).await,
        }
    }
}

impl Transport {
    /// POST a write (a device action) with its JSON body; `retry_throttled` only for idempotent writes.
    pub async fn post(
        &self,
        url: &str,
        body: Option<&str>,
        headers: &[(String, String)],
        retry_throttled: bool,
    ) -> Result<Response, ApiError> {
        match self {
            Transport::Fixture(graph) => {
                let (response, delay_ms) = graph.handle_post(url, body).await;
                crate::platform::sleep_ms(delay_ms).await;
                Ok(response)
            }
            Transport::Http(graph) => graph.post(url, headers, body.map(str::to_string), retry_throttled).await,
        }
    }
}

impl PartialEq for Transport {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Transport::Fixture(a), Transport::Fixture(b)) => Arc::ptr_eq(a, b),
            (Transport::Http(a), Transport::Http(b)) => Arc::ptr_eq(a, b),
            _ => false,
        }
    }
}
