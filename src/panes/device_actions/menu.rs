//! A device row's actions as an ARIA menu button: the button opens a `role="menu"` that overlays the table
//! (`position: fixed`, placed from the button's rectangle each frame while open, so neither the table's
//! scrolling container clips it nor the row grows). Arrows, Home and End move between items; Escape closes
//! and returns focus to the button; a click elsewhere or Tab closes; choosing an item closes it. Destructive
//! actions come last, after a separator. A blocked item stays focusable with `aria-disabled` and its reason
//! (`aria-describedby`), as in the details' action bar.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::entry::ActionEntry;
use super::handle::DeviceHandle;
use crate::domain::device_actions::DeviceAction;
use crate::tables::device_actions::ActionButton;
use crate::test_ids;

#[component]
pub fn ActionMenu(
    handle: DeviceHandle,
    /// The button's accessible name, which also names the menu.
    #[prop(into)]
    label: Signal<String>,
    /// Whether the menu is open (held outside the row, which is rebuilt when its data changes).
    #[prop(into)]
    open: Signal<bool>,
    #[prop(into)] set_open: Callback<bool>,
    /// The button's visible text.
    children: Children,
) -> impl IntoView {
    let buttons = handle.buttons();
    let device_id = handle.device_id();
    let (button_id, menu_id) = (format!("t1-menu-button-{device_id}"), format!("t1-menu-{device_id}"));
    let button = NodeRef::<leptos::html::Button>::new();
    let wrapper = NodeRef::<leptos::html::Div>::new();
    let menu = NodeRef::<leptos::html::Ul>::new();

    // Opening places the menu and focuses an item once it is visible (a frame later, before it is painted).
    let show = move |focus_last: bool| {
        let was_open = open.get_untracked();
        set_open.run(true);
        request_animation_frame(move || {
            if !was_open {
                follow(button, menu, open);
            }
            let items = menu_items(menu);
            let item = if focus_last { items.last() } else { items.first() };
            if let Some(item) = item {
                let _ = item.focus();
            }
        });
    };
    let close = move |refocus: bool| {
        set_open.run(false);
        if let Some(b) = button.get_untracked().filter(|_| refocus) {
            let _ = b.focus();
        }
    };
    // A press anywhere else closes the menu (that press still does what it does: open a link, another menu).
    let outside = window_event_listener(leptos::ev::pointerdown, move |ev| {
        if !open.try_get_untracked().unwrap_or(false) {
            return;
        }
        let inside = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
            .zip(wrapper.get_untracked())
            .is_some_and(|(target, wrapper)| wrapper.contains(Some(&target)));
        if !inside {
            set_open.run(false);
        }
    });
    on_cleanup(move || outside.remove());

    let on_button_key = move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
        "ArrowDown" | "ArrowUp" => {
            ev.prevent_default();
            show(ev.key() == "ArrowUp");
        }
        "Escape" if open.get_untracked() => {
            ev.prevent_default();
            close(true);
        }
        _ => {}
    };
    let on_menu_key = move |ev: leptos::ev::KeyboardEvent| {
        let key = ev.key();
        if key == "Escape" {
            ev.prevent_default();
            ev.stop_propagation();
            close(true);
            return;
        }
        if key == "Tab" {
            close(false);
            return;
        }
        let items = menu_items(menu);
        let current = items.iter().position(is_active);
        if let Some(next) = next_index(&key, current, items.len()) {
            ev.prevent_default();
            let _ = items[next].focus();
        }
    };
    // Choosing an enabled item closes the menu and leaves focus on the button, where a confirmation dialog
    // returns it; a blocked item does nothing.
    let choose = move |action: DeviceAction| {
        let blocked = buttons.with_untracked(|bs| bs.iter().any(|b| b.action == action && b.blocked.is_some()));
        if !blocked {
            close(true);
            handle.request(action);
        }
    };

    let (safe, destructive) = (group(buttons, false), group(buttons, true));
    let has_both = move || !safe().is_empty() && !destructive().is_empty();
    let item = move |action: DeviceAction| {
        let why_id = format!("t1-menu-{}-{}-why", handle.device_id(), action.graph_action());
        let entry = ActionEntry::new(buttons, action, why_id);
        view! {
            <li role="none" class="t1-menu__entry">
                <button
                    type="button"
                    role="menuitem"
                    tabindex="-1"
                    class="t1-menu__item"
                    class:t1-menu__item--danger=action.is_destructive()
                    aria-disabled=move || entry.blocked().is_some().then_some("true")
                    aria-describedby=move || entry.described_by()
                    data-testid=test_ids::DEVICE_ACTION
                    data-action=action.graph_action()
                    on:click=move |_| choose(action)
                >
                    {move || entry.label()}
                </button>
                {entry.why("t1-menu__why")}
            </li>
        }
    };

    view! {
        <div class="t1-menu-wrap" node_ref=wrapper>
            <button
                type="button"
                id=button_id.clone()
                class="t1-button t1-button--small t1-menu-button"
                aria-haspopup="menu"
                aria-controls=menu_id.clone()
                aria-expanded=move || open.get().to_string()
                aria-label=move || label.get()
                node_ref=button
                on:keydown=on_button_key
                on:click=move |ev| {
                    if ev.detail() > 1 {
                        return;
                    }
                    if open.get_untracked() { close(true) } else { show(false) }
                }
            >
                {children()}
                <span class="t1-menu-button__caret" aria-hidden="true">
                    "▾"
                </span>
            </button>
            <ul
                id=menu_id
                role="menu"
                class="t1-menu"
                aria-labelledby=button_id
                hidden=move || !open.get()
                node_ref=menu
                on:keydown=on_menu_key
            >
                <For each=safe key=|action| *action children=item />
                <Show when=has_both>
                    <li role="separator" class="t1-menu__separator"></li>
                </Show>
                <For each=destructive key=|action| *action children=item />
            </ul>
        </div>
    }
}

