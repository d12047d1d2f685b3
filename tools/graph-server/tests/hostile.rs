//! Input no client should send: each gets a status (or a closed connection), and the server keeps serving.

mod common;

use std::io::{Read, Write};
use std::net::{Shutdown, TcpStream};

use common::Server;

fn still_serves(server: &Server) {
    let reply = server.get("/v1.0/organization", &[]);
    assert_eq!(reply.status, 200);
    assert!(reply.json().get("value").is_some());
}

fn status_for(server: &Server, bytes: &[u8]) -> u16 {
    let reply = server.raw(bytes);
    assert_eq!(reply.header("Connection"), Some("close"), "a refused connection is closed");
    reply.status
}

#[test]
fn a_garbage_request_line_is_400() {
    let server = Server::start();
    for garbage in [&b"garbage\r\n\r\n"[..], b"GET\r\n\r\n", b"GET /  HTTP/1.1\r\n\r\n", b"G\x01T / HTTP/1.1\r\n\r\n"] {
        assert_eq!(status_for(&server, garbage), 400, "{}", String::from_utf8_lossy(garbage));
        still_serves(&server);
    }
    assert_eq!(status_for(&server, b"\xff\xfe / HTTP/1.1\r\n\r\n"), 400);
    assert_eq!(status_for(&server, b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"), 505);
    assert_eq!(status_for(&server, b"GET / HTTP/1.1\r\nbad header\r\n\r\n"), 400);
    still_serves(&server);
}

#[test]
fn a_huge_header_is_431() {
    let server = Server::start();
    let huge = format!("GET /v1.0/organization HTTP/1.1\r\nX-Big: {}\r\n\r\n", "a".repeat(200_000));
    assert_eq!(status_for(&server, huge.as_bytes()), 431);
    let many: String = (0..500).map(|i| format!("X-{i}: y\r\n")).collect();
    assert_eq!(status_for(&server, format!("GET / HTTP/1.1\r\n{many}\r\n").as_bytes()), 431);
    still_serves(&server);
}

#[test]
fn a_bad_json_batch_is_400() {
    let server = Server::start();
    for body in ["{\"requests\":[{\"id\":", "\u{0}\u{1}", &"[".repeat(50_000)] {
        let reply = server.post("/v1.0/$batch", body);
        assert_eq!((reply.status, reply.error_code().as_str()), (400, "BadRequest"));
    }
    let not_utf8 = b"POST /v1.0/$batch HTTP/1.1\r\nContent-Length: 2\r\n\r\n\xff\xfe";
    assert_eq!(server.raw(not_utf8).status, 400);
    still_serves(&server);
}

#[test]
fn bodies_the_server_will_not_read_are_refused() {
    let server = Server::start();
    let chunked = b"POST /v1.0/$batch HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n";
    assert_eq!(status_for(&server, chunked), 501);
    let too_big = b"POST /v1.0/$batch HTTP/1.1\r\nContent-Length: 999999999\r\n\r\n{}";
    assert_eq!(status_for(&server, too_big), 413);
    let conflicting = b"POST /v1.0/$batch HTTP/1.1\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}";
    assert_eq!(status_for(&server, conflicting), 400);
    still_serves(&server);
}

#[test]
fn connections_dropped_midway_do_not_hurt() {
    let server = Server::start();
    for partial in [&b""[..], b"GET /v1.0/organiz", b"POST /v1.0/$batch HTTP/1.1\r\nContent-Length: 100\r\n\r\n{\"re"] {
        let mut stream = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
        stream.write_all(partial).unwrap();
        stream.shutdown(Shutdown::Write).unwrap();
        // Whatever comes back (nothing, or a 400), the connection ends.
        let mut rest = Vec::new();
        let _ = stream.read_to_end(&mut rest);
    }
    still_serves(&server);
}

#[test]
fn many_clients_at_once_are_all_served() {
    let server = Server::start();
    let port = server.port;
    let workers: Vec<_> = (0..16)
        .map(|i| {
            std::thread::spawn(move || {
                let server = Server { port };
                let path = if i % 2 == 0 { "/v1.0/organization" } else { "/v1.0/users?$top=3" };
                server.get(path, &[]).status
            })
        })
        .collect();
    for worker in workers {
        assert_eq!(worker.join().unwrap(), 200);
    }
}
