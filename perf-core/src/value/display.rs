//! The canonical text form of a value: `≥95%`, `100元/人/年`, `≤11月`,
//! `每月20日前发放` is `≤每月20日发放`, `长期`.
//!
//! `Value::parse(&v.to_string())` gives back `v` (except `raw`, and the notes
//! that only the original spelling carries: see docs/VALUES.md).

use std::fmt::{self, Write};

use super::model::{Body, Comparator, Deadline, Recurrence, Value};

fn write_cmp(f: &mut fmt::Formatter<'_>, cmp: Comparator, written: bool) -> fmt::Result {
    if written || cmp != Comparator::Eq {
        f.write_str(cmp.symbol())?;
    }
    Ok(())
}

impl fmt::Display for Deadline {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.recurrence {
            Some(Recurrence::Monthly) => f.write_str("每月")?,
            Some(Recurrence::Quarterly) => f.write_str("每季度")?,
            Some(Recurrence::Yearly) => f.write_str("每年")?,
            None => {}
        }
        if let Some(y) = self.year {
            write!(f, "{y}年")?;
        }
        match (self.month, self.day) {
            // `2025年底`
            (Some(12), None) if self.year.is_some() && self.end_of_month => f.write_char('底'),
            (Some(m), Some(d)) => write!(f, "{m}月{d}日"),
            (Some(m), None) => {
                write!(f, "{m}月")?;
                if self.end_of_month {
                    f.write_char('底')?;
                }
                Ok(())
            }
            (None, Some(d)) => write!(f, "{d}日"),
            // `每季度末`, `每月底`, `月底`
            (None, None) if self.end_of_month => match self.recurrence {
                Some(Recurrence::Quarterly) | Some(Recurrence::Yearly) => f.write_char('末'),
                Some(Recurrence::Monthly) => f.write_char('底'),
                None => f.write_str("月底"),
            },
            (None, None) => Ok(()),
        }
    }
}

impl fmt::Display for Value<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.body {
            Body::Quantity(q) => {
                write_cmp(f, q.cmp, q.cmp_written)?;
                if let Some(n) = q.number {
                    write!(f, "{}", n.normalize())?;
                }
                f.write_str(q.unit.as_str())?;
            }
            Body::Range(r) => {
                write!(f, "{}-{}", r.low.normalize(), r.high.normalize())?;
                f.write_str(r.unit.as_str())?;
            }
            Body::Time(t) => {
                write_cmp(f, t.cmp, t.cmp_written)?;
                write!(f, "{}", t.deadline)?;
            }
            Body::Qualitative(t) => return f.write_str(t.term),
            Body::Text => return f.write_str(&self.raw),
            Body::Empty => return Ok(()),
        }
        if let Some(q) = &self.qualifier {
            f.write_str(q)?;
        }
        Ok(())
    }
}
