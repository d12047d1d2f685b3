//! When to retry a throttled or unavailable request, and how long to wait: `Retry-After` when the service
//! sends it, otherwise exponential backoff with jitter; both capped, with a bounded number of attempts.

/// Attempts per request, the first included.
pub const MAX_ATTEMPTS: u32 = 4;
/// No single wait is longer than this, whatever `Retry-After` says.
pub const MAX_WAIT_MS: u32 = 30_000;
const BASE_MS: u32 = 1_000;

/// Whether a response status is worth retrying (idempotent reads only).
pub fn retryable(status: u16) -> bool {
    matches!(status, 429 | 503 | 504)
}

/// The wait before attempt `attempt + 1` (attempt counts from 0), or `None` when attempts are used up.
/// `jitter` in [0, 1) spreads clients out so they do not retry in step.
pub fn wait_ms(attempt: u32, retry_after_secs: Option<u32>, jitter: f64) -> Option<u32> {
    if attempt + 1 >= MAX_ATTEMPTS {
        return None;
    }
    let wait = match retry_after_secs {
        Some(secs) => secs.saturating_mul(1000),
        None => {
            let exp = BASE_MS.saturating_mul(1 << attempt.min(10));
            exp + (f64::from(exp) * 0.5 * jitter.clamp(0.0, 1.0)) as u32
        }
    };
    Some(wait.min(MAX_WAIT_MS))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_is_honoured_and_capped() {
        assert_eq!(wait_ms(0, Some(3), 0.9), Some(3_000));
        assert_eq!(wait_ms(0, Some(3_600), 0.0), Some(MAX_WAIT_MS));
    }

    #[test]
    fn without_retry_after_the_wait_doubles_with_jitter() {
        assert_eq!(wait_ms(0, None, 0.0), Some(1_000));
        assert_eq!(wait_ms(1, None, 0.0), Some(2_000));
        assert_eq!(wait_ms(2, None, 0.0), Some(4_000));
        assert_eq!(wait_ms(1, None, 0.5), Some(2_500));
    }

    #[test]
    fn attempts_are_bounded() {
        assert!(wait_ms(MAX_ATTEMPTS - 2, None, 0.0).is_some());
        assert_eq!(wait_ms(MAX_ATTEMPTS - 1, None, 0.0), None);
        assert_eq!(wait_ms(MAX_ATTEMPTS - 1, Some(1), 0.0), None);
    }

    #[test]
    fn only_throttling_and_unavailability_are_retried() {
        assert!(retryable(429) && retryable(503) && retryable(504));
        assert!(!retryable(500) && !retryable(401) && !retryable(404) && !retryable(200));
    }
}
