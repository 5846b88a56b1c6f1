//! The closed vocabulary of indicator levels (财预〔2020〕10号 and later
//! guidance), as labels are compared: white space removed.

/// First-level labels.
pub(crate) const LEVEL1: &[&str] = &["产出指标", "效益指标", "效果指标", "满意度指标", "成本指标"];

/// Second-level labels, including the spellings seen in published tables
/// (`实效指标` for 时效指标, `可持续性影响` without 指标).
pub(crate) const LEVEL2: &[&str] = &[
    "数量指标",
    "质量指标",
    "时效指标",
    "实效指标",
    "成本指标",
    "经济效益指标",
    "社会效益指标",
    "生态效益指标",
    "可持续影响指标",
    "可持续性影响指标",
    "可持续性影响",
    "服务对象满意度指标",
    "经济成本指标",
    "社会成本指标",
    "生态环境成本指标",
];

/// The first char of every label in [`LEVEL1`] and [`LEVEL2`].
pub(crate) const FIRST_CHARS: [char; 13] = [
    '产', '效', '满', '成', '数', '质', '时', '实', '经', '社', '生', '可', '服',
];

pub(crate) fn is_level1(label: &str) -> bool {
    LEVEL1.contains(&label)
}

pub(crate) fn is_level2(label: &str) -> bool {
    LEVEL2.contains(&label)
}

/// A level label of either level (一级 or 二级指标).
pub(crate) fn is_level(label: &str) -> bool {
    is_level1(label) || is_level2(label)
}

/// True when `label` is the start of some level label but not a whole one
/// (`社会效益指` of `社会效益指标`), so a wrapped label continues on the next line.
pub(crate) fn is_level_prefix(label: &str) -> bool {
    !label.is_empty()
        && LEVEL1
            .iter()
            .chain(LEVEL2.iter())
            .any(|l| l.len() > label.len() && l.starts_with(label))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_chars_cover_every_label() {
        for l in LEVEL1.iter().chain(LEVEL2) {
            assert!(l.starts_with(FIRST_CHARS), "{l}");
        }
    }
}
