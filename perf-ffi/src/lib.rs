//! C ABI for perf-core (issue 5).
