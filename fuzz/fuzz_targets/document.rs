//! Fuzz target: a whole document through `Document::parse_bytes` (decoding,
//! layout detection, every reader, the checks).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    invariants::check_document_bytes(data);
});
