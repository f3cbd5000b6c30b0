//! Sending pushes, in the background: woken after every request that changed something (and every little
//! while, or when the next retry is due), the sender hands each queued push out as one delivery per device
//! of its person, then posts every delivery that is due: encrypted for its device (RFC 8291, `aes128gcm`),
//! signed (VAPID), to the device's push service, through a client that refuses private addresses
//! (`guard.rs`) and follows no redirect. What the answer means (`outcome.rs`): done; the device forgotten
//! (404, 410); tried again later (no answer, 429, 5xx), up to the configured delays; or given up. The
//! deliveries are rows, so a restart loses none; no request waits for a push service or fails with it.

use std::{
    sync::Arc,
    time::{Duration, SystemTime},
};

use axum::{extract::Request, middleware::Next, response::Response};
use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use shared::push::PushMessage;
use tokio::sync::Notify;

use super::{
    guard::{self, Guard},
    outcome::{Outcome, next_try},
    queries::outbox::{self, Alive, Delivery, Target},
    vapid::Vapid,
};
use crate::{
    auth::session::MEMBER,
    config::Config,
    db::{Db, now_ms},
};

/// How long a push service keeps a push for a device that is offline: news of an order goes stale.
pub const TTL_SECS: u64 = 6 * 60 * 60;
/// Orders wait on the other side's answer: delivered at once, even to a phone saving its battery.
pub const URGENCY: &str = "high";
/// How often the queue is looked at without being woken.
const POLL: Duration = Duration::from_secs(20);
/// Pushes handed out, and deliveries posted, at a time.
const BATCH: i64 = 50;
/// Longest wait for a push service.
const TIMEOUT: Duration = Duration::from_secs(10);
/// How long a delivery being posted is left to its server before another may try it (far past TIMEOUT).
const LEASE_MS: i64 = 120_000;
/// Longest text of a push's body (the whole encrypted push must stay under 4 KB).
const BODY_MAX: usize = 600;

/// The sender: the key pair, the HTTP client, what it may send to, and the bell that wakes it.
#[derive(Debug)]
pub struct Pusher {
    pub vapid: Vapid,
    pub guard: Guard,
    /// The `sub` claim: where a push service can reach the operator (the site's address).
    contact: String,
    client: reqwest::Client,
    /// The waits before each next try of a delivery that failed for a passing reason.
    retry_delays: Vec<Duration>,
    wake: Notify,
}

impl Pusher {
    pub fn new(vapid: Vapid, config: &Config) -> anyhow::Result<Pusher> {
        use shared::push::Endpoints;
        let endpoints = if config.push_loopback { Endpoints::LoopbackToo } else { Endpoints::Public };
        let guard = Guard::new(endpoints, &config.push_hosts);
        // TLS to the push services through ring, as the database's; already installed is fine.
        let _ = rustls::crypto::ring::default_provider().install_default();
        // Straight to the push service, as its resolver checked: no proxy, no redirect.
        let client = reqwest::Client::builder()
            .timeout(TIMEOUT)
            .redirect(reqwest::redirect::Policy::none())
            .no_proxy()
            .dns_resolver(Arc::new(guard.clone()))
            .build()
            .map_err(|e| anyhow::anyhow!("cannot make the push client: {e}"))?;
        let contact = config.public_url.clone();
        Ok(Pusher {
            vapid,
            guard,
            contact,
            client,
            retry_delays: config.push_retry_delays.clone(),
            wake: Notify::new(),
        })
    }

    /// Tells the sender to look at the queue.
    pub fn wake(&self) {
        self.wake.notify_one();
    }

    /// Runs the sender until the database pool closes (the server stopped).
    pub fn spawn(self: &Arc<Self>, db: Db) {
        let pusher = self.clone();
        tokio::spawn(async move {
            while !db.pool.is_closed() {
                let pause = match pusher.send_waiting(&db).await {
                    Ok(_) => pusher.until_next_due(&db).await,
                    Err(e) => {
                        tracing::warn!(error = %e, "sending pushes failed; trying again later");
                        POLL
                    }
                };
                tokio::select! {
                    () = pusher.wake.notified() => {}
                    () = tokio::time::sleep(pause) => {}
                }
            }
        });
    }

    /// How long until the next delivery is due, at most [`POLL`].
    async fn until_next_due(&self, db: &Db) -> Duration {
        match outbox::next_due(db).await {
            Ok(Some(due)) => Duration::from_millis(due.saturating_sub(now_ms()).max(0).unsigned_abs()).min(POLL),
            _ => POLL,
        }
    }

    /// Hands out every queued push and posts every delivery due; answers how many devices were reached.
    pub async fn send_waiting(&self, db: &Db) -> anyhow::Result<usize> {
        self.hand_out(db).await?;
        let mut reached = 0;
        loop {
            let now = now_ms();
            let mut tx = db.begin_write().await?;
            let due = outbox::lease_due(&mut tx, now, now + LEASE_MS, BATCH).await?;
            tx.commit().await?;
            if due.is_empty() {
                return Ok(reached);
            }
            let tried = futures_util::future::join_all(due.iter().map(|d| self.attempt(db, d))).await;
            let mut tx = db.begin_write().await?;
            for (delivery, (target, outcome)) in due.iter().zip(tried) {
                reached += usize::from(outcome == Outcome::Delivered);
                self.record(&mut tx, delivery, target.as_ref(), outcome).await?;
            }
            tx.commit().await?;
        }
    }

