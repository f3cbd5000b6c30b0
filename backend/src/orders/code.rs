//! Order codes: `LD-` and 8 letters and digits people can read out over the phone (no 0/O, 1/I).

/// The letters of a code: 32 of them, so each random byte gives one.
const ALPHABET: &[u8; 32] = b"23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

/// A new random code (40 bits: guessing one is hopeless, and a guest's order also needs its phone number).
pub fn fresh() -> anyhow::Result<String> {
    let mut bytes = [0u8; 8];
    getrandom::fill(&mut bytes).map_err(|e| anyhow::anyhow!("the operating system's random source failed: {e}"))?;
    let letters: String = bytes.iter().map(|b| char::from(ALPHABET[usize::from(b % 32)])).collect();
    Ok(format!("LD-{letters}"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn codes_are_well_formed_and_differ() {
        let a = super::fresh().unwrap();
        assert!(shared::order::is_order_code(&a), "{a}");
        assert!(!a.contains(['0', 'O', '1', 'I']));
        assert_ne!(a, super::fresh().unwrap());
    }
}
