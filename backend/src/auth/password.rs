//! Passwords: Argon2id hashing on a few dedicated threads, each with its own 19 MiB of working memory
//! allocated once (a flood of sign-ins queues instead of eating the memory), and the rules a new
//! password must pass.

use std::cell::RefCell;
use std::sync::{Arc, Mutex, mpsc};

use argon2::{
    Algorithm, Argon2, Block, Params, Version,
    password_hash::phc::{Output, ParamsString, PasswordHash, Salt},
};
use shared::FieldError;

use crate::error::{AppError, AppResult};

/// Hashes waiting for a thread beyond this many are refused with 503 rather than queued.
const QUEUE: usize = 256;

type Job = Box<dyn FnOnce() + Send>;

/// Common passwords of Indonesian users and of this site, lower-case, that zxcvbn's English-language lists
/// lack; any of these is refused.
const COMMON: &str = include_str!("common_passwords.txt");

/// The least zxcvbn score a new password needs: 2 means at least a million guesses, so none of the most
/// common passwords (zxcvbn knows the 30,000 most used) nor a simple change of one passes.
const LEAST_SCORE: zxcvbn::Score = zxcvbn::Score::Two;

/// Hashes and verifies passwords on `concurrency` threads of its own, each reusing one 19 MiB buffer:
/// the memory is `concurrency` × 19 MiB whatever the load (tokio's blocking pool would grow to
/// hundreds of threads, and the allocator would keep several buffers per thread).
#[derive(Clone)]
pub struct Hasher {
    jobs: mpsc::SyncSender<Job>,
    /// A real hash of a random password, verified when the account does not exist so that the
    /// answer takes as long as for a real account.
    decoy: Arc<String>,
}

/// Argon2id with m = 19456 KiB, t = 2, p = 1 (the OWASP recommendation, and the crate's default; a
/// test holds it there).
fn params() -> Params {
    Params::DEFAULT
}

thread_local! {
    /// This thread's Argon2 working memory, allocated on its first hash and kept.
    static MEMORY: RefCell<Vec<Block>> = const { RefCell::new(Vec::new()) };
}

/// The Argon2id output of `password` with `salt` and `params`, computed in this thread's memory.
fn compute(params: &Params, password: &[u8], salt: &[u8], out: &mut [u8]) -> anyhow::Result<()> {
    let argon2 = Argon2::new(Algorithm::Argon2id, Version::V0x13, params.clone());
    MEMORY
        .with_borrow_mut(|memory| {
            memory.resize(params.block_count(), Block::new());
            argon2.hash_password_into_with_memory(password, salt, out, memory.as_mut_slice())
        })
        .map_err(|e| anyhow::anyhow!("hashing failed: {e}"))
}

impl Hasher {
    pub fn new(concurrency: usize) -> anyhow::Result<Hasher> {
        // On a thread of its own, so that no long-lived thread keeps working memory for it.
        let decoy = std::thread::scope(|s| s.spawn(|| hash_now(&super::token::generate()?)).join())
            .map_err(|_| anyhow::anyhow!("the decoy hash panicked"))??;
        let (jobs, queue) = mpsc::sync_channel::<Job>(QUEUE);
        let queue = Arc::new(Mutex::new(queue));
        for n in 0..concurrency.max(1) {
            let queue = Arc::clone(&queue);
            std::thread::Builder::new().name(format!("password-{n}")).spawn(move || {
                loop {
                    let job = match queue.lock() {
                        Ok(receiver) => receiver.recv(),
                        Err(_) => return,
                    };
                    match job {
                        Ok(job) => job(),
                        Err(_) => return,
                    }
                }
            })?;
        }
        Ok(Hasher { jobs, decoy: Arc::new(decoy) })
    }

    /// The PHC string of `password` (salt included).
    pub async fn hash(&self, password: &str) -> AppResult<String> {
        let password = password.to_owned();
        self.blocking(move || hash_now(&password)).await
    }

    /// Whether `password` matches `stored`; with no stored hash, spends the same time and says no.
    pub async fn verify(&self, stored: Option<String>, password: &str) -> AppResult<bool> {
        let password = password.to_owned();
        let (stored, real) = match stored {
            Some(stored) => (stored, true),
            None => (self.decoy.as_ref().clone(), false),
        };
        let matches = self.blocking(move || verify_now(&stored, &password)).await?;
        Ok(real && matches)
    }

    async fn blocking<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> anyhow::Result<T> + Send + 'static,
    ) -> AppResult<T> {
        let (reply, answer) = tokio::sync::oneshot::channel();
        let job: Job = Box::new(move || {
            let _ = reply.send(work());
        });
        self.jobs.try_send(job).map_err(|_| AppError::Unavailable)?;
        Ok(answer.await.map_err(|_| anyhow::anyhow!("a password thread stopped"))??)
    }
}

/// A PHC string (`$argon2id$v=19$m=19456,t=2,p=1$salt$hash`) of `password` with a fresh salt.
fn hash_now(password: &str) -> anyhow::Result<String> {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).map_err(|e| anyhow::anyhow!("no random salt: {e}"))?;
    let params = params();
    let mut out = [0u8; 32];
    compute(&params, password.as_bytes(), &salt, &mut out)?;
    let phc = |e| anyhow::anyhow!("PHC string: {e}");
    let hash = PasswordHash {
        algorithm: Algorithm::Argon2id.ident(),
        version: Some(Version::V0x13.into()),
        params: ParamsString::try_from(&params).map_err(|e| anyhow::anyhow!("PHC params: {e}"))?,
        salt: Some(Salt::new(&salt).map_err(phc)?),
        hash: Some(Output::new(&out).map_err(phc)?),
    };
    Ok(hash.to_string())
}

