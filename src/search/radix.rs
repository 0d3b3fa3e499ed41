//! Sorting of `u64` keys by their high half, with a stable
//! least-significant-digit radix sort: ranking packs each hit into one key
//! (a 24-bit rank above, the pattern number below, already in order), the
//! index builder each typo key (a word's hash above, the word's number
//! below, already in order), and for the thousands of keys of a large
//! catalog three or four passes beat a comparison sort several times.

/// Up to this many keys an insertion sort is as fast.
const SMALL: usize = 64;

/// Bits of the high half that are sorted on: ranking packs its order into
/// the low 24 bits of the high half, three passes of one byte each.
pub const RANK_BITS: u32 = 24;
const RANK_PASSES: usize = (RANK_BITS / 8) as usize;
/// Passes over the whole high half.
const HALF_PASSES: usize = 4;

/// Sorts `keys` by bits 32 to 32 + [`RANK_BITS`] (the bits above must be
/// zero), keeping the order of keys whose ranks are equal. When the low
/// halves are ascending, as ranking makes them, the result is the fully
/// sorted keys.
pub fn sort_by_rank(keys: &mut Vec<u64>) {
    sort_by_high_bytes(keys, RANK_PASSES);
}

/// Sorts `keys` by their high 32 bits, keeping the order of keys whose high
/// halves are equal. When those keys' low halves are ascending, the result
/// is the fully sorted keys.
pub fn sort_by_high_half(keys: &mut Vec<u64>) {
    sort_by_high_bytes(keys, HALF_PASSES);
}

/// Sorts `keys` stably by the `passes` lowest bytes of their high half
/// (at most four).
fn sort_by_high_bytes(keys: &mut Vec<u64>, passes: usize) {
    let high = |k: u64| (k >> 32) & (u64::MAX >> (64 - 8 * passes));
    if keys.len() <= SMALL {
        // Insertion sort: stable, and the smallest code.
        for i in 1..keys.len() {
            let mut j = i;
            while j > 0 && high(keys[j - 1]) > high(keys[j]) {
                keys.swap(j - 1, j);
                j -= 1;
            }
        }
        return;
    }
    // One read of the keys counts the digits of every pass.
    let mut counts = [[0usize; 256]; HALF_PASSES];
    let counts = &mut counts[..passes.min(HALF_PASSES)];
    for &k in keys.iter() {
        for (pass, counts) in counts.iter_mut().enumerate() {
            counts[digit(k, pass)] += 1;
        }
    }
    let mut from = std::mem::take(keys);
    let mut to = vec![0u64; from.len()];
    for (pass, counts) in counts.iter_mut().enumerate() {
        if counts.contains(&from.len()) {
            continue; // every key has the same digit here
        }
        let mut total = 0;
        for count in counts.iter_mut() {
            let c = *count;
            *count = total;
            total += c;
        }
        for &k in &from {
            let d = digit(k, pass);
            if let Some(slot) = to.get_mut(counts[d]) {
                *slot = k;
            }
            counts[d] += 1;
        }
        std::mem::swap(&mut from, &mut to);
    }
    *keys = from;
}

/// Byte `pass` of a key's high half, from the least significant.
fn digit(key: u64, pass: usize) -> usize {
    ((key >> (32 + 8 * pass)) & 0xff) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sorts `keys` with `sort` and compares with the standard library's
    /// stable sort by the high half.
    fn check(sort: fn(&mut Vec<u64>), mut keys: Vec<u64>) {
        let mut expected = keys.clone();
        expected.sort_by_key(|k| k >> 32);
        sort(&mut keys);
        assert_eq!(keys, expected);
    }

    /// A xorshift generator: the same keys on every run.
    fn random_from(mut x: u64) -> impl FnMut() -> u64 {
        move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        }
    }

    #[test]
    fn sorts_stably_by_rank() {
        let check = |keys| check(sort_by_rank, keys);
        let mut random = random_from(0x9e37_79b9_7f4a_7c15);
        let rank = (1u64 << (32 + RANK_BITS)) - 1;
        check((0..5000).map(|_| random() & rank).collect());
        check((0..5000).map(|_| random() & 0x00f0_0000_00ff).collect());
        check((0..1000).map(|i| 1000 - i).collect());
        check((0..1000).map(|i| ((i % 7) << 32) | i).collect());
        check(vec![7; 600]);
        check(vec![3, 1, 2]);
        check(Vec::new());
    }

    #[test]
    fn sorts_stably_by_the_whole_high_half() {
        let check = |keys| check(sort_by_high_half, keys);
        let mut random = random_from(0x2545_f491_4f6c_dd1d);
        // The top byte matters here, where ranking ignores it.
        check((0..5000).map(|_| random()).collect());
        check((0..5000).map(|_| random() & 0xff00_0000_0000_00ff).collect());
        check((0..40).map(|_| random()).collect());
        check((0..1000u64).map(|i| ((i % 3) << 62) | i).collect());
    }
}
