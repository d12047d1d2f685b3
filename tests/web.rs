//! Component tests in headless Chromium: mount a component with the demo backend in context, act as a
//! user would (type, press keys, click), and wait by polling for what they would see.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, KeyboardEvent, KeyboardEventInit};

use tier1::backend::Backend;
use tier1::components::{render_document, DataTable, ErrorPanel, UserPicker};
use tier1::document::{Block, Link, LinkTarget, StepItem};
use tier1::domain::table::{Cell, Row, Table, Tone};
use tier1::graph::fixture::FixtureSource;
use tier1::graph::ApiError;
use tier1::i18n::{Key, Locale};
use tier1::model::User;
use tier1::routes::Location;
use tier1::state::{CurrentClient, UiLocale};
use tier1::test_ids;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Mounts `view` in a fresh container with English, the Aurora demo tenant (no simulated latency) in
/// context. Returns the container and the locale signal; keep the handle alive for the test's duration.
fn mount<V: IntoView + 'static>(
    view: impl FnOnce() -> V + 'static,
) -> (HtmlElement, RwSignal<Locale>, leptos::mount::UnmountHandle<V::State>) {
    let container: HtmlElement = document().create_element("section").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    let locale = RwSignal::new(Locale::En);
    let handle = leptos::mount::mount_to(container.clone(), move || {
        provide_context(UiLocale(locale));
        let aurora = Location { latency: Some("0".into()), ..Location::default() };
        provide_context(CurrentClient(Memo::new(move |_| {
            Backend::demo(FixtureSource::Embedded(fixture)).client(&aurora)
        })));
        view()
    });
    (container, locale, handle)
}

async fn sleep(ms: u32) {
    tier1::platform::sleep_ms(ms).await;
}

/// Polls until `check` holds (or fails the test after ~3 s): no fixed sleeps.
async fn wait_for(what: &str, mut check: impl FnMut() -> bool) {
    for _ in 0..150 {
        if check() {
            return;
        }
        sleep(20).await;
    }
    panic!("timed out waiting for: {what}");
}

fn all(root: &Element, testid: &str) -> Vec<Element> {
    let list = root.query_selector_all(&format!("[data-testid='{testid}']")).unwrap();
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<Element>().ok()).collect()
}

fn one(root: &Element, testid: &str) -> Element {
    all(root, testid).into_iter().next().unwrap_or_else(|| panic!("no [data-testid={testid}]"))
}

fn text(el: &Element) -> String {
    el.text_content().unwrap_or_default()
}

fn type_into(input: &Element, value: &str) {
    let input: HtmlInputElement = input.clone().unchecked_into();
    input.set_value(value);
    input.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
}

fn press(target: &Element, key: &str) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    target.dispatch_event(&KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap()).unwrap();
}

/// The Aurora tenant's files, compiled into the test (the test runner serves no fixture folder).
fn fixture(tenant: &str, file: &str) -> Option<&'static str> {
    macro_rules! files {
        ($($name:literal),*) => {
            match file {
                $($name => Some(include_str!(concat!("../fixtures/aurora/", $name))),)*
                _ => None,
            }
        };
    }
    if tenant != "aurora" {
        return None;
    }
    files!("organization.json", "deviceManagement.json", "users.json", "groups.json", "managedDevices.json")
}

fn sample_table() -> Table {
    let row = |k: &str, name: &str, os: &str| Row {
        key: k.into(),
        cells: vec![Cell::text(name), Cell::badge(os, Tone::Good)],
    };
    Table {
        headers: vec!["Device name".into(), "OS".into()],
        rows: vec![
            row("1", "Émile's iPad", "iPadOS"),
            row("2", "AUR-LT-0142", "Windows"),
            row("3", "<img src=x onerror=alert(1)>", "Android"),
        ],
    }
}

