//! Sending pushes, in the background: woken after every request that changed something (and every little
//! while, for what other servers and the background job queued), the sender takes each waiting push off the
//! queue, encrypts it for each of the person's devices (RFC 8291, `aes128gcm`), signs it (VAPID) and posts
//! it to the device's push service. A device its service no longer knows (404, 410) is forgotten; a service
//! that is down costs that push and nothing else: no request waits for it or fails with it.

use std::{sync::Arc, time::Duration};

use axum::{extract::Request, middleware::Next, response::Response};
use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use shared::push::{Endpoints, PushMessage};
use tokio::sync::Notify;

use super::{
    queries::{self, Queued, Target},
    vapid::Vapid,
};
use crate::{
    auth::session::MEMBER,
    db::{Db, now_ms},
};

/// How long a push service keeps a push for a device that is offline: news of an order goes stale.
pub const TTL_SECS: u64 = 6 * 60 * 60;
/// Orders wait on the other side's answer: delivered at once, even to a phone saving its battery.
pub const URGENCY: &str = "high";
/// How often the queue is looked at without being woken.
const POLL: Duration = Duration::from_secs(20);
/// Pushes taken off the queue at a time.
const BATCH: i64 = 50;
/// Longest wait for a push service.
const TIMEOUT: Duration = Duration::from_secs(10);
/// Longest text of a push's body (the whole encrypted push must stay under 4 KB).
const BODY_MAX: usize = 600;

/// The sender: the key pair, the HTTP client, and the bell that wakes it.
#[derive(Debug)]
pub struct Pusher {
    pub vapid: Vapid,
    pub endpoints: Endpoints,
    /// The `sub` claim: where a push service can reach the operator (the site's address).
    contact: String,
    client: reqwest::Client,
    wake: Notify,
}

impl Pusher {
    pub fn new(vapid: Vapid, endpoints: Endpoints, contact: String) -> anyhow::Result<Pusher> {
        // TLS to the push services through ring, as the database's; already installed is fine.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let client = reqwest::Client::builder()
            .timeout(TIMEOUT)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| anyhow::anyhow!("cannot make the push client: {e}"))?;
        Ok(Pusher { vapid, endpoints, contact, client, wake: Notify::new() })
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
                if let Err(e) = pusher.send_waiting(&db).await {
                    tracing::warn!(error = %e, "sending pushes failed; trying again later");
                }
                tokio::select! {
                    () = pusher.wake.notified() => {}
                    () = tokio::time::sleep(POLL) => {}
                }
            }
        });
    }

    /// Sends every waiting push; answers how many devices were reached.
    pub async fn send_waiting(&self, db: &Db) -> anyhow::Result<usize> {
        let mut reached = 0;
        loop {
            let waiting = queries::waiting(db, BATCH).await?;
            if waiting.is_empty() {
                return Ok(reached);
            }
            for push in waiting {
                let mut tx = db.begin_write().await?;
                let mine = queries::claim(&mut tx, push.id).await?;
                tx.commit().await?;
                if mine {
                    reached += self.send(db, &push).await?;
                }
            }
        }
    }

    /// Sends one push to each of its person's devices whose session is alive.
    async fn send(&self, db: &Db, push: &Queued) -> anyhow::Result<usize> {
        let now = now_ms();
        let targets = queries::targets(db, push.user_id, now - MEMBER.idle_ms, now - MEMBER.absolute_ms).await?;
        let message = PushMessage {
            title: push.title.clone(),
            body: push.body.chars().take(BODY_MAX).collect(),
            url: push.link.clone(),
            tag: push.link.clone(),
        };
        let payload = serde_json::to_vec(&message)?;
        let sent = futures_util::future::join_all(targets.iter().map(|t| self.post(t, &payload, now / 1000))).await;
        let mut reached = 0;
        for (target, outcome) in targets.iter().zip(sent) {
            match outcome {
                Ok(status) if (200..300).contains(&status) => reached += 1,
                Ok(404 | 410) => {
                    let mut tx = db.begin_write().await?;
                    queries::forget(&mut tx, target.id, &target.endpoint).await?;
                    tx.commit().await?;
                    tracing::info!(device = target.id, "push service no longer knows a device: forgotten");
                }
                Ok(status) => tracing::warn!(device = target.id, status, "push service refused a push"),
                Err(e) => tracing::warn!(device = target.id, error = %e, "push not sent"),
            }
        }
        Ok(reached)
    }

    /// Encrypts, signs and posts `payload` to one device's push service; answers the status.
    async fn post(&self, target: &Target, payload: &[u8], now_secs: i64) -> anyhow::Result<u16> {
        if let Err(why) = shared::push::check_endpoint(&target.endpoint, self.endpoints) {
            anyhow::bail!("{why}");
        }
        let p256dh = URL_SAFE_NO_PAD.decode(&target.p256dh)?;
        let auth = URL_SAFE_NO_PAD.decode(&target.auth)?;
        let device = web_push_native::p256::PublicKey::from_sec1_bytes(&p256dh)?;
        if auth.len() != shared::push::AUTH_BYTES {
            anyhow::bail!("the device's secret is not 16 bytes");
        }
        let body = web_push_native::encrypt(payload.to_vec(), &device, web_push_native::Auth::from_slice(&auth))
            .map_err(|e| anyhow::anyhow!("encrypting: {e}"))?;
        let response = self
            .client
            .post(&target.endpoint)
            .header("TTL", TTL_SECS.to_string())
            .header("Urgency", URGENCY)
            .header("Content-Encoding", "aes128gcm")
            .header("Content-Type", "application/octet-stream")
            .header("Authorization", self.vapid.authorization(&target.endpoint, &self.contact, now_secs))
            .body(body)
            .send()
            .await?;
        Ok(response.status().as_u16())
    }
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
