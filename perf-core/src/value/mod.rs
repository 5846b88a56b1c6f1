//! The indicator-value grammar (SPEC §2).

pub mod model;
pub(crate) mod serialize;

pub use model::*;

impl<'a> Value<'a> {
    /// Parses one 指标值 cell. Never fails: what no rule places is `text`
    /// with a note saying why.
    pub fn parse(cell: &'a str) -> Value<'a> {
        // provisional: replaced by the grammar (issue 2)
        Value {
            raw: std::borrow::Cow::Borrowed(cell),
            body: Body::Text,
            qualifier: None,
            notes: Notes::empty(),
        }
    }
}
