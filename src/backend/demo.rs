//! Demo mode's backend: a fake Graph per demo tenant (with the faults and latency the URL asks for), the
//! tenants to switch between, and the operator directory demo mode signs in from.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

use serde::de::DeserializeOwned;
use serde::Deserialize;

use crate::concurrent::try_join_all;
use crate::demo_tenants::DEMO_TENANT_IDS;
use crate::graph::fixture::{parse_faults, Collection, FixtureGraph, FixtureSource, TenantData};
use crate::graph::{GraphClient, Transport};
use crate::model::{DemoOperator, GroupWithMembers, RoleAssignment, RoleDefinition, User};
use crate::platform;

/// Where the browser finds the demo tenants: the `fixtures/` folder Trunk copies beside `index.html`.
pub const FIXTURE_BASE: &str = "fixtures";

thread_local! {
    static DEMO_GRAPHS: RefCell<HashMap<String, Arc<FixtureGraph>>> = RefCell::new(HashMap::new());
}

// ── Clients ─────────────────────────────────────────────────────────────────────────────────────────────────

/// One fake Graph per (tenant, faults, latency), reading fixtures from `source`; cached so switching back
/// and forth reuses what was already downloaded. An unknown tenant is the default one.
pub fn client(source: &FixtureSource, tenant: &str, fault: Option<&str>, latency: Option<&str>) -> GraphClient {
    let tenant = if DEMO_TENANT_IDS.contains(&tenant) { tenant } else { DEMO_TENANT_IDS[0] };
    let cache_key = format!("{tenant}|{}|{}", fault.unwrap_or_default(), latency.unwrap_or_default());
    let graph = DEMO_GRAPHS.with(|cache| {
        cache
            .borrow_mut()
            .entry(cache_key)
            .or_insert_with(|| {
                let faults = fault.map(parse_faults).unwrap_or_default();
                let latency = latency.and_then(|l| l.parse().ok());
                Arc::new(FixtureGraph::new(tenant, source.clone(), platform::now_secs(), faults, latency))
            })
            .clone()
    });
    GraphClient::new(Transport::Fixture(graph))
}

// ── The operator directory ──────────────────────────────────────────────────────────────────────────────────

/// Where demo mode's sign-in reads a tenant's operators: the demo tenant's files, read directly (these are
/// not calls Tier1 makes to Graph).
#[derive(Clone)]
pub struct OperatorDirectory {
    source: FixtureSource,
}

/// A demo tenant's operators, their roles and role assignments, and the groups and users that decide scope.
pub struct DirectoryFiles {
    pub operators: Vec<DemoOperator>,
    pub definitions: Vec<RoleDefinition>,
    pub assignments: Vec<RoleAssignment>,
    pub groups: Vec<GroupWithMembers>,
    pub users: Vec<User>,
}

const DIRECTORY_FILES: [Collection; 5] = [
    Collection::Operators,
    Collection::RoleDefinitions,
    Collection::RoleAssignments,
    Collection::Groups,
    Collection::Users,
];

impl OperatorDirectory {
    pub fn new(source: FixtureSource) -> Self {
        Self { source }
    }

    /// The repository's `fixtures/` on disk (native tests and tools).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn repo() -> Self {
        Self::new(FixtureSource::repo())
    }

    /// Reads the five files at once; the error names the file that failed.
    pub async fn read(&self, tenant: &str) -> Result<DirectoryFiles, String> {
        let data = TenantData::new(tenant, self.source.clone(), 0);
        try_join_all(DIRECTORY_FILES.iter().map(|c| data.ensure(std::slice::from_ref(c)))).await?;
        fn items<T: DeserializeOwned>(data: &TenantData, collection: Collection) -> Result<Vec<T>, String> {
            Vec::<T>::deserialize(&data.get(collection)["value"]).map_err(|e| format!("{}: {e}", collection.file()))
        }
        let groups = items(&data, Collection::Groups)?;
        Ok(DirectoryFiles {
            operators: items(&data, Collection::Operators)?,
            definitions: items(&data, Collection::RoleDefinitions)?,
            assignments: items(&data, Collection::RoleAssignments)?,
            groups,
            users: items(&data, Collection::Users)?,
        })
    }
}
