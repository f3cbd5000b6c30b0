//! Configuration from environment variables, with defaults that work on a fresh machine.

use std::{
    net::{IpAddr, SocketAddr},
    path::PathBuf,
    str::FromStr,
    time::Duration,
};

use crate::rate_limit::Limit;

/// Most addresses one sitemap file may hold (sitemaps.org).
pub const SITEMAP_PART_URLS: usize = 50_000;

/// Everything the server needs to know about its surroundings.
#[derive(Clone, Debug)]
pub struct Config {
    /// `sqlite://…` (default, under the data directory) or `postgres://…`.
    pub database_url: String,
    pub addr: SocketAddr,
    /// The address people reach the site at, for absolute links (Open Graph, sitemap); no trailing slash.
    pub public_url: String,
    /// Where the SQLite file and (unless `media_store` says otherwise) uploaded media live.
    pub data_dir: PathBuf,
    /// S3-compatible storage for media, `s3://bucket` or `s3://bucket/prefix` (credentials, region and
    /// endpoint from the usual `AWS_*` variables); none: the `media` folder under `data_dir`.
    pub media_store: Option<String>,
    /// The built frontend (`cargo xtask dist`).
    pub dist_dir: PathBuf,
    pub db_max_connections: u32,
    pub request_timeout: Duration,
    pub body_limit_bytes: usize,
    /// Largest picture upload (the browser shrinks photos first; this bounds what the server reads).
    pub upload_limit_bytes: usize,
    pub sqlite_busy_timeout: Duration,
    /// How long a village page's JSON is kept per server (zero: not kept).
    pub page_cache: Duration,
    /// How long a dashboard table is kept per server when nothing changes (zero: not kept).
    pub dashboard_cache: Duration,
    /// Most addresses in one sitemap file: the protocol's limit, [`SITEMAP_PART_URLS`]; past it
    /// `sitemap.xml` is an index of parts (tests lower it to see that form on the demo data).
    pub sitemap_part_urls: usize,
    /// Load the demo villages into an empty database.
    pub demo_data: bool,
    /// Failed sign-ins allowed per account (the login as typed) from one client address, on devices the
    /// account has not signed in on, within `sign_in_window`.
    pub sign_in_limit_account: i64,
    /// Failed sign-ins allowed per account from all unknown devices together: past it only a device the
    /// account has signed in on before may try, so strangers everywhere cannot lock the owner out.
    pub sign_in_limit_untrusted: i64,
    /// Failed sign-ins allowed per account on one device it has signed in on before (OWASP device cookies).
    pub sign_in_limit_device: i64,
    /// Failed sign-ins allowed per client address within `sign_in_window`: generous, since a whole
    /// village or a mobile carrier may share one address.
    pub sign_in_limit_address: i64,
    pub sign_in_window: Duration,
    /// Password hashes computed at once (each Argon2id hash takes 19 MiB); half the cores by default.
    pub hash_concurrency: usize,
    /// Take the client address from the last `X-Forwarded-For` hop (only behind a trusted proxy).
    pub trust_forwarded_for: bool,
    /// Also send pushes to `http://` push services on this machine (tests that serve their own); off, only
    /// `https://` services with a host name are taken.
    pub push_loopback: bool,
    /// How long a push its service could not take for a passing reason (no answer, 429, 5xx) waits before
    /// each next try; after the last one fails it is given up (and logged).
    pub push_retry_delays: Vec<Duration>,
    /// Names the push client resolves without asking DNS, as a hosts file would, and checks like any
    /// other; never from the environment (tests give a name an address of their choosing).
    pub push_hosts: Vec<(String, IpAddr)>,
    /// A transfer/QRIS order still unpaid this long after the seller accepted it is cancelled.
    pub unpaid_limit: Duration,
    /// A shipped or collectable order completes on its own after this long.
    pub auto_complete: Duration,
    /// An order the seller has neither accepted nor refused this long after it was placed is cancelled.
    pub unaccepted_limit: Duration,
    /// How often the background job looks for orders past those limits (zero: never, for tests).
    pub order_sweep: Duration,
    /// Orders placed without an account, per client address (generous: a village may share one address).
    pub guest_checkouts_per_address: Limit,
    /// Orders placed without an account, per WhatsApp number.
    pub guest_checkouts_per_phone: Limit,
    /// The most units of one product a guest may order at once, when the shop sets no limit of its own.
    pub guest_line_quantity_max: i64,
    /// Wrong code and WhatsApp pairs tried at guest orders, per client address.
    pub order_lookups_per_address: Limit,
    /// Sign-ups per client address (each costs a password hash).
    pub sign_ups_per_address: Limit,
    /// The kabupaten's time zone, for dates in filters and exports.
    pub time_zone: crate::time_zone::TimeZone,
    /// Address of the village map's tiles with `{z}/{x}/{y}`; none: the map has no background.
    pub map_tiles: Option<String>,
    /// The tiles' credit, shown on the map.
    pub map_attribution: String,
}

