//! The demo tenants bundled in `fixtures/`: their ids in switcher order (the first is the default) and the
//! manifest that names them and anchors their timestamps.

pub const MANIFEST: &str = include_str!("../fixtures/manifest.json");

/// The demo tenants, in the order the tenant switcher lists them; the first is the default.
pub const DEMO_TENANT_IDS: [&str; 2] = ["aurora", "northwind-lab"];

/// (tenant id, display name) from the manifest; the id when the manifest lacks a name.
pub fn demo_tenant_names() -> Vec<(&'static str, String)> {
    let manifest: serde_json::Value = serde_json::from_str(MANIFEST).unwrap_or_default();
    DEMO_TENANT_IDS
        .into_iter()
        .map(|id| {
            let name = manifest["tenants"]
                .as_array()
                .and_then(|ts| ts.iter().find(|t| t["id"] == id))
                .and_then(|t| t["displayName"].as_str())
                .unwrap_or(id)
                .to_string();
            (id, name)
        })
        .collect()
}
