#![cfg(not(target_arch = "wasm32"))]
//! `docs/rest-api.md` is the REST contract: one table row per Graph call Tier1 makes. These tests hold the
//! client and the document to each other, in both directions:
//!
//! - every request any `*_request` builder in `tier1::graph::endpoints` makes has a row;
//! - every row is made by some builder, so the document cannot keep calls the client no longer makes;
//! - no builder escapes the list: the builders are read from the source, and no module outside them
//!   constructs a `GraphRequest`;
//! - next links stay within the contract (same version and path, only paging options added).
//!
//! A request is compared as (method, version, path template, query option names, header names). Concrete
//! ids are mapped back to `{placeholders}` through distinctive sample ids such as `USER-ID`.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::Path;

use tier1::domain::device_actions::{ActionOptions, DeviceAction};
use tier1::graph::endpoints as ep;
use tier1::graph::{ApiVersion, GraphRequest, Method};

const DOC: &str = "docs/rest-api.md";
const ENDPOINTS: &str = "src/graph/endpoints.rs";
const COLUMNS: [&str; 6] = ["Method", "Version", "Path", "Query", "Headers", "Used by"];

const USER_ID: &str = "USER-ID";
const DEVICE_ID: &str = "DEVICE-ID";
const APP_ID: &str = "APP-ID";
const POLICY_ID: &str = "POLICY-ID";
const GROUP_ID: &str = "GROUP-ID";
/// An Entra device's `deviceId` (a managed device's `azureADDeviceId`); must not contain `DEVICE_ID`.
const ENTRA_DEVICE_ID: &str = "ENTRA-DEV-ID";
const UPN: &str = "o'sample@example.test";
const SEARCH_TEXT: &str = "SEARCH-TEXT";

/// Sample id → the placeholder the document writes for it.
const PLACEHOLDERS: [(&str, &str); 6] = [
    (USER_ID, "{userId}"),
    (DEVICE_ID, "{deviceId}"),
    (APP_ID, "{appId}"),
    (POLICY_ID, "{policyId}"),
    (ENTRA_DEVICE_ID, "{azureADDeviceId}"),
    (GROUP_ID, "{groupId}"),
];

/// Options a next link may add to any collection request; the contract allows them on every row.
const PAGING_OPTIONS: [&str; 2] = ["$skiptoken", "$skip"];

/// Every request the client can make, by builder name, with every variant of each builder's flags.
///
/// Adding a `*_request` builder without adding it here fails `every_builder_in_the_source_is_exercised`.
fn built_requests() -> Vec<(&'static str, GraphRequest)> {
    let groups = vec!["GROUP-ID-1".to_string(), "GROUP-ID-2".to_string()];
    let mut requests = vec![
        ("organization_request", ep::organization_request()),
        ("device_management_request", ep::device_management_request()),
        ("user_search_request", ep::user_search_request(SEARCH_TEXT)),
        ("device_name_lookup_request", ep::device_name_lookup_request(SEARCH_TEXT)),
        ("device_serial_lookup_request", ep::device_serial_lookup_request(SEARCH_TEXT)),
        ("user_phone_lookup_request", ep::user_phone_lookup_request("+31 6 2847")),
        ("user_request", ep::user_request(USER_ID)),
        ("license_details_request", ep::license_details_request(USER_ID)),
        ("managed_devices_request", ep::managed_devices_request(USER_ID)),
        ("member_of_request", ep::member_of_request(USER_ID, false)),
        ("member_of_request", ep::member_of_request(USER_ID, true)),
        ("groups_by_id_request", ep::groups_by_id_request(&groups)),
        ("group_member_of_request", ep::group_member_of_request(GROUP_ID)),
        ("device_member_of_request", ep::device_member_of_request(ENTRA_DEVICE_ID)),
        ("mobile_apps_request", ep::mobile_apps_request()),
        ("app_device_statuses_request", ep::app_device_statuses_request(APP_ID, UPN)),
        ("compliance_policies_request", ep::compliance_policies_request()),
        ("configuration_policies_request", ep::configuration_policies_request()),
        ("device_policy_states_request", ep::device_policy_states_request(DEVICE_ID, true)),
        ("device_policy_states_request", ep::device_policy_states_request(DEVICE_ID, false)),
        ("policy_status_overview_request", ep::policy_status_overview_request(POLICY_ID, true)),
        ("policy_status_overview_request", ep::policy_status_overview_request(POLICY_ID, false)),
        ("setting_state_summaries_request", ep::setting_state_summaries_request(POLICY_ID)),
        ("app_install_summary_request", ep::app_install_summary_request(APP_ID)),
        ("app_protection_policies_request", ep::app_protection_policies_request(USER_ID)),
        ("app_registrations_request", ep::app_registrations_request(USER_ID)),
        ("enrollment_configurations_request", ep::enrollment_configurations_request()),
        ("enrollment_events_request", ep::enrollment_events_request(USER_ID)),
    ];
    for action in DeviceAction::ALL {
        for options in [ActionOptions::default(), ActionOptions { keep_enrollment_data: true, keep_user_data: true }] {
            requests.push(("device_action_request", ep::device_action_request(action, DEVICE_ID, options)));
        }
    }
    requests
}