/// A configuration variable that could not be used, named so the operator can fix it.
#[derive(Debug, thiserror::Error)]
#[error("{name}: {problem} (value: {value:?})")]
pub struct ConfigError {
    pub name: &'static str,
    pub value: String,
    pub problem: String,
}

impl Config {
    /// Reads the process environment.
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads configuration through `lookup`, so tests can supply their own variables.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let data_dir = PathBuf::from(lookup("LAPAK_DATA_DIR").unwrap_or_else(|| "./data".into()));
        let database_url =
            lookup("DATABASE_URL").unwrap_or_else(|| format!("sqlite://{}/lapak.db", data_dir.display()));
        if !(database_url.starts_with("sqlite:")
            || database_url.starts_with("postgres:")
            || database_url.starts_with("postgresql:"))
        {
            return Err(ConfigError {
                name: "DATABASE_URL",
                value: database_url,
                problem: "must start with sqlite:// or postgres://".into(),
            });
        }
        let addr: SocketAddr = parse(&lookup, "LAPAK_ADDR", "127.0.0.1:8080")?;
        let public_url = lookup("LAPAK_PUBLIC_URL").unwrap_or_else(|| format!("http://{addr}"));
        let public_url = public_url.trim_end_matches('/').to_owned();
        if !(public_url.starts_with("http://") || public_url.starts_with("https://"))
            || public_url.len() <= "https://".len()
        {
            return Err(ConfigError {
                name: "LAPAK_PUBLIC_URL",
                value: public_url,
                problem: "must be an absolute http:// or https:// address".into(),
            });
        }
        let media_store = lookup("LAPAK_MEDIA_STORE").map(|s| s.trim().to_owned()).filter(|s| !s.is_empty());
        if let Some(store) = &media_store
            && !(store.starts_with("s3://") && store.len() > "s3://".len())
        {
            return Err(ConfigError {
                name: "LAPAK_MEDIA_STORE",
                value: store.clone(),
                problem: "must be s3://bucket or s3://bucket/prefix (leave it unset for the local folder)".into(),
            });
        }
        let tiles = lookup("LAPAK_MAP_TILES").unwrap_or_else(|| crate::village_map::tiles::DEFAULT_TEMPLATE.into());
        let map_tiles = crate::village_map::tiles::parse(&tiles).map_err(|problem| ConfigError {
            name: "LAPAK_MAP_TILES",
            value: tiles.clone(),
            problem,
        })?;
        Ok(Config {
            media_store,
            database_url,
            addr,
            public_url,
            data_dir,
            dist_dir: PathBuf::from(lookup("LAPAK_DIST").unwrap_or_else(|| "./dist".into())),
            db_max_connections: parse(&lookup, "LAPAK_DB_MAX_CONNECTIONS", "16")?,
            request_timeout: Duration::from_secs(parse(&lookup, "LAPAK_REQUEST_TIMEOUT_SECS", "30")?),
            body_limit_bytes: parse(&lookup, "LAPAK_BODY_LIMIT_BYTES", "1048576")?,
            upload_limit_bytes: parse(&lookup, "LAPAK_UPLOAD_LIMIT_BYTES", "10485760")?,
            sqlite_busy_timeout: Duration::from_millis(parse(&lookup, "LAPAK_SQLITE_BUSY_TIMEOUT_MS", "5000")?),
            page_cache: Duration::from_millis(parse(&lookup, "LAPAK_PAGE_CACHE_MS", "1000")?),
            dashboard_cache: Duration::from_millis(parse(&lookup, "LAPAK_DASHBOARD_CACHE_MS", "60000")?),
            sitemap_part_urls: SITEMAP_PART_URLS,
            demo_data: parse(&lookup, "LAPAK_DEMO_DATA", "true")?,
            sign_in_limit_account: parse(&lookup, "LAPAK_SIGNIN_LIMIT_ACCOUNT", "10")?,
            sign_in_limit_untrusted: parse(&lookup, "LAPAK_SIGNIN_LIMIT_UNTRUSTED", "100")?,
            sign_in_limit_device: parse(&lookup, "LAPAK_SIGNIN_LIMIT_DEVICE", "5")?,
            sign_in_limit_address: parse(&lookup, "LAPAK_SIGNIN_LIMIT_ADDRESS", "300")?,
            sign_in_window: Duration::from_secs(parse(&lookup, "LAPAK_SIGNIN_WINDOW_SECS", "900")?),
            hash_concurrency: parse::<usize>(&lookup, "LAPAK_HASH_CONCURRENCY", &half_the_cores())?.max(1),
            trust_forwarded_for: parse(&lookup, "LAPAK_TRUST_FORWARDED_FOR", "false")?,
            push_loopback: parse(&lookup, "LAPAK_PUSH_LOOPBACK", "false")?,
            push_retry_delays: millis_list(&lookup, "LAPAK_PUSH_RETRY_MS", "60000,300000,1800000")?,
            push_hosts: Vec::new(),
            unpaid_limit: Duration::from_secs(3600 * parse::<u64>(&lookup, "LAPAK_UNPAID_CANCEL_HOURS", "24")?),
            auto_complete: Duration::from_secs(86_400 * parse::<u64>(&lookup, "LAPAK_AUTO_COMPLETE_DAYS", "7")?),
            unaccepted_limit: Duration::from_secs(
                3600 * parse::<u64>(&lookup, "LAPAK_UNACCEPTED_CANCEL_HOURS", "48")?.max(1),
            ),
            order_sweep: Duration::from_secs(parse(&lookup, "LAPAK_ORDER_SWEEP_SECS", "60")?),
            guest_checkouts_per_address: limit(
                &lookup,
                ("LAPAK_GUEST_CHECKOUTS_PER_ADDRESS", "30"),
                ("LAPAK_GUEST_CHECKOUT_WINDOW_SECS", "3600"),
            )?,
            guest_checkouts_per_phone: limit(
                &lookup,
                ("LAPAK_GUEST_CHECKOUTS_PER_PHONE", "10"),
                ("LAPAK_GUEST_CHECKOUT_WINDOW_SECS", "3600"),
            )?,
            guest_line_quantity_max: at_least_one(&lookup, "LAPAK_GUEST_LINE_QUANTITY_MAX", "100")?,
            order_lookups_per_address: limit(
                &lookup,
                ("LAPAK_ORDER_LOOKUP_FAILURES_PER_ADDRESS", "20"),
                ("LAPAK_ORDER_LOOKUP_WINDOW_SECS", "900"),
            )?,
            sign_ups_per_address: limit(
                &lookup,
                ("LAPAK_SIGNUPS_PER_ADDRESS", "20"),
                ("LAPAK_SIGNUP_WINDOW_SECS", "3600"),
            )?,
            time_zone: parse(&lookup, "LAPAK_TIME_ZONE", "WITA")?,
            map_tiles,
            map_attribution: lookup("LAPAK_MAP_ATTRIBUTION")
                .unwrap_or_else(|| crate::village_map::tiles::DEFAULT_ATTRIBUTION.into())
                .trim()
                .to_owned(),
        })
    }

    pub fn is_sqlite(&self) -> bool {
        self.database_url.starts_with("sqlite:")
    }

    /// Whether people reach the site over https (then cookies are `Secure` and `__Host-` named).
    pub fn is_https(&self) -> bool {
        self.public_url.starts_with("https://")
    }
}

