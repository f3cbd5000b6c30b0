//! What a push service's answer means for one delivery (RFC 8030): taken (2xx); the device gone (404,
//! 410: forget it at once); a passing failure (no answer, a timeout, 429, 5xx: try again after the set
//! delay, or later when the service says `Retry-After`); refused for good (any other answer, redirects
//! included, which the client does not follow: give up). And when the next try comes.

use std::time::{Duration, SystemTime};

use super::deliver::TTL_SECS;

/// What became of one try.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    Delivered,
    /// The push service no longer knows the device.
    Gone,
    /// The address is one pushes may not go to (private, loopback, not `https://`).
    Forbidden(String),
    /// A passing failure: try again, not sooner than `after` when the service said so.
    Again {
        after: Option<Duration>,
        why: String,
    },
    /// Refused for good: not tried again.
    GiveUp(String),
}

impl Outcome {
    /// The outcome of a push service's answer `status`, with its `Retry-After` header as received at `now`.
    pub fn of_status(status: u16, retry_after: Option<&str>, now: SystemTime) -> Outcome {
        match status {
            200..=299 => Outcome::Delivered,
            404 | 410 => Outcome::Gone,
            429 | 500..=599 => {
                Outcome::Again { after: retry_after.and_then(|v| parse_retry_after(v, now)), why: format!("{status}") }
            }
            _ => Outcome::GiveUp(format!("{status}")),
        }
    }
}

/// `Retry-After` as a wait from `now`: seconds, or an HTTP date (a date already past is no wait).
pub fn parse_retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    let value = value.trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let at = httpdate::parse_http_date(value).ok()?;
    Some(at.duration_since(now).unwrap_or_default())
}

/// When a delivery whose `tries`-th try (1 for the first) just failed for a passing reason is tried next,
/// in Unix ms: after the `tries`-th of `delays`, or after `retry_after` when that is later. None when the
/// delays are used up, or when the next try would come past the push's TTL from `created` (news of an
/// order goes stale; the push service would drop it by then too).
pub fn next_try(
    delays: &[Duration],
    tries: usize,
    retry_after: Option<Duration>,
    now: i64,
    created: i64,
) -> Option<i64> {
    let delay = *delays.get(tries.checked_sub(1)?)?;
    let wait = retry_after.map_or(delay, |asked| asked.max(delay));
    let at = now.saturating_add(i64::try_from(wait.as_millis()).unwrap_or(i64::MAX));
    let ttl_ms = i64::try_from(TTL_SECS * 1000).unwrap_or(i64::MAX);
    (at <= created.saturating_add(ttl_ms)).then_some(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_000_000;

    #[test]
    fn answers_sort_into_outcomes() {
        let now = SystemTime::now();
        assert_eq!(Outcome::of_status(201, None, now), Outcome::Delivered);
        assert_eq!(Outcome::of_status(410, None, now), Outcome::Gone);
        assert_eq!(Outcome::of_status(404, Some("5"), now), Outcome::Gone);
        for passing in [429, 500, 502, 503] {
            assert!(matches!(Outcome::of_status(passing, None, now), Outcome::Again { after: None, .. }), "{passing}");
        }
        for refused in [301, 307, 400, 401, 403, 413] {
            assert_eq!(Outcome::of_status(refused, None, now), Outcome::GiveUp(refused.to_string()));
        }
        let asked = Outcome::of_status(503, Some("120"), now);
        assert!(matches!(asked, Outcome::Again { after: Some(d), .. } if d == Duration::from_secs(120)));
    }

    #[test]
    fn retry_after_is_seconds_or_a_date() {
        let now = httpdate::parse_http_date("Sun, 06 Dec 2026 08:00:00 GMT").unwrap();
        assert_eq!(parse_retry_after(" 30 ", now), Some(Duration::from_secs(30)));
        assert_eq!(parse_retry_after("Sun, 06 Dec 2026 08:02:00 GMT", now), Some(Duration::from_secs(120)));
        assert_eq!(parse_retry_after("Sun, 06 Dec 2026 07:00:00 GMT", now), Some(Duration::ZERO), "past");
        assert_eq!(parse_retry_after("soon", now), None);
    }

    #[test]
    fn tries_follow_the_delays_then_stop() {
        let delays = [60, 300, 1800].map(Duration::from_secs);
        assert_eq!(next_try(&delays, 1, None, NOW, NOW), Some(NOW + 60_000));
        assert_eq!(next_try(&delays, 2, None, NOW, NOW), Some(NOW + 300_000));
        assert_eq!(next_try(&delays, 3, None, NOW, NOW), Some(NOW + 1_800_000));
        assert_eq!(next_try(&delays, 4, None, NOW, NOW), None, "given up after the last delay");
        assert_eq!(next_try(&[], 1, None, NOW, NOW), None, "no retries set");
    }

    #[test]
    fn retry_after_postpones_but_never_past_the_ttl() {
        let delays = [Duration::from_secs(60)];
        let asked = Some(Duration::from_secs(600));
        assert_eq!(next_try(&delays, 1, asked, NOW, NOW), Some(NOW + 600_000));
        assert_eq!(next_try(&delays, 1, Some(Duration::from_secs(1)), NOW, NOW), Some(NOW + 60_000), "not sooner");
        let ttl = Some(Duration::from_secs(TTL_SECS + 1));
        assert_eq!(next_try(&delays, 1, ttl, NOW, NOW), None, "after its TTL it would be stale");
    }
}
