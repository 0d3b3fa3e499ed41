//! The crate's one sorting routine: a heapsort, and a selection of the
//! least `k` elements built on the same heap.
//!
//! Core's sorts are faster on large inputs but large in code: every
//! instantiation of `sort_unstable_by` and its kin carries several
//! kilobytes of WebAssembly, and the crate's dozen sort calls came to about
//! 57 KB of the module (20 KB gzip), a tenth of its code. A heapsort
//! instantiates to a few hundred bytes, needs no allocation, and is
//! O(n log n) on every input.
//!
//! It is not stable. Every caller sorts by a key that tells all elements
//! apart, or does not care about the order of equal ones.

/// Sorts `v` so that no element is `less` than the one before it.
pub fn sort_by<T>(v: &mut [T], mut less: impl FnMut(&T, &T) -> bool) {
    let len = v.len();
    for node in (0..len / 2).rev() {
        sift_down(v, node, len, &mut less);
    }
    sort_heap(v, &mut less);
}

/// Sorts `v` by `key`, smallest first.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a) < key(b));
}

/// Sorts `v`, smallest first.
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, |a, b| a < b);
}

/// Moves the `k` least elements of `v` (by `less`) to its front, sorted;
/// the others follow in no particular order. O(n log k): one pass that
/// keeps the least `k` seen so far in a heap.
pub fn select_least_by<T>(v: &mut [T], k: usize, mut less: impl FnMut(&T, &T) -> bool) {
    let k = k.min(v.len());
    if k == 0 {
        return;
    }
    // A max-heap of the first k: its root is the greatest of the least.
    for node in (0..k / 2).rev() {
        sift_down(v, node, k, &mut less);
    }
    for i in k..v.len() {
        if less(&v[i], &v[0]) {
            v.swap(0, i);
            sift_down(v, 0, k, &mut less);
        }
    }
    sort_heap(&mut v[..k], &mut less);
}

/// Sorts `v`, which is a max-heap, by moving its root to the end again and
/// again.
fn sort_heap<T>(v: &mut [T], less: &mut impl FnMut(&T, &T) -> bool) {
    for end in (1..v.len()).rev() {
        v.swap(0, end);
        sift_down(v, 0, end, less);
    }
}

/// Restores the max-heap order of `v[..end]` below `node`, whose children
/// are already heaps.
fn sift_down<T>(v: &mut [T], mut node: usize, end: usize, less: &mut impl FnMut(&T, &T) -> bool) {
    loop {
        let mut child = 2 * node + 1;
        if child >= end {
            return;
        }
        if child + 1 < end && less(&v[child], &v[child + 1]) {
            child += 1;
        }
        if !less(&v[node], &v[child]) {
            return;
        }
        v.swap(node, child);
        node = child;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn sorts_small_and_degenerate_inputs() {
        let mut empty: [u8; 0] = [];
        sort(&mut empty);
        let mut one = [5];
        sort(&mut one);
        assert_eq!(one, [5]);
        let mut same = [3, 3, 3, 3];
        sort(&mut same);
        assert_eq!(same, [3, 3, 3, 3]);
        let mut words = vec!["pear", "apple", "fig", "apple"];
        sort(&mut words);
        assert_eq!(words, ["apple", "apple", "fig", "pear"]);
    }

    #[test]
    fn sorts_by_a_key_or_an_order() {
        let mut pairs = vec![(2, 'b'), (1, 'z'), (3, 'a')];
        sort_by_key(&mut pairs, |p| p.1);
        assert_eq!(pairs, [(3, 'a'), (2, 'b'), (1, 'z')]);
        sort_by(&mut pairs, |a, b| a.0 > b.0);
        assert_eq!(pairs, [(3, 'a'), (2, 'b'), (1, 'z')]);
    }

    #[test]
    fn selects_the_least_k_in_order() {
        let mut v = vec![9, 4, 7, 1, 8, 2, 6];
        select_least_by(&mut v, 3, |a, b| a < b);
        assert_eq!(v[..3], [1, 2, 4]);
        let mut rest = v[3..].to_vec();
        rest.sort_unstable();
        assert_eq!(rest, [6, 7, 8, 9]);
        let mut all = vec![3, 1, 2];
        select_least_by(&mut all, 10, |a, b| a < b);
        assert_eq!(all, [1, 2, 3]);
        select_least_by(&mut all, 0, |a, b| a > b);
        assert_eq!(all, [1, 2, 3]);
    }

    proptest! {
        #[test]
        fn agrees_with_the_standard_sort(mut v in prop::collection::vec(any::<u16>(), 0..300)) {
            let mut expected = v.clone();
            expected.sort_unstable();
            sort(&mut v);
            prop_assert_eq!(v, expected);
        }

        #[test]
        fn selection_agrees_with_sorting(mut v in prop::collection::vec(0u8..20, 0..200), k in 0usize..220) {
            let mut expected = v.clone();
            expected.sort_unstable();
            let k = k.min(v.len());
            select_least_by(&mut v, k, |a, b| a < b);
            prop_assert_eq!(&v[..k], &expected[..k]);
            let mut rest = v[k..].to_vec();
            rest.sort_unstable();
            prop_assert_eq!(rest, expected[k..].to_vec());
        }
    }
}
