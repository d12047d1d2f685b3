//! Renders a [`Block`] document. Text is always inserted as text (markup in data stays inert), external links
//! open in a new tab without an opener, and Tier1 links are real links that, on a plain click, navigate in
//! place and move focus to their target.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::LoadingState;
use crate::document::{Block, Fact, Link, LinkTarget, StepItem};
use crate::platform;
use crate::routes::Location;
use crate::state::use_go;

/// Renders `blocks`; `go` navigates within Tier1.
pub fn render_document(blocks: Vec<Block>) -> impl IntoView {
    let go = use_go();
    let navigate = Callback::new(move |to: Location| go(&to));
    blocks.into_iter().map(|b| render(b, navigate)).collect_view()
}

fn render(block: Block, go: Callback<Location>) -> AnyView {
    match block {
        Block::Heading { level, text } => match level {
            4 => view! { <h4>{text}</h4> }.into_any(),
            _ => view! { <h5>{text}</h5> }.into_any(),
        },
        Block::Paragraph { text, muted } => view! { <p class:t1-muted=muted>{text}</p> }.into_any(),
        Block::Callout { title, paragraphs, bad, test_id } => view! {
            <div class="t1-callout" class:t1-callout--bad=bad data-testid=test_id>
                {title.map(|t| view! { <h5>{t}</h5> })}
                {paragraphs.into_iter().map(|p| view! { <p>{p}</p> }).collect_view()}
            </div>
        }
        .into_any(),
        Block::Facts(facts) => view! { <dl class="t1-details__facts">{facts.into_iter().map(fact).collect_view()}</dl> }
        .into_any(),
        Block::Bullets(items) => view! { <ul class="t1-details__list">{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul> }
        .into_any(),
        Block::Steps { steps, test_id } => view! {
            <ol class="t1-steps" data-testid=test_id>
                {steps.into_iter().map(step).collect_view()}
            </ol>
        }
        .into_any(),
        Block::Links(links) => view! { <ul class="t1-details__list">{links.into_iter().map(|l| view! { <li>{link(l, go)}</li> }).collect_view()}</ul> }
        .into_any(),
        Block::Guide { slug, title, open, intro, steps, link: guide_link } => view! {
            <details class="t1-guide" open=open data-testid=crate::test_ids::COLLECT_GUIDE data-guide=slug>
                <summary>{title}</summary>
                <p>{intro}</p>
                <ol>{steps.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ol>
                <p>{link(*guide_link, go)}</p>
            </details>
        }
        .into_any(),
        Block::Raw { text, copy_label, copied_label, test_id } => raw(text, copy_label, copied_label, test_id),
        Block::Section { test_id, children } => view! {
            <section class="t1-details__section" data-testid=test_id>
                {children.into_iter().map(|c| render(c, go)).collect_view()}
            </section>
        }
        .into_any(),
        Block::Columns(columns) => view! {
            <div class="t1-details__columns">
                {columns
                    .into_iter()
                    .map(|c| view! { <div>{c.into_iter().map(|b| render(b, go)).collect_view()}</div> })
                    .collect_view()}
            </div>
        }
        .into_any(),
        Block::Loading => view! { <LoadingState /> }.into_any(),
    }
}

fn fact(f: Fact) -> impl IntoView {
    let value = if f.code { view! { <code>{f.value}</code> }.into_any() } else { f.value.into_any() };
    view! {
        <div>
            <dt>{f.label}</dt>
            <dd>{value}</dd>
        </div>
    }
}

fn step(s: StepItem) -> impl IntoView {
    view! {
        <li class="t1-step" data-actor=s.actor>
            <span class="t1-badge t1-badge--plain t1-step__actor">{s.who}</span>
            " "
            {s.text}
        </li>
    }
}

fn link(l: Link, go: Callback<Location>) -> AnyView {
    match l.target {
        LinkTarget::Tier1 { to, focus } => {
            let href = to.to_query();
            view! {
                <a
                    class="t1-link"
                    href=href
                    data-testid=crate::test_ids::TIER1_LINK
                    data-target=focus.clone()
                    on:click=move |ev| {
                        ev.prevent_default();
                        go.run(to.clone());
                        focus_later(focus.clone());
                    }
                >
                    {l.text}
                </a>
            }
            .into_any()
        }
        LinkTarget::External { href, new_tab_hint } => view! {
            <a
                class="t1-link"
                href=href
                target="_blank"
                rel="noopener noreferrer"
                data-testid=crate::test_ids::DOC_LINK
            >
                {l.text}
                <span class="t1-visually-hidden">" "{new_tab_hint}</span>
            </a>
        }
        .into_any(),
        LinkTarget::None => view! { <span>{l.text}</span> }.into_any(),
    }
}

fn raw(text: String, copy_label: String, copied_label: String, test_id: &'static str) -> AnyView {
    let copied = RwSignal::new(false);
    let copy = {
        let text = text.clone();
        move |_| copied.set(platform::copy_to_clipboard(&text))
    };
    view! {
        <pre class="t1-raw" data-testid=test_id>
            {text}
        </pre>
        <button type="button" class="t1-button t1-button--quiet" on:click=copy>
            {copy_label}
        </button>
        <span role="status">{move || copied.get().then(|| copied_label.clone())}</span>
    }
    .into_any()
}

/// Focuses (and scrolls to) the element `id` once the navigation that precedes it has rendered.
pub fn focus_later(id: String) {
    spawn_local(async move {
        // A macrotask later: the router and the views it updates have settled by then.
        platform::sleep_ms(1).await;
        platform::focus_element(&id, true);
    });
}
