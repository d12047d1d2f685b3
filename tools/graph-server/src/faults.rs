//! Switchable failures for tests: rules installed through `/_control/faults`, matched on the Graph path,
//! optionally only for the next N matching requests. Unlike the fake Graph's own faults (fixed at start),
//! these change while the server runs and include the ones only HTTP can show (503, expired token).

use std::sync::Mutex;

use crate::answer::{Answer, Ctx};
use crate::json::Json;

const DEFAULT_RETRY_AFTER_SECS: u64 = 2;
const DEFAULT_DELAY_MS: u64 = 3000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Throttle { retry_after_secs: u64 },
    Status400,
    Status403,
    Status404,
    Status500,
    Status503 { retry_after_secs: u64 },
    Slow { delay_ms: u64 },
    Malformed,
    Truncated,
    ExpiredToken,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Throttle { .. } => "throttle",
            Kind::Status400 => "400",
            Kind::Status403 => "403",
            Kind::Status404 => "404",
            Kind::Status500 => "500",
            Kind::Status503 { .. } => "503",
            Kind::Slow { .. } => "slow",
            Kind::Malformed => "malformed",
            Kind::Truncated => "truncated",
            Kind::ExpiredToken => "expired-token",
        }
    }

    /// The answer that replaces the real one, for the kinds that never reach the fake Graph.
    pub fn replacement(self, ctx: &Ctx) -> Option<Answer> {
        let answer = match self {
            Kind::Throttle { retry_after_secs } => ctx
                .error(429, "TooManyRequests", "Too many requests (injected fault).")
                .with_header("Retry-After", retry_after_secs.to_string()),
            // Graph's own codes for these statuses, so a client's message can be checked against real ones.
            Kind::Status400 => ctx.error(400, "BadRequest", "Invalid request (injected fault)."),
            Kind::Status403 => ctx.error(403, "Forbidden", "Application is not authorized to perform this operation."),
            Kind::Status404 => ctx.error(404, "ResourceNotFound", "Resource not found (injected fault)."),
            Kind::Status500 => ctx.error(500, "InternalServerError", "Injected failure."),
            Kind::Status503 { retry_after_secs } => ctx
                .error(503, "ServiceUnavailable", "Service unavailable (injected fault).")
                .with_header("Retry-After", retry_after_secs.to_string()),
            Kind::ExpiredToken => ctx
                .error(401, "InvalidAuthenticationToken", "Lifetime validation failed, the token is expired.")
                .with_header("WWW-Authenticate", expired_challenge()),
            // What a captive portal or a misbehaving proxy returns: success, but not JSON.
            Kind::Malformed => Answer::json(200, "<html><body>Service temporarily unavailable</body></html>".into()),
            Kind::Slow { .. } | Kind::Truncated => return None,
        };
        Some(Answer { fault: Some(self.name()), ..answer })
    }

    /// Applies the kinds that alter a real answer: the body cut in half at a character boundary.
    pub fn alter(self, mut answer: Answer) -> Answer {
        if self == Kind::Truncated {
            let half = answer.body.len() / 2;
            let cut = (0..=half).rev().find(|&i| answer.body.is_char_boundary(i)).unwrap_or(0);
            answer.body.truncate(cut);
        }
        answer.fault = Some(self.name());
        answer
    }
}

/// The challenge Entra ID sends with an expired access token.
pub fn expired_challenge() -> String {
    "Bearer realm=\"\", authorization_uri=\"https://login.microsoftonline.com/common/oauth2/authorize\", \
     client_id=\"00000003-0000-0000-c000-000000000000\", error=\"invalid_token\", \
     error_description=\"The access token has expired.\""
        .to_string()
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    /// Text the request path must contain; `*` matches every Graph request except a `$batch` envelope.
    pub path: String,
    pub kind: Kind,
    /// Matching requests left before the rule is spent; `None`: until cleared.
    pub remaining: Option<u64>,
}

impl Rule {
    /// A `$batch` envelope is matched only by a rule naming `$batch`, so `*` and `users` reach the inner
    /// requests rather than failing the whole batch.
    fn matches(&self, path: &str, envelope: bool) -> bool {
        if envelope {
            self.path.contains("$batch") && path.contains(&self.path)
        } else {
            self.path == "*" || path.contains(&self.path)
        }
    }

    fn to_json(&self) -> Json {
        let mut pairs = vec![("path", Json::str(&self.path)), ("fault", Json::str(self.kind.name()))];
        match self.kind {
            Kind::Throttle { retry_after_secs } | Kind::Status503 { retry_after_secs } => {
                pairs.push(("retryAfterSecs", Json::num(retry_after_secs)));
            }
            Kind::Slow { delay_ms } => pairs.push(("delayMs", Json::num(delay_ms))),
            _ => {}
        }
        if let Some(n) = self.remaining {
            pairs.push(("times", Json::num(n)));
        }
        Json::object(pairs)
    }
}

/// Reads a JSON list of rules; any unknown key or kind is an error, so a typo never silently does nothing.
pub fn parse_rules(text: &str) -> Result<Vec<Rule>, String> {
    let Json::Array(items) = Json::parse(text)? else {
        return Err("expected a JSON array of fault rules".into());
    };
    items.iter().enumerate().map(|(i, item)| parse_rule(item).map_err(|e| format!("rule {i}: {e}"))).collect()
}

