//! The case summary an operator hands to the next tier: what Tier1 found about one user, with the evidence, in
//! Markdown (for ticket systems), plain text (for e-mail) and JSON (for tools). The pane gathers the sheet in
//! the chosen language; here it is only written out, so every format is tested natively.
//!
//! Names and values come from the tenant and may be hostile: in Markdown every character that could start
//! markup (`<img …>`, links, emphasis, tables) is escaped, and in every format line breaks inside a value are
//! flattened so a value cannot forge a heading or a line of its own.

use crate::i18n::{Key, Locale};

/// Everything a case holds, already in the language it is written in.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CaseSheet {
    pub tenant: String,
    pub user_name: String,
    pub user_principal_name: String,
    pub user_id: String,
    /// Who looked, and when (local time, as the operator saw it).
    pub operator: String,
    pub at: String,
    /// The findings in rank order; empty with `not_checked` empty means nothing is wrong.
    pub findings: Vec<CaseFinding>,
    /// Checks that could not run, and why: a case must not read "nothing wrong" when part of it was not seen.
    pub not_checked: Vec<String>,
    pub devices: Vec<CaseDevice>,
    pub failed_apps: Vec<CaseApp>,
    pub enrollment_failures: Vec<CaseEnrollmentFailure>,
    pub actions: Vec<CaseAction>,
    /// The deep link that opens this user's screen.
    pub link: String,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct CaseFinding {
    /// Its weight in words ("Blocks a device").
    pub weight: String,
    pub text: String,
    /// An error code's meaning, when the knowledge base explains it.
    pub meaning: Option<String>,
    /// Where the evidence is shown ("Configuration: Aurora Staff Wi-Fi").
    pub evidence: Vec<String>,
    pub next_step: Option<String>,
    pub who_acts: Option<String>,
    /// Follows from the finding listed before it (grouped under that cause on screen).
    pub follows: bool,
    /// How far its cause reaches across the tenant (and whether that makes it an incident), once known.
    pub spread: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct CaseDevice {
    pub name: String,
    pub platform: String,
    pub compliance: String,
    pub last_check_in: String,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct CaseApp {
    pub app: String,
    pub device: String,
    /// The raw code as Tier1 shows it (`0x87D1041C`), and what it means when the knowledge base knows it.
    pub code: Option<String>,
    pub meaning: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct CaseEnrollmentFailure {
    pub when: String,
    pub device: String,
    pub reason: String,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct CaseAction {
    pub when: String,
    pub device: String,
    pub action: String,
    pub outcome: String,
}

/// The formats a case can be copied or downloaded in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseFormat {
    Markdown,
    Text,
    Json,
}

impl CaseFormat {
    pub const ALL: [CaseFormat; 3] = [CaseFormat::Markdown, CaseFormat::Text, CaseFormat::Json];

    pub fn extension(self) -> &'static str {
        match self {
            CaseFormat::Markdown => "md",
            CaseFormat::Text => "txt",
            CaseFormat::Json => "json",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            CaseFormat::Markdown => "text/markdown;charset=utf-8",
            CaseFormat::Text => "text/plain;charset=utf-8",
            CaseFormat::Json => "application/json",
        }
    }

    pub fn label(self) -> Key {
        match self {
            CaseFormat::Markdown => Key::CaseFormatMarkdown,
            CaseFormat::Text => Key::CaseFormatText,
            CaseFormat::Json => Key::CaseFormatJson,
        }
    }
}

/// The case in `format`, with labels in `locale`.
pub fn render(sheet: &CaseSheet, locale: Locale, format: CaseFormat) -> String {
    match format {
        CaseFormat::Markdown => write(sheet, locale, &Markdown),
        CaseFormat::Text => write(sheet, locale, &Plain),
        CaseFormat::Json => json(sheet, locale),
    }
}

/// A file name for the download: `case-<user principal name>-<date>.<ext>`, with only safe characters.
pub fn file_name(sheet: &CaseSheet, date: &str, format: CaseFormat) -> String {
    let safe = |s: &str| -> String {
        s.chars()
            .map(|c| if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | '@') { c } else { '-' })
            .collect()
    };
    let who = if sheet.user_principal_name.is_empty() { &sheet.user_id } else { &sheet.user_principal_name };
    format!("case-{}-{}.{}", safe(who), safe(date), format.extension())
}

// ── Markdown and plain text share one outline ─────────────────────────────────────────────────────────────

trait Style {
    fn title(&self, text: &str) -> String;
    fn heading(&self, text: &str) -> String;
    /// A value from the tenant or the operator, made inert.
    fn value(&self, text: &str) -> String;
    fn field(&self, label: &str, value: &str) -> String {
        format!("{label}: {}", self.value(value))
    }
    fn link(&self, label: &str, url: &str) -> String;
}

struct Markdown;
struct Plain;

impl Style for Markdown {
    fn title(&self, text: &str) -> String {
        format!("# {}", markdown_escape(text))
    }
    fn heading(&self, text: &str) -> String {
        format!("\n## {}", markdown_escape(text))
    }
    fn value(&self, text: &str) -> String {
        markdown_escape(text)
    }
    fn field(&self, label: &str, value: &str) -> String {
        format!("**{}:** {}", markdown_escape(label), markdown_escape(value))
    }
    fn link(&self, label: &str, url: &str) -> String {
        // Only an http(s) link is written as a link; anything else stays escaped text.
        if is_web_link(url) {
            format!("[{}](<{}>)", markdown_escape(label), url.replace(['<', '>', ' '], ""))
        } else {
            self.field(label, url)
        }
    }
}

impl Style for Plain {
    fn title(&self, text: &str) -> String {
        let text = flatten(text);
        let underline = "=".repeat(text.chars().count());
        format!("{text}\n{underline}")
    }
    fn heading(&self, text: &str) -> String {
        let text = flatten(text);
        let underline = "-".repeat(text.chars().count());
        format!("\n{text}\n{underline}")
    }
    fn value(&self, text: &str) -> String {
        flatten(text)
    }
    fn link(&self, label: &str, url: &str) -> String {
        format!("{label}: {}", flatten(url))
    }
}

fn write(sheet: &CaseSheet, l: Locale, style: &dyn Style) -> String {
    let mut out = Vec::new();
    out.push(style.title(&l.fill(Key::CaseTitle, &[("user", &sheet.user_name)])));
    out.push(String::new());
    let user = format!("{} ({}, {})", sheet.user_name, sheet.user_principal_name, sheet.user_id);
    for (label, value) in [
        (Key::CaseTenant, sheet.tenant.as_str()),
        (Key::CaseUser, user.as_str()),
        (Key::CaseLookedAtBy, sheet.operator.as_str()),
        (Key::CaseWhen, sheet.at.as_str()),
    ] {
        out.push(bullet(style.field(l.text(label), value)));
    }
    out.push(bullet(style.link(l.text(Key::CaseLink), &sheet.link)));

    out.push(style.heading(l.text(Key::FindingsTitle)));
    if sheet.findings.is_empty() && sheet.not_checked.is_empty() {
        out.push(style.value(l.text(Key::CaseNothingFound)));
    }
    let mut rank = 0;
    for finding in &sheet.findings {
        let indent = if finding.follows { "      " } else { "   " };
        let weighted = if finding.weight.is_empty() {
            style.value(&finding.text)
        } else {
            style.field(&finding.weight, &finding.text)
        };
        if finding.follows {
            out.push(format!("   - {} {weighted}", style.value(l.text(Key::FollowsFrom))));
        } else {
            rank += 1;
            out.push(format!("{rank}. {weighted}"));
        }
        let fields = [
            (Key::MeaningLabel, finding.meaning.clone()),
            (Key::EvidenceLabel, (!finding.evidence.is_empty()).then(|| finding.evidence.join(", "))),
            (Key::CaseNextStep, finding.next_step.clone()),
            (Key::WhoActs, finding.who_acts.clone()),
            (Key::CaseSpread, finding.spread.clone()),
        ];
        for (label, value) in fields {
            if let Some(value) = value {
                out.push(format!("{indent}- {}", style.field(l.text(label), &value)));
            }
        }
    }
    if !sheet.not_checked.is_empty() {
        out.push(style.heading(l.text(Key::CaseNotChecked)));
        out.extend(sheet.not_checked.iter().map(|n| bullet(style.value(n))));
    }

    out.push(style.heading(l.text(Key::ViewDevices)));
    if sheet.devices.is_empty() {
        out.push(style.value(l.text(Key::CaseNoDevices)));
    }
    for d in &sheet.devices {
        let line = l.fill(
            Key::CaseDeviceLine,
            &[
                ("device", &d.name),
                ("platform", &d.platform),
                ("compliance", &d.compliance),
                ("checkin", &d.last_check_in),
            ],
        );
        out.push(bullet(style.value(&line)));
    }

    section(&mut out, style, l.text(Key::CaseFailedApps), &sheet.failed_apps, |a| {
        let mut line = l.fill(Key::CaseAppLine, &[("app", &a.app), ("device", &a.device)]);
        if let Some(code) = &a.code {
            line.push_str(&l.fill(Key::ErrorCodeSuffix, &[("code", code)]));
        }
        if let Some(meaning) = &a.meaning {
            line.push_str(": ");
            line.push_str(meaning);
        }
        style.value(&line)
    });
    section(&mut out, style, l.text(Key::FailuresTitle), &sheet.enrollment_failures, |f| {
        style.value(&format!("{} · {} · {}", f.when, f.device, f.reason))
    });
    section(&mut out, style, l.text(Key::CaseActions), &sheet.actions, |a| {
        style.value(&format!("{} · {} · {} · {}", a.when, a.action, a.device, a.outcome))
    });
    out.join("\n") + "\n"
}

/// A section only when it has items: a case sheet says what is there, not what is not.
fn section<T>(out: &mut Vec<String>, style: &dyn Style, title: &str, items: &[T], line: impl Fn(&T) -> String) {
    if items.is_empty() {
        return;
    }
    out.push(style.heading(title));
    out.extend(items.iter().map(|item| bullet(line(item))));
}

fn bullet(text: String) -> String {
    format!("- {text}")
}

/// A value on one line: line breaks and other control characters become spaces.
fn flatten(text: &str) -> String {
    text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}

/// Backslash-escapes every ASCII character that can start Markdown (CommonMark/GFM) markup: HTML, links,
/// emphasis, code, tables, headings, entities, strikethrough (`(`, `)` and `!` only matter after a `[` or `]`,
/// which are escaped). Escaped, `<img src=x onerror=…>` renders as text.
pub fn markdown_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in flatten(text).chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '#' | '&') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn is_web_link(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")) && !url.chars().any(char::is_control)
}

