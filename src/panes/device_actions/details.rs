//! One device's details below the Devices table (the `device` query parameter, so it can be linked): its
//! facts, its actions with their reasons, a refused send explained, and this session's action results.

use leptos::prelude::*;

use super::bar::ActionBar;
use super::handle::DeviceHandle;
use super::row::latest_status;
use crate::components::{focus_later, DataTable, ErrorPanel};
use crate::domain::status::DeviceRecord;
use crate::i18n::Key;
use crate::model::ManagedDevice;
use crate::panes::table_context::{clock_now, view_label};
use crate::routes::{tab_id, View};
use crate::state::action_book::Entry;
use crate::state::actions::use_device_actions;
use crate::state::{tr, use_go, use_locale, use_location_state};
use crate::tables::device_actions::results_table;
use crate::tables::device_details::{compliance_table, device_facts};
use crate::tables::permission_names::device_action_key;
use crate::test_ids;

#[component]
pub fn DeviceDetails(
    device_id: String,
    /// The devices as loaded: a device missing from `shown` but here has left the list this session.
    loaded: StoredValue<Vec<DeviceRecord>>,
    /// The devices with the session's results applied.
    shown: Memo<Vec<DeviceRecord>>,
) -> impl IntoView {
    let locale = use_locale();
    let location = use_location_state();
    let go = use_go();
    let handle = DeviceHandle::new(device_id.clone(), shown);
    let id = StoredValue::new(device_id.clone());
    let removed_name =
        loaded.with_value(|r| r.iter().find(|r| r.device.id == device_id).map(|r| r.device.device_name.clone()));
    let device = Memo::new(move |_| {
        shown.with(|ds| ds.iter().find(|r| id.with_value(|id| r.device.id == *id)).map(|r| r.device.clone()))
    });
    let present = Memo::new(move |_| device.with(Option::is_some));
    let heading = NodeRef::<leptos::html::H3>::new();
    // Opening a device moves focus to its details, as opening an enrollment failure does.
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
    let removed = removed_name.clone();
    let title = move || {
        let name = device.get().map(|d| d.device_name).or_else(|| removed_name.clone()).unwrap_or_default();
        locale.get().fill(Key::DeviceDetailsTitle, &[("device", &name)])
    };
    let close_to = move || location.get().with_device(None);

    view! {
        <article class="t1-details" aria-labelledby="t1-device-title" data-testid=test_ids::DEVICE_DETAILS>
            <div class="t1-details__head">
                <h3 id="t1-device-title" class="t1-details__title" tabindex="-1" node_ref=heading>
                    {title}
                </h3>
                <a
                    class="t1-button t1-button--quiet"
                    href=move || close_to().to_query()
                    on:click=move |ev| {
                        ev.prevent_default();
                        go(&close_to());
                        focus_later(tab_id(View::Devices));
                    }
                >
                    {tr(Key::CloseDetails)}
                </a>
            </div>
            <Show when=move || present.get() fallback=move || view! { <NotShown removed=removed.clone() /> }>
                <Facts device />
                <CompliancePolicies device_id=id.get_value() shown />
                <h4 class="t1-details__subtitle">{tr(Key::ColActions)}</h4>
                // The status after the buttons, so its appearing does not move them.
                <ActionBar handle prefix="detail" />
                <LatestStatus handle />
                <Results device_id=id.get_value() />
            </Show>
        </article>
    }
}

/// Why there are no details: the device left the list this session (`removed`: its name), or it never was
/// one of the user's devices.
#[component]
fn NotShown(removed: Option<String>) -> impl IntoView {
    let locale = use_locale();
    let text = move || {
        let l = locale.get();
        match &removed {
            Some(name) => l.fill(Key::DeviceRemoved, &[("device", name)]),
            None => l.text(Key::DeviceNotFound).to_string(),
        }
    };
    view! {
        <p class="t1-callout" data-testid=test_ids::DEVICE_NOT_SHOWN>
            {text}
        </p>
    }
}

