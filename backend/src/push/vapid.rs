//! The server's VAPID key pair (RFC 8292): made on the first start and kept in the database, so every
//! server of one database signs alike; and the `Authorization` header that signs one push for its push
//! service (an ES256 JWT whose audience is the service's origin).

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use p256::{
    SecretKey,
    ecdsa::{Signature, SigningKey, signature::Signer},
    elliptic_curve::sec1::ToEncodedPoint,
};

use super::queries;
use crate::db::{Db, now_ms};

/// How long a signature is good for (RFC 8292 allows at most 24 hours).
const VALID_SECS: i64 = 12 * 60 * 60;

/// The key pair every push is signed with.
#[derive(Clone)]
pub struct Vapid {
    key: SigningKey,
    /// The uncompressed public point, base64url: what the pages subscribe with.
    public_key: String,
}

impl std::fmt::Debug for Vapid {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Vapid").field("public_key", &self.public_key).finish_non_exhaustive()
    }
}

impl Vapid {
    /// The database's key pair, made and stored first when it has none (of two servers starting at once,
    /// the first to store its pair wins and both use that one).
    pub async fn load_or_create(db: &Db) -> anyhow::Result<Vapid> {
        if let Some(private) = queries::vapid_key(db).await? {
            return Vapid::from_private(&private);
        }
        let made = Vapid::generate()?;
        let private = URL_SAFE_NO_PAD.encode(made.key.to_bytes());
        let mut tx = db.begin_write().await?;
        queries::store_vapid_key(&mut tx, &private, &made.public_key, now_ms()).await?;
        tx.commit().await?;
        let stored = queries::vapid_key(db).await?.ok_or_else(|| anyhow::anyhow!("the VAPID key was not stored"))?;
        Vapid::from_private(&stored)
    }

    fn generate() -> anyhow::Result<Vapid> {
        loop {
            let mut bytes = [0u8; 32];
            getrandom::fill(&mut bytes)
                .map_err(|e| anyhow::anyhow!("the operating system's random source failed: {e}"))?;
            // Fails only for the zero scalar or one past the group's order: next to never.
            if let Ok(secret) = SecretKey::from_slice(&bytes) {
                return Ok(Vapid::of(secret));
            }
        }
    }

    fn from_private(private: &str) -> anyhow::Result<Vapid> {
        let bytes = URL_SAFE_NO_PAD.decode(private)?;
        let secret =
            SecretKey::from_slice(&bytes).map_err(|_| anyhow::anyhow!("the stored VAPID key is not a P-256 key"))?;
        Ok(Vapid::of(secret))
    }

    fn of(secret: SecretKey) -> Vapid {
        let public_key = URL_SAFE_NO_PAD.encode(secret.public_key().to_encoded_point(false).as_bytes());
        Vapid { key: SigningKey::from(secret), public_key }
    }

    pub fn public_key(&self) -> &str {
        &self.public_key
    }

    /// `vapid t=<JWT>, k=<public key>` for a push to `endpoint`, signed at `now_secs`; `contact` is the
    /// `sub` claim the push service may reach the operator at.
    pub fn authorization(&self, endpoint: &str, contact: &str, now_secs: i64) -> String {
        let header = URL_SAFE_NO_PAD.encode(br#"{"typ":"JWT","alg":"ES256"}"#);
        let claims = serde_json::json!({ "aud": origin(endpoint), "exp": now_secs + VALID_SECS, "sub": contact });
        let signed = format!("{header}.{}", URL_SAFE_NO_PAD.encode(claims.to_string()));
        let signature: Signature = self.key.sign(signed.as_bytes());
        format!("vapid t={signed}.{}, k={}", URL_SAFE_NO_PAD.encode(signature.to_bytes()), self.public_key)
    }
}

/// The origin of an address: scheme, host and port as written (`https://push.example.net`).
pub fn origin(endpoint: &str) -> String {
    let (scheme, rest) = endpoint.split_once("://").unwrap_or(("https", endpoint));
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    format!("{scheme}://{authority}")
}

#[cfg(test)]
mod tests {
    use p256::ecdsa::{VerifyingKey, signature::Verifier};

    use super::*;

    #[test]
    fn signs_a_token_its_public_key_verifies() {
        let vapid = Vapid::generate().unwrap();
        let header = vapid.authorization("http://127.0.0.1:4000/push/abc?x=1", "https://lapak.example", 1_000);
        let token = header.strip_prefix("vapid t=").unwrap().split(", k=").next().unwrap();
        let (signed, signature) = token.rsplit_once('.').unwrap();
        let claims: serde_json::Value =
            serde_json::from_slice(&URL_SAFE_NO_PAD.decode(signed.split('.').nth(1).unwrap()).unwrap()).unwrap();
        assert_eq!(claims["aud"], "http://127.0.0.1:4000");
        assert_eq!(claims["exp"], 1_000 + VALID_SECS);
        let key = VerifyingKey::from_sec1_bytes(&URL_SAFE_NO_PAD.decode(vapid.public_key()).unwrap()).unwrap();
        let signature = Signature::from_slice(&URL_SAFE_NO_PAD.decode(signature).unwrap()).unwrap();
        assert!(key.verify(signed.as_bytes(), &signature).is_ok());
        assert!(header.ends_with(&format!(", k={}", vapid.public_key())));
    }
}
