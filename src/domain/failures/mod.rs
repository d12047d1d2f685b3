//! Enrollment failures: which documented failure an event is, and what the tenant's own data says about it.
//! The prose (explanations, steps) lives in the knowledge base files; this module decides which entry applies
//! and gathers the evidence, so both are tested natively.

mod diagnosis;
mod escalation;
mod evidence;
mod later;
mod reason;
#[cfg(test)]
mod test_support;

pub use diagnosis::{diagnose, Diagnosis};
pub use escalation::{error_code, raw_event_text};
pub use evidence::{compare_versions, evidence, Evidence, TenantFacts};
pub use later::enrolled_later;
pub use reason::{Category, Reason, Tier1Link};
