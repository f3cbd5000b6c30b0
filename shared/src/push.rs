//! Push notifications: a device's subscription as the browser's `PushSubscription.toJSON()` gives it, its
//! checks (where the push service is, the keys that encrypt for that device), the devices a person
//! receives on, and what one push carries to the service worker.

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use serde::{Deserialize, Serialize};

use crate::{FieldError, Form, form::checked};

/// Longest push service address taken (the services' own are a few hundred characters).
pub const ENDPOINT_MAX: usize = 1000;
/// Bytes of a device's public key: an uncompressed P-256 point (RFC 8291).
pub const PUBLIC_KEY_BYTES: usize = 65;
/// Bytes of a device's authentication secret (RFC 8291).
pub const AUTH_BYTES: usize = 16;

/// The server's VAPID public key (RFC 8292), which the page gives `PushManager.subscribe`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PushKey {
    /// The uncompressed P-256 point, base64url without padding.
    pub public_key: String,
}

/// The keys of a subscription, as the browser names them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SubscriptionKeys {
    /// The device's P-256 public key, base64url.
    #[serde(default)]
    pub p256dh: String,
    /// The device's 16-byte authentication secret, base64url.
    #[serde(default)]
    pub auth: String,
}

/// `POST /api/v1/me/push`: this device's subscription, `PushSubscription.toJSON()` as it is.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SubscriptionForm {
    /// The push service's address for this device.
    pub endpoint: String,
    #[serde(default)]
    pub keys: SubscriptionKeys,
}

/// Which push service addresses a server sends to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Endpoints {
    /// `https://` with a host name: the push services of the browsers.
    Public,
    /// Those, and `http://` on this machine (`127.0.0.1`, `[::1]`, `localhost`): for tests that serve
    /// their own push service.
    LoopbackToo,
}

/// The keys of a subscription, decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeviceKeys {
    pub p256dh: Vec<u8>,
    pub auth: Vec<u8>,
}

impl Form for SubscriptionForm {
    type Context = Endpoints;
    type Parsed = DeviceKeys;

    fn check(&self, allowed: &Endpoints) -> Result<DeviceKeys, Vec<FieldError>> {
        let mut errors = Vec::new();
        if let Err(message) = check_endpoint(self.endpoint.trim(), *allowed) {
            errors.push(FieldError::new("endpoint", message));
        }
        let p256dh = decode(&self.keys.p256dh);
        match &p256dh {
            Some(key) if key.len() == PUBLIC_KEY_BYTES && key[0] == 4 => {}
            Some(_) => errors.push(FieldError::new("keys.p256dh", "Kunci perangkat harus titik P-256 65 byte.")),
            None => {
                errors.push(FieldError::new("keys.p256dh", "Kunci perangkat (p256dh) kosong atau bukan base64url."))
            }
        }
        let auth = decode(&self.keys.auth);
        match &auth {
            Some(secret) if secret.len() == AUTH_BYTES => {}
            Some(_) => errors.push(FieldError::new("keys.auth", "Rahasia perangkat (auth) harus 16 byte.")),
            None => errors.push(FieldError::new("keys.auth", "Rahasia perangkat (auth) kosong atau bukan base64url.")),
        }
        checked(errors)?;
        Ok(DeviceKeys { p256dh: p256dh.unwrap_or_default(), auth: auth.unwrap_or_default() })
    }
}

/// The bytes of a key written in base64url (the server's VAPID key, for `PushManager.subscribe`).
pub fn key_bytes(text: &str) -> Option<Vec<u8>> {
    decode(text)
}

/// Base64url, padded or not; `None` for empty or malformed text.
fn decode(text: &str) -> Option<Vec<u8>> {
    let text = text.trim().trim_end_matches('=');
    if text.is_empty() {
        return None;
    }
    URL_SAFE_NO_PAD.decode(text).ok()
}

