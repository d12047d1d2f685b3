//! Direct Graph GETs: queries, paging through next links that point back here, headers, paths, tokens.

mod common;

use std::net::TcpStream;

use common::{num_at, read_reply, str_at, values, Server};
use tier1_graph_server::json::Json;
use tier1_graph_server::Config;

const EVENTUAL: (&str, &str) = ("ConsistencyLevel", "eventual");

fn ids(body: &Json) -> Vec<String> {
    values(body).iter().map(|u| str_at(u, "id").expect("id").to_string()).collect()
}

/// Every page of a collection, following `@odata.nextLink` to the end.
fn walk(server: &Server, first: &str, headers: &[(&str, &str)]) -> (Vec<String>, usize) {
    let mut reply = server.get(first, headers);
    let (mut all, mut pages) = (Vec::new(), 0);
    loop {
        assert_eq!(reply.status, 200, "{}", reply.text());
        let body = reply.json();
        all.extend(ids(&body));
        pages += 1;
        match str_at(&body, "@odata.nextLink") {
            Some(link) => reply = server.follow(link, headers),
            None => return (all, pages),
        }
    }
}

#[test]
fn a_user_search_with_consistency_level_finds_and_counts() {
    let server = Server::start();
    let first = server.get("/v1.0/users?$top=1&$select=id,displayName", &[]).json();
    let user = &values(&first)[0];
    let word = str_at(user, "displayName").unwrap().split(' ').next().unwrap().to_string();
    let search = format!("/v1.0/users?$search=%22displayName:{word}%22&$count=true&$select=id,displayName");
    let reply = server.get(&search, &[EVENTUAL]);
    assert_eq!(reply.status, 200, "{}", reply.text());
    assert!(reply.header("Content-Type").unwrap().starts_with("application/json"));
    assert!(reply.header("request-id").is_some_and(|id| !id.is_empty()));
    let body = reply.json();
    assert!(num_at(&body, "@odata.count").unwrap() >= 1);
    assert!(ids(&body).contains(&str_at(user, "id").unwrap().to_string()));
    // $select is honoured: nothing beyond id and displayName.
    let Json::Object(fields) = &values(&body)[0] else { panic!() };
    assert!(fields.iter().all(|(k, _)| k == "id" || k == "displayName"), "{fields:?}");
}

#[test]
fn a_search_without_consistency_level_is_refused_as_graph_does() {
    let server = Server::start();
    let reply = server.get("/v1.0/users?$search=%22displayName:a%22", &[]);
    assert_eq!(reply.status, 400);
    assert_eq!(reply.error_code(), "Request_UnsupportedQuery");
}

#[test]
fn next_links_point_here_and_lead_to_the_end_of_the_collection() {
    let server = Server::start();
    let everyone = ids(&server.get("/v1.0/users?$top=999&$select=id", &[]).json());
    let first = server.get("/v1.0/users?$select=id", &[]).json();
    let link = str_at(&first, "@odata.nextLink").expect("the default page is smaller than the tenant");
    assert!(link.starts_with(&format!("{}/v1.0/users?", server.base())), "{link}");
    let (walked, pages) = walk(&server, "/v1.0/users?$select=id", &[]);
    assert!(pages >= 2);
    assert_eq!(walked, everyone);
}

#[test]
fn a_search_pages_with_its_header_and_counts_on_the_first_page_only() {
    let server = Server::start();
    let search = "/v1.0/users?$search=%22displayName:a%22&$count=true&$top=3&$select=id";
    let first = server.get(search, &[EVENTUAL]).json();
    let total = num_at(&first, "@odata.count").unwrap() as usize;
    let second = server.follow(str_at(&first, "@odata.nextLink").unwrap(), &[EVENTUAL]).json();
    assert!(second.get("@odata.count").is_none());
    assert_eq!(walk(&server, search, &[EVENTUAL]).0.len(), total);
}

