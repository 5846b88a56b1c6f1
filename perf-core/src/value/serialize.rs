//! serde serialisation of a [`Value`] to exactly the SPEC §3 JSON.
//!
//! The field set depends on the kind, so this is written by hand rather than
//! derived. Numbers are written as JSON strings holding the exact decimal with
//! trailing zeros removed (`95.00` → `"95"`).

use rust_decimal::Decimal;
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

use super::model::{Body, Deadline, Notes, Value};

/// An exact decimal as a JSON string, trailing zeros removed.
pub(crate) struct DecStr(pub Decimal);

impl Serialize for DecStr {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0.normalize())
    }
}

struct OptDec(Option<Decimal>);

impl Serialize for OptDec {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Some(d) => DecStr(d).serialize(s),
            None => s.serialize_none(),
        }
    }
}

impl Serialize for Notes {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.len()))?;
        for n in self.iter() {
            seq.serialize_element(n.as_str())?;
        }
        seq.end()
    }
}

impl Serialize for Deadline {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(5))?;
        m.serialize_entry("year", &self.year)?;
        m.serialize_entry("month", &self.month)?;
        m.serialize_entry("day", &self.day)?;
        m.serialize_entry("end_of_month", &self.end_of_month)?;
        m.serialize_entry("recurrence", &self.recurrence.map(|r| r.as_str()))?;
        m.end()
    }
}

impl Serialize for Value<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("raw", &*self.raw)?;
        m.serialize_entry("kind", self.kind().as_str())?;
        match &self.body {
            Body::Quantity(q) => {
                m.serialize_entry("cmp", q.cmp.as_str())?;
                m.serialize_entry("cmp_written", &q.cmp_written)?;
                m.serialize_entry("cmp_code", &self.cmp_code())?;
                m.serialize_entry("number", &OptDec(q.number))?;
                m.serialize_entry("unit", q.unit.as_str())?;
                m.serialize_entry("dimension", q.unit.dimension().as_str())?;
                m.serialize_entry("base_number", &OptDec(self.base_number()))?;
                m.serialize_entry("base_unit", q.unit.base())?;
                m.serialize_entry("qualifier", &self.qualifier())?;
            }
            Body::Range(r) => {
                let base = self.base_range();
                m.serialize_entry("cmp", "=")?;
                m.serialize_entry("cmp_written", &false)?;
                m.serialize_entry("cmp_code", &self.cmp_code())?;
                m.serialize_entry("low", &DecStr(r.low))?;
                m.serialize_entry("high", &DecStr(r.high))?;
                m.serialize_entry("unit", r.unit.as_str())?;
                m.serialize_entry("dimension", r.unit.dimension().as_str())?;
                m.serialize_entry("base_low", &OptDec(base.map(|b| b.0)))?;
                m.serialize_entry("base_high", &OptDec(base.map(|b| b.1)))?;
                m.serialize_entry("base_unit", r.unit.base())?;
                m.serialize_entry("qualifier", &self.qualifier())?;
            }
            Body::Time(t) => {
                m.serialize_entry("cmp", t.cmp.as_str())?;
                m.serialize_entry("cmp_written", &t.cmp_written)?;
                m.serialize_entry("cmp_code", &self.cmp_code())?;
                m.serialize_entry("deadline", &t.deadline)?;
                m.serialize_entry("qualifier", &self.qualifier())?;
            }
            Body::Qualitative(t) => {
                m.serialize_entry("cmp_code", &self.cmp_code())?;
                m.serialize_entry("term", t.term)?;
                if let Some(g) = t.grade {
                    m.serialize_entry("grade", g.as_str())?;
                }
            }
            Body::Text | Body::Empty => {
                m.serialize_entry("cmp_code", &self.cmp_code())?;
            }
        }
        m.serialize_entry("notes", &self.notes)?;
        m.end()
    }
}
