//! Checks over a parsed document, each yielding diagnostics with a stable code (issue 4).
