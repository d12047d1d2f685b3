//! `POST /{version}/$batch`: Graph's JSON batching. Each inner GET goes through the same handling and
//! faults as a direct one; the envelope succeeds even when inner requests fail, as Graph's does.

use std::collections::HashSet;

use crate::answer::{Answer, Ctx, GRAPH_JSON};
use crate::graph;
use crate::json::Json;
use crate::log::Entry;
use crate::server::State;

/// Graph's limit on requests per batch.
pub const MAX_REQUESTS: usize = 20;

/// The envelope's answer, the log entries of its inner requests, and how many it carried (`None` when the
/// payload was refused before reading them).
pub fn answer(state: &State, ctx: &Ctx, version: &str, body: &[u8]) -> (Answer, Vec<Entry>, Option<usize>) {
    let fault = state.faults.take(&format!("/{version}/$batch"), true);
    if let Some(answer) = fault.and_then(|kind| kind.replacement(ctx)) {
        return (answer, Vec::new(), None);
    }
    if let Some(crate::faults::Kind::Slow { delay_ms }) = fault {
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
    }
    let requests = match parse(body) {
        Ok(requests) => requests,
        Err(message) => return (ctx.error(400, "BadRequest", &message), Vec::new(), None),
    };
    let mut responses = Vec::new();
    let mut entries = Vec::new();
    for request in &requests {
        let (inner, entry) = run(state, ctx, version, request);
        // A JSON body is embedded as JSON; anything else (a malformed or truncated fault) as a string, so
        // the envelope stays valid and the client still fails to read that one response.
        let (body, content_type) = match Json::parse(&inner.body) {
            Ok(json) => (json, GRAPH_JSON),
            Err(_) => (Json::str(&inner.body), "text/plain"),
        };
        let mut headers = vec![("Content-Type", Json::str(content_type))];
        headers.extend(inner.headers.iter().map(|(k, v)| (k.as_str(), Json::str(v))));
        responses.push(Json::object([
            ("id", Json::str(&request.id)),
            ("status", Json::num(inner.status)),
            ("headers", Json::object(headers)),
            ("body", body),
        ]));
        entries.push(entry);
    }
    let envelope = Answer::json(200, Json::object([("responses", Json::Array(responses))]).to_string());
    let envelope = match fault {
        Some(kind) => kind.alter(envelope),
        None => envelope,
    };
    (envelope, entries, Some(requests.len()))
}

struct Inner {
    id: String,
    method: String,
    url: String,
    consistency_level: Option<String>,
}

/// Reads the payload; as with Graph, a bad shape anywhere refuses the whole batch.
fn parse(body: &[u8]) -> Result<Vec<Inner>, String> {
    let text = std::str::from_utf8(body).map_err(|_| "The batch payload is not UTF-8.".to_string())?;
    let json = Json::parse(text).map_err(|e| format!("Invalid batch payload: {e}."))?;
    let Some(Json::Array(items)) = json.get("requests") else {
        return Err("Invalid batch payload: expected {\"requests\":[...]}.".into());
    };
    if items.is_empty() {
        return Err("The batch contains no requests.".into());
    }
    if items.len() > MAX_REQUESTS {
        return Err(format!("The batch has {} requests; the limit is {MAX_REQUESTS}.", items.len()));
    }
    let mut seen = HashSet::new();
    items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let text = |key: &str| item.get(key).and_then(Json::as_str).map(str::to_string);
            let missing = |key: &str| format!("Request {i} of the batch has no string '{key}'.");
            let id = text("id").filter(|id| !id.is_empty()).ok_or_else(|| missing("id"))?;
            if !seen.insert(id.clone()) {
                return Err(format!("The batch repeats the request id '{id}'."));
            }
            let consistency_level = match item.get("headers") {
                Some(Json::Object(headers)) => headers
                    .iter()
                    .find(|(k, _)| k.eq_ignore_ascii_case("ConsistencyLevel"))
                    .and_then(|(_, v)| v.as_str().map(str::to_string)),
                None | Some(Json::Null) => None,
                Some(_) => return Err(format!("Request '{id}' of the batch has headers that are not an object.")),
            };
            Ok(Inner {
                method: text("method").ok_or_else(|| missing("method"))?,
                url: text("url").ok_or_else(|| missing("url"))?,
                id,
                consistency_level,
            })
        })
        .collect()
}

/// One inner request's answer and its log entry.
fn run(state: &State, ctx: &Ctx, version: &str, request: &Inner) -> (Answer, Entry) {
    let url = format!("{version}/{}", request.url.trim_start_matches('/'));
    let answer = if !request.method.eq_ignore_ascii_case("GET") {
        ctx.error(405, "MethodNotAllowed", "Only GET is served inside a batch here.")
    } else if request.url.contains("://") {
        ctx.error(400, "BadRequest", "Batch request URLs are relative to the version: '/users/{id}'.")
    } else {
        graph::answer(state, ctx, &url, request.consistency_level.as_deref())
    };
    let entry = Entry {
        method: request.method.to_ascii_uppercase(),
        path: format!("/{url}"),
        status: answer.status,
        bytes: answer.body.len(),
        via_batch: true,
        batch_count: None,
        fault: answer.fault,
        started_ms: 0,
        finished_ms: 0,
    };
    (answer, entry)
}
