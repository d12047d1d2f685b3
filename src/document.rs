//! A small document model for explanatory views (the enrollment failure details): headings, paragraphs,
//! callouts, numbered steps, links. Builders produce it as plain data, so what an operator reads is tested
//! natively, and one renderer turns any document into DOM, which keeps the wasm small: a new explanation adds
//! data, not another set of generic view types.

use crate::routes::Location;

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Heading {
        level: u8,
        text: String,
    },
    Paragraph {
        text: String,
        muted: bool,
    },
    /// A framed note; `bad` for warnings.
    Callout {
        title: Option<String>,
        paragraphs: Vec<String>,
        bad: bool,
        test_id: Option<&'static str>,
    },
    /// Label/value pairs; `code` values are identifiers shown in monospace.
    Facts(Vec<Fact>),
    Bullets(Vec<String>),
    Steps {
        steps: Vec<StepItem>,
        test_id: &'static str,
    },
    Links(Vec<Link>),
    /// A collapsible guide (`<details>`), open when it fits the case at hand.
    Guide {
        slug: &'static str,
        title: String,
        open: bool,
        intro: String,
        steps: Vec<String>,
        /// Boxed: a link to a Tier1 location carries the whole location, which would make every block large.
        link: Box<Link>,
    },
    /// Preformatted text with a copy button.
    Raw {
        text: String,
        copy_label: String,
        copied_label: String,
        test_id: &'static str,
    },
    Section {
        test_id: Option<&'static str>,
        children: Vec<Block>,
    },
    /// Side by side on wide screens.
    Columns(Vec<Vec<Block>>),
    Loading,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Fact {
    pub label: String,
    pub value: String,
    pub code: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct StepItem {
    /// Who acts, as shown; `actor` is its stable name (`data-actor`).
    pub who: String,
    pub actor: &'static str,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub text: String,
    pub target: LinkTarget,
}

#[derive(Debug, Clone, PartialEq)]
pub enum LinkTarget {
    /// Another place in Tier1: navigate to `to`, then focus the element `focus`.
    Tier1 { to: Location, focus: String },
    /// Public documentation, opened in a new tab; only `https:` links get here.
    External { href: String, new_tab_hint: String },
    /// A link from data that is not safe to follow: shown as text.
    None,
}

impl Block {
    /// Every text of the document, depth first: for tests that check what an operator reads.
    pub fn texts(&self) -> Vec<String> {
        let link = |l: &Link| l.text.clone();
        match self {
            Block::Heading { text, .. } | Block::Paragraph { text, .. } => vec![text.clone()],
            Block::Callout { title, paragraphs, .. } => title.iter().chain(paragraphs).cloned().collect(),
            Block::Facts(facts) => facts.iter().flat_map(|f| [f.label.clone(), f.value.clone()]).collect(),
            Block::Bullets(items) => items.clone(),
            Block::Steps { steps, .. } => steps.iter().map(|s| format!("{}: {}", s.who, s.text)).collect(),
            Block::Links(links) => links.iter().map(link).collect(),
            Block::Guide { title, intro, steps, link: l, .. } => {
                [title.clone(), intro.clone()].into_iter().chain(steps.iter().cloned()).chain([link(l)]).collect()
            }
            Block::Raw { text, .. } => vec![text.clone()],
            Block::Section { children, .. } => children.iter().flat_map(Block::texts).collect(),
            Block::Columns(columns) => columns.iter().flatten().flat_map(Block::texts).collect(),
            Block::Loading => Vec::new(),
        }
    }

    /// The first block with `test_id` (sections, callouts, steps, raw text), searched depth first.
    pub fn find(blocks: &[Block], test_id: &str) -> Option<Block> {
        blocks.iter().find_map(|b| match b {
            Block::Section { test_id: Some(id), .. } | Block::Callout { test_id: Some(id), .. } if *id == test_id => {
                Some(b.clone())
            }
            Block::Steps { test_id: id, .. } | Block::Raw { test_id: id, .. } if *id == test_id => Some(b.clone()),
            Block::Section { children, .. } => Block::find(children, test_id),
            Block::Columns(columns) => columns.iter().find_map(|c| Block::find(c, test_id)),
            _ => None,
        })
    }
}
