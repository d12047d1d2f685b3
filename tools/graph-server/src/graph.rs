//! One Graph GET, direct or inside a `$batch`: faults, the header rules Graph enforces, the fake Graph's
//! answer, and its body adjusted for HTTP (next links pointing back here, error ids filled in).

use std::time::Duration;

use crate::answer::{Answer, Ctx};
use crate::json::Json;
use crate::server::State;

/// Answers `POST /{url}`, a device action, through the fake Graph (which checks action, version, device
/// and body); faults apply as to a GET.
pub fn action(state: &State, ctx: &Ctx, url: &str, body: Option<&str>) -> Answer {
    let path = decode_path(url.split('?').next().unwrap_or(url));
    let fault = state.faults.take(&format!("/{path}"), false);
    if let Some(answer) = fault.and_then(|kind| kind.replacement(ctx)) {
        return answer;
    }
    let (response, _) = futures::executor::block_on(state.graph.handle_post(url, body));
    Answer::json(response.status, response.body)
}

/// Answers `GET /{url}` where `url` is `v1.0/…` or `beta/…` with its query, as sent.
/// `consistency_level` is the request's `ConsistencyLevel` header.
pub fn answer(state: &State, ctx: &Ctx, url: &str, consistency_level: Option<&str>) -> Answer {
    let (raw_path, query) = url.split_once('?').map_or((url, None), |(p, q)| (p, Some(q)));
    let path = decode_path(raw_path);
    let fault = state.faults.take(&format!("/{path}"), false);
    if let Some(answer) = fault.and_then(|kind| kind.replacement(ctx)) {
        return answer;
    }
    if let Some(crate::faults::Kind::Slow { delay_ms }) = fault {
        std::thread::sleep(Duration::from_millis(delay_ms));
    }
    let query = query.unwrap_or_default();
    let has = |name: &str| query_keys(query).any(|k| k == name);
    if has("$search") && !consistency_level.is_some_and(|c| c.eq_ignore_ascii_case("eventual")) {
        // Graph's own answer when the header is missing: the REST client must send it.
        return ctx.error(
            400,
            "Request_UnsupportedQuery",
            "Request with $search query parameter only works through MSGraph with a special request header: \
             'ConsistencyLevel: eventual'",
        );
    }
    let query = match (state.config.page_size, has("$top")) {
        (Some(size), false) if query.is_empty() => format!("$top={size}"),
        (Some(size), false) => format!("{query}&$top={size}"),
        _ => query.to_string(),
    };
    let fixture_url = if query.is_empty() { path } else { format!("{path}?{query}") };
    let (response, delay_ms) = futures::executor::block_on(state.graph.handle(&fixture_url));
    if delay_ms > 0 {
        std::thread::sleep(Duration::from_millis(u64::from(delay_ms)));
    }
    let mut answer = Answer::json(response.status, adjust_body(response.body, &state.base_url, ctx));
    if let Some(secs) = response.retry_after_secs {
        answer = answer.with_header("Retry-After", secs.to_string());
    }
    match fault {
        Some(kind) => kind.alter(answer),
        None => answer,
    }
}

/// Rewrites every `@odata.nextLink` to this server and fills the ids in Graph error bodies. A body that
/// is not JSON is passed through untouched.
fn adjust_body(body: String, base_url: &str, ctx: &Ctx) -> String {
    let Ok(mut value) = Json::parse(&body) else { return body };
    rewrite_next_links(&mut value, base_url);
    if let Json::Object(pairs) = &mut value {
        if let Some((_, Json::Object(error))) = pairs.iter_mut().find(|(k, _)| k == "error") {
            match error.iter_mut().find(|(k, _)| k == "innerError") {
                Some((_, inner)) => *inner = ctx.inner_error(),
                None => error.push(("innerError".into(), ctx.inner_error())),
            }
        }
    }
    value.to_string()
}

/// Points next links (`https://graph.fixture.invalid/v1.0/…`, or any other host) at `base_url`, keeping
/// everything from the version segment on, so following them comes back here.
fn rewrite_next_links(value: &mut Json, base_url: &str) {
    match value {
        Json::Object(pairs) => {
            for (key, child) in pairs.iter_mut() {
                match child {
                    Json::String(link) if key.ends_with("@odata.nextLink") => {
                        if let Some(rest) = from_version_segment(link) {
                            *link = format!("{base_url}/{rest}");
                        }
                    }
                    _ => rewrite_next_links(child, base_url),
                }
            }
        }
        Json::Array(items) => items.iter_mut().for_each(|item| rewrite_next_links(item, base_url)),
        _ => {}
    }
}

fn from_version_segment(link: &str) -> Option<&str> {
    let path_end = link.find('?').unwrap_or(link.len());
    let at = ["/v1.0/", "/beta/"].iter().filter_map(|v| link[..path_end].find(v)).min()?;
    Some(&link[at + 1..])
}

/// Percent-decodes a path the way a server sees it (`zo%C3%AB@x` → `zoë@x`); unlike a query, `+` stays a
/// plus (UPNs contain them). `%2F`, `%3F` and `%23` stay encoded so a decoded id cannot add segments or a query.
fn decode_path(path: &str) -> String {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        // Both digits checked: `from_str_radix` would also take a sign (`%+1`).
        let hex = bytes.get(i + 1..i + 3).filter(|h| h.iter().all(u8::is_ascii_hexdigit));
        let hex = hex.and_then(|h| std::str::from_utf8(h).ok());
        match (bytes[i], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(byte)) if !matches!(byte, b'/' | b'?' | b'#') => {
                out.push(byte);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Query option names, decoded (`%24top` is `$top`).
fn query_keys(query: &str) -> impl Iterator<Item = String> + '_ {
    query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| tier1::percent::decode(pair.split('=').next().unwrap_or(pair)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_links_point_here_whatever_their_host() {
        let mut body = Json::parse(
            r#"{"@odata.nextLink":"https://graph.fixture.invalid/v1.0/users?$skiptoken=25",
                "value":[{"members@odata.nextLink":"https://x/beta/groups/g/members?a=/v1.0/"}],"other":"https://x/v1.0/"}"#,
        )
        .unwrap();
        rewrite_next_links(&mut body, "http://127.0.0.1:9");
        assert_eq!(body.get("@odata.nextLink").unwrap().as_str(), Some("http://127.0.0.1:9/v1.0/users?$skiptoken=25"));
        let Some(Json::Array(items)) = body.get("value") else { panic!() };
        assert_eq!(
            items[0].get("members@odata.nextLink").unwrap().as_str(),
            Some("http://127.0.0.1:9/beta/groups/g/members?a=/v1.0/")
        );
        assert_eq!(body.get("other").unwrap().as_str(), Some("https://x/v1.0/"));
    }

    #[test]
    fn decodes_paths_without_adding_segments() {
        assert_eq!(decode_path("v1.0/users/zo%C3%AB+1@x"), "v1.0/users/zoë+1@x");
        assert_eq!(decode_path("v1.0/users/a%2Fb%3Fc%zz%+1%"), "v1.0/users/a%2Fb%3Fc%zz%+1%");
    }
}
