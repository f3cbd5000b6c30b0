//! Words as search sees them, the same for indexing and for queries: folded to plain lower-case letters
//! and digits, trigrams for finding words spelt differently, and how closely a query word matches an
//! indexed one ("kripik" ~ "keripik", "dodoll" ~ "dodol", "hutn" ~ "hutan").

use std::collections::HashMap;

/// Words too common to tell products apart, in descriptions and in what shoppers type: Indonesian, then
/// English (sellers' English names and descriptions, and buyers on the English pages).
const STOPWORDS: &[&str] = &[
    "ada", "agar", "akan", "atau", "bisa", "dalam", "dan", "dari", "dengan", "di", "hingga", "ini", "itu", "juga",
    "ke", "lalu", "pada", "saat", "sampai", "untuk", "yang", "jual", "beli", "murah", "harga", "promo", "produk", "an",
    "and", "are", "by", "for", "from", "in", "is", "it", "its", "of", "on", "or", "our", "the", "this", "to", "with",
    "buy", "cheap", "price", "product", "products",
];

/// Spellings of one word too far apart for the typo rule, all in use ("cabe" and "cabai").
const VARIANTS: &[&[&str]] =
    &[&["cabai", "cabe"], &["durian", "duren"], &["petai", "pete"], &["kedelai", "kedele"], &["serai", "sereh"]];

/// The word and its other spellings.
pub fn spellings(word: &str) -> Vec<&str> {
    VARIANTS.iter().find(|group| group.contains(&word)).map_or_else(|| vec![word], |group| group.to_vec())
}

/// The words of `text`: lower case, accents dropped, split at anything but letters and digits;
/// single letters and stopwords left out.
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut Vec<String>| {
        if word.chars().count() >= 2 && !STOPWORDS.contains(&word.as_str()) {
            out.push(std::mem::take(word));
        }
        word.clear();
    };
    for c in text.chars().flat_map(char::to_lowercase) {
        match fold(c) {
            Some(c) => word.push(c),
            None if c == '\'' || c == '’' => {}
            None => flush(&mut word, &mut out),
        }
    }
    flush(&mut word, &mut out);
    out
}

/// A lower-case character as a plain ASCII letter or digit, if it is one.
fn fold(c: char) -> Option<char> {
    let plain = match c {
        'a'..='z' | '0'..='9' => c,
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ñ' => 'n',
        'ç' => 'c',
        _ => return None,
    };
    Some(plain)
}

/// The trigrams of a word, padded as PostgreSQL's `pg_trgm` does (two spaces before, one after).
pub fn grams(word: &str) -> Vec<String> {
    let padded: Vec<char> = format!("  {word} ").chars().collect();
    let mut out: Vec<String> = padded.windows(3).map(|w| w.iter().collect()).collect();
    out.sort();
    out.dedup();
    out
}

/// Edits a query word of this length may be from an indexed word and still match it.
pub fn allowed_edits(word: &str) -> usize {
    match word.chars().count() {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// How many of a query word's trigrams a candidate must share to be worth comparing: each edit spoils
/// at most three, and a word that continues the query word loses only the last.
pub fn grams_needed(word: &str) -> usize {
    let total = grams(word).len();
    total.saturating_sub((3 * allowed_edits(word)).max(1)).max(1)
}

/// How well an indexed word answers a query word, 0 for not at all. Scores multiply the field weight.
pub fn quality(query: &str, term: &str) -> i64 {
    if query == term {
        return 6;
    }
    // Typing a word's start finds it, but not the longer pairs ("madu" finds "madura", not "maduhutan").
    if query.len() >= 3 && term.starts_with(query) && term.len() <= query.len() + 3 {
        return 4;
    }
    if stem(query) == stem(term) {
        return 4;
    }
    // A four-letter word may only have lost a letter ("hutn" is "hutan"): one changed letter would make
    // too many other words ("kopi" and "topi", "ikan" and "ikat").
    let short = query.chars().count() < 5 && term.len() <= query.len();
    match edits(query, term) {
        d if d <= allowed_edits(query) && !short => 4 - d as i64,
        _ => 0,
    }
}

/// A word without the suffixes that do not change what it names ("anyaman" → "anyam", "olahannya" →
/// "olah"), as long as four letters remain.
fn stem(word: &str) -> &str {
    let mut stem = word;
    for suffix in ["nya", "kan", "an"] {
        if let Some(rest) = stem.strip_suffix(suffix)
            && rest.len() >= 4
        {
            stem = rest;
        }
    }
    stem
}

/// Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.
pub fn edits(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len().abs_diff(b.len()) > 2 {
        return a.len().abs_diff(b.len());
    }
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[i - 1][j] + 1).min(d[i][j - 1] + 1).min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[a.len()][b.len()]
}

/// Where a word was found in a product.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Name,
    Producer,
    Shop,
    Enterprise,
    Category,
    Place,
    Description,
}

