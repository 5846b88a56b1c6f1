//! Python bindings for perf-core (issue 6).
