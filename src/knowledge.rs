//! The enrollment-failure knowledge base: our explanation and remediation steps for every documented failure
//! reason and failure category, and the per-platform guides for collecting logs, in each language.
//! The prose lives in `knowledge/enrollment/{lang}.json` beside `index.html` and is fetched the first time a
//! failure is opened, so three languages of prose never weigh on the first load; native tests check the
//! files are complete, consistent across languages, and cover every fixture event.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use serde_json::{Map, Value};

use crate::domain::device_platform::Platform;
use crate::domain::failures::{Category, Diagnosis, Reason};
use crate::graph::ApiError;
use crate::i18n::{Key, Locale};

/// Where the browser finds the files: relative to the page, like the fixtures.
pub const KNOWLEDGE_BASE_DIR: &str = "knowledge/enrollment";

#[derive(Debug, Clone, PartialEq)]
pub struct KnowledgeBase {
    pub language: String,
    pub reasons: BTreeMap<String, ReasonEntry>,
    pub categories: BTreeMap<String, CategoryEntry>,
    pub collect_data: BTreeMap<String, CollectGuide>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ReasonEntry {
    pub explanation: String,
    pub steps: Vec<Step>,
    pub resources: Vec<Resource>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CategoryEntry {
    pub explanation: String,
    /// Empty when nothing is known to fix it: the details then say so explicitly.
    pub steps: Vec<Step>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub actor: Actor,
    pub text: String,
}

/// Who must act on a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Actor {
    User,
    Operator,
    Admin,
}

impl Actor {
    pub fn label(self) -> Key {
        match self {
            Actor::User => Key::ActorUser,
            Actor::Operator => Key::ActorOperator,
            Actor::Admin => Key::ActorAdmin,
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            Actor::User => "user",
            Actor::Operator => "operator",
            Actor::Admin => "admin",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Resource {
    pub text: String,
    pub link: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CollectGuide {
    pub intro: String,
    pub steps: Vec<String>,
    pub link: String,
}

/// The log-collection guides an operator reads to a user, per platform.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Guide {
    Ios,
    AndroidEmail,
    AndroidUsb,
    AndroidVerbose,
    Windows,
}

impl Guide {
    pub const ALL: [Guide; 5] =
        [Guide::Ios, Guide::AndroidEmail, Guide::AndroidUsb, Guide::AndroidVerbose, Guide::Windows];

    pub fn slug(self) -> &'static str {
        match self {
            Guide::Ios => "ios",
            Guide::AndroidEmail => "androidEmail",
            Guide::AndroidUsb => "androidUsb",
            Guide::AndroidVerbose => "androidVerbose",
            Guide::Windows => "windows",
        }
    }

    pub fn title(self) -> Key {
        match self {
            Guide::Ios => Key::CollectIos,
            Guide::AndroidEmail => Key::CollectAndroidEmail,
            Guide::AndroidUsb => Key::CollectAndroidUsb,
            Guide::AndroidVerbose => Key::CollectAndroidVerbose,
            Guide::Windows => Key::CollectWindows,
        }
    }

    /// Whether the guide is for devices reporting `operating_system` (opened first in the details).
    pub fn fits(self, operating_system: &str) -> bool {
        let platform = Platform::from_operating_system(operating_system);
        match self {
            Guide::Ios => matches!(platform, Platform::Ios | Platform::IpadOs),
            Guide::AndroidEmail | Guide::AndroidUsb | Guide::AndroidVerbose => platform == Platform::Android,
            Guide::Windows => platform == Platform::Windows,
        }
    }
}

/// What the knowledge base says about one diagnosed event.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Advice<'a> {
    pub explanation: &'a str,
    pub steps: &'a [Step],
    pub resources: &'a [Resource],
}

impl KnowledgeBase {
    /// Reads a knowledge base file. Walks a `serde_json::Value` by hand: the app already carries Value's
    /// decoder for the demo tenant, while derived decoders for these types would add kilobytes to the wasm.
    /// Errors name the path of the bad key, e.g. `reasons.deviceCapReached.steps[1].actor`.
    pub fn parse(json: &str) -> Result<Self, String> {
        let root: Value = serde_json::from_str(json).map_err(|e| e.to_string())?;
        let root = object(&root, "(root)")?;
        Ok(KnowledgeBase {
            language: text(root, "language", "")?,
            reasons: entries(root, "reasons", |o, at| {
                Ok(ReasonEntry {
                    explanation: text(o, "explanation", at)?,
                    steps: steps(o, at)?,
                    resources: list(o, "resources", at, |v, at| {
                        let o = object(v, at)?;
                        Ok(Resource { text: text(o, "text", at)?, link: text(o, "link", at)? })
                    })?,
                })
            })?,
            categories: entries(root, "categories", |o, at| {
                Ok(CategoryEntry { explanation: text(o, "explanation", at)?, steps: steps(o, at)? })
            })?,
            collect_data: entries(root, "collectData", |o, at| {
                Ok(CollectGuide {
                    intro: text(o, "intro", at)?,
                    steps: list(o, "steps", at, |v, at| {
                        v.as_str().map(str::to_string).ok_or(format!("{at}: not text"))
                    })?,
                    link: text(o, "link", at)?,
                })
            })?,
        })
    }

