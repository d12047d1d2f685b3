//! Operator roles and scope (Intune RBAC): permissions as Intune spells them, the roles Tier1 knows, group
//! nesting for scope, the operator's effective access, and which permission each view needs.

pub mod access;
pub mod groups;
pub mod permission;
pub mod roles;
#[cfg(test)]
pub mod test_support;
pub mod views;

pub use access::{Access, ActiveAssignment, Scope, ScopeDecision, ScopeGroup};
pub use groups::GroupGraph;
pub use permission::{Action, Grant, Permission, Resource};
pub use roles::KnownRole;
pub use views::{missing_for_view, required_for_view, ViewArea};
