//! The troubleshooting screen's shared data: the tenant's status and the selected user's resources, each loaded
//! once through the loaders and handed to every area that shows it, and the facts derived from them.

use std::collections::BTreeSet;
use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;

use super::operator::denied;
use crate::concurrent::try_join;
use crate::domain::failures::TenantFacts;
use crate::domain::incident::KnownSpreads;
use crate::domain::membership::{Membership, Parents};
use crate::domain::rbac::{Permission, ViewArea};
use crate::domain::status::{AppRecord, DeviceRecord, LicenseStatus};
use crate::graph::ApiError;
use crate::loaders::{self, PolicyLists, TenantInfo, UserInfo};
use crate::model::{AppRegistration, EnrollmentConfiguration, EnrollmentEvent, ManagedDevice};
use crate::settled::settled;
use crate::state::actions::use_device_actions;
use crate::state::operator::{sign_in_read, use_missing, DirectoryResource};
use crate::state::use_client;

/// A loaded value or the error that stopped it; `None` in a resource while it loads.
pub type Loaded<T> = Result<T, ApiError>;

/// The selected user's data, loaded once and shared by the areas and views that need it.
#[derive(Clone, Copy)]
pub struct UserData {
    pub user_id: Signal<String>,
    pub tenant: LocalResource<Loaded<TenantInfo>>,
    pub user: LocalResource<Loaded<UserInfo>>,
    pub devices: LocalResource<Loaded<Vec<DeviceRecord>>>,
    pub groups: LocalResource<Loaded<Membership>>,
    pub apps: LocalResource<Loaded<Vec<AppRecord>>>,
    /// The tenant's enrollment restrictions: the restrictions view and the device-limit finding share it.
    pub restrictions: LocalResource<Loaded<Vec<EnrollmentConfiguration>>>,
    /// The user's app protection registrations: the App protection status view and its findings share it.
    pub registrations: LocalResource<Loaded<Vec<AppRegistration>>>,
    /// The user's enrollment failures: the enrollment failures area and its findings share it.
    pub failures: LocalResource<Loaded<Vec<EnrollmentEvent>>>,
    /// The tenant's profiles and policies with the names of the groups they target: the "why not" and "no
    /// state reported" findings and the Compliance and Configuration views share it.
    pub targeting: LocalResource<Loaded<PolicyLists>>,
    /// How the user's nested groups nest (user → A → B), for the group membership pane, the views' reach and
    /// the exclusion findings.
    pub nesting: LocalResource<Loaded<Parents>>,
    /// The user's enrollment attempts once the enrollment failures area has shown them (from `failures`), for
    /// the case summary; `None` until then.
    pub events: RwSignal<Option<Vec<EnrollmentEvent>>>,
    /// How far the causes of the findings reach across the tenant: loaded after the devices and apps, so the
    /// findings never wait for it.
    pub spreads: LocalResource<KnownSpreads>,
}

// ── Loading unless the role forbids it ──────────────────────────────────────────────────────────────────────

