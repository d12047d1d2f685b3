//! Tier1: a help-desk troubleshooting portal for Microsoft Intune tenants.
//!
//! Layers, bottom first (README "How it is built"; `scripts/check-structure.py` enforces it): `model` (Graph
//! JSON types) → `domain` (pure logic) → small leaves (`percent`, `platform`, `concurrent`, `settled`,
//! `test_ids`, `i18n`, `demo_tenants`) → `routes` → `document` → `config` → `auth` → `graph` (requests, client,
//! the fake Graph behind demo mode) → `knowledge` → `backend` (demo or REST, chosen from the configuration) →
//! `state` → `tables` (what the data means, as rows) → `loaders` (what each pane fetches, the only callers of
//! Graph reads) → `components` and `panes` (Leptos views) → `app`.

pub mod app;
pub mod auth;
pub mod backend;
pub mod components;
pub mod concurrent;
pub mod config;
pub mod demo_tenants;
pub mod document;
pub mod domain;
pub mod graph;
pub mod i18n;
pub mod knowledge;
pub mod loaders;
pub mod model;
pub mod panes;
pub mod percent;
pub mod platform;
pub mod routes;
pub mod settled;
pub mod state;
pub mod tables;
pub mod test_ids;

pub use app::App;