/// Whether `password` matches the PHC string `stored` (with the parameters stored in it).
fn verify_now(stored: &str, password: &str) -> anyhow::Result<bool> {
    let parsed = PasswordHash::new(stored).map_err(|e| anyhow::anyhow!("stored hash unreadable: {e}"))?;
    let (Some(salt), Some(expected)) = (&parsed.salt, &parsed.hash) else {
        anyhow::bail!("stored hash lacks its salt or output");
    };
    let params = Params::try_from(&parsed).map_err(|e| anyhow::anyhow!("stored hash parameters: {e}"))?;
    let mut out = vec![0u8; expected.len()];
    compute(&params, password.as_bytes(), salt.as_ref(), &mut out)?;
    // `Output` compares in constant time.
    Ok(Output::new(&out).map_err(|e| anyhow::anyhow!("{e}"))? == *expected)
}

/// The rules beyond length (which `shared` checks): not a common password (zxcvbn's estimate and the
/// Indonesian list), not the person's own phone number or name. Errors are reported on `field`.
pub fn check_strength(field: &str, password: &str, name: &str, phone: &str) -> Vec<FieldError> {
    let mut errors = Vec::new();
    shared::account::check_password(field, password, &mut errors);
    if !errors.is_empty() {
        return errors;
    }
    let lower = password.to_lowercase();
    let digits: String = password.chars().filter(char::is_ascii_digit).collect();
    let national = phone.strip_prefix("62").map(|s| format!("0{s}")).unwrap_or_default();
    let compact_name: String = name.to_lowercase().chars().filter(|c| !c.is_whitespace()).collect();
    let mut hints: Vec<&str> = name.split_whitespace().collect();
    hints.extend([phone, national.as_str(), "lapak", "desa", "lapakdesa"]);
    let weak = is_common(&lower)
        || zxcvbn::zxcvbn(password, &hints).score() < LEAST_SCORE
        || (!digits.is_empty() && digits.len() >= 8 && (phone.contains(&digits) || national.contains(&digits)))
        || (!compact_name.is_empty() && lower.replace(' ', "") == compact_name)
        || lower.chars().all(|c| lower.starts_with(c));
    if weak {
        errors.push(FieldError::new(
            field,
            "Kata sandi ini terlalu mudah ditebak. Gunakan gabungan beberapa kata yang hanya Anda ketahui.",
        ));
    }
    errors
}

fn is_common(lower: &str) -> bool {
    COMMON.lines().map(str::trim).any(|common| !common.is_empty() && !common.starts_with('#') && common == lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_weak_passwords() {
        for weak in ["password", "12345678", "Bismillah", "qwertyuiop", "aaaaaaaaaa", "081234567890", "sitiaminah"] {
            assert_eq!(check_strength("password", weak, "Siti Aminah", "6281234567890").len(), 1, "{weak}");
        }
    }

    #[test]
    fn refuses_common_passwords_beyond_the_indonesian_list() {
        for common in ["liverpool", "chocolate", "butterfly", "qazwsxedc", "Michelle1", "jordan23", "Password2024"] {
            assert!(!is_common(&common.to_lowercase()), "{common} is zxcvbn's to catch");
            assert_eq!(check_strength("password", common, "Siti Aminah", "6281234567890").len(), 1, "{common}");
        }
    }

    #[test]
    fn accepts_the_passphrases_people_here_choose() {
        for good in [
            "sandi baru yang panjang",
            "laut biru senggigi",
            "sawah hijau rinjani",
            "tanah lombok timur",
            "kebun kelapa sawah",
            "kopi tubruk pagi hari",
            "sandi panjang",
            "tenun ikat sukarara",
            "kopi pagi di sawah",
            "lebah madu di hutan",
            "sawah hijau di kaki rinjani",
        ] {
            assert!(check_strength("password", good, "Siti Aminah", "6281234567890").is_empty(), "{good}");
        }
    }

    #[test]
    fn the_longest_password_is_judged_quickly() {
        let longest: String =
            "kopi robusta tanggamus 2026! ".repeat(5).chars().take(shared::account::PASSWORD_MAX).collect();
        let started = std::time::Instant::now();
        assert!(check_strength("password", &longest, "Siti", "6281234567890").is_empty());
        assert!(started.elapsed() < std::time::Duration::from_millis(500), "{:?}", started.elapsed());
    }

    #[test]
    fn accepts_passphrases() {
        assert!(check_strength("password", "kopi robusta tanggamus", "Siti", "6281234567890").is_empty());
        assert!(check_strength("password", &"panjang ".repeat(12), "Siti", "6281234567890").is_empty());
    }

    #[tokio::test]
    async fn hashes_and_verifies() {
        let hasher = Hasher::new(1).unwrap();
        let hash = hasher.hash("tenun ikat sukarara").await.unwrap();
        assert!(hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{hash}");
        assert!(hasher.verify(Some(hash.clone()), "tenun ikat sukarara").await.unwrap());
        assert!(!hasher.verify(Some(hash), "tenun ikat sukaraRa").await.unwrap());
        assert!(!hasher.verify(None, "anything at all").await.unwrap());
    }

    #[test]
    fn reads_hashes_the_argon2_crate_writes_and_the_other_way() {
        use argon2::{PasswordHasher, PasswordVerifier};
        let reference = Argon2::new(Algorithm::Argon2id, Version::V0x13, params());
        let theirs = reference.hash_password(b"sandi bersama").unwrap().to_string();
        assert!(verify_now(&theirs, "sandi bersama").unwrap());
        assert!(!verify_now(&theirs, "sandi lain").unwrap());
        let ours = hash_now("sandi bersama").unwrap();
        assert!(reference.verify_password(b"sandi bersama", ours.as_str()).is_ok());
    }
}
