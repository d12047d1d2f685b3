//! Who is operating, and what that lets them open. Demo mode signs in as one of the demo tenant's operators
//! (chosen in the top bar, kept in the `operator` query parameter; the tenant's first by default) and applies
//! their role assignments: access is resolved once per (tenant, operator). REST mode has no such model:
//! Graph itself refuses (403) what the signed-in account may not do, so nothing is gated here.

use std::collections::BTreeSet;
use std::sync::{Arc, OnceLock};

use leptos::prelude::*;

use crate::backend::OperatorDirectory;
use crate::domain::device_actions::ActionTarget;
use crate::domain::rbac::{missing_for_view, Access, GroupGraph, Permission, ScopeDecision, ViewArea};
use crate::model::{DemoOperator, ManagedDevice, RoleAssignment, RoleDefinition, User};
use crate::routes::Location;

/// What demo mode's sign-in reads from a demo tenant: its operators, roles and assignments, and the groups
/// and users that decide scope (read by the backend's [`OperatorDirectory`]).
pub struct DemoDirectory {
    pub tenant: String,
    pub operators: Vec<DemoOperator>,
    pub definitions: Vec<RoleDefinition>,
    pub assignments: Vec<RoleAssignment>,
    pub groups: GroupGraph,
    pub users: Vec<User>,
}

impl DemoDirectory {
    /// Reads the tenant's directory; the error names the file that failed.
    pub async fn load(source: &OperatorDirectory, tenant: &str) -> Result<DemoDirectory, String> {
        let files = source.read(tenant).await?;
        Ok(DemoDirectory {
            tenant: tenant.to_string(),
            operators: files.operators,
            definitions: files.definitions,
            assignments: files.assignments,
            groups: GroupGraph::new(&files.groups),
            users: files.users,
        })
    }

    /// The operator a URL names (object id, user principal name, or its part before `@`), else the first.
    pub fn operator(&self, wanted: Option<&str>) -> Option<&DemoOperator> {
        let named = wanted.and_then(|w| {
            self.operators.iter().find(|o| {
                o.id == w
                    || o.user_principal_name.eq_ignore_ascii_case(w)
                    || o.user_principal_name.split('@').next().is_some_and(|local| local.eq_ignore_ascii_case(w))
            })
        });
        named.or(self.operators.first())
    }

    /// A user by object id or user principal name, as the `user` parameter may hold either.
    pub fn user(&self, id_or_upn: &str) -> Option<&User> {
        self.users.iter().find(|u| u.id == id_or_upn || u.user_principal_name.eq_ignore_ascii_case(id_or_upn))
    }

    /// The operator's effective access: the assignments whose admin groups they are in.
    pub fn access_of(&self, operator: &DemoOperator) -> Access {
        let groups: BTreeSet<String> = operator.group_ids().map(str::to_string).collect();
        Access::resolve(&groups, &self.assignments, &self.definitions, &self.groups)
    }
}

/// A signed-in demo operator with their access, resolved once.
pub struct SignedIn {
    pub operator: DemoOperator,
    pub access: Access,
    pub directory: Arc<DemoDirectory>,
}

impl SignedIn {
    pub fn new(directory: Arc<DemoDirectory>, wanted: Option<&str>) -> Option<SignedIn> {
        let operator = directory.operator(wanted)?.clone();
        let access = directory.access_of(&operator);
        Some(SignedIn { operator, access, directory })
    }
}

/// Whether the selected user may be opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Opening {
    /// Demo mode has not read who is operating yet.
    Checking,
    Allowed,
    /// `groups`: the scope groups of the operator's assignments (empty when they are scoped to devices only).
    OutOfScope {
        user: String,
        groups: Vec<String>,
    },
    /// No role assignment applies to the operator at all.
    NoAssignment {
        user: String,
    },
}

/// The session's sign-in as the rest of the app sees it.
#[derive(Clone)]
pub enum Gate {
    /// REST mode, or demo data without operators (`problem` says why): nothing is gated.
    Open {
        problem: Option<String>,
    },
    /// Demo mode is still reading who is operating.
    Loading,
    Demo(Arc<SignedIn>),
}

impl PartialEq for Gate {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Gate::Open { problem: a }, Gate::Open { problem: b }) => a == b,
            (Gate::Loading, Gate::Loading) => true,
            // A new sign-in is a new value even for the same operator: access was resolved again.
            (Gate::Demo(a), Gate::Demo(b)) => Arc::ptr_eq(a, b),
            _ => false,
        }
    }
}

impl Gate {
    pub fn open() -> Gate {
        Gate::Open { problem: None }
    }

    pub fn signed_in(&self) -> Option<&SignedIn> {
        match self {
            Gate::Demo(signed) => Some(signed),
            _ => None,
        }
    }