#[wasm_bindgen_test]
async fn table_filters_ignoring_accents_and_sorts_from_the_header() {
    let (root, _, _handle) = mount(
        || view! { <DataTable table=Signal::stored(sample_table()) label="Devices".to_string() empty=Key::EmptyDevices /> },
    );
    assert_eq!(all(&root, test_ids::TABLE_ROW).len(), 3);

    type_into(&one(&root, test_ids::TABLE_FILTER), "EMILE");
    wait_for("filtered to one row", || all(&root, test_ids::TABLE_ROW).len() == 1).await;
    assert!(text(&one(&root, test_ids::TABLE_ROW)).contains("Émile's iPad"));
    assert_eq!(text(&one(&root, test_ids::TABLE_COUNT)), "1 of 3 rows");

    type_into(&one(&root, test_ids::TABLE_FILTER), "");
    let header = root.query_selector("th button").unwrap().unwrap();
    header.unchecked_ref::<HtmlElement>().click();
    wait_for("sorted ascending", || root.query_selector("th[aria-sort='ascending']").unwrap().is_some()).await;
    let first = text(&all(&root, test_ids::TABLE_ROW)[0]);
    assert!(first.starts_with("<img"), "'<' sorts before letters, got {first}");
}

#[wasm_bindgen_test]
async fn markup_in_data_renders_as_text() {
    let (root, _, _handle) = mount(
        || view! { <DataTable table=Signal::stored(sample_table()) label="Devices".to_string() empty=Key::EmptyDevices /> },
    );
    assert!(root.query_selector("img").unwrap().is_none(), "no element may be created from data");
    assert!(text(&root).contains("<img src=x onerror=alert(1)>"));
}

#[wasm_bindgen_test]
async fn empty_table_says_so() {
    let empty = Table { headers: vec!["Device name".into()], rows: vec![] };
    let (root, _, _handle) = mount(
        move || view! { <DataTable table=Signal::stored(empty) label="Devices".to_string() empty=Key::EmptyDevices /> },
    );
    assert_eq!(text(&one(&root, test_ids::EMPTY)), "This user has no managed devices.");
    assert!(all(&root, test_ids::DATA_TABLE).is_empty());
}

#[wasm_bindgen_test]
async fn picker_finds_accented_names_and_selects_with_the_keyboard() {
    let picked = RwSignal::new(None::<User>);
    let (root, _, _handle) = mount(move || view! { <UserPicker on_select=move |u| picked.set(Some(u)) /> });
    let input = one(&root, test_ids::USER_SEARCH);

    type_into(&input, "zoe");
    wait_for("Zoë in the results", || {
        all(&root, test_ids::USER_RESULT).iter().any(|r| text(r).contains("Zoë Ångström-Núñez"))
    })
    .await;
    assert_eq!(input.get_attribute("aria-expanded").as_deref(), Some("true"));

    press(&input, "ArrowDown");
    wait_for("first option active", || {
        input.get_attribute("aria-activedescendant").as_deref() == Some("t1-user-option-0")
    })
    .await;
    press(&input, "Enter");
    wait_for("selection reported", || picked.get_untracked().is_some()).await;
    assert_eq!(picked.get_untracked().unwrap().display_name, "Zoë Ångström-Núñez");
}

#[wasm_bindgen_test]
async fn picker_says_when_nothing_matches() {
    let (root, _, _handle) = mount(|| view! { <UserPicker on_select=|_| {} /> });
    type_into(&one(&root, test_ids::USER_SEARCH), "qqqzzz");
    wait_for("no-match message", || text(&one(&root, test_ids::SEARCH_STATUS)).contains("No user matches")).await;
    assert!(all(&root, test_ids::USER_RESULT).is_empty());
}

#[wasm_bindgen_test]
async fn error_panel_explains_throttling_and_retries() {
    let retried = RwSignal::new(0);
    let error = ApiError::from_status(
        429,
        r#"{"error":{"code":"TooManyRequests","message":"Slow down"}}"#,
        Some(7),
        Some("req-42".into()),
    );
    let (root, _, _handle) = mount(
        move || view! { <ErrorPanel error what=Key::ViewDevices on_retry=move |_| retried.update(|n| *n += 1) /> },
    );
    let panel = one(&root, test_ids::ERROR_PANEL);
    assert_eq!(panel.get_attribute("role").as_deref(), Some("alert"));
    assert!(text(&panel).contains("Retry in 7 seconds"));
    assert!(text(&panel).contains("request-id: req-42"), "details for an escalation");
    one(&root, test_ids::RETRY).unchecked_ref::<HtmlElement>().click();
    wait_for("retry called", || retried.get_untracked() == 1).await;
}

