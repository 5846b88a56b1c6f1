//! Fuzz target: one 指标值 cell through `Value::parse_bytes` / `Value::parse`.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    invariants::check_value_bytes(data);
});
