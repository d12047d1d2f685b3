//! The enrollment-failure knowledge base: our explanation and remediation steps for every documented failure
//! reason and failure category, and the per-platform guides for collecting logs, in each language.
//! The prose lives in `knowledge/enrollment/{lang}.json` beside `index.html` and is fetched the first time a
//! failure is opened, so three languages of prose never weigh on the first load; native tests check the
//! files are complete, consistent across languages, and cover every fixture event.
//!
//! Here the data types; `parse.rs` reads a file, `lookup.rs` answers what a failure or a platform needs,
//! `fetch.rs` loads a language once per session.

mod fetch;
mod lookup;
mod parse;

pub use fetch::{load, prime};
pub use lookup::{safe_href, Advice, Guide};

use std::collections::BTreeMap;

use crate::i18n::Key;

/// Where the browser finds the files: relative to the page, like the fixtures.
pub const KNOWLEDGE_BASE_DIR: &str = "knowledge/enrollment";

#[derive(Debug, Clone, PartialEq)]
pub struct KnowledgeBase {
    pub language: String,
    pub reasons: BTreeMap<String, ReasonEntry>,
    pub categories: BTreeMap<String, CategoryEntry>,
    pub collect_data: BTreeMap<String, CollectGuide>,
    /// App install (and policy setting) error codes explained, keyed `0x87D1041C`; see [`KnowledgeBase::app_error`].
    pub app_errors: BTreeMap<String, AppErrorEntry>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ReasonEntry {
    pub explanation: String,
    pub steps: Vec<Step>,
    pub resources: Vec<Resource>,
}

/// What an Intune error code means and what to do about it: Intune's short message in plain words, then why it
/// happens and the steps, each with who acts.
#[derive(Debug, Clone, PartialEq)]
pub struct AppErrorEntry {
    pub message: String,
    pub explanation: String,
    pub steps: Vec<Step>,
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

#[cfg(all(test, not(target_arch = "wasm32")))]
mod file_checks;