    /// The read permission the operator lacks for an area; never anything outside demo mode.
    pub fn missing(&self, area: ViewArea) -> Option<Permission> {
        self.signed_in().and_then(|s| missing_for_view(&s.access, area))
    }

    /// The access device actions are checked against: everything where Tier1 does not gate.
    pub fn access(&self) -> &Access {
        static UNRESTRICTED: OnceLock<Access> = OnceLock::new();
        match self {
            Gate::Demo(signed) => &signed.access,
            _ => UNRESTRICTED.get_or_init(Access::unrestricted),
        }
    }

    /// Whether a user (id or principal name) may be opened.
    pub fn opening(&self, id_or_upn: &str) -> Opening {
        let signed = match self {
            Gate::Loading => return Opening::Checking,
            Gate::Open { .. } => return Opening::Allowed,
            Gate::Demo(signed) => signed,
        };
        // A user the directory does not know is not refused here: the workspace says they do not exist.
        let Some(user) = signed.directory.user(id_or_upn) else { return Opening::Allowed };
        match signed.access.can_manage_user(&user.id, &signed.directory.groups) {
            ScopeDecision::InScope => Opening::Allowed,
            ScopeDecision::OutOfScope { scope_group_names } => {
                Opening::OutOfScope { user: user.display_name.clone(), groups: scope_group_names }
            }
            ScopeDecision::NoAssignment => Opening::NoAssignment { user: user.display_name.clone() },
        }
    }

    /// A device as the action rules see it, with the groups that put it in scope.
    pub fn target(&self, device: &ManagedDevice) -> ActionTarget {
        match self {
            Gate::Demo(signed) => ActionTarget::from_device(device, &signed.directory.groups),
            _ => ActionTarget::from_device(device, &GroupGraph::default()),
        }
    }

    /// (display name, user principal name) of who is operating, when Tier1 knows.
    pub fn operator(&self) -> Option<(String, String)> {
        self.signed_in().map(|s| (s.operator.display_name.clone(), s.operator.user_principal_name.clone()))
    }
}

#[derive(Clone, Copy)]
pub struct OperatorGate(pub Signal<Gate>);

type DirectoryResult = Result<Arc<DemoDirectory>, String>;

/// Demo mode's directory as it loads, for what must wait until Tier1 knows who is operating.
#[derive(Clone, Copy)]
pub struct DirectoryResource(pub LocalResource<DirectoryResult>);

/// Resolves once demo mode has read who is operating; at once elsewhere. Use with [`crate::settled`]
/// semantics: it does not subscribe while waiting.
pub async fn sign_in_read(directory: Option<DirectoryResource>) {
    if let Some(DirectoryResource(resource)) = directory {
        let _ = crate::settled::settled(resource).await;
    }
}

/// The current gate; open (nothing gated) where no sign-in context exists, as in component tests.
pub fn use_gate() -> Signal<Gate> {
    use_context::<OperatorGate>().map(|g| g.0).unwrap_or_else(|| Signal::stored(Gate::open()))
}

/// The read permission missing for an area, as a memo: it changes only when the answer does.
pub fn use_missing(area: ViewArea) -> Memo<Option<Permission>> {
    let gate = use_gate();
    Memo::new(move |_| gate.with(|g| g.missing(area)))
}

/// With an operator directory (demo mode): reads the tenant's directory (again when the tenant changes) and
/// signs in as the operator the URL names. Without one (REST mode): an open gate.
pub fn provide_operator_gate(location: Memo<Location>, directory: Option<OperatorDirectory>) {
    let Some(source) = directory else {
        provide_context(OperatorGate(Signal::stored(Gate::open())));
        return;
    };
    let tenant = Memo::new(move |_| location.get().tenant_id().to_string());
    let wanted = Memo::new(move |_| location.get().operator);
    let directory = LocalResource::new(move || {
        let (tenant, source) = (tenant.get(), source.clone());
        async move { DemoDirectory::load(&source, &tenant).await.map(Arc::new) }
    });
    let gate = Memo::new(move |_| match directory.get() {
        None => Gate::Loading,
        // The previous tenant's directory, still shown while the new one loads, must not decide anything.
        Some(Ok(dir)) if dir.tenant != tenant.get() => Gate::Loading,
        Some(Ok(dir)) => match SignedIn::new(dir, wanted.get().as_deref()) {
            Some(signed) => Gate::Demo(Arc::new(signed)),
            None => Gate::Open { problem: Some("operators.json lists no operator".into()) },
        },
        Some(Err(problem)) => Gate::Open { problem: Some(problem) },
    });
    provide_context(OperatorGate(gate.into()));
    provide_context(DirectoryResource(directory));
}