#[wasm_bindgen_test]
async fn switching_language_rerenders_text() {
    let (root, locale, _handle) = mount(
        || view! { <DataTable table=Signal::stored(sample_table()) label="Devices".to_string() empty=Key::EmptyDevices /> },
    );
    assert_eq!(text(&one(&root, test_ids::TABLE_COUNT)), "3 of 3 rows");
    locale.set(Locale::Nl);
    wait_for("Dutch row count", || {
        text(&one(&root, test_ids::TABLE_COUNT)) == Locale::Nl.fill(Key::RowsShown, &[("shown", "3"), ("total", "3")])
    })
    .await;
    locale.set(Locale::Fr);
    wait_for("French row count", || {
        text(&one(&root, test_ids::TABLE_COUNT)) == Locale::Fr.fill(Key::RowsShown, &[("shown", "3"), ("total", "3")])
    })
    .await;
}

fn hostile_document() -> Vec<Block> {
    let link = |text: &str, target| Link { text: text.into(), target };
    vec![
        Block::Callout {
            title: Some("<b>Intune</b>".into()),
            paragraphs: vec!["<img src=x onerror=alert('details')>".into()],
            bad: false,
            test_id: Some(test_ids::SERVICE_REMEDIATION),
        },
        Block::Steps {
            steps: vec![
                StepItem { who: "Help desk".into(), actor: "operator", text: "Check the device list.".into() },
                StepItem { who: "The user".into(), actor: "user", text: "<script>alert(1)</script>".into() },
            ],
            test_id: test_ids::REMEDIATION_STEPS,
        },
        Block::Links(vec![
            link("Hostile", LinkTarget::None),
            link(
                "Docs",
                LinkTarget::External {
                    href: "https://learn.microsoft.com/intune".into(),
                    new_tab_hint: "(opens in a new tab)".into(),
                },
            ),
        ]),
    ]
}

#[wasm_bindgen_test]
async fn a_document_shows_markup_as_text_and_never_links_an_unsafe_target() {
    let (root, _, _handle) = mount(
        || view! { <leptos_router::components::Router>{render_document(hostile_document())}</leptos_router::components::Router> },
    );
    assert!(root.query_selector("img, script, b").unwrap().is_none(), "no element may be created from data");
    assert!(text(&root).contains("<img src=x onerror=alert('details')>"));
    let steps = one(&root, test_ids::REMEDIATION_STEPS);
    assert_eq!(steps.tag_name(), "OL", "steps are numbered");
    assert_eq!(steps.query_selector_all("li").unwrap().length(), 2);
    let links = root.query_selector_all("a").unwrap();
    assert_eq!(links.length(), 1, "only the https link is a link");
    let docs: Element = links.item(0).unwrap().unchecked_into();
    assert_eq!(docs.get_attribute("target").as_deref(), Some("_blank"));
    assert_eq!(docs.get_attribute("rel").as_deref(), Some("noopener noreferrer"));
    assert!(text(&root).contains("Hostile"), "the unsafe link's text is still shown");
}

// ---- Operators, scope and device actions (issue 4) ----

use std::sync::Arc;

use tier1::components::Modal;
use tier1::domain::rbac::{Access, GroupGraph, ViewArea};
use tier1::model::DemoOperator;
use tier1::panes::operator::RequirePermission;
use tier1::state::operator::{DemoDirectory, Gate, OperatorGate, SignedIn};

/// A demo sign-in with no role assignment at all: every view is out of reach.
fn operator_without_roles() -> Gate {
    let directory = DemoDirectory {
        tenant: "aurora".into(),
        operators: vec![],
        definitions: vec![],
        assignments: vec![],
        groups: GroupGraph::default(),
        users: vec![],
    };
    let operator = DemoOperator { display_name: "Nobody".into(), ..DemoOperator::default() };
    Gate::Demo(Arc::new(SignedIn { operator, access: Access::default(), directory: Arc::new(directory) }))
}

