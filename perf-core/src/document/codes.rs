//! The stable codes of extraction-level diagnostics (checks have their own).

/// A line inside a table that no rule could place.
pub const UNPLACED_LINE: &str = "unplaced-line";
/// An indicator row without a 指标值.
pub const MISSING_VALUE: &str = "missing-value";
/// Bytes that could not be decoded; replaced by U+FFFD.
pub const DECODE_ERROR: &str = "decode-error";
/// A row whose cells stood one column off; it was moved back.
pub const SHIFTED_ROW: &str = "shifted-row";
/// A row continued on the next line; the pieces were joined.
pub const JOINED_ROW: &str = "joined-row";
/// The 绩效指标描述 and 评（扣）分标准 columns held each other's content.
pub const SWAPPED_COLUMNS: &str = "swapped-columns";
/// A spending-plan percent that no month heading could take.
pub const PLAN_UNMATCHED: &str = "plan-unmatched";
/// Spending-plan percents matched to months by order, not by column.
pub const PLAN_REALIGNED: &str = "plan-realigned";
/// An indicator row whose cells could not all be told apart (wrapped layout).
pub const AMBIGUOUS_CELLS: &str = "ambiguous-cells";
/// A project table without any indicator row.
pub const NO_INDICATORS: &str = "no-indicators";

/// Every extraction code, for documentation and tests.
pub const ALL: [&str; 10] = [
    UNPLACED_LINE,
    MISSING_VALUE,
    DECODE_ERROR,
    SHIFTED_ROW,
    JOINED_ROW,
    SWAPPED_COLUMNS,
    PLAN_UNMATCHED,
    PLAN_REALIGNED,
    AMBIGUOUS_CELLS,
    NO_INDICATORS,
];
