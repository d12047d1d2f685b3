//! Waiting out throttling in view: a countdown that ticks each second (so "trying again in 2 s" does not
//! freeze), and when a throttled request is worth one more automatic attempt.

use std::time::Duration;

use leptos::prelude::*;

use crate::graph::{ApiError, ErrorKind};

/// Automatic attempts after a throttled answer; then the operator gets the error panel and its Retry.
pub const AUTO_RETRIES: u32 = 1;
/// The wait when the service says it is throttling but not for how long.
const DEFAULT_WAIT_SECS: u32 = 2;
/// No automatic wait is longer than this, whatever `Retry-After` says (the operator can retry sooner).
const MAX_WAIT_SECS: u32 = 30;

/// Seconds to wait before retrying automatically after `error`, having retried `retries_done` times already;
/// `None` when the error is not throttling or the automatic retries are used up.
pub fn auto_retry_secs(error: &ApiError, retries_done: u32) -> Option<u32> {
    match error.kind {
        ErrorKind::Throttled { retry_after_secs } if retries_done < AUTO_RETRIES => {
            Some(retry_after_secs.unwrap_or(DEFAULT_WAIT_SECS).clamp(1, MAX_WAIT_SECS))
        }
        _ => None,
    }
}

/// Seconds left (`None` when not counting), ticking down once a second; `start` again restarts it,
/// `cancel` stops it without running its `done`.
#[derive(Clone, Copy)]
pub struct Countdown {
    left: RwSignal<Option<u32>>,
    generation: StoredValue<u64>,
}

impl Countdown {
    pub fn new() -> Self {
        Countdown { left: RwSignal::new(None), generation: StoredValue::new(0) }
    }

    /// Seconds left, reactively.
    pub fn left(&self) -> Option<u32> {
        self.left.get()
    }

    /// Counts down from `secs` (at least 1), then runs `done`.
    pub fn start(&self, secs: u32, done: impl FnOnce() + 'static) {
        self.generation.update_value(|g| *g += 1);
        let secs = secs.max(1);
        self.left.set(Some(secs));
        self.tick(self.generation.get_value(), secs, done);
    }

    pub fn cancel(&self) {
        self.generation.update_value(|g| *g += 1);
        self.left.set(None);
    }

    fn tick(self, mine: u64, left: u32, done: impl FnOnce() + 'static) {
        set_timeout(
            move || {
                // Restarted, cancelled or gone with its view: this tick is stale.
                if self.generation.try_get_value() != Some(mine) {
                    return;
                }
                if left <= 1 {
                    self.left.set(None);
                    done();
                } else {
                    self.left.set(Some(left - 1));
                    self.tick(mine, left - 1, done);
                }
            },
            Duration::from_secs(1),
        );
    }
}

impl Default for Countdown {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn throttled(secs: Option<u32>) -> ApiError {
        ApiError { kind: ErrorKind::Throttled { retry_after_secs: secs }, ..ApiError::network("x") }
    }

    #[test]
    fn a_throttled_answer_is_retried_once_after_its_retry_after() {
        assert_eq!(auto_retry_secs(&throttled(Some(2)), 0), Some(2));
        assert_eq!(auto_retry_secs(&throttled(Some(2)), AUTO_RETRIES), None);
        assert_eq!(auto_retry_secs(&throttled(None), 0), Some(DEFAULT_WAIT_SECS));
        assert_eq!(auto_retry_secs(&throttled(Some(0)), 0), Some(1));
        assert_eq!(auto_retry_secs(&throttled(Some(3_600)), 0), Some(MAX_WAIT_SECS));
    }

    #[test]
    fn other_errors_are_not_retried_automatically() {
        assert_eq!(auto_retry_secs(&ApiError::network("offline"), 0), None);
    }
}