    pub fn reason(&self, reason: Reason) -> Option<&ReasonEntry> {
        self.reasons.get(reason.slug())
    }

    pub fn category(&self, category: Category) -> Option<&CategoryEntry> {
        self.categories.get(category.slug())
    }

    pub fn guide(&self, guide: Guide) -> Option<&CollectGuide> {
        self.collect_data.get(guide.slug())
    }

    /// The reason's entry when the event names a documented reason, else its category's.
    pub fn advice(&self, diagnosis: Diagnosis) -> Option<Advice<'_>> {
        if let Some(entry) = diagnosis.reason.and_then(|r| self.reason(r)) {
            return Some(Advice { explanation: &entry.explanation, steps: &entry.steps, resources: &entry.resources });
        }
        let entry = self.category(diagnosis.category)?;
        Some(Advice { explanation: &entry.explanation, steps: &entry.steps, resources: &[] })
    }
}

fn path(parent: &str, key: &str) -> String {
    if parent.is_empty() {
        key.to_string()
    } else {
        format!("{parent}.{key}")
    }
}

fn object<'a>(value: &'a Value, at: &str) -> Result<&'a Map<String, Value>, String> {
    value.as_object().ok_or_else(|| format!("{at}: expected an object"))
}

fn text(o: &Map<String, Value>, key: &str, at: &str) -> Result<String, String> {
    o.get(key).and_then(Value::as_str).map(str::to_string).ok_or_else(|| format!("{}: expected text", path(at, key)))
}

fn list<T>(
    o: &Map<String, Value>,
    key: &str,
    at: &str,
    item: impl Fn(&Value, &str) -> Result<T, String>,
) -> Result<Vec<T>, String> {
    let at = path(at, key);
    let items = o.get(key).and_then(Value::as_array).ok_or_else(|| format!("{at}: expected a list"))?;
    items.iter().enumerate().map(|(i, v)| item(v, &format!("{at}[{i}]"))).collect()
}

fn entries<T>(
    o: &Map<String, Value>,
    key: &str,
    entry: impl Fn(&Map<String, Value>, &str) -> Result<T, String>,
) -> Result<BTreeMap<String, T>, String> {
    let map = object(o.get(key).unwrap_or(&Value::Null), key)?;
    map.iter()
        .map(|(name, v)| {
            let at = path(key, name);
            Ok((name.clone(), entry(object(v, &at)?, &at)?))
        })
        .collect()
}

fn steps(o: &Map<String, Value>, at: &str) -> Result<Vec<Step>, String> {
    list(o, "steps", at, |v, at| {
        let o = object(v, at)?;
        let actor = match text(o, "actor", at)?.as_str() {
            "user" => Actor::User,
            "operator" => Actor::Operator,
            "admin" => Actor::Admin,
            other => return Err(format!("{at}.actor: “{other}” is not user, operator or admin")),
        };
        Ok(Step { actor, text: text(o, "text", at)? })
    })
}

