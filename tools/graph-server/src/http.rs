//! HTTP/1.1 by hand: reading one request (with limits, so hostile input ends in a status code, never a
//! panic or an unbounded buffer) and writing one response.

use std::io::{BufRead, Read, Write};

/// Request line plus headers; beyond it the answer is 431.
pub const MAX_HEAD_BYTES: u64 = 32 * 1024;
const MAX_HEADERS: usize = 100;
/// A `$batch` of 20 GETs is a few kilobytes; this leaves room without letting a client fill memory.
pub const MAX_BODY_BYTES: u64 = 1024 * 1024;

#[derive(Debug)]
pub struct Request {
    pub method: String,
    /// Origin-form path and query as sent (`/v1.0/users?$top=5`); absolute-form targets are reduced to it.
    pub target: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    http10: bool,
}

impl Request {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    pub fn path(&self) -> &str {
        self.target.split_once('?').map_or(&self.target, |(path, _)| path)
    }

    pub fn keep_alive(&self) -> bool {
        match self.header("Connection").map(str::to_ascii_lowercase) {
            Some(c) if c.contains("close") => false,
            Some(c) if c.contains("keep-alive") => true,
            _ => !self.http10,
        }
    }
}

#[derive(Debug)]
pub enum ReadError {
    /// The peer closed or went idle between requests: nothing to answer.
    Closed,
    /// Answer with this status and message, then close.
    Bad(u16, String),
}

fn bad(status: u16, message: impl Into<String>) -> ReadError {
    ReadError::Bad(status, message.into())
}

/// Reads one request. `interim` receives `100 Continue` when the client waits for it (curl does for
/// larger bodies).
pub fn read_request(reader: &mut impl BufRead, interim: &mut impl Write) -> Result<Request, ReadError> {
    let mut budget = MAX_HEAD_BYTES;
    let request_line = loop {
        match read_line(reader, &mut budget)? {
            // RFC 9112 §2.2: ignore empty lines before a request line.
            Some(line) if line.is_empty() => continue,
            Some(line) => break line,
            None => return Err(ReadError::Closed),
        }
    };
    let (method, target, http10) = parse_request_line(&request_line)?;
    let mut headers = Vec::new();
    loop {
        let line = read_line(reader, &mut budget)?.ok_or_else(|| bad(400, "connection closed inside the headers"))?;
        if line.is_empty() {
            break;
        }
        if headers.len() == MAX_HEADERS {
            return Err(bad(431, format!("more than {MAX_HEADERS} header fields")));
        }
        headers.push(parse_header(&line)?);
    }
    let mut request = Request { method, target, headers, body: Vec::new(), http10 };
    if request.header("Transfer-Encoding").is_some() {
        return Err(bad(501, "Transfer-Encoding is not supported; send Content-Length"));
    }
    let length = content_length(&request)?;
    if length > MAX_BODY_BYTES {
        return Err(bad(413, format!("the body is larger than {MAX_BODY_BYTES} bytes")));
    }
    if length > 0 && request.header("Expect").is_some_and(|e| e.eq_ignore_ascii_case("100-continue")) {
        interim
            .write_all(b"HTTP/1.1 100 Continue\r\n\r\n")
            .and_then(|()| interim.flush())
            .map_err(|_| ReadError::Closed)?;
    }
    request.body.reserve(length as usize);
    let read = reader.take(length).read_to_end(&mut request.body).map_err(|_| ReadError::Closed)?;
    if (read as u64) < length {
        return Err(bad(400, "connection closed inside the body"));
    }
    Ok(request)
}

/// One line without its CRLF (a bare LF is accepted); `None` at a clean end of stream.
fn read_line(reader: &mut impl BufRead, budget: &mut u64) -> Result<Option<String>, ReadError> {
    let mut line = Vec::new();
    // Timeouts and resets while waiting are a closed connection, not something to answer.
    let n = reader.take(*budget).read_until(b'\n', &mut line).map_err(|_| ReadError::Closed)?;
    *budget -= n as u64;
    if n == 0 {
        return if *budget == 0 { Err(bad(431, "request head too large")) } else { Ok(None) };
    }
    if line.pop() != Some(b'\n') {
        return Err(if *budget == 0 { bad(431, "request head too large") } else { bad(400, "incomplete line") });
    }
    if line.last() == Some(&b'\r') {
        line.pop();
    }
    String::from_utf8(line).map(Some).map_err(|_| bad(400, "the request head is not UTF-8"))
}

fn parse_request_line(line: &str) -> Result<(String, String, bool), ReadError> {
    let parts: Vec<&str> = line.split(' ').collect();
    let [method, target, version] = parts.as_slice() else {
        return Err(bad(400, "malformed request line"));
    };
    if method.is_empty() || !method.bytes().all(is_token_byte) {
        return Err(bad(400, "malformed method"));
    }
    let http10 = match *version {
        "HTTP/1.1" => false,
        "HTTP/1.0" => true,
        _ => return Err(bad(505, "only HTTP/1.0 and HTTP/1.1 are spoken here")),
    };
    if target.bytes().any(|b| b <= b' ' || b == 0x7f) {
        return Err(bad(400, "malformed request target"));
    }
    let target = origin_form(target).ok_or_else(|| bad(400, "malformed request target"))?;
    Ok((method.to_string(), target, http10))
}