impl Field {
    /// How much a word found here counts.
    pub fn weight(self) -> i64 {
        match self {
            Field::Name => 10,
            Field::Producer => 6,
            Field::Shop | Field::Enterprise => 5,
            Field::Category | Field::Place => 4,
            Field::Description => 1,
        }
    }
}

/// Indexed words of one product and the weight of the best field each appears in.
#[derive(Default, Debug)]
pub struct Terms(pub HashMap<String, i64>);

impl Terms {
    /// Adds the words of `text` found in `field`, and for names the pairs of neighbouring words written
    /// together ("tenun ikat" → "tenunikat"), since shoppers write them both ways.
    pub fn add(&mut self, field: Field, text: &str) {
        let list = words(text);
        let weight = field.weight();
        for w in &list {
            self.put(w.clone(), weight);
        }
        if field != Field::Description {
            for pair in list.windows(2) {
                self.put(format!("{}{}", pair[0], pair[1]), weight);
            }
        }
    }

    fn put(&mut self, term: String, weight: i64) {
        let entry = self.0.entry(term).or_insert(weight);
        *entry = (*entry).max(weight);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_folded_and_split() {
        assert_eq!(words("Kopi Arabika Burangrang, 200 g!"), ["kopi", "arabika", "burangrang", "200"]);
        assert_eq!(words("Café Inaq's — Ikan & Udang"), ["cafe", "inaqs", "ikan", "udang"]);
        assert_eq!(words("jual madu dari hutan"), ["madu", "hutan"]);
        assert_eq!(words("Robusta coffee from the hills of Lombok"), ["robusta", "coffee", "hills", "lombok"]);
    }

    #[test]
    fn grams_are_padded() {
        assert_eq!(grams("ab"), ["  a", " ab", "ab "]);
    }

    #[test]
    fn spelling_variants_match_and_strangers_do_not() {
        for (query, term) in [("kripik", "keripik"), ("keripik", "kripik"), ("dodoll", "dodol"), ("hutn", "hutan")] {
            assert!(quality(query, term) > 0, "{query} ~ {term}");
            assert!(grams(query).iter().filter(|g| grams(term).contains(g)).count() >= grams_needed(query));
        }
        assert_eq!(quality("madu", "madu"), 6);
        assert_eq!(quality("kerip", "keripik"), 4);
        assert_eq!(quality("anyaman", "anyam"), 4);
        assert_eq!(quality("olahannya", "olah"), 4);
        for (query, term) in [
            ("keripik", "kerupuk"),
            ("semen", "semut"),
            ("teh", "tea"),
            ("kopi", "kapas"),
            ("kopi", "topi"),
            ("ikan", "ikat"),
        ] {
            assert_eq!(quality(query, term), 0, "{query} !~ {term}");
        }
    }

    #[test]
    fn other_spellings_are_known() {
        assert_eq!(spellings("cabe"), ["cabai", "cabe"]);
        assert_eq!(spellings("madu"), ["madu"]);
    }

    #[test]
    fn swaps_count_once() {
        assert_eq!(edits("maud", "madu"), 1);
        assert_eq!(edits("kripik", "keripik"), 1);
    }

    #[test]
    fn names_also_index_joined_pairs() {
        let mut terms = Terms::default();
        terms.add(Field::Name, "Sarung Tenun Ikat");
        terms.add(Field::Description, "tenun ikat tangan");
        assert_eq!(terms.0["tenunikat"], 10);
        assert_eq!(terms.0["tangan"], 1);
        assert!(!terms.0.contains_key("ikattangan"));
    }
}