// Native only: the directory is read from the repository's fixtures on disk.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::domain::device_actions::{availability, Availability, DeviceAction, DisabledReason};
    use futures::executor::block_on;
    use serde::Deserialize;

    fn aurora() -> Arc<DemoDirectory> {
        Arc::new(block_on(DemoDirectory::load(&OperatorDirectory::repo(), "aurora")).unwrap())
    }

    fn gate(directory: &Arc<DemoDirectory>, operator: Option<&str>) -> Gate {
        Gate::Demo(Arc::new(SignedIn::new(directory.clone(), operator).unwrap()))
    }

    const DOMAIN: &str = "@aurora-logistics.example";

    #[test]
    fn the_first_operator_is_the_default_and_others_are_found_by_any_name() {
        let dir = aurora();
        assert_eq!(dir.operator(None).unwrap().display_name, "Oluwaseun Adebayo");
        assert_eq!(dir.operator(Some("nobody")).unwrap().display_name, "Oluwaseun Adebayo");
        assert_eq!(dir.operator(Some("felix.kohler")).unwrap().display_name, "Felix Köhler");
        assert_eq!(dir.operator(Some("RUUD.HENDRIKS@aurora-logistics.example")).unwrap().display_name, "Ruud Hendriks");
        let arjun = dir.operator(Some("arjun.mehta")).unwrap();
        assert_eq!(dir.operator(Some(&arjun.id)).unwrap().id, arjun.id);
    }

    #[test]
    fn felix_opens_benelux_users_only_and_hears_why_not() {
        let dir = aurora();
        let felix = gate(&dir, Some("felix.kohler"));
        for inside in ["sanne.devries", "chloe.peeters"] {
            assert_eq!(felix.opening(&format!("{inside}{DOMAIN}")), Opening::Allowed, "{inside}");
        }
        let tom_id = dir.user(&format!("tom.becker{DOMAIN}")).unwrap().id.clone();
        let refused = Opening::OutOfScope { user: "Tom Becker".into(), groups: vec!["Staff - Benelux".into()] };
        assert_eq!(felix.opening(&tom_id), refused);
        assert!(matches!(felix.opening(&format!("emma.laurent{DOMAIN}")), Opening::OutOfScope { .. }));
        assert_eq!(felix.opening("no-such-user"), Opening::Allowed, "the workspace reports unknown users");
        let admin = gate(&dir, None);
        assert_eq!(admin.opening(&tom_id), Opening::Allowed);
        assert_eq!(Gate::Loading.opening(&tom_id), Opening::Checking);
        assert_eq!(Gate::open().opening(&tom_id), Opening::Allowed);
    }

    #[test]
    fn views_are_gated_only_in_demo_mode() {
        let dir = aurora();
        for operator in ["oluwaseun.adebayo", "felix.kohler", "ruud.hendriks", "arjun.mehta"] {
            let signed = gate(&dir, Some(operator));
            assert!(ViewArea::ALL.iter().all(|a| signed.missing(*a).is_none()), "{operator} reads every view");
        }
        let nobody = Gate::Demo(Arc::new(SignedIn {
            operator: DemoOperator::default(),
            access: Access::default(),
            directory: dir.clone(),
        }));
        assert_eq!(nobody.missing(ViewArea::Devices), Some(Permission::MANAGED_DEVICES_READ));
        assert_eq!(Gate::open().missing(ViewArea::Devices), None);
    }

    #[test]
    fn device_actions_follow_the_operator() {
        let dir = aurora();
        let raw: serde_json::Value =
            serde_json::from_str(include_str!("../../fixtures/aurora/managedDevices.json")).unwrap();
        let devices: Vec<ManagedDevice> = Vec::<ManagedDevice>::deserialize(&raw["value"]).unwrap();
        let laptop = |name: &str| devices.iter().find(|d| d.device_name == name).unwrap();
        let (sanne, tom) = (laptop("AUR-LT-0142"), laptop("AUR-LT-0311"));
        let felix = gate(&dir, Some("felix.kohler"));
        let wipe = |g: &Gate, d: &ManagedDevice| availability(DeviceAction::Wipe, &g.target(d), g.access());
        assert_eq!(wipe(&felix, sanne), Availability::Enabled);
        assert!(matches!(wipe(&felix, tom), Availability::Disabled(DisabledReason::DeviceOutOfScope { .. })));
        let ruud = gate(&dir, Some("ruud.hendriks"));
        assert!(matches!(wipe(&ruud, sanne), Availability::Disabled(DisabledReason::MissingPermission(_))));
        assert_eq!(wipe(&Gate::open(), tom), Availability::Enabled, "REST mode leaves the decision to Graph");
    }
}