#[test]
fn the_page_size_flag_makes_small_pages() {
    let server = Server::with(Config { page_size: Some(10), ..Config::default() });
    let all = ids(&server.get("/v1.0/deviceManagement/managedDevices?$top=999&$select=id", &[]).json());
    let first = server.get("/v1.0/deviceManagement/managedDevices?$select=id", &[]).json();
    assert_eq!(values(&first).len(), 10.min(all.len()));
    let (walked, pages) = walk(&server, "/v1.0/deviceManagement/managedDevices?$select=id", &[]);
    assert_eq!(walked, all);
    assert_eq!(pages, all.len().div_ceil(10));
}

#[test]
fn entity_navigation_and_beta_paths_are_served() {
    let server = Server::start();
    let user = values(&server.get("/v1.0/users?$top=1&$select=id,userPrincipalName", &[]).json())[0].clone();
    let id = str_at(&user, "id").unwrap();
    let one = server.get(&format!("/v1.0/users/{id}?$select=id,displayName"), &[]);
    assert_eq!((one.status, str_at(&one.json(), "id")), (200, Some(id)));
    // A UPN in the path, percent-encoded as a browser may send it.
    let upn = str_at(&user, "userPrincipalName").unwrap().replace('@', "%40");
    assert_eq!(server.get(&format!("/v1.0/users/{upn}?$select=id"), &[]).status, 200);
    assert_eq!(server.get(&format!("/v1.0/users/{id}/managedDevices"), &[]).status, 200);
    assert_eq!(server.get("/beta/deviceManagement/troubleshootingEvents", &[]).status, 200);
}

#[test]
fn unknown_paths_answer_graph_errors() {
    let server = Server::start();
    for path in ["/", "/nope", "/v2.0/users", "/v1.0x/users"] {
        let reply = server.get(path, &[]);
        assert_eq!((reply.status, reply.error_code()), (404, "NotFound".to_string()), "{path}");
    }
    let missing = server.get("/v1.0/users/00000000-0000-0000-0000-000000000000", &[]);
    assert_eq!(missing.status, 404);
    assert_eq!(missing.error_code(), "Request_ResourceNotFound");
    // The error body carries this round trip's ids, as Graph's does.
    let inner = missing.json().get("error").unwrap().get("innerError").unwrap().clone();
    assert_eq!(str_at(&inner, "request-id"), missing.header("request-id"));
    // An unknown segment under a version is the fake Graph's own answer (Graph's is 400 too).
    assert_eq!(server.get("/v1.0/noSuchThing", &[]).status, 400);
}

#[test]
fn methods_other_than_the_one_a_path_takes_are_405() {
    let server = Server::start();
    let delete = server.send("DELETE", "/v1.0/users", &[], "");
    assert_eq!((delete.status, delete.header("Allow")), (405, Some("GET")));
    assert_eq!(server.get("/v1.0/$batch", &[]).status, 405);
}

#[test]
fn client_request_id_is_echoed_and_request_ids_are_fresh() {
    let server = Server::start();
    let mine = "6f1c0d4e-0000-4000-8000-00000000abcd";
    let a = server.get("/v1.0/organization", &[("client-request-id", mine)]);
    assert_eq!(a.header("client-request-id"), Some(mine));
    let b = server.get("/v1.0/organization", &[]);
    assert_ne!(a.header("request-id"), b.header("request-id"));
    // Without one, Graph reports its own request id as the client's.
    assert_eq!(b.header("client-request-id"), b.header("request-id"));
}