#[wasm_bindgen_test]
async fn a_view_the_role_cannot_read_names_the_permission_instead_of_rendering() {
    let gate = RwSignal::new(operator_without_roles());
    let rendered = RwSignal::new(0);
    let (root, locale, _handle) = mount(move || {
        provide_context(OperatorGate(gate.into()));
        view! {
            <RequirePermission area=ViewArea::Devices>
                {rendered.update_untracked(|n| *n += 1)} <p data-testid="devices-view">"devices"</p>
            </RequirePermission>
        }
    });
    let needed = one(&root, test_ids::PERMISSION_NEEDED);
    assert!(text(&needed)
        .starts_with("Needs the Intune permission “Managed devices: Read” (Microsoft.Intune_ManagedDevices_Read)."));
    assert_eq!(needed.get_attribute("data-permission").as_deref(), Some("Microsoft.Intune_ManagedDevices_Read"));
    assert!(all(&root, "devices-view").is_empty());
    assert_eq!(rendered.get_untracked(), 0, "the view is not even built, so it requests nothing");

    locale.set(Locale::Fr);
    wait_for("French", || text(&one(&root, test_ids::PERMISSION_NEEDED)).contains("Appareils gérés\u{a0}: Lecture"))
        .await;
    gate.set(Gate::open());
    wait_for("the view once nothing is gated", || !all(&root, "devices-view").is_empty()).await;
    assert!(all(&root, test_ids::PERMISSION_NEEDED).is_empty());
}

#[wasm_bindgen_test]
async fn picker_marks_users_out_of_scope_and_keeps_them_selectable() {
    let picked = RwSignal::new(None::<User>);
    let annotate = Callback::new(|user: User| (user.display_name == "Tom Becker").then(|| "Out of scope".to_string()));
    let (root, _, _handle) = mount(move || view! { <UserPicker on_select=move |u| picked.set(Some(u)) annotate /> });
    let input = one(&root, test_ids::USER_SEARCH);
    type_into(&input, "tom");
    wait_for("Tom in the results", || all(&root, test_ids::USER_RESULT).iter().any(|r| text(r).contains("Tom Becker")))
        .await;
    let tom = all(&root, test_ids::USER_RESULT).into_iter().find(|r| text(r).contains("Tom Becker")).unwrap();
    assert_eq!(text(&one(&tom, test_ids::USER_RESULT_NOTE)), "Out of scope");
    press(&input, "ArrowDown");
    press(&input, "Enter");
    wait_for("chosen anyway", || picked.get_untracked().is_some()).await;
}

#[wasm_bindgen_test]
async fn a_modal_opens_focused_closes_on_escape_and_returns_focus() {
    let open = RwSignal::new(false);
    let (root, _, _handle) = mount(move || {
        view! {
            <button id="opener" on:click=move |_| open.set(true)>
                "Open"
            </button>
            <Show when=move || open.get()>
                <Modal title="Check".to_string() heading_id="t-modal" on_close=move |_| open.set(false) test_id="modal">
                    <input id="inside" autofocus=true />
                </Modal>
            </Show>
        }
    });
    let opener: HtmlElement = document().get_element_by_id("opener").unwrap().unchecked_into();
    opener.focus().unwrap();
    opener.click();
    wait_for("dialog open", || root.query_selector("dialog[open]").unwrap().is_some()).await;
    let dialog = one(&root, "modal");
    assert_eq!(dialog.get_attribute("aria-modal").as_deref(), Some("true"));
    assert_eq!(dialog.get_attribute("aria-labelledby").as_deref(), Some("t-modal"));
    let active = || document().active_element().map(|e| e.id()).unwrap_or_default();
    wait_for("focus inside", || active() == "inside").await;
    press(&one(&root, "modal"), "Escape");
    wait_for("closed", || all(&root, "modal").is_empty()).await;
    wait_for("focus back on the opener", || active() == "opener").await;
}
