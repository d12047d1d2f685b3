//! Reading a knowledge base file into [`KnowledgeBase`], with errors that name the path of the bad key.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::{Actor, AppErrorEntry, CategoryEntry, CollectGuide, KnowledgeBase, ReasonEntry, Resource, Step};

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
            // Optional, so that a deployment's own older file (without codes) still loads.
            app_errors: match root.get("appInstallErrors") {
                None => BTreeMap::new(),
                Some(_) => entries(root, "appInstallErrors", |o, at| {
                    Ok(AppErrorEntry {
                        message: text(o, "message", at)?,
                        explanation: text(o, "explanation", at)?,
                        steps: steps(o, at)?,
                    })
                })?,
            },
        })
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
