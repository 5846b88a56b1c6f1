//! Reading whole documents: layout detection, one reader per layout, table assembly.

pub mod model;

pub use model::*;

use crate::error::{Error, ErrorKind};

impl Document {
    /// Reads a document from text.
    pub fn parse(text: &str) -> Result<Document, Error> {
        // provisional: replaced by the readers (issue 3)
        let _ = text;
        Err(Error::new(ErrorKind::NoTables, 1, 0))
    }
}