/// One call as the contract sees it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Call {
    method: String,
    version: String,
    /// Below the version, with a leading slash and `{placeholders}`: `/users/{userId}/managedDevices`.
    path: String,
    query: BTreeSet<String>,
    /// Header names, spelt as sent (`ConsistencyLevel`).
    headers: BTreeSet<String>,
}

impl fmt::Display for Call {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let list = |set: &BTreeSet<String>| {
            if set.is_empty() {
                "—".to_string()
            } else {
                set.iter().cloned().collect::<Vec<_>>().join(", ")
            }
        };
        write!(
            f,
            "| {} | {} | `{}` | {} | {} |",
            self.method,
            self.version,
            self.path,
            list(&self.query),
            list(&self.headers)
        )
    }
}

fn version_name(version: ApiVersion) -> &'static str {
    version.segment()
}

fn template(path: &str) -> String {
    PLACEHOLDERS.iter().fold(format!("/{path}"), |p, (sample, placeholder)| p.replace(sample, placeholder))
}

/// The call a request makes, read back from the URL it puts on the wire (so what is compared is what is
/// sent, not what the struct says). Writes are POSTs: see `writes_are_posts_and_reads_are_gets`.
fn call_of(request: &GraphRequest) -> Call {
    let url = request.to_url();
    let sent = GraphRequest::parse(&url).unwrap_or_else(|| panic!("the client's own URL does not parse: {url}"));
    assert_eq!(sent.version, request.version, "version changed on the wire: {url}");
    assert_eq!(sent.path, request.path, "path changed on the wire: {url}");
    assert_eq!(sent.query, request.query, "query changed on the wire: {url}");
    Call {
        method: request.method.name().into(),
        version: version_name(sent.version).into(),
        path: template(&sent.path),
        query: sent.query.iter().map(|(name, _)| name.clone()).collect(),
        headers: request.headers.iter().map(|(name, _)| name.clone()).collect(),
    }
}

