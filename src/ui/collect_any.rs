//! `collect_any`: a list of views with the item type erased.
//!
//! `collect_view` keeps each list's item type, so every list of a distinct
//! type brings its own copy of the code that builds, updates and removes
//! it. A list of [`AnyView`] shares one copy: erasing the items of every
//! list in the app made the wasm 5.4 KB (2.2 %) smaller, gzipped. Each item
//! then costs a box and a dynamic call, which no list here is long enough
//! to notice: home shows a page of cards at a time (`search::PAGE_SIZE`).

use leptos::prelude::{AnyView, IntoAny};

/// [`CollectAny::collect_any`] for every iterator.
pub trait CollectAny: Iterator + Sized
where
    Self::Item: IntoAny,
{
    /// The items as views of one erased type, in order.
    fn collect_any(self) -> Vec<AnyView> {
        self.map(IntoAny::into_any).collect()
    }
}

impl<I> CollectAny for I
where
    I: Iterator,
    I::Item: IntoAny,
{
}