    /// Makes each queued push one delivery per device whose session is alive.
    async fn hand_out(&self, db: &Db) -> anyhow::Result<()> {
        loop {
            let queued = outbox::queued(db, BATCH).await?;
            if queued.is_empty() {
                return Ok(());
            }
            for id in queued {
                let now = now_ms();
                let alive = Alive { seen_since: now - MEMBER.idle_ms, begun_since: now - MEMBER.absolute_ms };
                let mut tx = db.begin_write().await?;
                outbox::hand_out(&mut tx, id, &alive, now).await?;
                tx.commit().await?;
            }
        }
    }

    /// Tries one delivery; answers its device (none when it is gone or another account's now) and outcome.
    async fn attempt(&self, db: &Db, delivery: &Delivery) -> (Option<Target>, Outcome) {
        let target = match outbox::target(db, delivery.subscription_id, delivery.user_id).await {
            Ok(Some(target)) => target,
            Ok(None) => return (None, Outcome::GiveUp("the device is no longer this person's".into())),
            Err(e) => return (None, Outcome::Again { after: None, why: format!("reading the device: {e}") }),
        };
        let message = PushMessage {
            title: delivery.title.clone(),
            body: delivery.body.chars().take(BODY_MAX).collect(),
            url: delivery.link.clone(),
            tag: delivery.link.clone(),
        };
        let outcome = match serde_json::to_vec(&message) {
            Ok(payload) => self.post(&target, &payload).await,
            Err(e) => Outcome::GiveUp(format!("writing the push: {e}")),
        };
        (Some(target), outcome)
    }

    /// Writes what became of a try: done, forgotten, set for its next try, or given up (and logged).
    async fn record(
        &self,
        conn: &mut sqlx::AnyConnection,
        delivery: &Delivery,
        target: Option<&Target>,
        outcome: Outcome,
    ) -> anyhow::Result<()> {
        let (device, tries) = (delivery.subscription_id, delivery.attempts + 1);
        match outcome {
            Outcome::Delivered => {}
            Outcome::Gone | Outcome::Forbidden(_) => {
                if let Outcome::Forbidden(why) = &outcome {
                    tracing::warn!(device, why, "push address refused: device forgotten");
                } else {
                    tracing::info!(device, "push service no longer knows a device: forgotten");
                }
                if let Some(target) = target {
                    outbox::forget(&mut *conn, device, &target.endpoint).await?;
                }
            }
            Outcome::Again { after, why } => {
                let next = usize::try_from(tries)
                    .ok()
                    .and_then(|n| next_try(&self.retry_delays, n, after, now_ms(), delivery.created_at));
                if let Some(due) = next {
                    tracing::info!(device, tries, why, "push not taken; trying again later");
                    return Ok(outbox::try_later(conn, delivery.id, tries, due).await?);
                }
                tracing::warn!(device, tries, why, "push not taken after its last try: given up");
            }
            Outcome::GiveUp(why) => tracing::warn!(device, tries, why, "push not delivered: given up"),
        }
        Ok(outbox::done(conn, delivery.id).await?)
    }

    /// Encrypts, signs and posts `payload` to one device's push service; answers what became of it.
    async fn post(&self, target: &Target, payload: &[u8]) -> Outcome {
        if let Err(refused) = self.guard.check_written(&target.endpoint) {
            return Outcome::Forbidden(refused.0.to_owned());
        }
        let body = match encrypt(target, payload) {
            Ok(body) => body,
            Err(e) => return Outcome::GiveUp(format!("{e:#}")),
        };
        let sent = self
            .client
            .post(&target.endpoint)
            .header("TTL", TTL_SECS.to_string())
            .header("Urgency", URGENCY)
            .header("Content-Encoding", "aes128gcm")
            .header("Content-Type", "application/octet-stream")
            .header("Authorization", self.vapid.authorization(&target.endpoint, &self.contact, now_ms() / 1000))
            .body(body)
            .send()
            .await;
        match sent {
            Ok(response) => {
                let retry_after = response.headers().get("retry-after").and_then(|v| v.to_str().ok());
                Outcome::of_status(response.status().as_u16(), retry_after, SystemTime::now())
            }
            Err(e) => match guard::refusal(&e) {
                Some(why) => Outcome::Forbidden(why.to_owned()),
                None => Outcome::Again { after: None, why: e.to_string() },
            },
        }
    }
}

/// The push's body encrypted for the device (RFC 8291).
fn encrypt(target: &Target, payload: &[u8]) -> anyhow::Result<Vec<u8>> {
    let p256dh = URL_SAFE_NO_PAD.decode(&target.p256dh)?;
    let auth = URL_SAFE_NO_PAD.decode(&target.auth)?;
    let device = web_push_native::p256::PublicKey::from_sec1_bytes(&p256dh)?;
    if auth.len() != shared::push::AUTH_BYTES {
        anyhow::bail!("the device's secret is not 16 bytes");
    }
    web_push_native::encrypt(payload.to_vec(), &device, web_push_native::Auth::from_slice(&auth))
        .map_err(|e| anyhow::anyhow!("encrypting: {e}"))
}

/// Wakes the sender after every request that changed something: its notifications are committed by then.
pub async fn wake_after_changes(
    axum::extract::State(pusher): axum::extract::State<Arc<Pusher>>,
    req: Request,
    next: Next,
) -> Response {
    let changes = !req.method().is_safe();
    let res = next.run(req).await;
    if changes && res.status().is_success() {
        pusher.wake();
    }
    res
}
