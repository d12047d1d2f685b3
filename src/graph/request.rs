//! Graph request building and parsing: one type both directions, so the URLs the client sends are exactly
//! what the fake Graph (and, later, a host portal's proxy) reads back.

use crate::percent;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApiVersion {
    V1,
    Beta,
}

impl ApiVersion {
    pub fn segment(self) -> &'static str {
        match self {
            ApiVersion::V1 => "v1.0",
            ApiVersion::Beta => "beta",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    /// An action or other write; its JSON body (if any) is in [`GraphRequest::body`].
    Post,
}

impl Method {
    pub fn name(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GraphRequest {
    pub method: Method,
    /// JSON body of a POST; `None` for a GET or an action without parameters.
    pub body: Option<String>,
    pub version: ApiVersion,
    /// Path below the version, without leading slash: `users/{id}/managedDevices`.
    pub path: String,
    /// OData query options in order, names including `$`.
    pub query: Vec<(String, String)>,
    /// Request headers that must travel with every page (e.g. `ConsistencyLevel`).
    pub headers: Vec<(String, String)>,
}

impl GraphRequest {
    pub fn v1(path: impl Into<String>) -> Self {
        Self::new(ApiVersion::V1, path)
    }

    pub fn beta(path: impl Into<String>) -> Self {
        Self::new(ApiVersion::Beta, path)
    }

    fn new(version: ApiVersion, path: impl Into<String>) -> Self {
        Self { method: Method::Get, body: None, version, path: path.into(), query: Vec::new(), headers: Vec::new() }
    }

    /// Makes this a POST with `body` (a JSON document, or none for an action without parameters).
    pub fn post(mut self, body: Option<String>) -> Self {
        self.method = Method::Post;
        self.body = body;
        self
    }

    pub fn param(mut self, name: &str, value: impl Into<String>) -> Self {
        self.query.push((name.to_string(), value.into()));
        self
    }

    pub fn select(self, fields: &[&str]) -> Self {
        self.param("$select", fields.join(","))
    }

    pub fn expand(self, navs: &[&str]) -> Self {
        self.param("$expand", navs.join(","))
    }

    pub fn filter(self, expr: impl Into<String>) -> Self {
        self.param("$filter", expr)
    }

    pub fn top(self, n: usize) -> Self {
        self.param("$top", n.to_string())
    }

    /// `$search` and `$count` on directory objects only work with eventual consistency.
    pub fn search(mut self, expr: impl Into<String>) -> Self {
        self.headers.push(("ConsistencyLevel".into(), "eventual".into()));
        self.param("$search", expr).param("$count", "true")
    }

    /// An advanced directory query (`$filter` on a collection property such as `businessPhones`): it needs
    /// `$count` and eventual consistency, as `$search` does.
    pub fn advanced_count(mut self) -> Self {
        self.headers.push(("ConsistencyLevel".into(), "eventual".into()));
        self.param("$count", "true")
    }

    pub fn query_value(&self, name: &str) -> Option<&str> {
        self.query.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    /// `v1.0/users?$select=id,displayName`: relative to the API base URL.
    pub fn to_url(&self) -> String {
        let mut out = format!("{}/{}", self.version.segment(), self.path);
        for (i, (name, value)) in self.query.iter().enumerate() {
            out.push(if i == 0 { '?' } else { '&' });
            out.push_str(name);
            out.push('=');
            out.push_str(&percent::encode(value));
        }
        out
    }

    /// Reads a URL produced by [`to_url`](Self::to_url) or an absolute `@odata.nextLink`
    /// (`https://host/v1.0/…`, or a proxy prefix such as `/graph/v1.0/…`).
    pub fn parse(url: &str) -> Option<Self> {
        let (path_part, query_part) = url.split_once('?').unwrap_or((url, ""));
        let segments: Vec<&str> = path_part.split('/').collect();
        let version_at = segments.iter().position(|s| *s == "v1.0" || *s == "beta")?;
        let version = if segments[version_at] == "beta" { ApiVersion::Beta } else { ApiVersion::V1 };
        let path = segments[version_at + 1..].join("/");
        let query = query_part
            .split('&')
            .filter(|p| !p.is_empty())
            .map(|pair| {
                let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
                (percent::decode(k), percent::decode(v))
            })
            .collect();
        Some(Self { method: Method::Get, body: None, version, path, query, headers: Vec::new() })
    }
}

/// Quotes a string literal for an OData `$filter`: `O'Brien` → `'O''Brien'`.
pub fn odata_string(value: &str) -> String {
    format!("'{}'", value.replace('\'', "''"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_select_and_expand() {
        let req = GraphRequest::v1("users/u1/managedDevices").select(&["id", "deviceName"]).top(50);
        assert_eq!(req.to_url(), "v1.0/users/u1/managedDevices?$select=id,deviceName&$top=50");
    }

    #[test]
    fn search_adds_consistency_header_and_count() {
        let req = GraphRequest::v1("users").search("\"displayName:zoë\"");
        assert_eq!(req.headers, vec![("ConsistencyLevel".to_string(), "eventual".to_string())]);
        assert_eq!(req.query_value("$count"), Some("true"));
        assert!(req.to_url().contains("$search=%22displayName:zo%C3%AB%22"));
    }

    #[test]
    fn url_round_trips() {
        let req = GraphRequest::beta("deviceAppManagement/mobileApps/a1/deviceStatuses")
            .filter(format!("userPrincipalName eq {}", odata_string("o'neil@x.example")))
            .top(20);
        let back = GraphRequest::parse(&req.to_url()).unwrap();
        assert_eq!(back.version, ApiVersion::Beta);
        assert_eq!(back.path, req.path);
        assert_eq!(back.query, req.query);
    }

    #[test]
    fn parses_absolute_next_links() {
        let req = GraphRequest::parse("https://graph.microsoft.com/v1.0/users?$top=2&$skiptoken=X%2BY").unwrap();
        assert_eq!(req.path, "users");
        assert_eq!(req.query_value("$skiptoken"), Some("X+Y"));
        assert!(GraphRequest::parse("https://example.test/other").is_none());
    }

    #[test]
    fn odata_strings_escape_quotes() {
        assert_eq!(odata_string("O'Brien"), "'O''Brien'");
    }
}