// ── JSON for tools ──────────────────────────────────────────────────────────────────────────────────────────

fn json(sheet: &CaseSheet, l: Locale) -> String {
    use serde_json::{json, Value};
    let list = |items: Vec<Value>| Value::Array(items);
    let value = json!({
        "format": "tier1-case/1",
        "language": l.tag(),
        "tenant": sheet.tenant,
        "user": { "displayName": sheet.user_name, "userPrincipalName": sheet.user_principal_name, "id": sheet.user_id },
        "lookedAtBy": sheet.operator,
        "at": sheet.at,
        "link": sheet.link,
        "findings": list(sheet.findings.iter().enumerate().map(|(i, f)| json!({
            "rank": i + 1, "weight": f.weight, "text": f.text, "meaning": f.meaning, "evidence": f.evidence,
            "nextStep": f.next_step, "whoActs": f.who_acts, "spread": f.spread, "followsFromPrevious": f.follows,
        })).collect()),
        "notChecked": sheet.not_checked,
        "devices": list(sheet.devices.iter().map(|d| json!({
            "name": d.name, "platform": d.platform, "compliance": d.compliance, "lastCheckIn": d.last_check_in,
        })).collect()),
        "failedApps": list(sheet.failed_apps.iter().map(|a| json!({
            "app": a.app, "device": a.device, "errorCode": a.code, "meaning": a.meaning,
        })).collect()),
        "enrollmentFailures": list(sheet.enrollment_failures.iter().map(|f| json!({
            "when": f.when, "device": f.device, "reason": f.reason,
        })).collect()),
        "actions": list(sheet.actions.iter().map(|a| json!({
            "when": a.when, "device": a.device, "action": a.action, "outcome": a.outcome,
        })).collect()),
    });
    serde_json::to_string_pretty(&value).unwrap_or_default() + "\n"
}

#[cfg(test)]
mod tests;
