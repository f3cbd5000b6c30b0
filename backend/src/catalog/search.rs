//! Turns what a shopper typed into indexed words: each query word is compared with the vocabulary
//! words sharing enough of its trigrams, and keeps those close enough, each with how well it matches.

use super::{
    queries::search as queries,
    words::{grams, grams_needed, quality, spellings, words},
};
use crate::db::Db;

/// Vocabulary words kept per query word, best first.
const PER_WORD: usize = 40;

/// An indexed word standing for one query word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Match {
    pub term_id: i64,
    /// Which query word (0-based).
    pub word: usize,
    pub quality: i64,
}

/// What the search text asks for.
#[derive(Debug, PartialEq, Eq)]
pub enum Expansion {
    /// No words worth searching for (blank, or only words like "dan", "jual").
    Everything,
    /// Some word matches nothing that is indexed: no product can match them all.
    Nothing,
    /// Every one of `words` query words must match one of these.
    All { words: usize, matches: Vec<Match> },
}

/// Finds the indexed words for each word of `text`.
pub async fn expand(db: &Db, text: &str) -> anyhow::Result<Expansion> {
    let mut query_words = words(text);
    query_words.dedup();
    let mut seen = std::collections::HashSet::new();
    query_words.retain(|w| seen.insert(w.clone()));
    if query_words.is_empty() {
        return Ok(Expansion::Everything);
    }
    let mut matches = Vec::new();
    for (index, word) in query_words.iter().take(8).enumerate() {
        let mut found: Vec<(i64, i64)> = Vec::new();
        for spelling in spellings(word) {
            for (term, quality) in candidates(db, spelling).await? {
                match found.iter_mut().find(|(t, _)| *t == term) {
                    Some(known) => known.1 = known.1.max(quality),
                    None => found.push((term, quality)),
                }
            }
        }
        if found.is_empty() {
            return Ok(Expansion::Nothing);
        }
        matches.extend(found.into_iter().map(|(term_id, quality)| Match { term_id, word: index, quality }));
    }
    Ok(Expansion::All { words: query_words.len().min(8), matches })
}

/// Vocabulary words close to `word`, with their match quality, best first.
async fn candidates(db: &Db, word: &str) -> anyhow::Result<Vec<(i64, i64)>> {
    let grams = grams(word);
    let mut found: Vec<(i64, i64, usize)> = Vec::new();
    for (id, term) in queries::sharing_grams(db, &grams, grams_needed(word) as i64).await? {
        let q = quality(word, &term);
        if q > 0 {
            found.push((id, q, term.len().abs_diff(word.len())));
        }
    }
    found.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)).then(a.0.cmp(&b.0)));
    Ok(found.into_iter().take(PER_WORD).map(|(id, q, _)| (id, q)).collect())
}