/// The actions of one group (safe or destructive), in the catalogue's order; keyed by action, so an item
/// keeps its element (and focus) while its state changes.
fn group(buttons: Memo<Vec<ActionButton>>, destructive: bool) -> impl Fn() -> Vec<DeviceAction> + Copy {
    move || buttons.with(|bs| bs.iter().filter(|b| b.destructive == destructive).map(|b| b.action).collect())
}

/// The menu's items in order: each entry's first element, unless it is the separator.
fn menu_items(menu: NodeRef<leptos::html::Ul>) -> Vec<web_sys::HtmlElement> {
    let Some(menu) = menu.try_get_untracked().flatten() else { return Vec::new() };
    let entries = std::iter::successors(menu.first_element_child(), |e| e.next_element_sibling());
    entries
        .filter_map(|entry| entry.first_element_child())
        .filter(|e| e.get_attribute("role").as_deref() == Some("menuitem"))
        .filter_map(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        .collect()
}

/// `element.getBoundingClientRect()` through JS reflection (web-sys's `DomRect` is not among the features).
fn client_rect(element: &web_sys::Element) -> Option<Rect> {
    let get = |o: &wasm_bindgen::JsValue, name: &str| js_sys::Reflect::get(o, &name.into()).ok();
    let method: js_sys::Function = get(element, "getBoundingClientRect")?.dyn_into().ok()?;
    let rect = method.call0(element).ok()?;
    let num = |name: &str| get(&rect, name).and_then(|v| v.as_f64());
    Some(Rect { left: num("left")?, top: num("top")?, bottom: num("bottom")? })
}

fn is_active(element: &web_sys::HtmlElement) -> bool {
    let active = web_sys::window().and_then(|w| w.document()).and_then(|d| d.active_element());
    active.is_some_and(|a| a == **element)
}

/// Keeps the open menu beside its button, every frame until it closes (the table may scroll, the page
/// resize, a status line appear above).
fn follow(button: NodeRef<leptos::html::Button>, menu: NodeRef<leptos::html::Ul>, open: Signal<bool>) {
    if !open.try_get_untracked().unwrap_or(false) {
        return;
    }
    let (Some(Some(b)), Some(Some(m))) = (button.try_get_untracked(), menu.try_get_untracked()) else { return };
    let Some(r) = client_rect(&b) else { return };
    let viewport = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .map_or((0.0, 0.0), |e| (f64::from(e.client_width()), f64::from(e.client_height())));
    let size = (f64::from(m.offset_width()), f64::from(m.offset_height()));
    let (left, top) = menu_position(r, size, viewport);
    // Whole pixels: formatting an f64 would bring Rust's float printing (kilobytes of wasm) into the first load.
    let _ = m.set_attribute("style", &format!("left: {}px; top: {}px", left.round() as i64, top.round() as i64));
    request_animation_frame(move || follow(button, menu, open));
}

/// The button's rectangle in viewport pixels.
#[derive(Debug, Clone, Copy)]
struct Rect {
    left: f64,
    top: f64,
    bottom: f64,
}

const GAP: f64 = 4.0;
const MARGIN: f64 = 8.0;

/// Where the menu goes (left, top): below the button, left-aligned with it; above it when there is no room
/// below but room above; shifted left to stay inside the viewport.
fn menu_position(button: Rect, (width, height): (f64, f64), (vw, vh): (f64, f64)) -> (f64, f64) {
    let below = button.bottom + GAP;
    let above = button.top - GAP - height;
    let top = if below + height > vh - MARGIN && above >= MARGIN { above } else { below };
    let left = button.left.min(vw - width - MARGIN).max(MARGIN);
    (left, top)
}

/// The item a key moves focus to among `count` items (wrapping), from `current` (none focused yet).
fn next_index(key: &str, current: Option<usize>, count: usize) -> Option<usize> {
    if count == 0 {
        return None;
    }
    match key {
        "ArrowDown" => Some(current.map_or(0, |i| (i + 1) % count)),
        "ArrowUp" => Some(current.map_or(count - 1, |i| (i + count - 1) % count)),
        "Home" => Some(0),
        "End" => Some(count - 1),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrows_wrap_and_home_end_jump() {
        assert_eq!(next_index("ArrowDown", Some(0), 3), Some(1));
        assert_eq!(next_index("ArrowDown", Some(2), 3), Some(0));
        assert_eq!(next_index("ArrowUp", Some(0), 3), Some(2));
        assert_eq!(next_index("ArrowDown", None, 3), Some(0));
        assert_eq!(next_index("Home", Some(2), 3), Some(0));
        assert_eq!(next_index("End", Some(0), 3), Some(2));
        assert_eq!(next_index("a", Some(0), 3), None);
        assert_eq!(next_index("ArrowDown", None, 0), None);
    }

    #[test]
    fn the_menu_opens_below_or_above_and_stays_inside_the_viewport() {
        let button = Rect { left: 1200.0, top: 100.0, bottom: 130.0 };
        // Room below; too far right for a 240 px menu in 1280 px, so shifted left.
        assert_eq!(menu_position(button, (240.0, 300.0), (1280.0, 800.0)), (1032.0, 134.0));
        // Near the bottom: above the button.
        let low = Rect { left: 100.0, top: 700.0, bottom: 730.0 };
        assert_eq!(menu_position(low, (240.0, 300.0), (1280.0, 800.0)), (100.0, 396.0));
        // No room either way: below, where the page can scroll to it.
        let tall = (240.0, 760.0);
        assert_eq!(menu_position(low, tall, (1280.0, 800.0)).1, 734.0);
    }
}
