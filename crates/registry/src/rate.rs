//! A token bucket per cooperative: `rate` requests a minute, bursts of up to `rate`. Integer
//! arithmetic only: one token is 60 000 units and a minute refills `rate` tokens, so every
//! millisecond adds `rate` units.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Units in one token: the milliseconds in a minute.
const TOKEN: u64 = 60_000;

/// The per-cooperative limiter.
#[derive(Debug)]
pub struct RateLimiter {
    per_minute: u64,
    buckets: Mutex<HashMap<String, Bucket>>,
}

#[derive(Debug, Clone, Copy)]
struct Bucket {
    units: u64,
    at: Instant,
}

impl RateLimiter {
    /// A limiter allowing `per_minute` requests a minute (at least one) for each cooperative.
    pub fn new(per_minute: u32) -> Self {
        Self { per_minute: u64::from(per_minute.max(1)), buckets: Mutex::new(HashMap::new()) }
    }

    /// Takes a token for `cooperative` at `now`; when there is none, how long until there is.
    pub fn check(&self, cooperative: &str, now: Instant) -> Result<(), Duration> {
        let capacity = self.per_minute * TOKEN;
        // A panic elsewhere cannot leave a bucket half-updated: every update is one assignment.
        let mut buckets = self.buckets.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let bucket = buckets.entry(cooperative.to_owned()).or_insert(Bucket { units: capacity, at: now });
        let elapsed = u64::try_from(now.saturating_duration_since(bucket.at).as_millis()).unwrap_or(u64::MAX);
        bucket.units = bucket.units.saturating_add(elapsed.saturating_mul(self.per_minute)).min(capacity);
        bucket.at = now;
        if bucket.units >= TOKEN {
            bucket.units -= TOKEN;
            Ok(())
        } else {
            let missing = TOKEN - bucket.units;
            Err(Duration::from_millis(missing.div_ceil(self.per_minute)))
        }
    }
}

/// `Retry-After` in whole seconds, rounded up and never zero.
pub fn retry_after_seconds(wait: Duration) -> u64 {
    let secs = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
    secs.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_burst_up_to_the_rate_passes_and_the_next_waits_for_its_share_of_a_minute() {
        let limiter = RateLimiter::new(2);
        let t0 = Instant::now();
        assert!(limiter.check("a", t0).is_ok());
        assert!(limiter.check("a", t0).is_ok());
        assert_eq!(limiter.check("a", t0), Err(Duration::from_secs(30)));
        assert_eq!(limiter.check("a", t0 + Duration::from_secs(10)), Err(Duration::from_secs(20)));
        assert!(limiter.check("a", t0 + Duration::from_secs(30)).is_ok());
    }

    #[test]
    fn each_cooperative_has_its_own_bucket() {
        let limiter = RateLimiter::new(1);
        let t0 = Instant::now();
        assert!(limiter.check("a", t0).is_ok());
        assert!(limiter.check("a", t0).is_err());
        assert!(limiter.check("b", t0).is_ok());
    }

    #[test]
    fn an_idle_bucket_refills_only_to_its_capacity() {
        let limiter = RateLimiter::new(2);
        let t0 = Instant::now();
        assert!(limiter.check("a", t0).is_ok());
        let later = t0 + Duration::from_secs(3600);
        assert!(limiter.check("a", later).is_ok());
        assert!(limiter.check("a", later).is_ok());
        assert!(limiter.check("a", later).is_err());
    }

    #[test]
    fn retry_after_rounds_up_to_whole_seconds() {
        assert_eq!(retry_after_seconds(Duration::from_millis(1)), 1);
        assert_eq!(retry_after_seconds(Duration::from_millis(29_001)), 30);
        assert_eq!(retry_after_seconds(Duration::from_secs(30)), 30);
        assert_eq!(retry_after_seconds(Duration::ZERO), 1);
    }
}
