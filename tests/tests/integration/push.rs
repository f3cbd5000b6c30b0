//! Push notifications over HTTP: the test serves its own push service on 127.0.0.1, subscribes devices
//! with key pairs of its own, and reads what arrives as a browser would: it checks the VAPID signature
//! (RFC 8292) against the key the server published and decrypts the body (RFC 8291, `aes128gcm` of RFC
//! 8188) by its own hand, independently of the crate the server encrypts with. This file holds the push
//! service and the device; the tests are in `push/`.

mod delivery;
mod devices;
mod refusals;
mod retries;

use std::{
    collections::VecDeque,
    sync::{Arc, Mutex},
    time::Instant,
};

use aes_gcm::{Aes128Gcm, KeyInit, aead::Aead};
use axum::{
    Router,
    extract::{Path, State},
    http::{HeaderMap, HeaderName, HeaderValue, StatusCode},
    response::IntoResponse,
    routing::post,
};
use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use hkdf::Hkdf;
use lapak_tests::{Engine as DbEngine, TestApp};
use p256::{
    PublicKey, SecretKey,
    ecdsa::{Signature, VerifyingKey, signature::Verifier},
    elliptic_curve::sec1::ToEncodedPoint,
};
use reqwest::Method;
use serde_json::{Value, json};
use sha2::Sha256;
use tokio::sync::mpsc;

use crate::orders::{Seller, checkout, choice, line, placed, product};

/// A server that sends pushes to http:// services on this machine, as these tests serve one.
pub async fn app_with_loopback(engine: DbEngine) -> Option<TestApp> {
    TestApp::spawn_with(engine, |config| config.push_loopback = true).await
}

/// One push as it reached the test's push service.
#[derive(Debug)]
pub struct Received {
    /// The device's path segment: which subscription it was for.
    pub device: String,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
    /// When it arrived.
    pub at: Instant,
}

/// How the test's push service answers one push: a status and headers.
#[derive(Clone, Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(&'static str, String)>,
}

impl Reply {
    pub fn status(status: u16) -> Reply {
        Reply { status, headers: Vec::new() }
    }

    pub fn with(mut self, name: &'static str, value: &str) -> Reply {
        self.headers.push((name, value.to_owned()));
        self
    }
}

/// Each device's replies still to give: the first is used up by a push while more follow, the last stays.
type Answers = Arc<Mutex<Vec<(String, VecDeque<Reply>)>>>;

/// The test's own push service: every POST to `/push/{device}` is recorded and answered as set for that
/// device (201 unless told otherwise).
pub struct PushService {
    pub origin: String,
    received: mpsc::UnboundedReceiver<Received>,
    answers: Answers,
}

#[derive(Clone)]
struct Inbox {
    sent: mpsc::UnboundedSender<Received>,
    answers: Answers,
}

