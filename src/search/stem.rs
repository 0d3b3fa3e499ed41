//! Light English suffix folding, so that `charged`, `charge` and `charging`
//! meet in one index term, as do `retry`, `retries` and `retried`.
//!
//! A small cousin of the Porter stemmer: plurals, `-ed`, `-ing`, `-ly`, a
//! few derivational endings and a final `-e`. Stems are index keys, never
//! shown, so they need only be consistent, not pretty. Words that are not
//! plain ASCII letters (numbers, accented words) are left as they are.

/// The stem of a lower-case word.
pub fn stem(word: &str) -> String {
    let mut w = word.to_owned();
    if w.len() <= 3 || !w.bytes().all(|b| b.is_ascii_lowercase()) {
        return w;
    }
    plural(&mut w);
    past_and_progressive(&mut w);
    // `y` after a consonant becomes `i`, so retry, retries and retried agree.
    if w.len() > 3 && w.ends_with('y') && !is_vowel(w.as_bytes()[w.len() - 2]) {
        w.pop();
        w.push('i');
    }
    derivational(&mut w);
    if w.len() > 3 && w.ends_with('e') {
        w.pop();
    }
    w
}

fn plural(w: &mut String) {
    // processes -> process, queries -> queri (as query -> queri).
    if w.ends_with("sses") || (w.ends_with("ies") && w.len() > 4) {
        w.truncate(w.len() - 2);
    } else if w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        w.pop();
    }
}

fn past_and_progressive(w: &mut String) {
    if w.ends_with("eed") {
        return;
    }
    for suffix in ["ing", "ed"] {
        if let Some(rest) = w.strip_suffix(suffix)
            && rest.len() >= 3
            && rest.bytes().any(is_vowel)
        {
            let keep = rest.len();
            w.truncate(keep);
            // stopped -> stopp -> stop; but polling -> poll, missed -> miss.
            let b = w.as_bytes();
            if b.len() >= 2
                && b[b.len() - 1] == b[b.len() - 2]
                && !matches!(b[b.len() - 1], b'l' | b's' | b'z')
                && !is_vowel(b[b.len() - 1])
            {
                w.pop();
            }
            return;
        }
    }
}

/// `(suffix, replacement, shortest stem left)`, tried in order; the first
/// suffix that fits is the only one applied.
const DERIVATIONAL: &[(&str, &str, usize)] = &[
    ("ational", "ate", 3),
    ("tional", "tion", 3),
    ("ation", "ate", 3),
    ("enci", "ent", 3),
    ("alli", "al", 3),
    ("ness", "", 3),
    ("ment", "", 4),
    ("li", "", 4),
];

fn derivational(w: &mut String) {
    for &(suffix, replacement, shortest) in DERIVATIONAL {
        if let Some(rest) = w.strip_suffix(suffix) {
            if rest.len() >= shortest {
                let keep = rest.len();
                w.truncate(keep);
                w.push_str(replacement);
            }
            return;
        }
    }
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

#[cfg(test)]
mod tests {
    use super::stem;

    fn same(words: &[&str]) {
        let first = stem(words[0]);
        for w in &words[1..] {
            assert_eq!(stem(w), first, "{w} should stem like {}", words[0]);
        }
    }

    #[test]
    fn inflections_meet() {
        same(&["charge", "charged", "charging", "charges"]);
        same(&["cache", "cached", "caching", "caches"]);
        same(&["retry", "retries", "retried", "retrying"]);
        same(&["event", "events"]);
        same(&["read", "reads", "reading"]);
        same(&["model", "models"]);
        same(&["poll", "polling", "polled"]);
        same(&["stop", "stopped", "stopping"]);
        same(&["query", "queries", "queried"]);
        same(&["compensate", "compensation", "compensations", "compensating"]);
        same(&["idempotency", "idempotent"]);
        same(&["consistency", "consistent", "consistently"]);
        same(&["transaction", "transactions", "transactional"]);
        same(&["stale", "staleness"]);
        same(&["deploy", "deployment", "deployed"]);
        same(&["process", "processes"]);
        same(&["eventual", "eventually"]);
        same(&["slow", "slowly", "slowed"]);
    }

    #[test]
    fn short_and_unusual_words_are_kept() {
        assert_eq!(stem("bus"), "bus");
        assert_eq!(stem("status"), "status");
        assert_eq!(stem("analysis"), "analysis");
        assert_eq!(stem("string"), "string");
        assert_eq!(stem("need"), "need");
        assert_eq!(stem("l7"), "l7");
        assert_eq!(stem("409"), "409");
        assert_eq!(stem("naïve"), "naïve");
        assert_eq!(stem(""), "");
        assert_eq!(stem("key"), "key");
        assert_eq!(stem("keys"), "key");
    }
}
