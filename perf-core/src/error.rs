//! Errors are data: a kind plus the 1-based line they name.

use std::fmt;

/// What went wrong reading a document.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input is empty or holds only white space.
    Empty,
    /// The bytes are not text in any supported encoding.
    Undecodable,
    /// No project or department indicator table was found.
    NoTables,
    /// The input is not valid UTF-8 where UTF-8 was required (`&[u8]` value entry).
    InvalidUtf8,
}

/// An error that stops a document from being read at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    pub kind: ErrorKind,
    /// 1-based line the error names.
    pub line: u32,
    /// Byte offset in the (decoded) input.
    pub offset: usize,
}

impl Error {
    pub fn new(kind: ErrorKind, line: u32, offset: usize) -> Self {
        Error { kind, line, offset }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.kind {
            ErrorKind::Empty => "the document is empty",
            ErrorKind::Undecodable => "the bytes are not text in a supported encoding",
            ErrorKind::NoTables => "no performance table (绩效目标表 or 一级指标 header) was found",
            ErrorKind::InvalidUtf8 => "the input is not valid UTF-8",
        };
        write!(f, "line {}: {}", self.line, what)
    }
}

impl std::error::Error for Error {}
