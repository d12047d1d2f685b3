//! A sortable, filterable table with explicit empty states. Headers are buttons (keyboard sortable) and
//! announce their sort through `aria-sort`; the row count is a polite live region.

use leptos::prelude::*;

use super::EmptyState;
use crate::domain::table::{Row, Sort, Table};
use crate::domain::words::runs;
use crate::i18n::Key;
use crate::state::{tr, use_highlighted_row, use_locale};
use crate::test_ids;

/// A last column drawn by the caller from each row's key, e.g. a device's actions. It is neither sorted nor
/// filtered on.
#[derive(Clone)]
pub struct ExtraColumn {
    pub header: Signal<String>,
    pub cell: Callback<String, AnyView>,
}

#[component]
pub fn DataTable(
    #[prop(into)] table: Signal<Table>,
    /// Accessible name of the table (the view's title).
    #[prop(into)]
    label: Signal<String>,
    /// Shown instead of the table when it has no rows at all.
    empty: Key,
    #[prop(optional)] extra: Option<ExtraColumn>,
) -> impl IntoView {
    let locale = use_locale();
    let filter = RwSignal::new(String::new());
    let sort = RwSignal::new(None::<Sort>);
    let rows = Memo::new(move |_| table.with(|t| t.view(&filter.get(), sort.get())));
    let total = Memo::new(move |_| table.with(|t| t.rows.len()));
    let (extra_header, extra_cell) = (extra.as_ref().map(|e| e.header), extra.map(|e| e.cell));
    let highlight = use_highlighted_row();
    let table_ref = NodeRef::<leptos::html::Div>::new();
    // An evidence link names a row: once it is drawn, scroll it into view (the data may arrive after the link).
    Effect::new(move |_| {
        if highlight.get().is_some() && !rows.with(Vec::is_empty) {
            if let Some(root) = table_ref.get() {
                crate::platform::scroll_to_first(&root, "[data-highlighted]");
            }
        }
    });

    let toggle_sort = move |column: usize| {
        sort.update(|s| {
            *s = match *s {
                Some(Sort { column: c, descending: false }) if c == column => Some(Sort { column, descending: true }),
                Some(Sort { column: c, descending: true }) if c == column => None,
                _ => Some(Sort { column, descending: false }),
            }
        })
    };

    let header = move |(index, text): (usize, String)| {
        let aria_sort = move || match sort.get() {
            Some(Sort { column, descending }) if column == index => {
                if descending {
                    "descending"
                } else {
                    "ascending"
                }
            }
            _ => "none",
        };
        let label = {
            let text = text.clone();
            move || locale.get().fill(Key::SortBy, &[("column", &text)])
        };
        view! {
            <th scope="col" aria-sort=aria_sort>
                <button type="button" class="t1-table__sort" aria-label=label on:click=move |_| toggle_sort(index)>
                    // A space, not a margin, before the icon: it may go below a long last word.
                    {words(&text)}
                    " "
                    <span class="t1-table__sort-icon" aria-hidden="true"></span>
                </button>
            </th>
        }
    };

    view! {
        <Show when=move || { total.get() > 0 } fallback=move || view! { <EmptyState message=empty /> }>
            <div class="t1-table" data-testid=test_ids::DATA_TABLE node_ref=table_ref>
                <div class="t1-table__toolbar">
                    <label class="t1-field">
                        <span class="t1-field__label">{tr(Key::FilterLabel)}</span>
                        <input
                            type="search"
                            class="t1-input"
                            data-testid=test_ids::TABLE_FILTER
                            placeholder=tr(Key::FilterPlaceholder)
                            prop:value=move || filter.get()
                            on:input:target=move |ev| filter.set(ev.target().value())
                        />
                    </label>
                    <p class="t1-table__count" role="status" data-testid=test_ids::TABLE_COUNT>
                        {move || {
                            locale
                                .get()
                                .fill(
                                    Key::RowsShown,
                                    &[("shown", &rows.with(Vec::len).to_string()), ("total", &total.get().to_string())],
                                )
                        }}
                    </p>
                </div>
                <div class="t1-table__scroll">
                    <table>
                        <caption class="t1-visually-hidden">{move || label.get()}</caption>
                        <thead>
                            <tr>
                                {move || {
                                    table.with(|t| t.headers.clone()).into_iter().enumerate().map(header).collect_view()
                                }} {extra_header.map(|h| view! { <th scope="col">{move || h.get()}</th> })}
                            </tr>
                        </thead>
                        <tbody>
                            <For
                                each=move || rows.get()
                                key=|row| row.clone()
                                children=move |row| table_row(row, extra_cell, highlight)
                            />
                        </tbody>
                    </table>
                </div>
                <Show when=move || rows.with(Vec::is_empty)>
                    <p class="t1-empty">{tr(Key::NoRowsFiltered)}</p>
                </Show>
            </div>
        </Show>
    }
}

/// Whether `key` (`id` or `id|deviceId`) is the row `wanted`, or one of its rows when `wanted` is an id alone.
fn is_wanted(key: &str, wanted: &str) -> bool {
    key == wanted || key.strip_prefix(wanted).is_some_and(|rest| rest.starts_with('|'))
}

fn table_row(row: Row, extra: Option<Callback<String, AnyView>>, highlight: Signal<Option<String>>) -> impl IntoView {
    let extra = extra.map(|cell| view! { <td class="t1-table__extra">{cell.run(row.key.clone())}</td> });
    let key = row.key.clone();
    let wanted = move || highlight.with(|h| h.as_deref().is_some_and(|h| is_wanted(&key, h))).then_some("true");
    view! {
        <tr data-testid=test_ids::TABLE_ROW data-key=row.key.clone() data-highlighted=wanted>
            {row
                .cells
                .into_iter()
                .map(|cell| {
                    let tone = cell.tone.as_str();
                    let main = if let Some(link) = cell.link {
                        let current = link.current.then_some("true");
                        view! {
                            <a class="t1-link" href=link.href aria-current=current>
                                {words(&cell.text)}
                            </a>
                        }
                            .into_any()
                    } else if cell.badge {
                        view! {
                            <span class=format!("t1-badge t1-badge--{tone}") data-tone=tone>
                                {words(&cell.text)}
                            </span>
                        }
                            .into_any()
                    } else {
                        view! { <span class=format!("t1-tone--{tone}")>{words(&cell.text)}</span> }.into_any()
                    };
                    view! {
                        <td>{main} {cell.detail.map(|d| view! { <div class="t1-cell__detail">{words(&d)}</div> })}</td>
                    }
                })
                .collect_view()}
            {extra}
        </tr>
    }
}

/// A cell's text, wrapping only between words: ids, versions and hyphenated words are kept whole.
fn words(text: &str) -> impl IntoView {
    runs(text)
        .into_iter()
        .map(|run| {
            if run.whole {
                view! { <span class="t1-whole">{run.text}</span> }.into_any()
            } else {
                run.text.into_any()
            }
        })
        .collect_view()
}
