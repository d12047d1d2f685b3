//! Sends Graph requests, maps failures to [`ApiError`] and follows `@odata.nextLink` to the end.

use serde::de::DeserializeOwned;

use super::error::ApiError;
use super::request::GraphRequest;
use super::response::Response;
use super::transport::Transport;
use crate::model::Collection;

/// A guard against a server that keeps returning next links (a loop would otherwise never end).
const MAX_PAGES: usize = 200;

#[derive(Clone, PartialEq)]
pub struct GraphClient {
    transport: Transport,
}

impl GraphClient {
    pub fn new(transport: Transport) -> Self {
        Self { transport }
    }

    /// One object (or one page) decoded as `T`.
    pub async fn get<T: DeserializeOwned>(&self, request: &GraphRequest) -> Result<T, ApiError> {
        let url = request.to_url();
        let response = self.transport.get(&url, &request.headers).await?;
        decode(response).map_err(|e| e.for_url(&url))
    }

    /// Every item of a collection: follows the full next link verbatim and re-sends the request's headers
    /// on each page, since Graph does not carry them over.
    pub async fn get_all<T: DeserializeOwned>(&self, request: &GraphRequest) -> Result<Vec<T>, ApiError> {
        let mut items = Vec::new();
        let mut url = request.to_url();
        for _ in 0..MAX_PAGES {
            let response = self.transport.get(&url, &request.headers).await?;
            let page: Collection<T> = decode(response).map_err(|e| e.for_url(&url))?;
            items.extend(page.value);
            match page.next_link {
                Some(next) => url = next,
                None => return Ok(items),
            }
        }
        Err(ApiError::decode(format!("more than {MAX_PAGES} pages"), None))
    }
}

impl GraphClient {
    /// Sends a write (POST); success is any 2xx, whose body is not needed. `retry_throttled`: whether a
    /// throttled attempt may be sent again, which only an idempotent write allows.
    pub async fn send(&self, request: &GraphRequest, retry_throttled: bool) -> Result<(), ApiError> {
        let url = request.to_url();
        let response = self.transport.post(&url, request.body.as_deref(), &request.headers, retry_throttled).await?;
        if (200..300).contains(&response.status) {
            return Ok(());
        }
        Err(ApiError::from_status(response.status, &response.body, response.retry_after_secs, response.request_id)
            .for_url(&url))
    }
}

fn decode<T: DeserializeOwned>(response: Response) -> Result<T, ApiError> {
    if !(200..300).contains(&response.status) {
        return Err(ApiError::from_status(
            response.status,
            &response.body,
            response.retry_after_secs,
            response.request_id,
        ));
    }
    serde_json::from_str(&response.body).map_err(|e| ApiError::decode(e.to_string(), response.request_id))
}
