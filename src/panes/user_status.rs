//! Area 3: license, account, devices with their compliance, apps with their failures, and the findings that
//! explain what to fix.

use leptos::prelude::*;

use super::findings::Findings;
use super::not_evaluated::{failed_sources, not_evaluated_text};
use super::user_data::{session_devices, UserData};
use crate::domain::diagnosis::{root_cause, Source};
use crate::domain::status::{app_summary, device_summary, DeviceRecord, LicenseStatus};
use crate::graph::ApiError;
use crate::i18n::{Key, Locale};
use crate::state::{tr, use_locale};
use crate::tables::format::{compliance, intune_compliant};
use crate::test_ids;

#[component]
pub fn UserStatus(data: UserData) -> impl IntoView {
    let UserData { user, apps, .. } = data;
    let devices = session_devices(data);
    let locale = use_locale();
    let license = move || {
        let l = locale.get();
        match user.get() {
            None => (l.text(Key::Loading).to_string(), "muted"),
            Some(Err(_)) => (l.text(Key::Unknown).to_string(), "muted"),
            Some(Ok(info)) => match info.license {
                LicenseStatus::Licensed { sku } => (l.fill(Key::Licensed, &[("sku", &sku)]), "good"),
                LicenseStatus::PlanNotActive { sku, provisioning } => {
                    (l.fill(Key::PlanNotActive, &[("sku", &sku), ("status", &provisioning)]), "bad")
                }
                LicenseStatus::Unlicensed => (l.text(Key::NotLicensed).to_string(), "bad"),
            },
        }
    };
    let account = move || {
        let l = locale.get();
        match user.get().and_then(Result::ok).map(|i| i.user.account_enabled) {
            None | Some(None) => (l.text(Key::Unknown), "muted"),
            Some(Some(true)) => (l.text(Key::AccountEnabled), "good"),
            Some(Some(false)) => (l.text(Key::AccountDisabled), "bad"),
        }
    };
    let device_text = move || {
        let l = locale.get();
        loaded_text(l, devices.get(), |records| {
            let list: Vec<_> = records.iter().map(|r| r.device.clone()).collect();
            let s = device_summary(&list);
            if s.total == 0 {
                return l.text(Key::NoEnrolledDevices).to_string();
            }
            l.fill(
                Key::DeviceCountSummary,
                &[
                    ("total", &s.total.to_string()),
                    ("compliant", &s.compliant.to_string()),
                    ("noncompliant", &s.not_compliant.to_string()),
                ],
            )
        })
    };
    let failed = failed_sources(data);
    let app_text = move || {
        let l = locale.get();
        // Apps that failed because a source they are loaded from did say which; their own error is "Unknown".
        if failed.with(|f| f.contains(&Source::Apps) && root_cause(Source::Apps, f) != Source::Apps) {
            return not_evaluated_text(l, Source::Apps, &failed.get());
        }
        loaded_text(l, apps.get(), |records| {
            let s = app_summary(&records);
            l.fill(Key::AppsSummary, &[("assigned", &s.assigned.to_string()), ("failed", &s.failed.to_string())])
        })
    };

    view! {
        <section class="t1-card t1-status" aria-labelledby="t1-status-title" data-testid=test_ids::USER_STATUS>
            <h2 id="t1-status-title" class="t1-card__title" tabindex="-1">
                {tr(Key::UserStatusTitle)}
            </h2>
            <dl class="t1-status__grid">
                <div>
                    <dt>{tr(Key::IntuneLicense)}</dt>
                    <dd>
                        <span
                            class=move || format!("t1-badge t1-badge--{}", license().1)
                            data-testid=test_ids::LICENSE_STATUS
                        >
                            {move || license().0}
                        </span>
                    </dd>
                </div>
                <div>
                    <dt>{tr(Key::AccountLabel)}</dt>
                    <dd>
                        <span
                            class=move || format!("t1-badge t1-badge--{}", account().1)
                            data-testid=test_ids::ACCOUNT_STATE
                        >
                            {move || account().0}
                        </span>
                    </dd>
                </div>
                <div>
                    <dt>{tr(Key::DevicesLabel)}</dt>
                    <dd data-testid=test_ids::DEVICE_SUMMARY>
                        <p>{device_text}</p>
                        <ul class="t1-chips">
                            {move || {
                                devices
                                    .get()
                                    .and_then(Result::ok)
                                    .unwrap_or_default()
                                    .into_iter()
                                    .map(|r| device_chip(locale.get(), r))
                                    .collect_view()
                            }}
                        </ul>
                    </dd>
                </div>
                <div>
                    <dt>{tr(Key::AppsLabel)}</dt>
                    <dd data-testid=test_ids::APP_SUMMARY>{app_text}</dd>
                </div>
            </dl>
            <Findings data />
            <super::case_summary::CaseSummary data />
        </section>
    }
}

/// "Loading…" until a resource answers, "Unknown" if it failed (its pane shows why), else `describe(value)`.
fn loaded_text<T>(l: Locale, state: Option<Result<T, ApiError>>, describe: impl FnOnce(T) -> String) -> String {
    match state {
        None => l.text(Key::Loading).to_string(),
        Some(Err(_)) => l.text(Key::Unknown).to_string(),
        Some(Ok(value)) => describe(value),
    }
}

fn device_chip(locale: Locale, record: DeviceRecord) -> impl IntoView {
    let (_, tone) = intune_compliant(record.device.compliance_state);
    let (label, _) = compliance(record.device.compliance_state);
    view! {
        <li class=format!("t1-chip t1-chip--{}", tone.as_str())>
            <span>{record.device.device_name}</span>
            " · "
            <span>{locale.text(label)}</span>
        </li>
    }
}
