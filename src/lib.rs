//! Tier1: a help-desk troubleshooting portal for Microsoft Intune tenants.
//!
//! Layers, from pure to browser-bound: `model` (Graph JSON types) → `graph` (requests, client, the fake
//! Graph behind demo mode) → `domain` and `tables` (what the data means, as rows) → `i18n` → `backend` (demo
//! or REST, chosen from the configuration) → `state` → `loaders` (what each pane fetches, the only callers of
//! Graph endpoints) → `components` and `panes` (Leptos views) → `app`.

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
