//! Area 1: the tenant's name and whether Intune is active for it.

use leptos::prelude::*;

use super::operator::RequirePermission;
use crate::components::async_view;
use crate::domain::rbac::ViewArea;
use crate::graph::ApiError;
use crate::i18n::Key;
use crate::loaders::TenantInfo;
use crate::model::MdmAuthority;
use crate::state::{tr, use_locale};
use crate::tables::enum_labels::{mdm_authority, subscription_state};
use crate::test_ids;

#[component]
pub fn AccountStatus(tenant: LocalResource<Result<TenantInfo, ApiError>>) -> impl IntoView {
    let locale = use_locale();
    view! {
        <section class="t1-card t1-account" aria-labelledby="t1-account-title" data-testid=test_ids::ACCOUNT_STATUS>
            <h2 id="t1-account-title" class="t1-card__title" tabindex="-1">
                {tr(Key::AccountStatusTitle)}
            </h2>
            <RequirePermission area=ViewArea::AccountStatus>
                {async_view(
                    tenant,
                    Key::AccountStatusTitle,
                    move |info: TenantInfo| {
                        let state = info.device_management.subscription_state;
                        let active = state.is_active();
                        let domain = info.organization.default_domain().map(str::to_string);
                        view! {
                            <div class="t1-account__body">
                                <p class="t1-account__name" data-testid=test_ids::TENANT_NAME>
                                    {info.organization.display_name.clone()}
                                </p>
                                {domain
                                    .map(|d| {
                                        view! {
                                            <p class="t1-muted">
                                                {move || locale.get().fill(Key::DomainLabel, &[("domain", &d)])}
                                            </p>
                                        }
                                    })}
                                <p>
                                    <span
                                        class=if active { "t1-badge t1-badge--good" } else { "t1-badge t1-badge--bad" }
                                        data-testid=test_ids::TENANT_STATE
                                        data-state=state.graph_name()
                                    >
                                        {move || {
                                            locale
                                                .get()
                                                .text(if active { Key::TenantActive } else { Key::TenantInactive })
                                        }}
                                    </span>
                                    " "
                                    <span class="t1-muted">
                                        {move || {
                                            let l = locale.get();
                                            l.fill(
                                                Key::SubscriptionState,
                                                &[("state", l.text(subscription_state(state)))],
                                            )
                                        }}
                                    </span>
                                </p>
                                {info
                                    .organization
                                    .mobile_device_management_authority
                                    .map(|authority| {
                                        let intune = authority == MdmAuthority::Intune;
                                        view! {
                                            <p
                                                class=if intune { "t1-muted" } else { "t1-account__mdm" }
                                                data-testid=test_ids::MDM_AUTHORITY
                                                data-authority=authority.graph_name()
                                            >
                                                {move || {
                                                    let l = locale.get();
                                                    l.fill(
                                                        Key::MdmAuthorityLabel,
                                                        &[("authority", l.text(mdm_authority(authority)))],
                                                    )
                                                }}
                                            </p>
                                        }
                                    })}
                                {(!active)
                                    .then(|| {
                                        view! {
                                            <p class="t1-callout t1-callout--bad">{tr(Key::TenantInactiveHelp)}</p>
                                        }
                                    })}
                            </div>
                        }
                    },
                )}
            </RequirePermission>
        </section>
    }
}
