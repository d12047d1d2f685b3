//! Which handler answers a request, the token check, CORS on every response, and the request log.

use std::panic::{catch_unwind, AssertUnwindSafe};

use crate::answer::{error_body, Answer, Ctx, GRAPH_JSON};
use crate::http::{Request, Response};
use crate::log::{now_ms, Entry};
use crate::server::State;
use crate::{batch, control, graph};

const ALLOW_METHODS: &str = "GET, POST, OPTIONS";
const ALLOW_HEADERS: &str = "Authorization, ConsistencyLevel, Content-Type, client-request-id";
const EXPOSE_HEADERS: &str = "request-id, client-request-id, Retry-After, WWW-Authenticate";

pub fn route(state: &State, request: &Request) -> Response {
    // A bug in a handler must cost one response, not the connection's thread.
    let response = catch_unwind(AssertUnwindSafe(|| dispatch(state, request)))
        .unwrap_or_else(|_| plain(500, "InternalServerError", "The test server failed on this request."));
    with_cors(response)
}

/// The answer to a request that could not be read as HTTP.
pub fn refusal(status: u16, message: &str) -> Response {
    let code = if status == 400 { "BadRequest" } else { "RequestRefused" };
    with_cors(plain(status, code, message))
}

fn dispatch(state: &State, request: &Request) -> Response {
    let path = request.path();
    if let Some(rest) = path.strip_prefix("/_control/") {
        return if request.method == "OPTIONS" { preflight() } else { control::handle(state, request, rest) };
    }
    let started_ms = now_ms();
    let entry = |status, bytes| Entry {
        method: request.method.clone(),
        path: request.target.clone(),
        status,
        bytes,
        via_batch: false,
        batch_count: None,
        fault: None,
        started_ms,
        finished_ms: now_ms(),
    };
    if request.method == "OPTIONS" {
        // Logged: a browser pays a round trip for each preflight.
        state.log.push([entry(204, 0)]);
        return preflight();
    }
    let ctx = state.ctx(request);
    let (answer, inner, batch_count) = graph_answer(state, &ctx, request);
    state.log.push(
        std::iter::once(Entry { batch_count, fault: answer.fault, ..entry(answer.status, answer.body.len()) })
            .chain(inner.into_iter().map(|e| Entry { started_ms, finished_ms: now_ms(), ..e })),
    );
    graph_response(&ctx, answer)
}

/// A Graph request's answer, with the log entries of any batched requests and their count.
fn graph_answer(state: &State, ctx: &Ctx, request: &Request) -> (Answer, Vec<Entry>, Option<usize>) {
    let path = request.path();
    let Some(version) = ["v1.0", "beta"].into_iter().find(|v| {
        path.strip_prefix('/').and_then(|p| p.strip_prefix(v)).is_some_and(|r| r.is_empty() || r.starts_with('/'))
    }) else {
        let message = format!("No Graph resource at '{path}' (this server answers /v1.0/… and /beta/…).");
        return (ctx.error(404, "NotFound", &message), Vec::new(), None);
    };
    let is_batch = path == format!("/{version}/$batch");
    let is_action = is_device_action(&path[version.len() + 1..]);
    let allowed = if is_batch || is_action { "POST" } else { "GET" };
    if request.method != allowed {
        let message = format!("{} is not supported on {path}; use {allowed}.", request.method);
        return (ctx.error(405, "MethodNotAllowed", &message).with_header("Allow", allowed), Vec::new(), None);
    }
    if state.config.require_token && !has_bearer_token(request) {
        let answer = ctx
            .error(401, "InvalidAuthenticationToken", "Access token is empty.")
            .with_header("WWW-Authenticate", "Bearer realm=\"\", error=\"invalid_token\"");
        return (answer, Vec::new(), None);
    }
    if is_batch {
        batch::answer(state, ctx, version, &request.body)
    } else if is_action {
        let body = std::str::from_utf8(&request.body).ok().filter(|b| !b.trim().is_empty());
        (graph::action(state, ctx, &request.target[1..], body), Vec::new(), None)
    } else {
        let url = &request.target[1..];
        (graph::answer(state, ctx, url, request.header("ConsistencyLevel")), Vec::new(), None)
    }
}

/// `/deviceManagement/managedDevices/{id}/{action}`: the only writes the contract has.
fn is_device_action(path: &str) -> bool {
    matches!(path.split('/').collect::<Vec<_>>().as_slice(), ["", "deviceManagement", "managedDevices", _, _])
}

fn has_bearer_token(request: &Request) -> bool {
    request
        .header("Authorization")
        .and_then(|v| v.split_once(' '))
        .is_some_and(|(scheme, token)| scheme.eq_ignore_ascii_case("Bearer") && !token.trim().is_empty())
}

fn graph_response(ctx: &Ctx, answer: Answer) -> Response {
    let mut response = Response::new(answer.status, GRAPH_JSON, answer.body)
        .with_header("request-id", &ctx.request_id)
        .with_header("client-request-id", &ctx.client_request_id);
    response.headers.extend(answer.headers);
    response
}

fn plain(status: u16, code: &str, message: &str) -> Response {
    Response::new(status, "application/json; charset=utf-8", error_body(code, message))
}

fn preflight() -> Response {
    Response::new(204, "", Vec::new())
        .with_header("Access-Control-Allow-Methods", ALLOW_METHODS)
        .with_header("Access-Control-Allow-Headers", ALLOW_HEADERS)
        .with_header("Access-Control-Max-Age", "600")
}

fn with_cors(response: Response) -> Response {
    response
        .with_header("Access-Control-Allow-Origin", "*")
        .with_header("Access-Control-Expose-Headers", EXPOSE_HEADERS)
}
