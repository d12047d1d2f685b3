//! The data selector's tables: locale-resolved cells, a text filter and column sorting, kept out of the
//! components so they are tested natively.

use std::cmp::Ordering;

use super::search::fold;

/// Visual emphasis of a cell, also exposed to assistive tech and tests as `data-tone`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Tone {
    #[default]
    Plain,
    Good,
    Warn,
    Bad,
    Muted,
}

impl Tone {
    pub fn as_str(self) -> &'static str {
        match self {
            Tone::Plain => "plain",
            Tone::Good => "good",
            Tone::Warn => "warn",
            Tone::Bad => "bad",
            Tone::Muted => "muted",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SortKey {
    Num(i64),
    Text(String),
    /// Empty cells sort last in both directions.
    Missing,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Cell {
    pub text: String,
    /// A second line: the failing setting, an error code, the group an assignment comes through.
    pub detail: Option<String>,
    pub tone: Tone,
    /// Shown as a badge (status) rather than plain text.
    pub badge: bool,
    pub sort: SortKey,
    /// Makes the cell's text a link, e.g. to a row's details.
    pub link: Option<CellLink>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CellLink {
    pub href: String,
    /// The row whose details are open (`aria-current`).
    pub current: bool,
}

impl Cell {
    pub fn text(text: impl Into<String>) -> Self {
        let text = text.into();
        let sort = if text.is_empty() { SortKey::Missing } else { SortKey::Text(fold(&text)) };
        Self { text, detail: None, tone: Tone::Plain, badge: false, sort, link: None }
    }

    pub fn badge(text: impl Into<String>, tone: Tone) -> Self {
        Self { badge: true, tone, ..Self::text(text) }
    }

    /// Shows `text` but sorts by `key` (timestamps, counts, severities).
    pub fn sorted_by(mut self, key: Option<i64>) -> Self {
        self.sort = key.map_or(SortKey::Missing, SortKey::Num);
        self
    }

    pub fn with_detail(mut self, detail: Option<String>) -> Self {
        self.detail = detail.filter(|d| !d.is_empty());
        self
    }

    pub fn linked(mut self, href: String, current: bool) -> Self {
        self.link = Some(CellLink { href, current });
        self
    }

    pub fn tone(mut self, tone: Tone) -> Self {
        self.tone = tone;
        self
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Row {
    /// Stable identity for keyed rendering.
    pub key: String,
    pub cells: Vec<Cell>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Row>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sort {
    pub column: usize,
    pub descending: bool,
}

impl Table {
    /// Rows containing every word of `filter` (accent- and case-insensitive), sorted by `sort`.
    pub fn view(&self, filter: &str, sort: Option<Sort>) -> Vec<Row> {
        let needles: Vec<String> = fold(filter).split_whitespace().map(str::to_string).collect();
        let mut rows: Vec<Row> = self
            .rows
            .iter()
            .filter(|row| {
                let hay = row_text(row);
                needles.iter().all(|n| hay.contains(n.as_str()))
            })
            .cloned()
            .collect();
        if let Some(Sort { column, descending }) = sort {
            rows.sort_by(|a, b| {
                let (ka, kb) = (a.cells.get(column).map(|c| &c.sort), b.cells.get(column).map(|c| &c.sort));
                match (ka, kb) {
                    (Some(SortKey::Missing), Some(SortKey::Missing)) => Ordering::Equal,
                    (Some(SortKey::Missing), _) => Ordering::Greater,
                    (_, Some(SortKey::Missing)) => Ordering::Less,
                    _ if descending => kb.cmp(&ka),
                    _ => ka.cmp(&kb),
                }
            });
        }
        rows
    }
}

fn row_text(row: &Row) -> String {
    let mut text = String::new();
    for cell in &row.cells {
        text.push_str(&fold(&cell.text));
        text.push(' ');
        if let Some(detail) = &cell.detail {
            text.push_str(&fold(detail));
            text.push(' ');
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> Table {
        let row = |k: &str, name: &str, days: Option<i64>| Row {
            key: k.into(),
            cells: vec![Cell::text(name), Cell::text("x").sorted_by(days)],
        };
        Table {
            headers: vec!["Name".into(), "Age".into()],
            rows: vec![row("a", "Émile's iPad", Some(3)), row("b", "AUR-LT-01", None), row("c", "Zoë phone", Some(1))],
        }
    }

    #[test]
    fn filters_by_every_word_ignoring_accents() {
        let keys = |rows: Vec<Row>| rows.into_iter().map(|r| r.key).collect::<Vec<_>>();
        assert_eq!(keys(table().view("emile", None)), vec!["a"]);
        assert_eq!(keys(table().view("ZOE PHO", None)), vec!["c"]);
        assert!(table().view("nothing-like-this", None).is_empty());
        assert_eq!(table().view("", None).len(), 3);
    }

    #[test]
    fn sorts_both_ways_with_missing_values_last() {
        let keys = |rows: Vec<Row>| rows.into_iter().map(|r| r.key).collect::<Vec<_>>();
        assert_eq!(keys(table().view("", Some(Sort { column: 1, descending: false }))), vec!["c", "a", "b"]);
        assert_eq!(keys(table().view("", Some(Sort { column: 1, descending: true }))), vec!["a", "c", "b"]);
        assert_eq!(keys(table().view("", Some(Sort { column: 0, descending: false }))), vec!["b", "a", "c"]);
    }
}
