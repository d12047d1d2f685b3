//! What the story tests share: a demo tenant's client, and a user's data and whole diagnosis as the screen has
//! them (every source loaded through the loaders), so no story file assembles the evidence itself.

#![allow(dead_code)] // each test crate uses its own part of this module

use std::collections::BTreeSet;
use std::sync::Arc;

use tier1::domain::diagnosis::{diagnose, Diagnosis};
use tier1::domain::enrollment_restrictions::effective_limit;
use tier1::domain::findings::{Evidence, Finding, Targeting};
use tier1::domain::membership::{Membership, Parents};
use tier1::domain::status::{AppRecord, DeviceRecord};
use tier1::graph::fixture::{parse_faults, FixtureGraph, FixtureSource};
use tier1::graph::{GraphClient, Transport};
use tier1::loaders::{self, UserInfo};
use tier1::model::User;

/// A demo tenant served by the fake Graph, with no latency and no faults.
pub fn tenant(id: &str) -> GraphClient {
    let graph = FixtureGraph::new(id, FixtureSource::repo(), tier1::platform::now_secs(), parse_faults(""), Some(0));
    GraphClient::new(Transport::Fixture(Arc::new(graph)))
}

/// A user's data as their screen loads it, and the findings box's diagnosis of it.
pub struct Story {
    pub diagnosis: Diagnosis,
    pub findings: Vec<Finding>,
    pub info: UserInfo,
    pub devices: Vec<DeviceRecord>,
    pub membership: Membership,
    pub apps: Vec<AppRecord>,
    pub parents: Parents,
}

/// Every check of the findings box on `user`, with every source loaded.
pub async fn story_of(client: &GraphClient, user: &User) -> Story {
    let tenant = loaders::tenant(client).await.unwrap();
    let info = loaders::user(client, &user.id).await.unwrap();
    let devices = loaders::devices(client, &user.id).await.unwrap();
    let membership = loaders::membership(client, &user.id).await.unwrap();
    let apps = loaders::apps(client, &user.user_principal_name, &membership, &devices).await.unwrap();
    let configs = client.enrollment_configurations().await.unwrap();
    let registrations = client.app_registrations(&user.id).await.unwrap();
    let events = client.enrollment_events(&user.id).await.unwrap();
    let lists = loaders::policy_lists(client, async { Ok(membership.clone()) }).await.unwrap();
    let parents = loaders::nesting(client, &membership).await.unwrap();
    let groups = membership.all_ids();
    let evidence = Evidence {
        account: Some((&info.user, &info.license)),
        devices: Some(&devices),
        apps: Some(&apps),
        now_secs: tier1::platform::now_secs(),
        checkin_threshold_days: Some(tenant.device_management.settings.device_compliance_checkin_threshold_days),
        device_limit: effective_limit(&configs, &groups),
        app_registrations: Some(&registrations),
        enrollment_events: Some(&events),
        restrictions: Some((&configs, &groups)),
        tenant: Some((&tenant.organization, &tenant.device_management)),
        targeting: Some(Targeting {
            configuration: &lists.configuration,
            compliance: &lists.compliance,
            membership: &membership,
            parents: &parents,
            names: &lists.names,
        }),
    };
    let diagnosis = diagnose(&evidence, &BTreeSet::new());
    let findings = diagnosis.findings.clone();
    Story { diagnosis, findings, info, devices, membership, apps, parents }
}

/// [`story_of`]'s diagnosis alone.
pub async fn diagnosis_of(client: &GraphClient, user: &User) -> Diagnosis {
    story_of(client, user).await.diagnosis
}
