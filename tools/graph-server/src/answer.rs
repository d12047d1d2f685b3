//! What a Graph request ends in, before it becomes HTTP (a direct response) or JSON (an entry in a
//! `$batch` response), and Graph's error body shape.

use crate::json::Json;

/// The content type Graph sends with JSON, parameters and all, so clients are tested against the real one.
pub const GRAPH_JSON: &str =
    "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    pub status: u16,
    /// Graph headers beyond the ones every response gets (`Retry-After`, `WWW-Authenticate`).
    pub headers: Vec<(String, String)>,
    pub body: String,
    /// The injected fault that shaped this answer, for the request log.
    pub fault: Option<&'static str>,
}

impl Answer {
    pub fn json(status: u16, body: String) -> Self {
        Answer { status, headers: Vec::new(), body, fault: None }
    }

    pub fn with_header(mut self, name: &str, value: impl Into<String>) -> Self {
        self.headers.push((name.to_string(), value.into()));
        self
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

/// A Graph-shaped error body without ids, for answers that are not Graph's (refused HTTP, the control API).
pub fn error_body(code: &str, message: &str) -> String {
    Json::object([("error", Json::object([("code", Json::str(code)), ("message", Json::str(message))]))]).to_string()
}

/// The ids Graph puts in headers and error bodies, per round trip.
#[derive(Debug, Clone)]
pub struct Ctx {
    pub request_id: String,
    pub client_request_id: String,
}

impl Ctx {
    /// A Graph error answer: `{"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}`.
    pub fn error(&self, status: u16, code: &str, message: &str) -> Answer {
        let body = Json::object([(
            "error",
            Json::object([
                ("code", Json::str(code)),
                ("message", Json::str(message)),
                ("innerError", self.inner_error()),
            ]),
        )]);
        Answer::json(status, body.to_string())
    }

    pub fn inner_error(&self) -> Json {
        Json::object([
            ("date", Json::String(tier1::domain::time::format_iso(tier1::platform::now_secs()))),
            ("request-id", Json::str(&self.request_id)),
            ("client-request-id", Json::str(&self.client_request_id)),
        ])
    }
}