/// Whether a server may send to `endpoint`; the message says why not.
pub fn check_endpoint(endpoint: &str, allowed: Endpoints) -> Result<(), &'static str> {
    if endpoint.is_empty() {
        return Err("Alamat layanan push kosong.");
    }
    if endpoint.len() > ENDPOINT_MAX {
        return Err("Alamat layanan push terlalu panjang.");
    }
    let (secure, rest) = match (endpoint.strip_prefix("https://"), endpoint.strip_prefix("http://")) {
        (Some(rest), _) => (true, rest),
        (None, Some(rest)) => (false, rest),
        _ => return Err("Alamat layanan push harus diawali https://."),
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if authority.is_empty() || authority.contains('@') || endpoint.chars().any(|c| c.is_whitespace() || c.is_control())
    {
        return Err("Alamat layanan push tidak sah.");
    }
    let host = if let Some(bracketed) = authority.strip_prefix('[') {
        bracketed.split(']').next().unwrap_or_default()
    } else {
        authority.split(':').next().unwrap_or_default()
    };
    let loopback = matches!(host, "127.0.0.1" | "::1" | "localhost");
    if loopback {
        return if allowed == Endpoints::LoopbackToo {
            Ok(())
        } else {
            Err("Alamat layanan push tidak boleh ke server ini.")
        };
    }
    if !secure {
        return Err("Alamat layanan push harus diawali https://.");
    }
    let literal = host.contains(':') || host.chars().all(|c| c.is_ascii_digit() || c == '.');
    if literal || !host.contains('.') {
        return Err("Alamat layanan push harus memakai nama host, bukan alamat IP.");
    }
    Ok(())
}

/// A device that receives the person's pushes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PushDevice {
    pub id: i64,
    /// The push service's address: the page compares it with its own to say "this device".
    pub endpoint: String,
    /// The browser it was allowed in, as its User-Agent says.
    pub user_agent: String,
    /// Unix milliseconds.
    pub created_at: i64,
}

/// What one push carries (encrypted) to the service worker, which shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PushMessage {
    pub title: String,
    pub body: String,
    /// The page opened by a tap on it.
    pub url: String,
    /// Pushes about one page replace each other on the device.
    pub tag: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &str = "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4";

    fn form(endpoint: &str, p256dh: &str, auth: &str) -> SubscriptionForm {
        SubscriptionForm {
            endpoint: endpoint.into(),
            keys: SubscriptionKeys { p256dh: p256dh.into(), auth: auth.into() },
        }
    }

    #[test]
    fn takes_a_browser_subscription() {
        let keys =
            form("https://push.example.net/wpush/v2/abc", KEY, "BTBZMqHH6r4Tts7J_aSIgg").check(&Endpoints::Public);
        let keys = keys.unwrap();
        assert_eq!((keys.p256dh.len(), keys.auth.len()), (65, 16));
    }

    #[test]
    fn refuses_bad_keys_and_addresses() {
        let fields = |f: SubscriptionForm, allowed| {
            f.check(&allowed).unwrap_err().into_iter().map(|e| e.field).collect::<Vec<_>>().join(",")
        };
        assert_eq!(fields(form("https://push.example.net/x", "", "%%"), Endpoints::Public), "keys.p256dh,keys.auth");
        assert_eq!(
            fields(form("https://push.example.net/x", "AAAA", "AAAA"), Endpoints::Public),
            "keys.p256dh,keys.auth"
        );
        let auth = "BTBZMqHH6r4Tts7J_aSIgg";
        for bad in [
            "http://push.example.net/x",
            "ftp://x.y/z",
            "https://10.0.0.1/x",
            "https://[fd00::1]/x",
            "https://intranet/x",
        ] {
            assert_eq!(fields(form(bad, KEY, auth), Endpoints::Public), "endpoint", "{bad}");
        }
        assert_eq!(fields(form("http://127.0.0.1:9/x", KEY, auth), Endpoints::Public), "endpoint");
        assert!(form("http://127.0.0.1:9/x", KEY, auth).check(&Endpoints::LoopbackToo).is_ok());
        assert!(form("http://[::1]:9/x", KEY, auth).check(&Endpoints::LoopbackToo).is_ok());
    }
}
