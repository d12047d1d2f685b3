//! Area 3: license, account, devices with their compliance, apps with their failures, and the findings that
//! explain what to fix.

use leptos::prelude::*;

use super::user_data::{session_devices, UserData};
use crate::components::LoadingState;
use crate::domain::enrollment_restrictions::effective_limit;
use crate::domain::findings::{findings, Evidence, Finding};
use crate::domain::status::{app_summary, device_summary, DeviceRecord, LicenseStatus};
use crate::graph::ApiError;
use crate::i18n::{Key, Locale};
use crate::platform;
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
    let app_text = move || {
        let l = locale.get();
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

#[component]
fn Findings(data: UserData) -> impl IntoView {
    let UserData { tenant, user, apps, groups, restrictions, .. } = data;
    let devices = session_devices(data);
    let locale = use_locale();
    // Findings wait for the user and the devices; apps and the device limit add theirs when they load. When
    // the user or the devices fail to load, the checks cannot run: say so rather than keep loading.
    let list = move || {
        let (info, devices) = match (user.get()?, devices.get()?) {
            (Ok(info), Ok(devices)) => (info, devices),
            _ => return Some(Err(())),
        };
        let apps = apps.get().and_then(Result::ok).unwrap_or_default();
        let threshold = tenant
            .get()
            .and_then(Result::ok)
            .map_or(30, |t| t.device_management.settings.device_compliance_checkin_threshold_days);
        let device_limit = match (restrictions.get(), groups.get()) {
            (Some(Ok(configs)), Some(Ok(membership))) => effective_limit(&configs, &membership.all_ids()),
            _ => None,
        };
        Some(Ok(findings(&Evidence {
            user: &info.user,
            license: &info.license,
            devices: &devices,
            apps: &apps,
            now_secs: platform::now_secs(),
            checkin_threshold_days: threshold,
            device_limit,
        })))
    };
    super::findings_announcement::report_findings(move || list().map(|found| found.map(|f| f.len())));
    view! {
        <div class="t1-findings" data-testid=test_ids::FINDINGS>
            <h3 class="t1-findings__title">{tr(Key::FindingsTitle)}</h3>
            {move || match list() {
                None => view! { <LoadingState /> }.into_any(),
                Some(Err(())) => {
                    view! {
                        <p class="t1-callout" data-testid=test_ids::FINDINGS_UNAVAILABLE>
                            {tr(Key::FindingsUnavailable)}
                        </p>
                    }
                        .into_any()
                }
                Some(Ok(found)) if found.is_empty() => {
                    view! { <p class="t1-callout t1-callout--good">{tr(Key::NoFindings)}</p> }.into_any()
                }
                Some(Ok(found)) => {
                    view! {
                        <ul class="t1-findings__list">
                            {found
                                .into_iter()
                                .map(|f| {
                                    view! {
                                        <li class="t1-finding" data-testid=test_ids::FINDING>
                                            {move || describe(locale.get(), &f)}
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                        .into_any()
                }
            }}
        </div>
    }
}

pub fn describe(l: Locale, finding: &Finding) -> String {
    let code_suffix =
        |code: &Option<String>| code.as_ref().map(|c| l.fill(Key::ErrorCodeSuffix, &[("code", c)])).unwrap_or_default();
    match finding {
        Finding::AccountDisabled => l.text(Key::FindingAccountDisabled).into(),
        Finding::NoIntuneLicense => l.text(Key::FindingNoLicense).into(),
        Finding::IntunePlanNotActive { sku, provisioning } => {
            l.fill(Key::FindingPlanNotActive, &[("sku", sku), ("status", provisioning)])
        }
        Finding::DeviceLimitReached { limit, policy, enrolled } => l.fill(
            Key::FindingLimitReached,
            &[("limit", &limit.to_string()), ("policy", policy), ("enrolled", &enrolled.to_string())],
        ),
        Finding::DeviceNotCompliant { device, reasons } => {
            let reasons = if reasons.is_empty() { l.text(Key::Unknown).to_string() } else { reasons.join(", ") };
            l.fill(Key::FindingNotCompliant, &[("device", device), ("reasons", &reasons)])
        }
        Finding::DeviceStale { device, days, threshold } => l.fill(
            Key::FindingStale,
            &[("device", device), ("days", &days.to_string()), ("threshold", &threshold.to_string())],
        ),
        Finding::ProfileError { policy, device, code } => {
            l.fill(Key::FindingProfileError, &[("policy", policy), ("device", device), ("code", &code_suffix(code))])
        }
        Finding::AppInstallFailed { app, device, code } => {
            l.fill(Key::FindingAppFailed, &[("app", app), ("device", device), ("code", &code_suffix(code))])
        }
    }
}