fn parse_rule(item: &Json) -> Result<Rule, String> {
    let Json::Object(pairs) = item else { return Err("expected an object".into()) };
    const KEYS: [&str; 5] = ["path", "fault", "retryAfterSecs", "delayMs", "times"];
    if let Some((key, _)) = pairs.iter().find(|(k, _)| !KEYS.contains(&k.as_str())) {
        return Err(format!("unknown key '{key}' (known: {})", KEYS.join(", ")));
    }
    let number = |key: &str, default: u64| match item.get(key) {
        None => Ok(default),
        Some(v) => v.as_u64().ok_or_else(|| format!("'{key}' must be a non-negative integer")),
    };
    let path = item.get("path").and_then(Json::as_str).filter(|p| !p.is_empty());
    let path = path.ok_or("'path' must be a non-empty string ('*' for every request)")?;
    let retry_after_secs = number("retryAfterSecs", DEFAULT_RETRY_AFTER_SECS)?;
    let kind = match item.get("fault").and_then(Json::as_str).unwrap_or_default() {
        "throttle" => Kind::Throttle { retry_after_secs },
        "400" => Kind::Status400,
        "403" => Kind::Status403,
        "404" => Kind::Status404,
        "500" => Kind::Status500,
        "503" => Kind::Status503 { retry_after_secs },
        "slow" => Kind::Slow { delay_ms: number("delayMs", DEFAULT_DELAY_MS)? },
        "malformed" => Kind::Malformed,
        "truncated" => Kind::Truncated,
        "expired-token" => Kind::ExpiredToken,
        other => {
            return Err(format!(
                "unknown fault '{other}' (known: throttle, 400, 403, 404, 500, 503, slow, malformed, truncated, expired-token)"
            ))
        }
    };
    let remaining = item.get("times").map(|_| number("times", 0)).transpose()?;
    if remaining == Some(0) {
        return Err("'times' must be at least 1 (leave it out for 'until cleared')".into());
    }
    Ok(Rule { path: path.to_string(), kind, remaining })
}

/// The installed rules, shared by every connection.
#[derive(Default)]
pub struct Faults(Mutex<Vec<Rule>>);

impl Faults {
    pub fn replace(&self, rules: Vec<Rule>) {
        *self.lock() = rules;
    }

    /// The fault for a request on `path`, if any: the first live matching rule, counted down (and dropped
    /// when spent) under one lock so concurrent requests never both take the last one.
    pub fn take(&self, path: &str, envelope: bool) -> Option<Kind> {
        let mut rules = self.lock();
        let at = rules.iter().position(|r| r.matches(path, envelope))?;
        let kind = rules[at].kind;
        if let Some(n) = rules[at].remaining.as_mut() {
            *n -= 1;
            if *n == 0 {
                rules.remove(at);
            }
        }
        Some(kind)
    }

    pub fn to_json(&self) -> Json {
        Json::Array(self.lock().iter().map(Rule::to_json).collect())
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<Rule>> {
        // Rules are replaced whole, so a panic elsewhere cannot leave them half-written.
        self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_kind_with_defaults() {
        let rules = parse_rules(
            r#"[{"path":"*","fault":"throttle"},{"path":"a","fault":"503","retryAfterSecs":7,"times":2},
                {"path":"b","fault":"slow","delayMs":10},{"path":"c","fault":"expired-token"},
                {"path":"d","fault":"403"},{"path":"e","fault":"404"},{"path":"f","fault":"400"}]"#,
        )
        .unwrap();
        assert_eq!(rules[0].kind, Kind::Throttle { retry_after_secs: 2 });
        assert_eq!(
            rules[1],
            Rule { path: "a".into(), kind: Kind::Status503 { retry_after_secs: 7 }, remaining: Some(2) }
        );
        assert_eq!(rules[2].kind, Kind::Slow { delay_ms: 10 });
        assert_eq!(rules[3].kind, Kind::ExpiredToken);
        assert_eq!(rules[4..].iter().map(|r| r.kind.name()).collect::<Vec<_>>(), ["403", "404", "400"]);
    }

    #[test]
    fn rejects_typos() {
        for bad in [
            r#"{"path":"a","fault":"500"}"#,
            r#"[{"path":"a","fault":"teapot"}]"#,
            r#"[{"path":"","fault":"500"}]"#,
            r#"[{"path":"a","fault":"500","tims":1}]"#,
            r#"[{"path":"a","fault":"500","times":0}]"#,
            r#"[{"path":"a","fault":"500","times":-1}]"#,
        ] {
            assert!(parse_rules(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn counts_down_and_spares_batch_envelopes_from_wildcards() {
        let faults = Faults::default();
        faults.replace(
            parse_rules(r#"[{"path":"users","fault":"500","times":1},{"path":"*","fault":"malformed"}]"#).unwrap(),
        );
        assert_eq!(faults.take("/v1.0/users", false), Some(Kind::Status500));
        assert_eq!(faults.take("/v1.0/users", false), Some(Kind::Malformed));
        assert_eq!(faults.take("/v1.0/$batch", true), None);
        faults.replace(parse_rules(r#"[{"path":"$batch","fault":"500"}]"#).unwrap());
        assert_eq!(faults.take("/v1.0/$batch", true), Some(Kind::Status500));
    }
}
