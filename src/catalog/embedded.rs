//! The catalog compiled into the app. `build.rs` parses and validates the
//! catalog JSON at build time (an invalid catalog stops the build) and
//! writes it in the [`wire`](crate::wire) format; at run time the app only
//! decodes those bytes, so neither the JSON parser nor the validation ships
//! in the WebAssembly.

use std::sync::OnceLock;

use super::error::{CatalogError, CatalogErrors};
use super::model::Catalog;
use crate::wire;

/// The catalog JSON the build read: `catalog.json`, or the file
/// `PATTERNS_CATALOG` named (see `build.rs`). For tests that edit and
/// re-parse it; the app itself reads [`EMBEDDED_BIN`].
pub const EMBEDDED_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/catalog.json"));

/// The same catalog, validated and encoded by `build.rs`.
pub const EMBEDDED_BIN: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/catalog.bin"));

/// The embedded catalog, decoded once. A build only embeds a valid catalog,
/// so the `Err` (which the UI shows as a message) means bytes that do not
/// decode, which a correct build cannot produce.
pub fn embedded() -> &'static Result<Catalog, CatalogErrors> {
    static CATALOG: OnceLock<Result<Catalog, CatalogErrors>> = OnceLock::new();
    CATALOG.get_or_init(|| decode_catalog(EMBEDDED_BIN))
}

/// A catalog encoded by `build.rs`; bytes that do not decode are one error
/// that says where they went wrong.
pub fn decode_catalog(bytes: &[u8]) -> Result<Catalog, CatalogErrors> {
    wire::from_bytes(bytes).map_err(|e| {
        CatalogErrors(vec![CatalogError {
            pattern: None,
            field: "(encoded catalog)".to_owned(),
            message: format!("cannot be decoded: {e}"),
        }])
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::parse_catalog;

    #[test]
    fn the_bytes_build_rs_wrote_are_the_encoding_of_the_parsed_json() {
        let parsed = parse_catalog(EMBEDDED_JSON).expect("the shipped catalog is valid");
        assert!(
            EMBEDDED_BIN == wire::to_bytes(&parsed),
            "catalog.bin is not the encoding of catalog.json"
        );
        assert_eq!(embedded().as_ref(), Ok(&parsed));
    }

    #[test]
    fn bytes_that_do_not_decode_are_a_catalog_error_naming_the_place() {
        let mut bytes = EMBEDDED_BIN.to_vec();
        bytes.truncate(bytes.len() / 2);
        let errors = decode_catalog(&bytes).expect_err("half a catalog");
        assert_eq!(errors.0.len(), 1);
        let text = errors.to_string();
        assert!(text.contains("`(encoded catalog)`"), "{text}");
        assert!(text.contains("the data ends too soon at byte"), "{text}");
    }
}
