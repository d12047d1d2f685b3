//! Run-time configuration: `config.json` beside `index.html`, read at start-up so one build serves every
//! deployment. No file means demo mode; a file that cannot be used stops the app with a screen that names the
//! bad key, never a blank page. The keys are documented in the README.

use serde_json::{Map, Value};

/// Where the app reads its configuration, relative to the page.
pub const CONFIG_URL: &str = "config.json";

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum AppConfig {
    /// The bundled demo tenants.
    #[default]
    Demo,
    Rest(RestConfig),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RestConfig {
    /// `https://graph.microsoft.com` or a same-origin path such as `/graph`; no trailing slash.
    pub api_base_url: String,
    pub auth: AuthConfig,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AuthConfig {
    /// A same-origin proxy authenticates (cookies): no token is sent.
    None,
    /// The embedding portal sends tokens by `postMessage`, only from these origins.
    HostToken {
        allowed_origins: Vec<String>,
    },
    Entra {
        client_id: String,
        tenant_id: String,
        redirect_uri: String,
        scopes: Vec<String>,
    },
}

/// Everything `config.json` sets: the mode, and the settings that apply in either mode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    pub app: AppConfig,
    /// More devices or users than this showing a finding's cause make it an incident for the IT administrator.
    pub incident_threshold: u32,
}

impl Default for Config {
    fn default() -> Self {
        Config { app: AppConfig::Demo, incident_threshold: crate::domain::prevalence::DEFAULT_INCIDENT_THRESHOLD }
    }
}

/// What is wrong with the file: the key (a dotted path, `(file)` for the whole file) and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub key: String,
    pub problem: String,
}

impl ConfigError {
    fn new(key: impl Into<String>, problem: impl Into<String>) -> Self {
        Self { key: key.into(), problem: problem.into() }
    }
}

const TOP_KEYS: &[&str] = &["mode", "apiBaseUrl", "auth", "entra", "hostOrigins", "incidentThreshold"];
const ENTRA_KEYS: &[&str] = &["clientId", "tenantId", "redirectUri", "scopes"];

/// Reads `config.json`'s text. Unknown keys are errors, so a misspelt key is caught rather than ignored.
pub fn parse(text: &str) -> Result<AppConfig, ConfigError> {
    parse_config(text).map(|config| config.app)
}

/// [`parse`], with the settings that apply in either mode.
pub fn parse_config(text: &str) -> Result<Config, ConfigError> {
    let value: Value =
        serde_json::from_str(text).map_err(|e| ConfigError::new("(file)", format!("not valid JSON: {e}")))?;
    let root = value.as_object().ok_or_else(|| ConfigError::new("(file)", "must be a JSON object"))?;
    reject_unknown(root, TOP_KEYS, "")?;
    let mode = optional_text(root, "mode")?.unwrap_or("demo");
    let app = match mode {
        "demo" => AppConfig::Demo,
        "rest" => AppConfig::Rest(rest(root)?),
        other => return Err(ConfigError::new("mode", format!("“{other}” is not \"demo\" or \"rest\""))),
    };
    Ok(Config { app, incident_threshold: incident_threshold(root)? })
}

/// `incidentThreshold`: a whole number of at least 1; the default when absent.
fn incident_threshold(root: &Map<String, Value>) -> Result<u32, ConfigError> {
    match root.get("incidentThreshold") {
        None | Some(Value::Null) => Ok(Config::default().incident_threshold),
        Some(value) => value
            .as_u64()
            .filter(|n| *n >= 1)
            .and_then(|n| u32::try_from(n).ok())
            .ok_or_else(|| ConfigError::new("incidentThreshold", "must be a whole number of at least 1")),
    }
}

fn rest(root: &Map<String, Value>) -> Result<RestConfig, ConfigError> {
    let base = optional_text(root, "apiBaseUrl")?
        .ok_or_else(|| ConfigError::new("apiBaseUrl", "is required in rest mode"))?
        .trim_end_matches('/');
    if !(base.starts_with("https://") || base.starts_with('/') || is_local_http(base)) || base.len() < 2 {
        return Err(ConfigError::new(
            "apiBaseUrl",
            "must be an https:// URL or a same-origin path starting with / (http:// only for localhost)",
        ));
    }
    let auth = match optional_text(root, "auth")?.unwrap_or("none") {
        "none" => AuthConfig::None,
        "host-token" => AuthConfig::HostToken { allowed_origins: host_origins(root)? },
        "entra" => entra(root)?,
        other => {
            return Err(ConfigError::new("auth", format!("“{other}” is not \"none\", \"host-token\" or \"entra\"")))
        }
    };
    Ok(RestConfig { api_base_url: base.to_string(), auth })
}

