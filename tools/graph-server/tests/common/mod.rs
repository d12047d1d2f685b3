//! A raw HTTP/1.1 client over `std::net::TcpStream` and a server per test, so tests see the bytes a
//! browser would and never share a log or fault list.
#![allow(dead_code)] // Each test binary uses its own subset.

use std::io::{Read, Write};
use std::net::TcpStream;

use tier1_graph_server::json::Json;
use tier1_graph_server::{start, Config};

pub struct Server {
    pub port: u16,
}

impl Server {
    pub fn start() -> Server {
        Server::with(Config::default())
    }

    pub fn with(config: Config) -> Server {
        let (port, _handle) = start(config).expect("server starts");
        Server { port }
    }

    pub fn base(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Sends raw bytes on a new connection and reads one response.
    pub fn raw(&self, bytes: &[u8]) -> Reply {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).expect("connects");
        stream.write_all(bytes).expect("sends");
        read_reply(&mut stream).expect("a reply")
    }

    pub fn get(&self, target: &str, headers: &[(&str, &str)]) -> Reply {
        self.send("GET", target, headers, "")
    }

    pub fn post(&self, target: &str, body: &str) -> Reply {
        self.send("POST", target, &[("Content-Type", "application/json")], body)
    }

    pub fn send(&self, method: &str, target: &str, headers: &[(&str, &str)], body: &str) -> Reply {
        self.raw(request(method, target, headers, body).as_bytes())
    }

    /// Follows an absolute link from a body; it must point at this server.
    pub fn follow(&self, link: &str, headers: &[(&str, &str)]) -> Reply {
        let target = link.strip_prefix(&self.base()).unwrap_or_else(|| panic!("{link} does not point here"));
        self.get(target, headers)
    }

    pub fn set_faults(&self, rules: &str) {
        let reply = self.post("/_control/faults", rules);
        assert_eq!(reply.status, 200, "{}", reply.text());
    }

    pub fn log(&self) -> Json {
        self.get("/_control/log", &[]).json()
    }
}

pub fn request(method: &str, target: &str, headers: &[(&str, &str)], body: &str) -> String {
    let mut text = format!("{method} {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
    for (name, value) in headers {
        text.push_str(&format!("{name}: {value}\r\n"));
    }
    if !body.is_empty() || method == "POST" {
        text.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    text.push_str("\r\n");
    text.push_str(body);
    text
}

#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    pub fn json(&self) -> Json {
        Json::parse(&self.text()).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text()))
    }

    /// The Graph error code of an error body.
    pub fn error_code(&self) -> String {
        code_of(&self.json())
    }
}

pub fn code_of(body: &Json) -> String {
    body.get("error").and_then(|e| e.get("code")).and_then(Json::as_str).unwrap_or_default().to_string()
}

/// Reads one response, its body framed by Content-Length, so it works on kept-alive connections too.
pub fn read_reply(stream: &mut impl Read) -> std::io::Result<Reply> {
    let mut head = Vec::new();
    let mut byte = [0u8];
    while !head.ends_with(b"\r\n\r\n") {
        if stream.read(&mut byte)? == 0 {
            return Err(std::io::Error::new(std::io::ErrorKind::UnexpectedEof, "closed inside the head"));
        }
        head.push(byte[0]);
    }
    let head = String::from_utf8(head).expect("UTF-8 head");
    let mut lines = head.split("\r\n");
    let status = lines.next().and_then(|l| l.split(' ').nth(1)).and_then(|s| s.parse().ok()).expect("status");
    let headers: Vec<(String, String)> =
        lines.filter_map(|l| l.split_once(':')).map(|(k, v)| (k.trim().to_string(), v.trim().to_string())).collect();
    let length: usize = headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("Content-Length"))
        .map(|(_, v)| v.parse().expect("numeric Content-Length"))
        .expect("Content-Length");
    let mut body = vec![0; length];
    stream.read_exact(&mut body)?;
    Ok(Reply { status, headers, body })
}

/// The items of a collection body.
pub fn values(body: &Json) -> &[Json] {
    match body.get("value") {
        Some(Json::Array(items)) => items,
        _ => panic!("no value array in {body}"),
    }
}

pub fn str_at<'a>(body: &'a Json, key: &str) -> Option<&'a str> {
    body.get(key).and_then(Json::as_str)
}

pub fn num_at(body: &Json, key: &str) -> Option<u64> {
    body.get(key).and_then(Json::as_u64)
}