fn read(relative: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn cells(line: &str) -> Vec<String> {
    let trimmed = line.trim();
    let inner = trimmed.strip_prefix('|').and_then(|l| l.strip_suffix('|')).unwrap_or(trimmed);
    inner.split('|').map(|c| c.trim().to_string()).collect()
}

/// A comma-separated cell as a set of names: backticks dropped, `Name: value` read as `Name`, `—` empty.
fn names(cell: &str) -> BTreeSet<String> {
    let cell = cell.replace('`', "");
    let cell = cell.trim();
    if matches!(cell, "" | "—" | "-" | "–") {
        return BTreeSet::new();
    }
    cell.split(',')
        .map(|part| part.split(':').next().unwrap_or(part).trim().to_string())
        .filter(|name| !name.is_empty())
        .collect()
}

struct Row {
    line: usize,
    call: Call,
    used_by: String,
}

/// The contract table: the one table whose header is exactly [`COLUMNS`].
fn contract_rows(doc: &str) -> Vec<Row> {
    let lines: Vec<&str> = doc.lines().collect();
    let headers: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.trim_start().starts_with('|') && cells(l) == COLUMNS)
        .map(|(i, _)| i)
        .collect();
    assert_eq!(headers.len(), 1, "{DOC} must have exactly one table with columns {COLUMNS:?}, found {}", headers.len());
    let start = headers[0];
    assert!(
        lines
            .get(start + 1)
            .is_some_and(|l| cells(l).iter().all(|c| !c.is_empty() && c.chars().all(|ch| "-:".contains(ch)))),
        "{DOC}:{}: the contract table's header must be followed by a |---| separator line",
        start + 2
    );
    let mut rows = Vec::new();
    for (i, line) in lines.iter().enumerate().skip(start + 2) {
        if !line.trim_start().starts_with('|') {
            break;
        }
        let c = cells(line);
        let at = i + 1;
        assert_eq!(
            c.len(),
            COLUMNS.len(),
            "{DOC}:{at}: a row needs {} cells, found {}: {line}",
            COLUMNS.len(),
            c.len()
        );
        let path = c[2].replace('`', "");
        assert!(path.starts_with('/'), "{DOC}:{at}: Path must start with / (below the version): {path}");
        assert!(!path.contains('?'), "{DOC}:{at}: Path must not carry a query; list option names under Query");
        assert!(
            !path.starts_with("/v1.0/") && !path.starts_with("/beta/"),
            "{DOC}:{at}: Path is below the version; put the version in its own column"
        );
        assert!(!c[5].is_empty(), "{DOC}:{at}: Used by is empty");
        rows.push(Row {
            line: at,
            call: Call {
                method: c[0].clone(),
                version: c[1].replace('`', ""),
                path,
                query: names(&c[3]),
                headers: names(&c[4]),
            },
            used_by: c[5].clone(),
        });
    }
    assert!(!rows.is_empty(), "{DOC}: the contract table has no rows");
    rows
}

fn documented() -> BTreeSet<Call> {
    contract_rows(&read(DOC)).into_iter().map(|r| r.call).collect()
}

/// Names of the `fn …_request` builders in the endpoints source, with whether each is `pub`.
fn builders_in_source() -> BTreeMap<String, bool> {
    let source = read(ENDPOINTS);
    let mut found = BTreeMap::new();
    for line in production_part(&source).lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("//") {
            continue;
        }
        let Some(at) = trimmed.find("fn ") else { continue };
        if at > 0 && !trimmed[..at].ends_with(' ') {
            continue;
        }
        let name: String = trimmed[at + 3..].chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
        if name.ends_with("_request") {
            let public = trimmed.starts_with("pub fn ") || trimmed.starts_with("pub async fn ");
            found.insert(name, public);
        }
    }
    found
}

