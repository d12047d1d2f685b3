//! `POST /v1.0/$batch` and `/beta/$batch`: Graph's JSON batching, its limits, and faults inside it.

mod common;

use common::{code_of, num_at, str_at, values, Server};
use tier1_graph_server::json::Json;

fn batch_of(requests: &[(&str, &str, &str)]) -> String {
    let items: Vec<String> = requests
        .iter()
        .map(|(id, method, url)| format!(r#"{{"id":"{id}","method":"{method}","url":"{url}"}}"#))
        .collect();
    format!(r#"{{"requests":[{}]}}"#, items.join(","))
}

fn responses(body: &Json) -> &[Json] {
    match body.get("responses") {
        Some(Json::Array(items)) => items,
        _ => panic!("no responses in {body}"),
    }
}

fn response<'a>(body: &'a Json, id: &str) -> &'a Json {
    responses(body).iter().find(|r| str_at(r, "id") == Some(id)).unwrap_or_else(|| panic!("no response {id}"))
}

fn first_user_id(server: &Server) -> String {
    let body = server.get("/v1.0/users?$top=1&$select=id", &[]).json();
    str_at(&values(&body)[0], "id").unwrap().to_string()
}

#[test]
fn a_batch_of_three_answers_each_as_a_direct_request_would() {
    let server = Server::start();
    let id = first_user_id(&server);
    let user = format!("/users/{id}?$select=id,displayName");
    let devices = format!("users/{id}/managedDevices?$select=id,deviceName");
    let reply = server
        .post("/v1.0/$batch", &batch_of(&[("1", "GET", &user), ("2", "GET", &devices), ("3", "GET", "/organization")]));
    assert_eq!(reply.status, 200, "{}", reply.text());
    let body = reply.json();
    assert_eq!(responses(&body).len(), 3);
    for id in ["1", "2", "3"] {
        assert_eq!(num_at(response(&body, id), "status"), Some(200), "{id}");
    }
    let direct = server.get(&format!("/v1.0{user}"), &[]).json();
    assert_eq!(response(&body, "1").get("body"), Some(&direct));
    let headers = response(&body, "2").get("headers").unwrap();
    assert!(str_at(headers, "Content-Type").unwrap().starts_with("application/json"));
    assert!(values(response(&body, "2").get("body").unwrap()).iter().all(|d| d.get("deviceName").is_some()));
}

#[test]
fn more_than_twenty_requests_are_refused_and_twenty_are_served() {
    let server = Server::start();
    let ids: Vec<String> = (1..=21).map(|i| i.to_string()).collect();
    let all: Vec<(&str, &str, &str)> = ids.iter().map(|id| (id.as_str(), "GET", "/organization")).collect();
    let refused = server.post("/v1.0/$batch", &batch_of(&all));
    assert_eq!((refused.status, refused.error_code()), (400, "BadRequest".to_string()));
    assert!(str_at(refused.json().get("error").unwrap(), "message").unwrap().contains("20"));
    let served = server.post("/v1.0/$batch", &batch_of(&all[..20]));
    assert_eq!(served.status, 200);
    assert_eq!(responses(&served.json()).len(), 20);
}

#[test]
fn only_get_is_served_inside_a_batch() {
    let server = Server::start();
    let reply = server.post("/v1.0/$batch", &batch_of(&[("a", "PATCH", "/users/x"), ("b", "GET", "/organization")]));
    let body = reply.json();
    assert_eq!(num_at(response(&body, "a"), "status"), Some(405));
    assert_eq!(code_of(response(&body, "a").get("body").unwrap()), "MethodNotAllowed");
    assert_eq!(num_at(response(&body, "b"), "status"), Some(200));
}

#[test]
fn a_throttled_inner_request_gets_429_with_retry_after_in_its_headers() {
    let server = Server::start();
    let id = first_user_id(&server);
    server.set_faults(r#"[{"path":"managedDevices","fault":"throttle","retryAfterSecs":7}]"#);
    let devices = format!("/users/{id}/managedDevices");
    let reply = server.post("/v1.0/$batch", &batch_of(&[("1", "GET", &devices), ("2", "GET", "/organization")]));
    assert_eq!(reply.status, 200);
    let body = reply.json();
    let throttled = response(&body, "1");
    assert_eq!(num_at(throttled, "status"), Some(429));
    assert_eq!(str_at(throttled.get("headers").unwrap(), "Retry-After"), Some("7"));
    assert_eq!(code_of(throttled.get("body").unwrap()), "TooManyRequests");
    assert_eq!(num_at(response(&body, "2"), "status"), Some(200));
}

#[test]
fn a_malformed_inner_body_stays_inside_a_valid_envelope() {
    let server = Server::start();
    server.set_faults(r#"[{"path":"organization","fault":"truncated"}]"#);
    let body = server.post("/v1.0/$batch", &batch_of(&[("1", "GET", "/organization")])).json();
    let inner = response(&body, "1");
    assert_eq!(str_at(inner.get("headers").unwrap(), "Content-Type"), Some("text/plain"));
    assert!(Json::parse(str_at(inner, "body").unwrap()).is_err());
}

#[test]
fn inner_requests_keep_graph_rules_and_next_links_point_here() {
    let server = Server::start();
    let search = r#"{"requests":[
        {"id":"with","method":"GET","url":"/users?$search=\"displayName:a\"&$top=2","headers":{"consistencylevel":"eventual"}},
        {"id":"without","method":"GET","url":"/users?$search=\"displayName:a\""}]}"#;
    let body = server.post("/v1.0/$batch", search).json();
    let with = response(&body, "with");
    assert_eq!(num_at(with, "status"), Some(200));
    let link = str_at(with.get("body").unwrap(), "@odata.nextLink").unwrap();
    assert!(link.starts_with(&format!("{}/v1.0/users?", server.base())), "{link}");
    assert_eq!(server.follow(link, &[("ConsistencyLevel", "eventual")]).status, 200);
    assert_eq!(num_at(response(&body, "without"), "status"), Some(400));
}

#[test]
fn beta_batches_resolve_against_beta() {
    let server = Server::start();
    let reply =
        server.post("/beta/$batch", &batch_of(&[("1", "GET", "/deviceManagement/troubleshootingEvents?$top=1")]));
    assert_eq!(num_at(response(&reply.json(), "1"), "status"), Some(200));
    let log = server.log();
    let Some(Json::Array(entries)) = log.get("requests") else { panic!() };
    assert_eq!(str_at(&entries[1], "path"), Some("/beta/deviceManagement/troubleshootingEvents?$top=1"));
}

#[test]
fn bad_payloads_refuse_the_whole_batch() {
    let server = Server::start();
    for bad in [
        "",
        "not json",
        "{\"requests\":",
        "[]",
        "{}",
        r#"{"requests":{}}"#,
        r#"{"requests":[]}"#,
        r#"{"requests":[{"id":"1","method":"GET"}]}"#,
        r#"{"requests":[{"method":"GET","url":"/organization"}]}"#,
        r#"{"requests":[{"id":1,"method":"GET","url":"/organization"}]}"#,
        r#"{"requests":[{"id":"1","method":"GET","url":"/a"},{"id":"1","method":"GET","url":"/b"}]}"#,
        r#"{"requests":[{"id":"1","method":"GET","url":"/a","headers":"x"}]}"#,
    ] {
        let reply = server.post("/v1.0/$batch", bad);
        assert_eq!((reply.status, reply.error_code()), (400, "BadRequest".to_string()), "{bad}");
    }
    assert_eq!(server.post("/v1.0/$batch", &batch_of(&[("1", "GET", "/organization")])).status, 200);
}

#[test]
fn the_envelope_fails_only_for_a_rule_naming_batch() {
    let server = Server::start();
    server.set_faults(r#"[{"path":"*","fault":"500"}]"#);
    let body = server.post("/v1.0/$batch", &batch_of(&[("1", "GET", "/organization")])).json();
    assert_eq!(num_at(response(&body, "1"), "status"), Some(500));
    server.set_faults(r#"[{"path":"$batch","fault":"503","retryAfterSecs":3}]"#);
    let reply = server.post("/v1.0/$batch", &batch_of(&[("1", "GET", "/organization")]));
    assert_eq!((reply.status, reply.header("Retry-After")), (503, Some("3")));
    assert_eq!(reply.error_code(), "ServiceUnavailable");
}

#[test]
fn a_client_waiting_for_100_continue_gets_it_before_sending_the_body() {
    use std::io::{Read, Write};
    let server = Server::start();
    let body = batch_of(&[("1", "GET", "/organization")]);
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    let head = format!(
        "POST /v1.0/$batch HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).unwrap();
    let mut interim = [0u8; 25];
    stream.read_exact(&mut interim).unwrap();
    assert_eq!(&interim, b"HTTP/1.1 100 Continue\r\n\r\n");
    stream.write_all(body.as_bytes()).unwrap();
    let reply = common::read_reply(&mut stream).unwrap();
    assert_eq!(num_at(response(&reply.json(), "1"), "status"), Some(200));
}
