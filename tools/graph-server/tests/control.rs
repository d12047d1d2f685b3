//! The request log, the control API's own answers, and CORS.

mod common;

use common::{num_at, str_at, values, Server};
use tier1_graph_server::json::Json;

fn entries(log: &Json) -> &[Json] {
    match log.get("requests") {
        Some(Json::Array(items)) => items,
        _ => panic!("no requests in {log}"),
    }
}

#[test]
fn the_log_counts_round_trips_and_bytes_of_a_user_lookup() {
    let server = Server::start();
    let id = str_at(&values(&server.get("/v1.0/users?$top=1&$select=id", &[]).json())[0], "id").unwrap().to_string();
    server.post("/_control/reset", "");
    let user = server.get(&format!("/v1.0/users/{id}?$select=id,displayName"), &[]);
    let devices = server.get(&format!("/v1.0/users/{id}/managedDevices?$select=id"), &[]);
    let log = server.log();
    assert_eq!(num_at(&log, "roundTrips"), Some(2));
    assert_eq!(num_at(&log, "bytes"), Some((user.body.len() + devices.body.len()) as u64));
    let first = &entries(&log)[0];
    assert_eq!(str_at(first, "method"), Some("GET"));
    assert_eq!(str_at(first, "path"), Some(format!("/v1.0/users/{id}?$select=id,displayName").as_str()));
    assert_eq!(num_at(first, "status"), Some(200));
    assert_eq!(num_at(first, "bytes"), Some(user.body.len() as u64));
    assert_eq!(first.get("viaBatch"), Some(&Json::Bool(false)));
}

#[test]
fn a_batch_is_one_round_trip_with_its_requests_listed_after_it() {
    let server = Server::start();
    let body = r#"{"requests":[{"id":"1","method":"GET","url":"/organization"},{"id":"2","method":"GET","url":"/users?$top=1"}]}"#;
    let reply = server.post("/v1.0/$batch", body);
    let log = server.log();
    assert_eq!(num_at(&log, "roundTrips"), Some(1));
    assert_eq!(num_at(&log, "bytes"), Some(reply.body.len() as u64));
    let list = entries(&log);
    assert_eq!(list.len(), 3);
    assert_eq!((str_at(&list[0], "method"), num_at(&list[0], "batchCount")), (Some("POST"), Some(2)));
    assert_eq!(list[0].get("viaBatch"), Some(&Json::Bool(false)));
    assert_eq!(str_at(&list[1], "path"), Some("/v1.0/organization"));
    assert!(list[1..].iter().all(|e| e.get("viaBatch") == Some(&Json::Bool(true)) && e.get("batchCount").is_none()));
}

#[test]
fn reset_clears_the_log_and_control_requests_are_not_logged() {
    let server = Server::start();
    server.get("/v1.0/organization", &[]);
    server.get("/nope", &[]);
    server.log();
    assert_eq!(num_at(&server.log(), "roundTrips"), Some(2));
    assert_eq!(server.post("/_control/reset", "").json().to_string(), r#"{"reset":true}"#);
    assert_eq!(server.log().to_string(), r#"{"roundTrips":0,"bytes":0,"requests":[]}"#);
}

#[test]
fn unknown_control_endpoints_and_methods_are_refused() {
    let server = Server::start();
    assert_eq!(server.get("/_control/nothing", &[]).status, 404);
    assert_eq!(server.post("/_control/log", "").status, 405);
    assert_eq!(server.get("/_control/reset", &[]).status, 405);
}

#[test]
fn a_cors_preflight_allows_what_the_app_sends() {
    let server = Server::start();
    let reply = server.send(
        "OPTIONS",
        "/v1.0/users?$search=%22displayName:a%22",
        &[
            ("Origin", "http://localhost:8080"),
            ("Access-Control-Request-Method", "GET"),
            ("Access-Control-Request-Headers", "authorization,consistencylevel,client-request-id"),
        ],
        "",
    );
    assert_eq!(reply.status, 204);
    assert_eq!(reply.header("Access-Control-Allow-Origin"), Some("*"));
    let methods = reply.header("Access-Control-Allow-Methods").unwrap();
    assert!(methods.contains("GET") && methods.contains("POST"), "{methods}");
    let allowed = reply.header("Access-Control-Allow-Headers").unwrap().to_ascii_lowercase();
    for header in ["authorization", "consistencylevel", "content-type", "client-request-id"] {
        assert!(allowed.contains(header), "{allowed}");
    }
    assert_eq!(str_at(&entries(&server.log())[0], "method"), Some("OPTIONS"));
}

#[test]
fn every_answer_allows_any_origin_and_exposes_graph_headers() {
    let server = Server::start();
    server.set_faults(r#"[{"path":"organization","fault":"throttle"}]"#);
    for reply in [
        server.get("/v1.0/organization", &[("Origin", "http://x")]),
        server.get("/nope", &[]),
        server.get("/_control/log", &[]),
        server.raw(b"garbage\r\n\r\n"),
    ] {
        assert_eq!(reply.header("Access-Control-Allow-Origin"), Some("*"));
        let exposed = reply.header("Access-Control-Expose-Headers").unwrap();
        assert!(exposed.contains("request-id") && exposed.contains("Retry-After"), "{exposed}");
    }
}
