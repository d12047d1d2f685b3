//! One error type for every way a Graph call can fail, cheap to clone into signals and precise enough for
//! an operator to act on or escalate (Graph `code`, `message` and `request-id` are kept verbatim).

use std::fmt;

use serde::Deserialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The request never got an HTTP answer.
    Network,
    Unauthorized,
    Forbidden,
    NotFound,
    Throttled {
        retry_after_secs: Option<u32>,
    },
    /// 5xx other than throttling.
    Server,
    /// Any other 4xx.
    BadRequest,
    /// 2xx with a body that is not the JSON we expect (malformed, truncated, wrongly typed).
    Decode,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub kind: ErrorKind,
    pub status: Option<u16>,
    pub code: Option<String>,
    pub message: String,
    pub request_id: Option<String>,
    /// For a 403: the delegated Graph permission the refused call needs (see `graph::permissions`).
    pub permission: Option<&'static str>,
}

impl ApiError {
    pub fn network(message: impl Into<String>) -> Self {
        Self {
            kind: ErrorKind::Network,
            status: None,
            code: None,
            message: message.into(),
            request_id: None,
            permission: None,
        }
    }

    /// No usable credentials (sign-in needed or failed); the message never carries a token.
    pub fn unauthorized(message: impl Into<String>) -> Self {
        Self {
            kind: ErrorKind::Unauthorized,
            status: None,
            code: None,
            message: message.into(),
            request_id: None,
            permission: None,
        }
    }

    pub fn decode(message: impl Into<String>, request_id: Option<String>) -> Self {
        Self {
            kind: ErrorKind::Decode,
            status: None,
            code: None,
            message: message.into(),
            request_id,
            permission: None,
        }
    }

    /// Maps a non-2xx answer to an error, reading Graph's `{"error":{code,message,innerError}}` body when present.
    pub fn from_status(
        status: u16,
        body: &str,
        retry_after_secs: Option<u32>,
        header_request_id: Option<String>,
    ) -> Self {
        let envelope = serde_json::from_str::<ErrorEnvelope>(body).ok().map(|e| e.error);
        let kind = match status {
            401 => ErrorKind::Unauthorized,
            403 => ErrorKind::Forbidden,
            404 => ErrorKind::NotFound,
            429 => ErrorKind::Throttled { retry_after_secs },
            503 if retry_after_secs.is_some() => ErrorKind::Throttled { retry_after_secs },
            500..=599 => ErrorKind::Server,
            _ => ErrorKind::BadRequest,
        };
        let (code, message, body_request_id) = match envelope {
            Some(e) => (e.code, e.message.unwrap_or_default(), e.inner_error.and_then(|i| i.request_id)),
            None => (None, String::new(), None),
        };
        Self {
            kind,
            status: Some(status),
            code,
            message,
            request_id: header_request_id.or(body_request_id),
            permission: None,
        }
    }

    /// Names the permission `url` needs when this is a 403, so the panel can say what to ask for.
    pub fn for_url(mut self, url: &str) -> Self {
        if self.kind == ErrorKind::Forbidden {
            self.permission = super::permissions::required_permission(url);
        }
        self
    }

    /// Text to paste into an escalation ticket.
    pub fn escalation_text(&self) -> String {
        let mut out = String::new();
        if let Some(status) = self.status {
            out.push_str(&format!("HTTP {status}\n"));
        }
        if let Some(code) = &self.code {
            out.push_str(&format!("code: {code}\n"));
        }
        if !self.message.is_empty() {
            out.push_str(&format!("message: {}\n", self.message));
        }
        if let Some(id) = &self.request_id {
            out.push_str(&format!("request-id: {id}\n"));
        }
        if let Some(permission) = self.permission {
            out.push_str(&format!("permission needed: {permission}\n"));
        }
        out
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.status, &self.code) {
            (Some(s), Some(c)) => write!(f, "HTTP {s} {c}: {}", self.message),
            (Some(s), None) => write!(f, "HTTP {s}: {}", self.message),
            _ => write!(f, "{}", self.message),
        }
    }
}

impl std::error::Error for ApiError {}

#[derive(Deserialize)]
struct ErrorEnvelope {
    error: GraphErrorBody,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct GraphErrorBody {
    code: Option<String>,
    message: Option<String>,
    inner_error: Option<InnerError>,
}

#[derive(Deserialize)]
struct InnerError {
    #[serde(rename = "request-id")]
    request_id: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &str = r#"{"error":{"code":"accessDenied","message":"Missing role","innerError":{"date":"2026-11-20T09:00:00","request-id":"r-1","client-request-id":"c-1"}}}"#;

    #[test]
    fn maps_status_codes_to_kinds() {
        assert_eq!(ApiError::from_status(401, "", None, None).kind, ErrorKind::Unauthorized);
        assert_eq!(ApiError::from_status(403, BODY, None, None).kind, ErrorKind::Forbidden);
        assert_eq!(ApiError::from_status(404, "", None, None).kind, ErrorKind::NotFound);
        assert_eq!(ApiError::from_status(400, "", None, None).kind, ErrorKind::BadRequest);
        assert_eq!(ApiError::from_status(500, "", None, None).kind, ErrorKind::Server);
        assert_eq!(
            ApiError::from_status(429, "", Some(7), None).kind,
            ErrorKind::Throttled { retry_after_secs: Some(7) }
        );
        assert_eq!(
            ApiError::from_status(503, "", Some(3), None).kind,
            ErrorKind::Throttled { retry_after_secs: Some(3) }
        );
        assert_eq!(ApiError::from_status(503, "", None, None).kind, ErrorKind::Server);
    }

    #[test]
    fn keeps_graph_code_message_and_request_id() {
        let err = ApiError::from_status(403, BODY, None, None);
        assert_eq!(err.code.as_deref(), Some("accessDenied"));
        assert_eq!(err.message, "Missing role");
        assert_eq!(err.request_id.as_deref(), Some("r-1"));
        let text = err.escalation_text();
        assert!(text.contains("HTTP 403") && text.contains("accessDenied") && text.contains("request-id: r-1"));
    }

    #[test]
    fn header_request_id_wins_and_garbage_body_is_tolerated() {
        let err = ApiError::from_status(500, "<html>oops", None, Some("h-9".into()));
        assert_eq!(err.request_id.as_deref(), Some("h-9"));
        assert_eq!(err.code, None);
    }
}