#[test]
fn with_require_token_only_bearer_requests_are_served() {
    let server = Server::with(Config { require_token: true, ..Config::default() });
    for auth in [None, Some("Bearer "), Some("Basic dXNlcjpwYXNz"), Some("Bearer")] {
        let headers: Vec<(&str, &str)> = auth.map(|a| ("Authorization", a)).into_iter().collect();
        let reply = server.get("/v1.0/organization", &headers);
        assert_eq!(reply.status, 401, "{auth:?}");
        assert_eq!(reply.error_code(), "InvalidAuthenticationToken");
        assert!(reply.header("WWW-Authenticate").unwrap().starts_with("Bearer"));
    }
    assert_eq!(server.get("/v1.0/organization", &[("Authorization", "Bearer eyJ0eXAi.x.y")]).status, 200);
    assert_eq!(
        server.post("/v1.0/$batch", r#"{"requests":[{"id":"1","method":"GET","url":"/organization"}]}"#).status,
        401
    );
    // The control API and preflights are not Graph: no token needed.
    assert_eq!(server.get("/_control/log", &[]).status, 200);
    assert_eq!(server.send("OPTIONS", "/v1.0/organization", &[], "").status, 204);
}

#[test]
fn a_kept_alive_connection_serves_requests_in_turn() {
    let server = Server::start();
    let mut stream = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    let one = "GET /v1.0/organization HTTP/1.1\r\nHost: x\r\n\r\n";
    let two = "GET /v1.0/deviceManagement HTTP/1.1\r\nHost: x\r\n\r\n";
    // Pipelined: both sent before either answer is read.
    std::io::Write::write_all(&mut stream, format!("{one}{two}").as_bytes()).unwrap();
    let first = read_reply(&mut stream).unwrap();
    assert_eq!((first.status, first.header("Connection")), (200, Some("keep-alive")));
    assert!(first.json().get("value").is_some());
    let second = read_reply(&mut stream).unwrap();
    assert_eq!(second.status, 200);
    assert!(second.json().get("subscriptionState").is_some());
}

#[test]
fn a_head_answer_carries_no_body_so_the_connection_stays_in_step() {
    let server = Server::start();
    let mut stream = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    let head = "HEAD /v1.0/organization HTTP/1.1\r\nHost: x\r\n\r\n";
    let get = "GET /v1.0/organization HTTP/1.1\r\nHost: x\r\n\r\n";
    std::io::Write::write_all(&mut stream, format!("{head}{get}").as_bytes()).unwrap();
    let first = read_reply(&mut stream).unwrap();
    assert_eq!((first.status, first.body.len()), (405, 0));
    assert_eq!(read_reply(&mut stream).unwrap().status, 200);
}

#[test]
fn device_actions_are_accepted_for_known_devices_and_checked_like_graph() {
    let server = Server::start();
    let devices = server.get("/v1.0/deviceManagement/managedDevices?$top=1", &[]);
    let id = devices.text().split("\"id\":\"").nth(1).and_then(|rest| rest.split('"').next()).unwrap().to_string();
    let wipe = server.post(
        &format!("/v1.0/deviceManagement/managedDevices/{id}/wipe"),
        r#"{"keepEnrollmentData":false,"keepUserData":true}"#,
    );
    assert_eq!((wipe.status, wipe.body.len()), (204, 0));
    assert_eq!(server.post(&format!("/v1.0/deviceManagement/managedDevices/{id}/syncDevice"), "").status, 204);
    // Unknown device, unknown action, beta-only action on v1.0, a body that is not JSON, and GET on an action.
    assert_eq!(server.post("/v1.0/deviceManagement/managedDevices/nope/syncDevice", "").status, 404);
    assert_eq!(server.post(&format!("/v1.0/deviceManagement/managedDevices/{id}/selfDestruct"), "").status, 400);
    let logs = format!("/v1.0/deviceManagement/managedDevices/{id}/createDeviceLogCollectionRequest");
    assert_eq!(server.post(&logs, "{}").status, 400);
    assert_eq!(server.post(&logs.replace("v1.0", "beta"), "{}").status, 201);
    assert_eq!(server.post(&format!("/v1.0/deviceManagement/managedDevices/{id}/wipe"), "{oops").status, 400);
    assert_eq!(server.get(&format!("/v1.0/deviceManagement/managedDevices/{id}/wipe"), &[]).status, 405);
}