/// The source before its `#[cfg(test)]` module: tests may build whatever they like.
fn production_part(source: &str) -> &str {
    source.find("#[cfg(test)]").map_or(source, |at| &source[..at])
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn every_call_the_client_makes_is_documented() {
    let documented = documented();
    let missing: Vec<String> = built_requests()
        .iter()
        .map(|(name, request)| (name, call_of(request)))
        .filter(|(_, call)| !documented.contains(call))
        .map(|(name, call)| format!("  {name}: {call}"))
        .collect();
    assert!(
        missing.is_empty(),
        "the client makes calls that {DOC} does not list (add these rows, with Used by):\n{}",
        missing.join("\n")
    );
}

#[test]
fn every_documented_call_is_made_by_the_client() {
    let made: BTreeSet<Call> = built_requests().iter().map(|(_, r)| call_of(r)).collect();
    let stale: Vec<String> = contract_rows(&read(DOC))
        .into_iter()
        .filter(|row| !made.contains(&row.call))
        .map(|row| format!("  {DOC}:{}: {} ({})", row.line, row.call, row.used_by))
        .collect();
    assert!(
        stale.is_empty(),
        "{DOC} lists calls that no builder makes (remove or correct them):\n{}",
        stale.join("\n")
    );
}

#[test]
fn the_table_lists_each_call_once() {
    let rows = contract_rows(&read(DOC));
    let mut seen: BTreeMap<Call, usize> = BTreeMap::new();
    for row in &rows {
        if let Some(first) = seen.insert(row.call.clone(), row.line) {
            panic!("{DOC}:{}: duplicates the row at line {first}: {}", row.line, row.call);
        }
    }
    for row in &rows {
        assert!(
            matches!(row.call.version.as_str(), "v1.0" | "beta"),
            "{DOC}:{}: Version must be v1.0 or beta, not {}",
            row.line,
            row.call.version
        );
    }
}

#[test]
fn every_builder_in_the_source_is_exercised() {
    let in_source = builders_in_source();
    assert!(!in_source.is_empty(), "found no `fn …_request` in {ENDPOINTS}: has the file moved?");
    let private: Vec<&String> = in_source.iter().filter(|(_, public)| !**public).map(|(n, _)| n).collect();
    assert!(private.is_empty(), "request builders must be `pub` so this test can pin them: {private:?}");
    let exercised: BTreeSet<&str> = built_requests().iter().map(|(name, _)| *name).collect();
    let source_names: BTreeSet<&str> = in_source.keys().map(String::as_str).collect();
    let unexercised: Vec<&&str> = source_names.difference(&exercised).collect();
    assert!(
        unexercised.is_empty(),
        "{ENDPOINTS} has request builders that tests/rest_contract.rs does not call; add them to \
         built_requests() (every flag combination) and their rows to {DOC}: {unexercised:?}"
    );
    let unknown: Vec<&&str> = exercised.difference(&source_names).collect();
    assert!(unknown.is_empty(), "built_requests() names builders that {ENDPOINTS} does not define: {unknown:?}");
}

/// Requests are only built by the `*_request` builders: no `GraphRequest::v1/beta` (or struct literal)
/// anywhere else in the app, and none inside `endpoints.rs` outside a builder (a `GraphClient` method that
/// built its own request would escape the list).
#[test]
fn requests_are_only_built_by_the_builders() {
    const CONSTRUCTORS: [&str; 3] = ["GraphRequest::v1(", "GraphRequest::beta(", "GraphRequest {"];
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    let mut offenders = Vec::new();
    for file in &files {
        let relative = file.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
        // request.rs defines the type and its constructors.
        if relative == "src/graph/request.rs" {
            continue;
        }
        let source = std::fs::read_to_string(file).unwrap();
        let mut current_fn = String::new();
        for (i, line) in production_part(&source).lines().enumerate() {
            let trimmed = line.trim_start();
            if trimmed.starts_with("//") {
                continue;
            }
            if let Some(at) = trimmed.find("fn ") {
                if at == 0 || trimmed[..at].ends_with(' ') {
                    current_fn = trimmed[at + 3..].chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                }
            }
            if CONSTRUCTORS.iter().any(|c| line.contains(c)) {
                let in_builder = relative == ENDPOINTS && current_fn.ends_with("_request");
                if !in_builder {
                    offenders.push(format!("  {relative}:{} (in fn {current_fn}): {}", i + 1, line.trim()));
                }
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "Graph requests built outside the `*_request` builders of {ENDPOINTS} escape the REST contract; \
         move them into a builder and list the call in {DOC}:\n{}",
        offenders.join("\n")
    );
}

/// The client's transport calls are `get` for reads and `post` for writes, and the document says which is
/// which: a POST row is a device action, with a JSON body or none, and never a read.
#[test]
fn writes_are_posts_and_reads_are_gets() {
    let source = read("src/graph/client.rs");
    let calls: Vec<&str> = source.match_indices("self.transport.").map(|(at, _)| &source[at..]).collect();
    assert!(!calls.is_empty(), "src/graph/client.rs no longer calls its transport: update this test");
    for call in calls {
        assert!(
            call.starts_with("self.transport.get(") || call.starts_with("self.transport.post("),
            "the client sends something other than a GET or POST: {}",
            &call[..40.min(call.len())]
        );
    }
    for (name, request) in built_requests() {
        match request.method {
            Method::Get => assert!(request.body.is_none(), "{name}: a GET carries no body"),
            Method::Post => assert!(
                request.path.starts_with("deviceManagement/managedDevices/") && request.query.is_empty(),
                "{name}: the only writes are device actions, without query options ({})",
                request.to_url()
            ),
        }
    }
    for row in contract_rows(&read(DOC)) {
        assert!(matches!(row.call.method.as_str(), "GET" | "POST"), "{DOC}:{}: method {}", row.line, row.call.method);
    }
}

#[test]
fn search_and_count_carry_consistency_level() {
    for (name, request) in built_requests() {
        let advanced = request.query.iter().any(|(k, _)| k == "$search" || k == "$count");
        let eventual =
            request.headers.iter().any(|(k, v)| k.eq_ignore_ascii_case("ConsistencyLevel") && v == "eventual");
        assert_eq!(
            advanced,
            eventual,
            "{name}: `ConsistencyLevel: eventual` must go with $search/$count, and only there ({})",
            request.to_url()
        );
    }
}

/// A next link is followed verbatim, so it must parse back to the same version and path, and add nothing
/// but paging options: then every page of a listed call is still the listed call.
#[test]
fn next_links_keep_version_and_path() {
    let documented = documented();
    for (name, request) in built_requests().into_iter().filter(|(_, r)| r.method == Method::Get) {
        let url = request.to_url();
        let sep = if url.contains('?') { '&' } else { '?' };
        for link in [
            format!("https://graph.microsoft.com/{url}{sep}$skiptoken=X%2BY"),
            format!("/graph/{url}{sep}$skiptoken=X%2BY"),
            format!("http://localhost:8080/{url}{sep}$skip=20"),
        ] {
            let page = GraphRequest::parse(&link).unwrap_or_else(|| panic!("{name}: next link does not parse: {link}"));
            assert_eq!(page.version, request.version, "{name}: next link changed the version: {link}");
            assert_eq!(page.path, request.path, "{name}: next link changed the path: {link}");
            assert!(
                request.query.iter().all(|option| page.query.contains(option)),
                "{name}: next link lost query options: {link}"
            );
            let mut call = call_of(&GraphRequest { headers: request.headers.clone(), ..page });
            call.query.retain(|option| !PAGING_OPTIONS.contains(&option.as_str()));
            assert!(documented.contains(&call), "{name}: a page of this call is not a documented call: {call}");
        }
    }
}

#[test]
fn a_beta_next_link_stays_beta() {
    let page = GraphRequest::parse(
        "https://graph.microsoft.com/beta/users/USER-ID/deviceManagementTroubleshootingEvents?$skiptoken=abc",
    )
    .unwrap();
    assert_eq!(page.version, ApiVersion::Beta);
    assert_eq!(page.path, "users/USER-ID/deviceManagementTroubleshootingEvents");
    assert_eq!(page.query_value("$skiptoken"), Some("abc"));
    let v1 = GraphRequest::parse(
        "https://graph.microsoft.com/v1.0/users/USER-ID/managedDevices?$select=id&$skiptoken=a%2Bb",
    )
    .unwrap();
    assert_eq!((v1.version, v1.path.as_str()), (ApiVersion::V1, "users/USER-ID/managedDevices"));
    assert_eq!(v1.query_value("$skiptoken"), Some("a+b"));
    assert!(
        GraphRequest::parse("https://graph.microsoft.com/users").is_none(),
        "a link without a version is no Graph call"
    );
}

/// Sample ids must land in the path (as placeholders) and nowhere unexpected: a builder that ignored its id,
/// or put it in a second place, would otherwise slip through the templating.
#[test]
fn ids_become_placeholders() {
    for (name, request) in built_requests() {
        let call = call_of(&request);
        assert!(!call.path.contains("-ID"), "{name}: a sample id is left in the path: {}", call.path);
        for (sample, placeholder) in PLACEHOLDERS {
            assert!(
                request.path.matches(sample).count() == call.path.matches(placeholder).count(),
                "{name}: {sample} and {placeholder} do not line up in {}",
                call.path
            );
        }
    }
    assert_eq!(call_of(&ep::user_request(USER_ID)).path, "/users/{userId}");
    assert_eq!(
        call_of(&ep::app_device_statuses_request(APP_ID, UPN)).path,
        "/deviceAppManagement/mobileApps/{appId}/deviceStatuses"
    );
}

/// Each beta row must say why it is not v1.0, in the document's "Why beta" section.
#[test]
fn every_beta_call_is_explained() {
    let doc = read(DOC);
    let start = doc.find("## Why beta").unwrap_or_else(|| panic!("{DOC} has no `## Why beta` section"));
    let section = &doc[start..];
    let section = &section[..section[3..].find("\n## ").map_or(section.len(), |end| end + 3)];
    for row in contract_rows(&doc).into_iter().filter(|r| r.call.version == "beta") {
        assert!(
            section.contains(&format!("`{}`", row.call.path)),
            "{DOC}:{}: beta call {} is not explained under `## Why beta`",
            row.line,
            row.call.path
        );
    }
}

/// The checks themselves: a document that misses a row, or has a stale one, is caught.
#[test]
fn the_checks_catch_a_missing_or_stale_row() {
    let doc = read(DOC);
    let rows = contract_rows(&doc);
    let made: BTreeSet<Call> = built_requests().iter().map(|(_, r)| call_of(r)).collect();
    let victim = &rows[0];
    let lines: Vec<&str> = doc.lines().collect();

    let without: String =
        lines.iter().enumerate().filter(|(i, _)| i + 1 != victim.line).map(|(_, l)| format!("{l}\n")).collect();
    let remaining: BTreeSet<Call> = contract_rows(&without).into_iter().map(|r| r.call).collect();
    assert!(made.iter().any(|call| !remaining.contains(call)), "removing {} went unnoticed", victim.call);

    let path_cell = format!("`{}`", victim.call.path);
    let stale: String =
        lines
            .iter()
            .enumerate()
            .map(|(i, l)| {
                if i + 1 == victim.line {
                    l.replacen(&path_cell, "`/organization/branding`", 1)
                } else {
                    l.to_string()
                }
            })
            .map(|l| format!("{l}\n"))
            .collect();
    assert_ne!(stale, format!("{}\n", lines.join("\n")), "the row's path cell was not found");
    assert!(contract_rows(&stale).iter().any(|r| !made.contains(&r.call)), "a stale row went unnoticed");
}

/// The permission a 403 names (`tier1::graph::permissions`) is the one the document's permissions table
/// gives for that call, for every request the client can make.
#[test]
fn a_refused_call_names_the_permission_the_document_lists() {
    let doc = read(DOC);
    let permission_rows: Vec<(String, String)> = doc
        .lines()
        .skip_while(|l| !l.starts_with("| Call | Least-privileged delegated permission"))
        .skip(2)
        .take_while(|l| l.starts_with('|'))
        .map(|l| {
            let c = cells(l);
            let call = c[0].replace('`', "");
            let path = call.trim_start_matches("GET ").trim_start_matches("POST ");
            let path = path.split('?').next().unwrap_or_default().trim();
            let path = path.trim_start_matches("/beta").to_string();
            (path, c[1].clone())
        })
        .collect();
    assert_eq!(permission_rows.len(), tier1::graph::permissions::CALL_PERMISSIONS.len(), "one row per call");
    for (builder, request) in built_requests() {
        let url = request.to_url();
        let named = tier1::graph::permissions::required_permission(&url)
            .unwrap_or_else(|| panic!("{builder}: {url} names no permission"));
        let mut template = format!("/{}", request.path);
        for (sample, placeholder) in PLACEHOLDERS {
            template = template.replace(sample, placeholder);
        }
        let (_, documented) = permission_rows
            .iter()
            .find(|(path, _)| *path == template)
            .unwrap_or_else(|| panic!("{builder}: no permissions row for {template}"));
        assert!(documented.contains(named), "{builder}: {template} names {named}, the document says {documented}");
    }
}