/// `/path?q` as is; `http://host/path?q` (absolute form, from proxies) without scheme and host; `*` (for
/// `OPTIONS *`) as is.
fn origin_form(target: &str) -> Option<String> {
    if target.starts_with('/') || target == "*" {
        return Some(target.to_string());
    }
    let rest = target.strip_prefix("http://").or_else(|| target.strip_prefix("https://"))?;
    Some(rest.find(['/', '?']).map_or("/".to_string(), |i| {
        let tail = &rest[i..];
        if tail.starts_with('?') {
            format!("/{tail}")
        } else {
            tail.to_string()
        }
    }))
}

fn parse_header(line: &str) -> Result<(String, String), ReadError> {
    if line.starts_with([' ', '\t']) {
        return Err(bad(400, "obsolete header line folding"));
    }
    let (name, value) = line.split_once(':').ok_or_else(|| bad(400, "header line without ':'"))?;
    if name.is_empty() || !name.bytes().all(is_token_byte) {
        return Err(bad(400, "malformed header name"));
    }
    Ok((name.to_string(), value.trim_matches([' ', '\t']).to_string()))
}

fn content_length(request: &Request) -> Result<u64, ReadError> {
    let mut lengths = request.headers.iter().filter(|(k, _)| k.eq_ignore_ascii_case("Content-Length"));
    let Some((_, first)) = lengths.next() else { return Ok(0) };
    let parse = |v: &str| {
        v.parse::<u64>()
            .ok()
            .filter(|_| v.bytes().all(|b| b.is_ascii_digit()))
            .ok_or_else(|| bad(400, "bad Content-Length"))
    };
    let length = parse(first)?;
    // Differing lengths are a request-smuggling shape; refuse rather than pick one.
    for (_, other) in lengths {
        if parse(other)? != length {
            return Err(bad(400, "conflicting Content-Length headers"));
        }
    }
    Ok(length)
}

fn is_token_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

#[derive(Debug, Clone)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Response {
    pub fn new(status: u16, content_type: &str, body: impl Into<Vec<u8>>) -> Self {
        let mut response = Response { status, headers: Vec::new(), body: body.into() };
        if !content_type.is_empty() {
            response.headers.push(("Content-Type".into(), content_type.into()));
        }
        response
    }

    pub fn with_header(mut self, name: &str, value: impl Into<String>) -> Self {
        self.headers.push((name.to_string(), value.into()));
        self
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

pub fn write_response(out: &mut impl Write, response: &Response, keep_alive: bool) -> std::io::Result<()> {
    let mut head = format!("HTTP/1.1 {} {}\r\n", response.status, reason(response.status));
    for (name, value) in &response.headers {
        // Values come from our own code and echoed client headers, which were read line by line; a CR or
        // LF here would still split the response, so drop it rather than trust that.
        let value: String = value.chars().filter(|c| *c != '\r' && *c != '\n').collect();
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str(&format!("Content-Length: {}\r\n", response.body.len()));
    head.push_str(if keep_alive { "Connection: keep-alive\r\n\r\n" } else { "Connection: close\r\n\r\n" });
    out.write_all(head.as_bytes())?;
    out.write_all(&response.body)?;
    out.flush()
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        204 => "No Content",
        400 => "Bad Request",
        401 => "Unauthorized",
        404 => "Not Found",
        405 => "Method Not Allowed",
        413 => "Content Too Large",
        429 => "Too Many Requests",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        503 => "Service Unavailable",
        505 => "HTTP Version Not Supported",
        _ => "Status",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(raw: &str) -> Result<Request, ReadError> {
        read_request(&mut raw.as_bytes(), &mut Vec::new())
    }

    #[test]
    fn reads_a_request_with_a_body() {
        let r = read("POST http://h:1/v1.0/$batch?x=1 HTTP/1.1\r\nHost: h\r\ncontent-length: 2\r\n\r\n{}").unwrap();
        assert_eq!((r.method.as_str(), r.target.as_str(), r.body.as_slice()), ("POST", "/v1.0/$batch?x=1", &b"{}"[..]));
        assert_eq!(r.header("Content-Length"), Some("2"));
        assert!(r.keep_alive());
    }

    #[test]
    fn refuses_hostile_shapes_with_a_status() {
        let status = |raw: &str| match read(raw) {
            Err(ReadError::Bad(status, _)) => status,
            other => panic!("{raw:?}: {other:?}"),
        };
        assert_eq!(status("GARBAGE\r\n\r\n"), 400);
        assert_eq!(status("GET / HTTP/2.0\r\n\r\n"), 505);
        assert_eq!(status("GET / HTTP/1.1\r\nNo colon\r\n\r\n"), 400);
        assert_eq!(status(&format!("GET / HTTP/1.1\r\nX: {}\r\n\r\n", "a".repeat(40_000))), 431);
        assert_eq!(status("POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab"), 400);
        assert_eq!(status("POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n"), 400);
        assert_eq!(status("POST / HTTP/1.1\r\nContent-Length: 99999999999\r\n\r\n"), 413);
        assert_eq!(status("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"), 501);
        assert_eq!(status("POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\nab"), 400);
        assert!(matches!(read(""), Err(ReadError::Closed)));
    }
}
