//! Typo tolerance: one edit (insertion, deletion, substitution or swap of
//! two neighbouring characters, that is Damerau-Levenshtein distance 1)
//! between a query word and a text word of at least [`MIN_TYPO_CHARS`]
//! characters each (shorter words are too easily one edit from another:
//! `down` is not a typo of `own`).
//!
//! Candidates are found without measuring the distance to every word: the
//! index keeps a hash of each vocabulary word and of each of its one-character
//! deletions (a deletion neighbourhood), and a query word is looked up by the
//! hashes of itself and its own deletions. Two words within one edit always
//! share such a key; the few candidates found are then checked exactly with
//! [`within_one_edit`], so hash collisions cost nothing but a check. The
//! same hash serves the index builder's maps of words ([`WordHasher`]).

use std::hash::Hasher;

/// Shortest query word, and shortest text word, in characters, that may
/// match with a typo.
pub const MIN_TYPO_CHARS: usize = 4;

/// Longest query word, in characters, that may match with a typo (its
/// deletion neighbourhood grows with its length).
pub const MAX_TYPO_CHARS: usize = 32;

/// True when `typed` (a query word) may match `word` (a text word) with a
/// typo: both are long enough and they are exactly one edit apart.
/// Identical words are an exact match, not a typo.
pub fn is_typo_of(typed: &str, word: &str) -> bool {
    (MIN_TYPO_CHARS..=MAX_TYPO_CHARS).contains(&typed.chars().count())
        && word.chars().count() >= MIN_TYPO_CHARS
        && typed != word
        && within_one_edit(typed, word)
}

/// True when `a` and `b` are at most one Damerau-Levenshtein edit apart,
/// counted in characters. Linear time, no allocation.
pub fn within_one_edit(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    // Skip the common prefix, then compare what is left.
    let split = a
        .char_indices()
        .zip(b.chars())
        .find(|&((_, ca), cb)| ca != cb)
        .map(|((i, _), _)| i);
    let common = split.unwrap_or_else(|| a.len().min(b.len()));
    let (Some(ra), Some(rb)) = (a.get(common..), b.get(common..)) else {
        return false;
    };
    let la = ra.chars().count();
    let lb = rb.chars().count();
    fn tail(s: &str, n: usize) -> &str {
        s.char_indices().nth(n).map_or("", |(i, _)| &s[i..])
    }
    match (la, lb) {
        _ if la == lb + 1 => tail(ra, 1) == rb,
        _ if lb == la + 1 => ra == tail(rb, 1),
        _ if la == lb => {
            if tail(ra, 1) == tail(rb, 1) {
                return true; // substitution
            }
            let mut ca = ra.chars();
            let mut cb = rb.chars();
            let swapped = matches!((ca.next(), ca.next(), cb.next(), cb.next()), (Some(a0), Some(a1), Some(b0), Some(b1)) if a0 == b1 && a1 == b0);
            swapped && tail(ra, 2) == tail(rb, 2)
        }
        _ => false,
    }
}

/// Hash of a word for the deletion neighbourhood (FNV-1a, folded to 32 bits).
pub fn hash_word(word: &str) -> u32 {
    fold(fnv(FNV_OFFSET, word.as_bytes()))
}

/// Calls `visit` with the hash of each one-character deletion of `word`
/// (without building the shortened strings).
pub fn for_each_deletion_hash(word: &str, mut visit: impl FnMut(u32)) {
    for (i, c) in word.char_indices() {
        let head = &word.as_bytes()[..i];
        let rest = &word.as_bytes()[i + c.len_utf8()..];
        visit(fold(fnv(fnv(FNV_OFFSET, head), rest)));
    }
}

/// FNV-1a as a [`Hasher`], for the index builder's maps of words: several
/// times faster than the standard SipHash on short keys. The keys are the
/// words of the catalog built into the app, so the hash needs no defence
/// against chosen inputs.
pub struct WordHasher(u64);

impl Default for WordHasher {
    fn default() -> Self {
        WordHasher(FNV_OFFSET)
    }
}

impl Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        self.0 = fnv(self.0, bytes);
    }
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

fn fnv(mut hash: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(FNV_PRIME);
    }
    hash
}

fn fold(hash: u64) -> u32 {
    // Truncation is the point: the high half is mixed into the low half.
    ((hash >> 32) ^ hash) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_edit_of_each_kind() {
        assert!(within_one_edit("saga", "sagga")); // insertion
        assert!(within_one_edit("outbox", "outbx")); // deletion
        assert!(within_one_edit("cache", "cacha")); // substitution
        assert!(within_one_edit("saga", "sgaa")); // transposition
        assert!(within_one_edit("saga", "saga"));
        assert!(within_one_edit("", "a"));
    }

    #[test]
    fn two_edits_are_too_many() {
        assert!(!within_one_edit("saga", "agas"));
        assert!(!within_one_edit("outbox", "otbx"));
        assert!(!within_one_edit("abcd", "bcde"));
        assert!(!within_one_edit("abcd", "badc"));
        assert!(!within_one_edit("", "ab"));
    }

    #[test]
    fn edits_count_characters_not_bytes() {
        assert!(within_one_edit("café", "cafe"));
        assert!(within_one_edit("naïve", "naive"));
        assert!(within_one_edit("🦀saga", "saga"));
        assert!(within_one_edit("ab🦀", "a🦀b"));
        assert!(!within_one_edit("🦀🦀", "ab"));
    }

    #[test]
    fn typo_needs_four_characters_and_a_difference() {
        assert!(is_typo_of("sagga", "saga"));
        assert!(!is_typo_of("sag", "saga"));
        assert!(!is_typo_of("down", "own"));
        assert!(is_typo_of("down", "dawn"));
        assert!(!is_typo_of("saga", "saga"));
        assert!(!is_typo_of(
            &"a".repeat(MAX_TYPO_CHARS + 1),
            &"a".repeat(MAX_TYPO_CHARS)
        ));
    }

    #[test]
    fn words_one_edit_apart_share_a_neighbourhood_key() {
        let keys = |w: &str| {
            let mut keys = vec![hash_word(w)];
            for_each_deletion_hash(w, |h| keys.push(h));
            keys
        };
        for (a, b) in [
            ("saga", "sagga"),
            ("outbox", "outbx"),
            ("cache", "cacha"),
            ("saga", "sgaa"),
            ("café", "cafe"),
        ] {
            let (ka, kb) = (keys(a), keys(b));
            assert!(ka.iter().any(|k| kb.contains(k)), "{a} / {b}");
        }
        let mut deletions = Vec::new();
        for_each_deletion_hash("sagga", |h| deletions.push(h));
        assert_eq!(deletions.len(), 5);
        assert!(deletions.contains(&hash_word("saga")));
    }
}
