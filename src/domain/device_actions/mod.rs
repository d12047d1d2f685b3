//! Device actions (Sync, Restart, Remote lock, Reset passcode, Retire, Wipe, Fresh Start, Locate, Defender
//! quick scan, Collect diagnostics): their Graph calls and permissions, which devices support them, whether the
//! operator may use them, demo mode's simulation of their lifecycle, and the action log.

pub mod availability;
pub mod catalogue;
pub mod platforms;
pub mod record;
pub mod request;
pub mod simulate;
pub mod target;

pub use crate::domain::device_platform::Platform;
pub use availability::{availability, Availability, DisabledReason};
pub use catalogue::{ActionOption, DeviceAction};
pub use platforms::supports;
pub use record::{csv_cell, records_csv, ActionRecord, ActionResult, GraphLabels, RecordColumn, RecordLabels};
pub use request::{confirmation_matches, losses, request_body, ActionOptions, Loss};
pub use simulate::{
    simulate, ActionState, DeviceEffect, FailureReason, ManagementState, Outcome, SimulatedRun, TimedEffect,
    OFFLINE_AFTER_SECS,
};
pub use target::{ActionTarget, AndroidMode};