async fn receive(
    State(inbox): State<Inbox>,
    Path(device): Path<String>,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> axum::response::Response {
    let reply = {
        let mut answers = inbox.answers.lock().unwrap();
        let replies = answers.iter_mut().find(|(d, _)| *d == device).map(|(_, replies)| replies);
        match replies {
            Some(replies) if replies.len() > 1 => replies.pop_front(),
            Some(replies) => replies.front().cloned(),
            None => None,
        }
    };
    let reply = reply.unwrap_or(Reply::status(201));
    let _ = inbox.sent.send(Received { device, headers, body: body.to_vec(), at: Instant::now() });
    let mut answer = HeaderMap::new();
    for (name, value) in &reply.headers {
        answer.insert(HeaderName::from_static(name), HeaderValue::from_str(value).unwrap());
    }
    (StatusCode::from_u16(reply.status).unwrap(), answer).into_response()
}

impl PushService {
    pub async fn start() -> PushService {
        let (sent, received) = mpsc::unbounded_channel();
        let answers = Arc::new(Mutex::new(Vec::new()));
        let inbox = Inbox { sent, answers: answers.clone() };
        let router = Router::new().route("/push/{device}", post(receive)).with_state(inbox);
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let origin = format!("http://{}", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
        PushService { origin, received, answers }
    }

    /// Answers pushes to `device` with `status` from now on.
    pub fn answer(&self, device: &str, status: u16) {
        self.answer_in_turn(device, &[Reply::status(status)]);
    }

    /// Answers the next pushes to `device` with `replies` in turn, then always with the last.
    pub fn answer_in_turn(&self, device: &str, replies: &[Reply]) {
        let mut answers = self.answers.lock().unwrap();
        answers.retain(|(d, _)| d != device);
        answers.push((device.to_owned(), replies.iter().cloned().collect()));
    }

    /// The next push to arrive, within 10 seconds.
    pub async fn next(&mut self) -> Received {
        tokio::time::timeout(std::time::Duration::from_secs(10), self.received.recv())
            .await
            .expect("a push arrives within 10 s")
            .expect("the push service runs")
    }

    /// Whether no push arrives within `ms` milliseconds.
    pub async fn quiet_for(&mut self, ms: u64) -> bool {
        tokio::time::timeout(std::time::Duration::from_millis(ms), self.received.recv()).await.is_err()
    }
}

/// A browser's side of a subscription: its key pair and authentication secret.
pub struct Device {
    pub name: String,
    secret: SecretKey,
    auth: [u8; 16],
}

impl Device {
    pub fn new(name: &str, seed: u8) -> Device {
        let mut bytes = [seed; 32];
        bytes[0] = 1;
        let secret = SecretKey::from_slice(&bytes).unwrap();
        Device { name: name.to_owned(), secret, auth: [seed.wrapping_mul(7); 16] }
    }

    fn public_bytes(&self) -> Vec<u8> {
        self.secret.public_key().to_encoded_point(false).as_bytes().to_vec()
    }

    /// `PushSubscription.toJSON()` of this device at `service`.
    pub fn subscription(&self, service: &PushService) -> Value {
        self.subscription_at(&format!("{}/push/{}", service.origin, self.name))
    }

    /// `PushSubscription.toJSON()` of this device with the push service's address `endpoint`.
    pub fn subscription_at(&self, endpoint: &str) -> Value {
        json!({ "endpoint": endpoint, "expirationTime": null,
            "keys": { "p256dh": URL_SAFE_NO_PAD.encode(self.public_bytes()), "auth": URL_SAFE_NO_PAD.encode(self.auth) } })
    }

    /// The push's body decrypted as RFC 8291 says a user agent does.
    pub fn decrypt(&self, body: &[u8]) -> Value {
        let (salt, rest) = body.split_at(16);
        let record_size = u32::from_be_bytes(rest[..4].try_into().unwrap());
        let id_len = usize::from(rest[4]);
        let (sender, ciphertext) = rest[5..].split_at(id_len);
        assert_eq!(id_len, 65, "the key id is the sender's public key");
        assert!(ciphertext.len() <= record_size as usize, "one record");
        let sender_key = PublicKey::from_sec1_bytes(sender).unwrap();
        let shared = p256::ecdh::diffie_hellman(self.secret.to_nonzero_scalar(), sender_key.as_affine());
        let mut info = b"WebPush: info\0".to_vec();
        info.extend(self.public_bytes());
        info.extend(sender);
        let mut ikm = [0u8; 32];
        Hkdf::<Sha256>::new(Some(&self.auth), shared.raw_secret_bytes()).expand(&info, &mut ikm).unwrap();
        let prk = Hkdf::<Sha256>::new(Some(salt), &ikm);
        let (mut key, mut nonce) = ([0u8; 16], [0u8; 12]);
        prk.expand(b"Content-Encoding: aes128gcm\0", &mut key).unwrap();
        prk.expand(b"Content-Encoding: nonce\0", &mut nonce).unwrap();
        let mut plain = Aes128Gcm::new(&key.into()).decrypt(&nonce.into(), ciphertext).expect("the push decrypts");
        while plain.last() == Some(&0) {
            plain.pop();
        }
        assert_eq!(plain.pop(), Some(2), "the last record's delimiter");
        serde_json::from_slice(&plain).expect("the push carries JSON")
    }
}

/// Checks the push's `Authorization: vapid t=…, k=…` (RFC 8292): the key is the one the server publishes,
/// the token is signed with it, for the push service's origin, not expired; answers the token's claims.
pub fn verify_vapid(push: &Received, published: &str, origin: &str) -> Value {
    let header = push.headers.get("authorization").and_then(|v| v.to_str().ok()).expect("an Authorization header");
    let rest = header.strip_prefix("vapid t=").expect("the vapid scheme");
    let (token, key) = rest.split_once(", k=").expect("a token and a key");
    assert_eq!(key, published, "signed with the key the server publishes");
    let (signed, signature) = token.rsplit_once('.').unwrap();
    let (header, claims) = signed.split_once('.').unwrap();
    let header: Value = serde_json::from_slice(&URL_SAFE_NO_PAD.decode(header).unwrap()).unwrap();
    assert_eq!(header["alg"], "ES256");
    let verifying = VerifyingKey::from_sec1_bytes(&URL_SAFE_NO_PAD.decode(key).unwrap()).unwrap();
    let signature = Signature::from_slice(&URL_SAFE_NO_PAD.decode(signature).unwrap()).unwrap();
    verifying.verify(signed.as_bytes(), &signature).expect("the signature verifies");
    let claims: Value = serde_json::from_slice(&URL_SAFE_NO_PAD.decode(claims).unwrap()).unwrap();
    assert_eq!(claims["aud"], origin, "the audience is the push service's origin");
    let now = backend::db::now_ms() / 1000;
    let exp = claims["exp"].as_i64().expect("an expiry");
    assert!(exp > now && exp <= now + 24 * 3600, "valid now and for at most a day");
    assert!(claims["sub"].as_str().is_some_and(|s| !s.is_empty()), "a contact");
    claims
}

/// The server's published VAPID key.
pub async fn published_key(app: &TestApp) -> String {
    app.get_json("/api/v1/push/key", 200).await["public_key"].as_str().unwrap().to_owned()
}

/// The devices of the holder of `cookie` once there are `count` of them (within 5 s).
pub async fn wait_for_devices(app: &TestApp, cookie: &str, count: usize) -> Vec<Value> {
    for _ in 0..50 {
        let list = app.call_json(Method::GET, "/api/v1/me/push", Some(cookie), None, 200).await;
        let list = list.as_array().unwrap().clone();
        if list.len() == count {
            return list;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("the devices did not come to {count}");
}

/// A guest's order, by WhatsApp `phone`, of a new product of the seller's shop (which notifies the
/// seller); answers its code.
pub async fn an_order_for(app: &TestApp, seller: &Seller, phone: &str) -> String {
    let kopi = product(app, seller.shop, "Kopi Kabar", 20_000, 10, 250).await;
    let body = checkout(phone, &[choice(seller.shop, "ambil", "tunai", &[line(kopi, 1, 20_000)])]);
    placed(app, None, &body).await.orders[0].code.clone()
}

/// Subscribes `device` for the holder of `cookie`, expecting 201; answers the device's id.
pub async fn subscribed(app: &TestApp, cookie: &str, device: &Device, service: &PushService) -> i64 {
    let body = device.subscription(service);
    let answer = app.call_json(Method::POST, "/api/v1/me/push", Some(cookie), Some(&body), 201).await;
    answer["id"].as_i64().expect("an id")
}
