//! Checks against the shipped files (`knowledge/enrollment/{en,nl,fr}.json`): complete, consistent across
//! languages, translated, and a damaged copy rejected with the path of the bad key.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use super::*;
use crate::domain::failures::{Category, Diagnosis, Reason};
use crate::i18n::Locale;

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
            assert_eq!(entry.steps.is_empty(), category == Category::Unknown, "{} {}", locale.tag(), category.slug());
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

/// Every error code (`errorCode`) in the demo tenants' files, as Tier1 shows it.
fn fixture_error_codes() -> BTreeSet<String> {
    fn walk(value: &Value, out: &mut BTreeSet<String>) {
        match value {
            Value::Object(map) => {
                for (key, v) in map {
                    match (key.as_str(), v.as_i64()) {
                        ("errorCode", Some(code)) if code != 0 => {
                            out.insert(crate::model::hresult_hex(code));
                        }
                        _ => walk(v, out),
                    }
                }
            }
            Value::Array(items) => items.iter().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    let mut codes = BTreeSet::new();
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    for tenant in std::fs::read_dir(&fixtures).unwrap().flatten().filter(|e| e.path().is_dir()) {
        for file in std::fs::read_dir(tenant.path()).unwrap().flatten() {
            if file.path().extension().is_some_and(|x| x == "json") {
                let text = std::fs::read_to_string(file.path()).unwrap();
                // A file per line (JSON lines) or one document: walk whatever parses.
                let docs: Vec<Value> = serde_json::from_str(&text).map(|v| vec![v]).unwrap_or_else(|_| {
                    text.lines().filter_map(|l| serde_json::from_str(l.trim_end_matches(',')).ok()).collect()
                });
                docs.iter().for_each(|v| walk(v, &mut codes));
            }
        }
    }
    codes
}

#[test]
fn every_error_code_in_the_demo_tenants_is_explained_in_every_language() {
    let codes = fixture_error_codes();
    assert!(codes.contains("0x87D1041C") && codes.contains("0x87D13B64"), "{codes:?}");
    for (locale, kb) in all() {
        for code in &codes {
            let entry = kb.app_error(code).unwrap_or_else(|| panic!("{}: {code} is not explained", locale.tag()));
            assert!(!entry.message.trim().is_empty() && !entry.explanation.trim().is_empty());
            assert!((1..=3).contains(&entry.steps.len()), "{} {code}: steps", locale.tag());
        }
    }
}

#[test]
fn app_error_codes_are_the_same_in_every_language_with_the_same_actors_and_translated() {
    let all = all();
    let (_, en) = &all[0];
    assert!(en.app_errors.len() >= 15, "{} codes", en.app_errors.len());
    for (locale, kb) in &all[1..] {
        assert_eq!(keys(&en.app_errors), keys(&kb.app_errors), "{}: codes", locale.tag());
        for (code, a) in &en.app_errors {
            let b = &kb.app_errors[code];
            let actors = |e: &AppErrorEntry| e.steps.iter().map(|s| s.actor).collect::<Vec<_>>();
            assert_eq!(actors(a), actors(b), "{} {code}: actors", locale.tag());
            assert_ne!(a.message, b.message, "{} {code}: not translated", locale.tag());
            assert_ne!(a.explanation, b.explanation, "{} {code}: not translated", locale.tag());
        }
    }
}

#[test]
fn an_app_error_is_found_whatever_the_case_of_the_code_and_an_unknown_code_is_not() {
    let kb = file(Locale::En);
    let amara = kb.app_error("0x87d1041c").expect("Amara's code");
    assert!(amara.message.contains("not detected"), "{}", amara.message);
    assert!(amara.steps.iter().any(|s| s.actor == Actor::Admin));
    assert!(kb.app_error("0x12345678").is_none());
    assert!(kb.app_error("-2016345060").is_none(), "codes are matched as Tier1 shows them, in hex");
}

#[test]
fn a_file_without_app_error_codes_still_loads_and_a_bad_code_entry_names_its_key() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(KNOWLEDGE_BASE_DIR).join("en.json");
    let mut value: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    value["appInstallErrors"]["0x87D1041C"]["steps"][0]["actor"] = Value::from("vendor");
    let error = KnowledgeBase::parse(&value.to_string()).unwrap_err();
    assert!(error.contains("appInstallErrors.0x87D1041C.steps[0].actor"), "{error}");
    value.as_object_mut().unwrap().remove("appInstallErrors");
    assert!(KnowledgeBase::parse(&value.to_string()).unwrap().app_errors.is_empty());
}
