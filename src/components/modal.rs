//! A modal dialog on the native `<dialog>` element: `showModal()` makes the rest of the page inert, so focus
//! stays inside; Escape and the close button (or the dialog's own Cancel) call `on_close`; focus goes back to whatever opened it. Render
//! it only while open (e.g. inside `<Show>`): mounting opens it, unmounting closes it.

use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::Key;
use crate::state::tr;

#[component]
pub fn Modal(
    /// The heading, which also names the dialog.
    #[prop(into)]
    title: Signal<String>,
    /// Element id of the heading (unique on the page).
    heading_id: &'static str,
    #[prop(into)] on_close: Callback<()>,
    /// `data-testid` of the dialog.
    test_id: &'static str,
    /// Extra class, e.g. `t1-modal--wide` for a table.
    #[prop(optional)]
    class: &'static str,
    /// The dialog ends in its own Cancel button: no Close button in the head, so there is one way out
    /// besides Escape.
    #[prop(optional)]
    own_cancel: bool,
    /// The element to focus first has `autofocus`; without one, the browser focuses the close button.
    children: Children,
) -> impl IntoView {
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let opener = StoredValue::new_local(web_sys::window().and_then(|w| w.document()).and_then(|d| d.active_element()));
    Effect::new(move |_| {
        if let Some(element) = dialog.get() {
            if !element.open() {
                let _ = element.show_modal();
            }
        }
    });
    on_cleanup(move || {
        let opener = opener.try_get_value().flatten().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(opener) = opener {
            // After the dialog has left the page: while it is still modal, nothing outside can take focus.
            set_timeout(move || drop(opener.focus()), Duration::ZERO);
        }
    });
    view! {
        <dialog
            node_ref=dialog
            class=format!("t1-modal {class}")
            role="dialog"
            aria-modal="true"
            aria-labelledby=heading_id
            data-testid=test_id
            on:keydown=move |ev| {
                if ev.key() == "Escape" {
                    ev.prevent_default();
                    on_close.run(());
                }
            }
            on:close=move |_| on_close.run(())
        >
            <div class="t1-modal__head">
                <h2 id=heading_id class="t1-modal__title">
                    {move || title.get()}
                </h2>
                {(!own_cancel)
                    .then(|| {
                        view! {
                            <button type="button" class="t1-button t1-button--quiet" on:click=move |_| on_close.run(())>
                                {tr(Key::CloseDialog)}
                            </button>
                        }
                    })}
            </div>
            <div class="t1-modal__body">{children()}</div>
        </dialog>
    }
}