/// A link from data (the service's resources or our files) is only ever rendered as an `https:` link, so a
/// `javascript:` or other scheme in hostile data stays inert text.
pub fn safe_href(link: &str) -> Option<&str> {
    let link = link.trim();
    link.get(..8).filter(|scheme| scheme.eq_ignore_ascii_case("https://")).map(|_| link)
}

thread_local! {
    static CACHE: RefCell<HashMap<&'static str, Arc<KnowledgeBase>>> = RefCell::new(HashMap::new());
}

/// Installs a knowledge base for `locale` without fetching (component tests, embedders that bundle it).
pub fn prime(locale: Locale, knowledge: KnowledgeBase) {
    CACHE.with(|cache| cache.borrow_mut().insert(locale.tag(), Arc::new(knowledge)));
}

/// The knowledge base in `locale`, fetched once per language and session.
pub async fn load(locale: Locale) -> Result<Arc<KnowledgeBase>, ApiError> {
    if let Some(hit) = CACHE.with(|cache| cache.borrow().get(locale.tag()).cloned()) {
        return Ok(hit);
    }
    let url = format!("{KNOWLEDGE_BASE_DIR}/{}.json", locale.tag());
    let text = crate::platform::fetch_text(&url).await.map_err(ApiError::network)?;
    let knowledge = KnowledgeBase::parse(&text).map_err(|e| ApiError::decode(format!("{url}: {e}"), None))?;
    let knowledge = Arc::new(knowledge);
    CACHE.with(|cache| cache.borrow_mut().insert(locale.tag(), knowledge.clone()));
    Ok(knowledge)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn file(locale: Locale) -> KnowledgeBase {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join(KNOWLEDGE_BASE_DIR)
            .join(format!("{}.json", locale.tag()));
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        KnowledgeBase::parse(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    fn all() -> Vec<(Locale, KnowledgeBase)> {
        Locale::ALL.into_iter().map(|l| (l, file(l))).collect()
    }

    fn keys<V>(map: &BTreeMap<String, V>) -> BTreeSet<&str> {
        map.keys().map(String::as_str).collect()
    }

    #[test]
    fn every_language_covers_exactly_the_20_reasons_12_categories_and_5_guides() {
        let reasons: BTreeSet<&str> = Reason::ALL.iter().map(|r| r.slug()).collect();
        let categories: BTreeSet<&str> = Category::ALL.iter().map(|c| c.slug()).collect();
        let guides: BTreeSet<&str> = Guide::ALL.iter().map(|g| g.slug()).collect();
        for (locale, kb) in all() {
            assert_eq!(kb.language, locale.tag());
            assert_eq!(keys(&kb.reasons), reasons, "{}: reasons", locale.tag());
            assert_eq!(keys(&kb.categories), categories, "{}: categories", locale.tag());
            assert_eq!(keys(&kb.collect_data), guides, "{}: guides", locale.tag());
        }
    }

    #[test]
    fn every_reason_explains_and_says_what_to_do() {
        for (locale, kb) in all() {
            for reason in Reason::ALL {
                let entry = kb.reason(reason).unwrap();
                assert!(!entry.explanation.trim().is_empty(), "{} {}", locale.tag(), reason.slug());
                assert!((2..=6).contains(&entry.steps.len()), "{} {}: steps", locale.tag(), reason.slug());
                assert!(entry.steps.iter().all(|s| !s.text.trim().is_empty()));
                assert!(!entry.resources.is_empty(), "{} {}: resources", locale.tag(), reason.slug());
                assert!(entry.resources.iter().all(|r| safe_href(&r.link).is_some() && !r.text.trim().is_empty()));
            }
            for guide in Guide::ALL {
                let g = kb.guide(guide).unwrap();
                assert!(!g.intro.trim().is_empty() && g.steps.len() >= 3, "{} {}", locale.tag(), guide.slug());
                assert!(safe_href(&g.link).is_some());
            }
        }
    }

    #[test]
    fn only_an_unknown_category_has_no_remediation() {
        for (locale, kb) in all() {
            for category in Category::ALL {
                let entry = kb.category(category).unwrap();
                assert!(!entry.explanation.trim().is_empty());
                assert_eq!(
                    entry.steps.is_empty(),
                    category == Category::Unknown,
                    "{} {}",
                    locale.tag(),
                    category.slug()
                );
            }
        }
    }

    #[test]
    fn translations_keep_the_same_actors_and_links_and_are_translated() {
        let all = all();
        let (_, en) = &all[0];
        for (locale, kb) in &all[1..] {
            for reason in Reason::ALL {
                let (a, b) = (en.reason(reason).unwrap(), kb.reason(reason).unwrap());
                let actors = |e: &ReasonEntry| e.steps.iter().map(|s| s.actor).collect::<Vec<_>>();
                assert_eq!(actors(a), actors(b), "{} {}: actors", locale.tag(), reason.slug());
                let links = |e: &ReasonEntry| e.resources.iter().map(|r| r.link.clone()).collect::<Vec<_>>();
                assert_eq!(links(a), links(b), "{} {}: links", locale.tag(), reason.slug());
                assert_ne!(a.explanation, b.explanation, "{} {}: not translated", locale.tag(), reason.slug());
            }
            for category in Category::ALL {
                let (a, b) = (en.category(category).unwrap(), kb.category(category).unwrap());
                assert_eq!(
                    a.steps.iter().map(|s| s.actor).collect::<Vec<_>>(),
                    b.steps.iter().map(|s| s.actor).collect::<Vec<_>>()
                );
                assert_ne!(a.explanation, b.explanation, "{} {}: not translated", locale.tag(), category.slug());
            }
            for guide in Guide::ALL {
                let (a, b) = (en.guide(guide).unwrap(), kb.guide(guide).unwrap());
                assert_eq!(a.link, b.link);
                assert_ne!(a.intro, b.intro, "{} {}: not translated", locale.tag(), guide.slug());
            }
        }
    }

    #[test]
    fn advice_prefers_the_reason_and_falls_back_to_the_category() {
        let kb = file(Locale::En);
        let known = Diagnosis { reason: Some(Reason::DeviceCapReached), category: Category::Unknown };
        assert_eq!(kb.advice(known).unwrap().explanation, kb.reason(Reason::DeviceCapReached).unwrap().explanation);
        let unknown = Diagnosis { reason: None, category: Category::ClientDisconnected };
        let advice = kb.advice(unknown).unwrap();
        assert_eq!(advice.explanation, kb.category(Category::ClientDisconnected).unwrap().explanation);
        assert!(advice.resources.is_empty());
        assert!(kb.advice(Diagnosis { reason: None, category: Category::Unknown }).unwrap().steps.is_empty());
    }

    #[test]
    fn only_https_links_are_rendered_as_links() {
        assert_eq!(safe_href(" https://learn.microsoft.com/x "), Some("https://learn.microsoft.com/x"));
        assert_eq!(safe_href("HTTPS://example.com"), Some("HTTPS://example.com"));
        for bad in ["javascript:alert(1)", "http://example.com", "data:text/html,x", "//evil.example", "", "https:"] {
            assert_eq!(safe_href(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_bad_file_names_the_bad_key() {
        let mut value: Value = serde_json::from_str(
            &std::fs::read_to_string(
                std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(KNOWLEDGE_BASE_DIR).join("en.json"),
            )
            .unwrap(),
        )
        .unwrap();
        value["reasons"]["deviceCapReached"]["steps"][1]["actor"] = Value::from("manager");
        let error = KnowledgeBase::parse(&value.to_string()).unwrap_err();
        assert!(error.contains("reasons.deviceCapReached.steps[1].actor"), "{error}");
        value["reasons"]["deviceCapReached"]["steps"] = Value::Null;
        assert!(KnowledgeBase::parse(&value.to_string()).unwrap_err().contains("reasons.deviceCapReached.steps"));
        assert!(KnowledgeBase::parse("{not json").is_err());
    }

    #[test]
    fn guides_open_for_the_failed_devices_platform() {
        assert!(Guide::Ios.fits("iPadOS") && Guide::AndroidUsb.fits("Android") && Guide::Windows.fits("Windows"));
        assert!(!Guide::Windows.fits("macOS") && !Guide::Ios.fits("Android"));
    }
}
