//! JSON batching (`POST /v1.0/$batch`): up to 20 GETs in one round trip. Pure building and reading of the
//! batch bodies; the HTTP side is in `mod.rs`.

use serde_json::{json, Map, Value};

use crate::graph::response::Response;

/// Graph's limit on requests per batch.
pub const MAX_BATCH: usize = 20;

/// One GET inside a batch: `url` is relative to the version (`users/u1?$select=id`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BatchItem {
    pub url: String,
    pub headers: Vec<(String, String)>,
}

/// The request body; ids are the items' positions ("0", "1", …).
pub fn request_body(items: &[BatchItem]) -> String {
    let requests: Vec<Value> = items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let mut request = json!({ "id": i.to_string(), "method": "GET", "url": format!("/{}", item.url) });
            if !item.headers.is_empty() {
                let headers: Map<String, Value> =
                    item.headers.iter().map(|(k, v)| (k.clone(), Value::from(v.as_str()))).collect();
                request["headers"] = Value::Object(headers);
            }
            request
        })
        .collect();
    json!({ "requests": requests }).to_string()
}

/// Splits a batch response into one response per item, in item order. A response the batch lacks, or a
/// batch body that cannot be read, becomes a 502 for that item, so each caller sees an error of its own.
pub fn split_response(body: &str, count: usize) -> Vec<Response> {
    let missing = |why: &str| Response {
        status: 502,
        body: json!({ "error": { "code": "BatchResponseMissing", "message": why } }).to_string(),
        retry_after_secs: None,
        request_id: None,
    };
    let parsed: Option<Vec<Value>> =
        serde_json::from_str::<Value>(body).ok().and_then(|v| v.get("responses").and_then(Value::as_array).cloned());
    let Some(responses) = parsed else {
        return (0..count).map(|_| missing("the $batch response could not be read")).collect();
    };
    (0..count)
        .map(|i| {
            let id = i.to_string();
            let Some(r) = responses.iter().find(|r| r.get("id").and_then(Value::as_str) == Some(id.as_str())) else {
                return missing("the $batch response has no answer for this request");
            };
            let headers = r.get("headers").and_then(Value::as_object);
            let header = |name: &str| {
                headers
                    .and_then(|h| h.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)))
                    .and_then(|(_, v)| v.as_str().map(str::to_string).or_else(|| v.as_u64().map(|n| n.to_string())))
            };
            Response {
                status: r.get("status").and_then(Value::as_u64).and_then(|s| u16::try_from(s).ok()).unwrap_or(502),
                body: match r.get("body") {
                    Some(Value::String(text)) => text.clone(),
                    Some(other) => other.to_string(),
                    None => String::new(),
                },
                retry_after_secs: header("Retry-After").and_then(|v| v.trim().parse().ok()),
                request_id: header("request-id"),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_graph_batch_requests_with_their_headers() {
        let items = [
            BatchItem { url: "users/u1?$select=id".into(), headers: vec![] },
            BatchItem {
                url: "users?$search=%22displayName:ann%22".into(),
                headers: vec![("ConsistencyLevel".into(), "eventual".into())],
            },
        ];
        let body: Value = serde_json::from_str(&request_body(&items)).unwrap();
        assert_eq!(body["requests"][0], json!({"id": "0", "method": "GET", "url": "/users/u1?$select=id"}));
        assert_eq!(body["requests"][1]["headers"]["ConsistencyLevel"], "eventual");
    }

    #[test]
    fn answers_are_matched_by_id_whatever_their_order() {
        let body = r#"{"responses":[
            {"id":"1","status":429,"headers":{"Retry-After":"7"},"body":{"error":{"code":"TooManyRequests"}}},
            {"id":"0","status":200,"headers":{"request-id":"r0"},"body":{"value":[]}}]}"#;
        let out = split_response(body, 3);
        assert_eq!(
            (out[0].status, out[0].body.as_str(), out[0].request_id.as_deref()),
            (200, r#"{"value":[]}"#, Some("r0"))
        );
        assert_eq!((out[1].status, out[1].retry_after_secs), (429, Some(7)));
        assert_eq!(out[2].status, 502, "an answer the batch lacks is an error for that request only");
    }

    #[test]
    fn an_unreadable_batch_fails_every_item_without_panicking() {
        for body in ["", "{", "[]", r#"{"responses":5}"#] {
            let out = split_response(body, 2);
            assert!(out.iter().all(|r| r.status == 502), "{body}");
        }
    }
}