#[component]
fn Facts(device: Memo<Option<ManagedDevice>>) -> impl IntoView {
    let locale = use_locale();
    let facts = move || {
        let (l, d) = (locale.get(), device.get()?);
        Some(device_facts(l, &d, clock_now()))
    };
    view! {
        <dl class="t1-details__facts">
            {move || {
                facts()
                    .unwrap_or_default()
                    .into_iter()
                    .map(|(label, value, detail)| {
                        view! {
                            <div>
                                <dt>{label}</dt>
                                <dd>{value} {detail.map(|d| view! { <div class="t1-cell__detail">{d}</div> })}</dd>
                            </div>
                        }
                    })
                    .collect_view()
            }}
        </dl>
    }
}

/// The device's compliance policies one by one, as loaded with the device.
#[component]
fn CompliancePolicies(device_id: String, shown: Memo<Vec<DeviceRecord>>) -> impl IntoView {
    let locale = use_locale();
    let table = Signal::derive(move || {
        shown.with(|records| {
            let policies = records.iter().find(|r| r.device.id == device_id).map(|r| r.compliance.as_slice());
            compliance_table(locale.get(), policies.unwrap_or_default())
        })
    });
    view! {
        <section class="t1-details__section" data-testid=test_ids::DEVICE_COMPLIANCE_POLICIES>
            <h4>{tr(Key::DeviceCompliancePoliciesTitle)}</h4>
            <DataTable
                table
                label=view_label(Key::DeviceCompliancePoliciesTitle)
                empty=Key::EmptyDeviceCompliancePolicies
            />
        </section>
    }
}

/// The device's latest action, and Graph's explanation when it was not sent (with a retry that goes through
/// the same checks, and the confirmation again for a destructive action).
#[component]
fn LatestStatus(handle: DeviceHandle) -> impl IntoView {
    let (actions, locale) = (use_device_actions(), use_locale());
    let id = StoredValue::new(handle.device_id());
    let refused = Memo::new(move |_| {
        actions
            .book()
            .with(|b| id.with_value(|id| b.latest(id).and_then(|e| e.error().map(|error| (e.action, error.clone())))))
    });
    let status = move || {
        let (l, now) = (locale.get(), actions.now());
        actions.book().with(|b| id.with_value(|id| latest_status(l, b, id, now, false)))
    };
    view! {
        <p
            class=move || format!("t1-action-status t1-tone--{}", status().map_or("muted", |s| s.1.as_str()))
            data-testid=test_ids::ACTION_STATUS
            data-stage=move || status().map(|s| s.2)
        >
            {move || status().map(|s| s.0)}
        </p>
        {move || {
            refused
                .get()
                .map(|(action, error)| {
                    let title = Signal::derive(move || {
                        let l = locale.get();
                        let device = handle
                            .target
                            .with(|t| t.as_ref().map(|t| t.device_name.clone()).unwrap_or_default());
                        l.fill(
                            Key::ActionNotSentTitle,
                            &[("action", l.text(device_action_key(action))), ("device", &device)],
                        )
                    });
                    view! {
                        <div data-testid=test_ids::ACTION_ERROR>
                            <ErrorPanel error what=Key::ColActions title on_retry=move |_| handle.request(action) />
                        </div>
                    }
                })
        }}
    }
}

/// This session's actions on the device, as `deviceActionResults` lists them.
#[component]
fn Results(device_id: String) -> impl IntoView {
    let (actions, locale) = (use_device_actions(), use_locale());
    let table = Signal::derive(move || {
        actions.book().with(|b| {
            let entries: Vec<&Entry> = b.for_device(&device_id).collect();
            results_table(locale.get(), clock_now(), &entries, actions.now())
        })
    });
    view! {
        <section class="t1-details__section" data-testid=test_ids::ACTION_RESULTS>
            <h4>{tr(Key::ActionResultsTitle)}</h4>
            <p class="t1-muted">{tr(Key::ActionResultsIntro)}</p>
            <DataTable table label=view_label(Key::ActionResultsTitle) empty=Key::EmptyActionResults />
        </section>
    }
}