/// Half the CPU cores, at least one: password hashing never takes every core from browsing.
fn half_the_cores() -> String {
    let cores = std::thread::available_parallelism().map(std::num::NonZeroUsize::get).unwrap_or(1);
    (cores / 2).max(1).to_string()
}

/// A whole number of at least 1.
fn at_least_one(
    lookup: &impl Fn(&str) -> Option<String>,
    name: &'static str,
    default: &str,
) -> Result<i64, ConfigError> {
    let value: u32 = parse(lookup, name, default)?;
    if value == 0 {
        return Err(ConfigError { name, value: value.to_string(), problem: "must be at least 1".into() });
    }
    Ok(i64::from(value))
}

/// A rate limit from its count and its window in seconds.
fn limit(
    lookup: &impl Fn(&str) -> Option<String>,
    (events, default_events): (&'static str, &str),
    (window, default_window): (&'static str, &str),
) -> Result<Limit, ConfigError> {
    let secs = at_least_one(lookup, window, default_window)?;
    Ok(Limit {
        events: at_least_one(lookup, events, default_events)?,
        window: Duration::from_secs(secs.unsigned_abs()),
    })
}

/// Durations in milliseconds separated by commas (none when empty).
fn millis_list(
    lookup: &impl Fn(&str) -> Option<String>,
    name: &'static str,
    default: &str,
) -> Result<Vec<Duration>, ConfigError> {
    let value = lookup(name).unwrap_or_else(|| default.to_owned());
    let problem = |e: std::num::ParseIntError| ConfigError {
        name,
        value: value.clone(),
        problem: format!("{e}: expected milliseconds separated by commas"),
    };
    value
        .split(',')
        .map(str::trim)
        .filter(|ms| !ms.is_empty())
        .map(|ms| ms.parse().map(Duration::from_millis).map_err(problem))
        .collect()
}

fn parse<T: FromStr>(
    lookup: &impl Fn(&str) -> Option<String>,
    name: &'static str,
    default: &str,
) -> Result<T, ConfigError>
where
    T::Err: std::fmt::Display,
{
    let value = lookup(name).unwrap_or_else(|| default.to_owned());
    value.trim().parse().map_err(|e: T::Err| ConfigError { name, value, problem: e.to_string() })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn config(vars: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let vars: HashMap<String, String> = vars.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        Config::from_lookup(|name| vars.get(name).cloned())
    }

    #[test]
    fn defaults_work() {
        let c = config(&[]).unwrap();
        assert_eq!(c.database_url, "sqlite://./data/lapak.db");
        assert_eq!(c.addr.to_string(), "127.0.0.1:8080");
        assert_eq!(c.public_url, "http://127.0.0.1:8080");
        assert!(c.is_sqlite());
        assert_eq!(c.unaccepted_limit, Duration::from_secs(48 * 3600));
        assert_eq!(c.guest_checkouts_per_phone, Limit { events: 10, window: Duration::from_secs(3600) });
        assert_eq!(c.push_retry_delays, [60, 300, 1800].map(Duration::from_secs));
    }

    #[test]
    fn push_retry_delays_are_milliseconds() {
        let c = config(&[("LAPAK_PUSH_RETRY_MS", "20, 50,100")]).unwrap();
        assert_eq!(c.push_retry_delays, [20, 50, 100].map(Duration::from_millis));
        assert!(config(&[("LAPAK_PUSH_RETRY_MS", "")]).unwrap().push_retry_delays.is_empty(), "never again");
        assert_eq!(config(&[("LAPAK_PUSH_RETRY_MS", "60,5m")]).unwrap_err().name, "LAPAK_PUSH_RETRY_MS");
    }

    #[test]
    fn bad_values_name_the_variable() {
        let err = config(&[("LAPAK_ADDR", "nowhere")]).unwrap_err();
        assert_eq!(err.name, "LAPAK_ADDR");
        assert!(err.to_string().starts_with("LAPAK_ADDR"));
        assert_eq!(config(&[("DATABASE_URL", "mysql://x")]).unwrap_err().name, "DATABASE_URL");
        assert_eq!(config(&[("LAPAK_PUBLIC_URL", "example.org")]).unwrap_err().name, "LAPAK_PUBLIC_URL");
        assert_eq!(config(&[("LAPAK_DB_MAX_CONNECTIONS", "-1")]).unwrap_err().name, "LAPAK_DB_MAX_CONNECTIONS");
        assert_eq!(config(&[("LAPAK_MAP_TILES", "https://x.example/{z}.png")]).unwrap_err().name, "LAPAK_MAP_TILES");
        assert_eq!(config(&[("LAPAK_SIGNUPS_PER_ADDRESS", "0")]).unwrap_err().name, "LAPAK_SIGNUPS_PER_ADDRESS");
        assert_eq!(
            config(&[("LAPAK_GUEST_CHECKOUT_WINDOW_SECS", "-5")]).unwrap_err().name,
            "LAPAK_GUEST_CHECKOUT_WINDOW_SECS"
        );
    }

    #[test]
    fn public_url_loses_its_trailing_slash() {
        let c = config(&[("LAPAK_PUBLIC_URL", "https://lapakdesa.example/")]).unwrap();
        assert_eq!(c.public_url, "https://lapakdesa.example");
    }

    #[test]
    fn media_store_is_a_bucket_address() {
        assert_eq!(config(&[]).unwrap().media_store, None);
        let c = config(&[("LAPAK_MEDIA_STORE", "s3://lapak-media/produksi")]).unwrap();
        assert_eq!(c.media_store.as_deref(), Some("s3://lapak-media/produksi"));
        assert_eq!(config(&[("LAPAK_MEDIA_STORE", "/srv/media")]).unwrap_err().name, "LAPAK_MEDIA_STORE");
        assert_eq!(config(&[("LAPAK_MEDIA_STORE", " ")]).unwrap().media_store, None);
    }
}
