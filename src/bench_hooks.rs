//! Benchmark hooks, compiled only with the `bench` feature (never in the
//! shipped app): functions exported from the app's wasm, which Trunk's
//! loader puts on `window.wasmBindings`, so that `scripts/bench/search.mjs`
//! can time our search engine inside the page, over the embedded catalog,
//! through the very code path the home view uses ([`apply_view`]: search,
//! filter and facet counts).
//!
//! Times come from `performance.now()` around the work, inside the wasm, so
//! the JS-to-wasm call is not counted. The page is served cross-origin
//! isolated (COOP and COEP headers), where Chromium's timer has a 5 µs
//! resolution instead of 100 µs, so single queries can be timed one by one.
//!
//! Memory is counted by a global allocator that wraps the system one and
//! keeps the bytes live now and at the peak: the index's size is what a
//! fresh build leaves allocated. Counting adds one addition per allocation.

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering};

use patterns_forged::catalog::{self, Catalog};
use patterns_forged::search::{SearchIndex, View, ViewResults, apply_view};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `performance.now()`: milliseconds, fractional.
    #[wasm_bindgen(js_namespace = performance, js_name = now)]
    fn performance_now() -> f64;
}

/// Runs `query` as the home view does and returns the slugs of the first
/// `limit` results, best first (empty when the catalog is invalid).
#[wasm_bindgen]
pub fn bench_search(query: &str, limit: usize) -> Vec<String> {
    let Some((catalog, index)) = embedded() else {
        return Vec::new();
    };
    search(catalog, index, query)
        .patterns
        .iter()
        .take(limit)
        .map(|p| p.slug.clone())
        .collect()
}

/// How many patterns the home view shows as results for `query`.
#[wasm_bindgen]
pub fn bench_result_count(query: &str) -> usize {
    embedded().map_or(0, |(catalog, index)| search(catalog, index, query).patterns.len())
}

/// Runs each query `repeats` times, timing every run alone, and returns the
/// milliseconds of each run: `repeats` values for the first query, then for
/// the second, and so on.
#[wasm_bindgen]
pub fn bench_time_queries(queries: Vec<String>, repeats: u32) -> Vec<f64> {
    let Some((catalog, index)) = embedded() else {
        return Vec::new();
    };
    let mut times = Vec::with_capacity(queries.len() * repeats as usize);
    for query in &queries {
        for _ in 0..repeats {
            let start = performance_now();
            black_box(search(catalog, index, black_box(query)).patterns.len());
            times.push(performance_now() - start);
        }
    }
    times
}

/// Runs the whole list of queries `repeats` times and returns the elapsed
/// milliseconds of the batch, timed once around it.
#[wasm_bindgen]
pub fn bench_time_batch(queries: Vec<String>, repeats: u32) -> f64 {
    let Some((catalog, index)) = embedded() else {
        return f64::NAN;
    };
    let start = performance_now();
    for _ in 0..repeats {
        for query in &queries {
            black_box(search(catalog, index, black_box(query)).patterns.len());
        }
    }
    performance_now() - start
}

/// Builds a fresh search index over the embedded catalog and returns, as
/// JSON, `{ "ms", "retained_bytes", "peak_bytes", "patterns" }`: the build
/// time, the bytes the index keeps allocated, and the most bytes the build
/// had allocated at once (the index and its scratch space).
#[wasm_bindgen]
pub fn bench_index_build() -> String {
    let Some((catalog, _)) = embedded() else {
        return "null".into();
    };
    let live_before = LIVE_BYTES.load(Ordering::Relaxed);
    PEAK_BYTES.store(live_before, Ordering::Relaxed);
    let start = performance_now();
    let index = black_box(SearchIndex::new(catalog));
    let ms = performance_now() - start;
    let retained = LIVE_BYTES.load(Ordering::Relaxed).saturating_sub(live_before);
    let peak = PEAK_BYTES.load(Ordering::Relaxed).saturating_sub(live_before);
    drop(index);
    serde_json::json!({
        "ms": ms,
        "retained_bytes": retained,
        "peak_bytes": peak,
        "patterns": catalog.patterns.len(),
    })
    .to_string()
}

/// The wasm linear memory's size and the bytes live on the heap, as JSON
/// `{ "wasm_memory_bytes", "live_heap_bytes" }`.
#[wasm_bindgen]
pub fn bench_memory() -> String {
    serde_json::json!({
        "wasm_memory_bytes": wasm_memory_bytes(),
        "live_heap_bytes": LIVE_BYTES.load(Ordering::Relaxed),
    })
    .to_string()
}

/// The home view's computation for a search text with no filters.
fn search<'a>(catalog: &'a Catalog, index: &'a SearchIndex, query: &str) -> ViewResults<'a> {
    let view = View {
        q: query.to_owned(),
        ..View::default()
    };
    apply_view(catalog, index, &view)
}

fn embedded() -> Option<(&'static Catalog, &'static SearchIndex)> {
    Some((catalog::embedded().as_ref().ok()?, SearchIndex::embedded()?))
}

#[cfg(target_arch = "wasm32")]
fn wasm_memory_bytes() -> usize {
    core::arch::wasm32::memory_size::<0>() * 65_536
}

#[cfg(not(target_arch = "wasm32"))]
fn wasm_memory_bytes() -> usize {
    0
}

/// Bytes allocated now, and the most allocated at once since the last reset.
static LIVE_BYTES: AtomicUsize = AtomicUsize::new(0);
static PEAK_BYTES: AtomicUsize = AtomicUsize::new(0);

/// The system allocator, counting live and peak bytes.
struct CountingAllocator;

#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;

fn allocated(bytes: usize) {
    let live = LIVE_BYTES.fetch_add(bytes, Ordering::Relaxed) + bytes;
    PEAK_BYTES.fetch_max(live, Ordering::Relaxed);
}

fn freed(bytes: usize) {
    LIVE_BYTES.fetch_sub(bytes, Ordering::Relaxed);
}

// SAFETY: every method forwards to `System` with the caller's arguments,
// which meet `GlobalAlloc`'s contract, and only counts what it returned.
unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as above.
        let ptr = unsafe { System.alloc(layout) };
        if !ptr.is_null() {
            allocated(layout.size());
        }
        ptr
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as above.
        let ptr = unsafe { System.alloc_zeroed(layout) };
        if !ptr.is_null() {
            allocated(layout.size());
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as above.
        unsafe { System.dealloc(ptr, layout) };
        freed(layout.size());
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: as above.
        let moved = unsafe { System.realloc(ptr, layout, new_size) };
        if !moved.is_null() {
            freed(layout.size());
            allocated(new_size);
        }
        moved
    }
}
