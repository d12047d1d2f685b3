//! The control API under `/_control/` (not Graph): install fault rules, read the request log, reset both.

use crate::answer::error_body;
use crate::faults::parse_rules;
use crate::http::{Request, Response};
use crate::json::Json;
use crate::server::State;

/// `rest` is the path after `/_control/`.
pub fn handle(state: &State, request: &Request, rest: &str) -> Response {
    match (request.method.as_str(), rest) {
        ("POST", "faults") => {
            let rules = std::str::from_utf8(&request.body).map_err(|_| "the body is not UTF-8".to_string());
            match rules.and_then(parse_rules) {
                Ok(rules) => {
                    state.faults.replace(rules);
                    ok(Json::object([("faults", state.faults.to_json())]))
                }
                Err(message) => error(400, "BadRequest", &format!("Bad fault rules: {message}")),
            }
        }
        ("GET", "faults") => ok(Json::object([("faults", state.faults.to_json())])),
        ("GET", "log") => ok(state.log.to_json()),
        ("POST", "reset") => {
            state.faults.replace(Vec::new());
            state.log.clear();
            ok(Json::object([("reset", Json::Bool(true))]))
        }
        (_, "faults" | "log" | "reset") => {
            error(405, "MethodNotAllowed", &format!("{} is not allowed on /_control/{rest}.", request.method))
        }
        _ => error(404, "NotFound", &format!("No control endpoint /_control/{rest} (faults, log, reset).")),
    }
}

fn ok(body: Json) -> Response {
    Response::new(200, "application/json; charset=utf-8", body.to_string())
}

fn error(status: u16, code: &str, message: &str) -> Response {
    Response::new(status, "application/json; charset=utf-8", error_body(code, message))
}
