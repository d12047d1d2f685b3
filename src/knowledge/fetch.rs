//! Loading the knowledge base of a language: fetched beside the page the first time, then kept for the session.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

use super::{KnowledgeBase, KNOWLEDGE_BASE_DIR};
use crate::graph::ApiError;
use crate::i18n::Locale;

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
