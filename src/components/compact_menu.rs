//! Controls that sit inline on wide screens and fold into one disclosure button on narrow ones (the CSS
//! breakpoint decides which; the markup is the same, so each control exists once). The button toggles the
//! panel; Escape, or focus leaving the menu, closes it, and Escape puts focus back on the button.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn CompactMenu(
    /// The button's text, which also names the panel.
    #[prop(into)]
    label: Signal<String>,
    /// Element id of the panel (unique on the page).
    panel_id: &'static str,
    /// `data-testid` of the button.
    test_id: &'static str,
    children: Children,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let button = NodeRef::<leptos::html::Button>::new();
    let root = NodeRef::<leptos::html::Div>::new();
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" && open.get_untracked() {
            ev.prevent_default();
            open.set(false);
            if let Some(button) = button.get_untracked() {
                let _ = button.focus();
            }
        }
    };
    // Closes when focus moves outside (a click elsewhere, Tab past the last control).
    let on_focusout = move |ev: leptos::ev::FocusEvent| {
        let next = ev.related_target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
        let inside = match (root.get_untracked(), next) {
            (Some(root), Some(next)) => root.contains(Some(&next)),
            _ => false,
        };
        if !inside {
            open.set(false);
        }
    };
    view! {
        <div class="t1-compact-menu" node_ref=root on:keydown=on_keydown on:focusout=on_focusout>
            <button
                type="button"
                class="t1-button t1-button--topbar t1-compact-menu__button"
                node_ref=button
                aria-expanded=move || open.get().to_string()
                aria-controls=panel_id
                data-testid=test_id
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {move || label.get()}
                <span class="t1-compact-menu__caret" aria-hidden="true"></span>
            </button>
            // Focusable (-1) so that a click on the panel's background keeps focus inside it.
            <div
                id=panel_id
                class="t1-compact-menu__panel"
                role="group"
                aria-label=move || label.get()
                tabindex="-1"
                data-open=move || open.get().then_some("true")
            >
                {children()}
            </div>
        </div>
    }
}