/// A resource that runs `load` unless the operator's role lacks the read permission of `area`; then nothing is
/// requested and the resource holds the refusal, as Graph's 403 would. It waits until demo mode knows who is
/// operating (at once elsewhere), so a role that turns out to lack the permission never requests the data.
pub fn unless_forbidden<T, Fut>(area: ViewArea, load: impl Fn() -> Fut + 'static) -> LocalResource<Loaded<T>>
where
    T: 'static,
    Fut: Future<Output = Loaded<T>> + 'static,
{
    let missing = use_missing(area);
    let directory = use_context::<DirectoryResource>();
    LocalResource::new(move || {
        missing.track();
        let refusal = refusal(missing, directory);
        // Creating the future reads (and tracks) what the load depends on; nothing is sent until it is awaited.
        let pending = load();
        async move {
            match refusal.await {
                Some(permission) => Err(denied(permission)),
                None => pending.await,
            }
        }
    })
}

/// The read permission the role lacks, once the sign-in is read. Boxed: one copy of the waiting serves every
/// resource instead of one per loaded type.
fn refusal(
    missing: Memo<Option<Permission>>,
    directory: Option<DirectoryResource>,
) -> Pin<Box<dyn Future<Output = Option<Permission>>>> {
    Box::pin(async move {
        sign_in_read(directory).await;
        missing.get_untracked()
    })
}

// ── The screen's resources ──────────────────────────────────────────────────────────────────────────────────

/// The tenant's status (Organization data), for the account status area.
pub fn tenant_status() -> LocalResource<Loaded<TenantInfo>> {
    let client = use_client();
    unless_forbidden(ViewArea::AccountStatus, move || {
        let client = client.get();
        async move { loaders::tenant(&client).await }
    })
}

impl UserData {
    /// Starts loading everything the areas share about one user; what the operator's role cannot read is not
    /// requested.
    pub fn load(user_id: String, tenant: LocalResource<Loaded<TenantInfo>>) -> UserData {
        let client = use_client();
        let id = Signal::stored(user_id);
        let user = LocalResource::new(move || {
            let (client, id) = (client.get(), id.get());
            async move { loaders::user(&client, &id).await }
        });
        // The list and the per-device states are separate so the app install statuses, which need only the
        // list, are fetched in the same round trip as the states (REST mode batches each wave of requests).
        let device_list = unless_forbidden(ViewArea::Devices, move || {
            let (client, id) = (client.get(), id.get());
            async move { loaders::device_list(&client, &id).await }
        });
        let devices = LocalResource::new(move || {
            let client = client.get();
            async move { loaders::device_states(&client, settled(device_list).await?).await }
        });
        let groups = LocalResource::new(move || {
            let (client, id) = (client.get(), id.get());
            async move { loaders::membership(&client, &id).await }
        });
        let apps = unless_forbidden(ViewArea::ClientApps, move || {
            let client = client.get();
            async move {
                // The catalog does not depend on the user: request it with the user's data, not after it.
                let inputs = async { Ok((settled(user).await?, settled(groups).await?, settled(device_list).await?)) };
                let (catalog, (info, membership, listed)) = try_join(loaders::app_catalog(&client), inputs).await?;
                let upn = &info.user.user_principal_name;
                let records = loaders::app_records(&client, catalog, upn, &membership, &listed).await?;
                // Device-group assignments need the devices' groups, read with their states; without them
                // (the devices failed) each app keeps its reach by the user's groups.
                let devices = settled(devices).await.unwrap_or_default();
                loaders::device_group_apps(&client, records, upn, &membership, &devices).await
            }
        });
        let restrictions = unless_forbidden(ViewArea::EnrollmentRestrictions, move || {
            let client = client.get();
            async move { loaders::enrollment_restrictions(&client).await }
        });
        // These go out in the first wave with the user and the device list: the findings read them, so they must
        // not wait for their views to be opened. The policy lists' group names need the membership.
        let registrations = unless_forbidden(ViewArea::AppProtectionStatus, move || {
            let (client, id) = (client.get(), id.get());
            async move { loaders::app_registrations(&client, &id).await }
        });
        let failures = unless_forbidden(ViewArea::EnrollmentFailures, move || {
            let (client, id) = (client.get(), id.get());
            async move { loaders::enrollment_events(&client, &id).await }
        });
        let targeting = unless_forbidden(ViewArea::Configuration, move || {
            let client = client.get();
            async move { loaders::policy_lists(&client, settled(groups)).await }
        });
        let nesting = LocalResource::new(move || {
            let client = client.get();
            async move { loaders::nesting(&client, &settled(groups).await?).await }
        });
        let events = RwSignal::new(None);
        let spreads = LocalResource::new(move || {
            let client = client.get();
            async move {
                let devices = settled(devices).await.unwrap_or_default();
                let apps = settled(apps).await.ok();
                loaders::finding_spreads(&client, &devices, apps.as_deref()).await
            }
        });
        UserData {
            user_id: id,
            tenant,
            user,
            devices,
            groups,
            apps,
            restrictions,
            registrations,
            failures,
            targeting,
            nesting,
            events,
            spreads,
        }
    }
}

// ── Facts derived from the user's data ──────────────────────────────────────────────────────────────────────

/// The user's devices with this session's device action results applied (a sync moves the last check-in, a
/// retired device is gone), for every area that shows or judges them; `None` while loading.
pub fn session_devices(data: UserData) -> Signal<Option<Loaded<Vec<DeviceRecord>>>> {
    let overlay = use_device_actions().overlay();
    Signal::derive(move || data.devices.get().map(|loaded| loaded.map(|records| overlay.with(|o| o.apply(&records)))))
}

/// The parts of the user's data the enrollment failures are checked against, as far as they are loaded;
/// evidence appears as each part arrives and is simply absent for a part that failed to load.
#[derive(Clone, Default, PartialEq)]
pub struct KnownFacts {
    pub devices: Vec<ManagedDevice>,
    pub restrictions: Vec<EnrollmentConfiguration>,
    pub groups: BTreeSet<String>,
    pub license: Option<LicenseStatus>,
    pub user_principal_name: String,
}

impl KnownFacts {
    pub fn facts(&self) -> TenantFacts<'_> {
        TenantFacts {
            devices: &self.devices,
            restrictions: &self.restrictions,
            groups: &self.groups,
            license: self.license.as_ref(),
        }
    }
}

pub fn known_facts(data: UserData) -> Memo<KnownFacts> {
    Memo::new(move |_| {
        let user = data.user.get().and_then(Result::ok);
        KnownFacts {
            devices: data
                .devices
                .get()
                .and_then(Result::ok)
                .map(|records| records.into_iter().map(|r| r.device).collect())
                .unwrap_or_default(),
            restrictions: data.restrictions.get().and_then(Result::ok).unwrap_or_default(),
            groups: data.groups.get().and_then(Result::ok).map(|m| m.all_ids()).unwrap_or_default(),
            license: user.as_ref().map(|u| u.license.clone()),
            user_principal_name: user.map(|u| u.user.user_principal_name).unwrap_or_default(),
        }
    })
}
