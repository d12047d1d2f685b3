//! Which of the user's sources failed to load, and how what depends on them says so ("Not evaluated: group
//! membership did not load") instead of loading for ever or showing another pane's error as its own.

use std::collections::BTreeSet;

use leptos::prelude::*;

use super::user_data::UserData;
use crate::domain::diagnosis::{root_cause, Check, Source};
use crate::i18n::{Key, Locale};
use crate::state::use_locale;
use crate::test_ids;

/// The sources that answered with an error (a refusal for the operator's role included).
pub fn failed_sources(data: UserData) -> Memo<BTreeSet<Source>> {
    Memo::new(move |_| {
        let mut failed = BTreeSet::new();
        let mut note = |source, is_err: Option<bool>| {
            if is_err == Some(true) {
                failed.insert(source);
            }
        };
        note(Source::Tenant, data.tenant.with(|r| r.as_ref().map(Result::is_err)));
        note(Source::User, data.user.with(|r| r.as_ref().map(Result::is_err)));
        note(Source::Devices, data.devices.with(|r| r.as_ref().map(Result::is_err)));
        note(Source::GroupMembership, data.groups.with(|r| r.as_ref().map(Result::is_err)));
        note(Source::Apps, data.apps.with(|r| r.as_ref().map(Result::is_err)));
        note(Source::Restrictions, data.restrictions.with(|r| r.as_ref().map(Result::is_err)));
        note(Source::AppRegistrations, data.registrations.with(|r| r.as_ref().map(Result::is_err)));
        note(Source::EnrollmentEvents, data.failures.with(|r| r.as_ref().map(Result::is_err)));
        note(Source::Policies, data.targeting.with(|r| r.as_ref().map(Result::is_err)));
        failed
    })
}

/// Whether any source the findings read is still loading.
pub fn any_pending(data: UserData) -> bool {
    data.tenant.with(Option::is_none)
        || data.user.with(Option::is_none)
        || data.devices.with(Option::is_none)
        || data.groups.with(Option::is_none)
        || data.apps.with(Option::is_none)
        || data.restrictions.with(Option::is_none)
        || data.registrations.with(Option::is_none)
        || data.failures.with(Option::is_none)
        || data.targeting.with(Option::is_none)
}

pub fn source_reason(source: Source) -> Key {
    match source {
        Source::Tenant => Key::SourceFailedTenant,
        Source::User => Key::SourceFailedUser,
        Source::Devices => Key::SourceFailedDevices,
        Source::GroupMembership => Key::SourceFailedGroups,
        Source::Apps => Key::SourceFailedApps,
        Source::Restrictions => Key::SourceFailedRestrictions,
        Source::AppRegistrations => Key::SourceFailedAppRegistrations,
        Source::EnrollmentEvents => Key::SourceFailedEnrollmentEvents,
        Source::Policies => Key::SourceFailedPolicies,
    }
}

pub fn check_name(check: Check) -> Key {
    match check {
        Check::Tenant => Key::CheckTenant,
        Check::Account => Key::CheckAccount,
        Check::Compliance => Key::CheckCompliance,
        Check::CheckIns => Key::CheckCheckIns,
        Check::DeviceLimit => Key::CheckDeviceLimit,
        Check::AppInstalls => Key::CheckAppInstalls,
        Check::AppProtection => Key::CheckAppProtection,
        Check::EnrollmentFailures => Key::CheckEnrollmentFailures,
        Check::EnrollmentRestrictions => Key::CheckEnrollmentRestrictions,
        Check::DeviceActions => Key::CheckDeviceActions,
        Check::ProfileStates => Key::CheckProfileStates,
        Check::Targeting => Key::CheckTargeting,
    }
}

/// "Not evaluated: {why}" for something loaded from `source`, which failed.
pub fn not_evaluated_text(l: Locale, source: Source, failed: &BTreeSet<Source>) -> String {
    l.fill(Key::NotEvaluated, &[("reason", l.text(source_reason(root_cause(source, failed))))])
}

/// A view that cannot be shown because `source` did not load says so, and why; its own pane has the error.
#[component]
pub fn NotEvaluatedNote(data: UserData, source: Source) -> impl IntoView {
    let locale = use_locale();
    let failed = failed_sources(data);
    view! {
        <p class="t1-callout t1-callout--warn" data-testid=test_ids::NOT_EVALUATED>
            {move || not_evaluated_text(locale.get(), source, &failed.get())}
        </p>
    }
}