fn is_local_http(url: &str) -> bool {
    ["http://localhost", "http://127.0.0.1"]
        .iter()
        .any(|p| url.strip_prefix(p).is_some_and(|rest| rest.is_empty() || rest.starts_with([':', '/'])))
}

fn host_origins(root: &Map<String, Value>) -> Result<Vec<String>, ConfigError> {
    let list = root
        .get("hostOrigins")
        .and_then(Value::as_array)
        .ok_or_else(|| ConfigError::new("hostOrigins", "is required for auth \"host-token\": a list of origins"))?;
    let origins = list
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let origin = v.as_str().unwrap_or_default().trim_end_matches('/');
            let valid = (origin.starts_with("https://") || is_local_http(origin)) && !origin[8..].contains('/');
            valid.then(|| origin.to_string()).ok_or_else(|| {
                ConfigError::new(format!("hostOrigins[{i}]"), "must be an origin such as https://portal.example.com")
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    if origins.is_empty() {
        return Err(ConfigError::new("hostOrigins", "must list at least one origin"));
    }
    Ok(origins)
}

fn entra(root: &Map<String, Value>) -> Result<AuthConfig, ConfigError> {
    let entra = root
        .get("entra")
        .and_then(Value::as_object)
        .ok_or_else(|| ConfigError::new("entra", "is required for auth \"entra\""))?;
    reject_unknown(entra, ENTRA_KEYS, "entra.")?;
    let required = |key: &str| -> Result<String, ConfigError> {
        optional_text(entra, key)
            .map_err(|e| ConfigError::new(format!("entra.{key}"), e.problem))?
            .filter(|v| !v.trim().is_empty())
            .map(str::to_string)
            .ok_or_else(|| ConfigError::new(format!("entra.{key}"), "is required"))
    };
    let (client_id, tenant_id, redirect_uri) = (required("clientId")?, required("tenantId")?, required("redirectUri")?);
    if !(redirect_uri.starts_with("https://") || is_local_http(&redirect_uri)) {
        return Err(ConfigError::new("entra.redirectUri", "must be an https:// URL (http:// only for localhost)"));
    }
    let scopes = match entra.get("scopes") {
        None => Vec::new(),
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(i, v)| {
                v.as_str()
                    .filter(|s| !s.trim().is_empty())
                    .map(str::to_string)
                    .ok_or_else(|| ConfigError::new(format!("entra.scopes[{i}]"), "must be a non-empty text"))
            })
            .collect::<Result<_, _>>()?,
        Some(_) => return Err(ConfigError::new("entra.scopes", "must be a list of scopes")),
    };
    Ok(AuthConfig::Entra { client_id, tenant_id, redirect_uri, scopes })
}

fn optional_text<'a>(o: &'a Map<String, Value>, key: &str) -> Result<Option<&'a str>, ConfigError> {
    match o.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.as_str())),
        Some(_) => Err(ConfigError::new(key, "must be a text")),
    }
}

fn reject_unknown(o: &Map<String, Value>, known: &[&str], prefix: &str) -> Result<(), ConfigError> {
    match o.keys().find(|k| !known.contains(&k.as_str())) {
        Some(unknown) => Err(ConfigError::new(
            format!("{prefix}{unknown}"),
            format!("is not a known key (known: {})", known.join(", ")),
        )),
        None => Ok(()),
    }
}

