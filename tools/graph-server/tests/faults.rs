//! Fault rules installed through `/_control/faults`: every kind, path matching, counts, and clearing.

mod common;

use common::{str_at, Server};
use tier1_graph_server::json::Json;

const DEVICES: &str = "/v1.0/deviceManagement/managedDevices?$select=id";

/// Installs one rule on `managedDevices` and returns the next answer on that path.
fn with_fault(server: &Server, rule: &str) -> common::Reply {
    server.set_faults(&format!(r#"[{{"path":"managedDevices",{rule}}}]"#));
    server.get(DEVICES, &[])
}

fn assert_cleared(server: &Server) {
    server.set_faults("[]");
    let reply = server.get(DEVICES, &[]);
    assert_eq!(reply.status, 200);
    assert!(reply.json().get("value").is_some());
}

#[test]
fn throttle_is_429_with_retry_after_until_cleared() {
    let server = Server::start();
    let reply = with_fault(&server, r#""fault":"throttle","retryAfterSecs":5"#);
    assert_eq!((reply.status, reply.header("Retry-After")), (429, Some("5")));
    assert_eq!(reply.error_code(), "TooManyRequests");
    assert_eq!(server.get(DEVICES, &[]).status, 429, "no count: stays until cleared");
    assert_cleared(&server);
}

#[test]
fn status_500_and_503() {
    let server = Server::start();
    let reply = with_fault(&server, r#""fault":"500""#);
    assert_eq!((reply.status, reply.error_code().as_str()), (500, "InternalServerError"));
    assert_eq!(reply.header("Retry-After"), None);
    let reply = with_fault(&server, r#""fault":"503""#);
    assert_eq!((reply.status, reply.error_code().as_str()), (503, "ServiceUnavailable"));
    assert_eq!(reply.header("Retry-After"), Some("2"), "the default");
    assert_cleared(&server);
}

#[test]
fn slow_answers_normally() {
    let server = Server::start();
    let reply = with_fault(&server, r#""fault":"slow","delayMs":20"#);
    assert_eq!(reply.status, 200);
    assert!(reply.json().get("value").is_some());
    let log = server.log();
    let Some(Json::Array(entries)) = log.get("requests") else { panic!() };
    assert_eq!(str_at(entries.last().unwrap(), "fault"), Some("slow"));
    assert_cleared(&server);
}

#[test]
fn malformed_is_200_with_a_body_that_is_not_json() {
    let server = Server::start();
    let reply = with_fault(&server, r#""fault":"malformed""#);
    assert_eq!(reply.status, 200);
    assert!(reply.header("Content-Type").unwrap().starts_with("application/json"), "it claims JSON");
    assert!(Json::parse(&reply.text()).is_err());
    assert_cleared(&server);
}

#[test]
fn truncated_is_the_real_body_cut_in_half() {
    let server = Server::start();
    let full = server.get(DEVICES, &[]).text();
    let reply = with_fault(&server, r#""fault":"truncated""#);
    assert_eq!(reply.status, 200);
    let cut = reply.text();
    assert!(Json::parse(&cut).is_err());
    assert!(!cut.is_empty() && full.starts_with(&cut));
    assert!(cut.len() <= full.len() / 2 && cut.len() + 4 > full.len() / 2);
    assert_cleared(&server);
}

#[test]
fn expired_token_is_401_with_a_challenge() {
    let server = Server::start();
    let reply = with_fault(&server, r#""fault":"expired-token""#);
    assert_eq!((reply.status, reply.error_code().as_str()), (401, "InvalidAuthenticationToken"));
    let challenge = reply.header("WWW-Authenticate").unwrap();
    assert!(challenge.starts_with("Bearer") && challenge.contains("invalid_token"), "{challenge}");
    assert_cleared(&server);
}

#[test]
fn a_rule_touches_only_paths_containing_its_fragment_and_star_touches_all() {
    let server = Server::start();
    server.set_faults(r#"[{"path":"managedDevices","fault":"500"}]"#);
    assert_eq!(server.get("/v1.0/users?$top=1", &[]).status, 200);
    assert_eq!(server.get(DEVICES, &[]).status, 500);
    server.set_faults(r#"[{"path":"*","fault":"503"}]"#);
    assert_eq!(server.get("/v1.0/users?$top=1", &[]).status, 503);
    assert_eq!(server.get("/beta/deviceManagement/troubleshootingEvents", &[]).status, 503);
    // The first matching rule wins.
    server.set_faults(r#"[{"path":"users","fault":"throttle"},{"path":"*","fault":"500"}]"#);
    assert_eq!(server.get("/v1.0/users", &[]).status, 429);
    assert_eq!(server.get("/v1.0/organization", &[]).status, 500);
}

#[test]
fn a_counted_throttle_fails_n_times_then_succeeds() {
    let server = Server::start();
    server.set_faults(r#"[{"path":"managedDevices","fault":"throttle","retryAfterSecs":1,"times":2}]"#);
    assert_eq!(server.get(DEVICES, &[]).status, 429);
    // Requests elsewhere do not use up the count.
    assert_eq!(server.get("/v1.0/organization", &[]).status, 200);
    let listed = server.get("/_control/faults", &[]).json();
    assert!(listed.to_string().contains(r#""times":1"#), "{listed}");
    assert_eq!(server.get(DEVICES, &[]).status, 429);
    assert_eq!(server.get(DEVICES, &[]).status, 200);
    assert_eq!(server.get(DEVICES, &[]).status, 200);
    assert_eq!(server.get("/_control/faults", &[]).json().to_string(), r#"{"faults":[]}"#);
}

#[test]
fn bad_rules_are_refused_and_leave_the_installed_ones() {
    let server = Server::start();
    server.set_faults(r#"[{"path":"organization","fault":"500"}]"#);
    for bad in [
        "not json",
        r#"{"path":"x","fault":"500"}"#,
        r#"[{"path":"x","fault":"teapot"}]"#,
        r#"[{"path":"x","fault":"500","time":1}]"#,
    ] {
        let reply = server.post("/_control/faults", bad);
        assert_eq!((reply.status, reply.error_code().as_str()), (400, "BadRequest"), "{bad}");
    }
    assert_eq!(server.get("/v1.0/organization", &[]).status, 500);
}

#[test]
fn reset_clears_the_faults() {
    let server = Server::start();
    server.set_faults(r#"[{"path":"*","fault":"500"}]"#);
    assert_eq!(server.post("/_control/reset", "").status, 200);
    assert_eq!(server.get("/v1.0/organization", &[]).status, 200);
}