/// Fetches and reads `config.json`. A missing file (404) is demo mode; anything else that goes wrong is an
/// error for the start-up screen.
pub async fn load() -> Result<Config, ConfigError> {
    match crate::platform::fetch_optional_text(CONFIG_URL).await {
        Ok(None) => Ok(Config::default()),
        Ok(Some(text)) => parse_config(&text),
        Err(e) => Err(ConfigError::new("(file)", format!("could not be read: {e}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> ConfigError {
        parse(text).unwrap_err()
    }

    #[test]
    fn demo_is_the_default() {
        assert_eq!(parse("{}").unwrap(), AppConfig::Demo);
        assert_eq!(parse(r#"{"mode":"demo"}"#).unwrap(), AppConfig::Demo);
    }

    #[test]
    fn rest_with_a_proxy_path_and_no_auth() {
        let config = parse(r#"{"mode":"rest","apiBaseUrl":"/graph/"}"#).unwrap();
        assert_eq!(config, AppConfig::Rest(RestConfig { api_base_url: "/graph".into(), auth: AuthConfig::None }));
    }

    #[test]
    fn rest_with_entra() {
        let text = r#"{"mode":"rest","apiBaseUrl":"https://graph.microsoft.com","auth":"entra",
            "entra":{"clientId":"c","tenantId":"t","redirectUri":"https://tier1.example/","scopes":["User.Read.All"]}}"#;
        let AppConfig::Rest(rest) = parse(text).unwrap() else { panic!() };
        assert_eq!(
            rest.auth,
            AuthConfig::Entra {
                client_id: "c".into(),
                tenant_id: "t".into(),
                redirect_uri: "https://tier1.example/".into(),
                scopes: vec!["User.Read.All".into()]
            }
        );
    }

    #[test]
    fn host_token_needs_allowed_origins() {
        let base = r#""mode":"rest","apiBaseUrl":"/graph","auth":"host-token""#;
        assert_eq!(err(&format!("{{{base}}}")).key, "hostOrigins");
        assert_eq!(err(&format!(r#"{{{base},"hostOrigins":["https://a.example/path"]}}"#)).key, "hostOrigins[0]");
        let ok = parse(&format!(r#"{{{base},"hostOrigins":["https://portal.example"]}}"#)).unwrap();
        let AppConfig::Rest(rest) = ok else { panic!() };
        assert_eq!(rest.auth, AuthConfig::HostToken { allowed_origins: vec!["https://portal.example".into()] });
    }

    #[test]
    fn the_incident_threshold_defaults_to_five_and_is_at_least_one() {
        assert_eq!(parse_config("{}").unwrap().incident_threshold, 5);
        let config = parse_config(r#"{"mode":"rest","apiBaseUrl":"/graph","incidentThreshold":12}"#).unwrap();
        assert_eq!(config.incident_threshold, 12);
        assert!(matches!(config.app, AppConfig::Rest(_)));
        assert_eq!(
            parse_config(r#"{"incidentThreshold":1}"#).unwrap(),
            Config { app: AppConfig::Demo, incident_threshold: 1 }
        );
        for bad in ["0", "-3", "2.5", "\"5\"", "true", "99999999999"] {
            let error = parse_config(&format!(r#"{{"incidentThreshold":{bad}}}"#)).unwrap_err();
            assert_eq!(error.key, "incidentThreshold", "{bad}");
        }
        assert_eq!(err(r#"{"incidentTreshold":3}"#).key, "incidentTreshold", "a misspelt key is caught");
    }

    #[test]
    fn every_bad_file_names_its_bad_key() {
        assert_eq!(err("{nope").key, "(file)");
        assert_eq!(err("[1]").key, "(file)");
        assert_eq!(err(r#"{"mode":"live"}"#).key, "mode");
        assert_eq!(err(r#"{"mode":"rest"}"#).key, "apiBaseUrl");
        assert_eq!(err(r#"{"mode":"rest","apiBaseUrl":"http://graph.example"}"#).key, "apiBaseUrl");
        assert_eq!(err(r#"{"mode":"rest","apiBaseUrl":"/g","auth":"saml"}"#).key, "auth");
        assert_eq!(err(r#"{"mode":"rest","apiBaseURL":"/g"}"#).key, "apiBaseURL", "a misspelt key is caught");
        assert_eq!(err(r#"{"mode":"rest","apiBaseUrl":"/g","auth":"entra"}"#).key, "entra");
        let entra =
            |inner: &str| err(&format!(r#"{{"mode":"rest","apiBaseUrl":"/g","auth":"entra","entra":{{{inner}}}}}"#));
        assert_eq!(entra(r#""tenantId":"t","redirectUri":"https://x""#).key, "entra.clientId");
        assert_eq!(entra(r#""clientId":"c","tenantId":"t","redirectUri":"ftp://x""#).key, "entra.redirectUri");
        assert_eq!(
            entra(r#""clientId":"c","tenantId":"t","redirectUri":"https://x","scopes":"a b""#).key,
            "entra.scopes"
        );
        assert_eq!(
            entra(r#""clientId":"c","tenantId":"t","redirectUri":"https://x","secret":"s""#).key,
            "entra.secret"
        );
        assert_eq!(err(r#"{"mode":5}"#).key, "mode");
    }

    #[test]
    fn localhost_may_use_http_for_development() {
        assert!(parse(r#"{"mode":"rest","apiBaseUrl":"http://127.0.0.1:8181"}"#).is_ok());
        assert!(parse(r#"{"mode":"rest","apiBaseUrl":"http://localhost.evil.example"}"#).is_err());
    }
}
