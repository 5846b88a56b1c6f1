//! The JSON of SPEC §3, byte for byte, and the 计算符号 codes of SPEC §2.

use perf_core::Value;

fn json(cell: &str) -> String {
    serde_json::to_string(&Value::parse(cell)).expect("serialises")
}

#[test]
fn spec_examples_serialise_exactly() {
    assert_eq!(
        json("≥20.5 元/ 人月"),
        r#"{"raw":"≥20.5 元/ 人月","kind":"quantity","cmp":">=","cmp_written":true,"cmp_code":1,"number":"20.5","unit":"元/人/月","dimension":"currency","base_number":"20.5","base_unit":"元/人/月","qualifier":null,"notes":[]}"#
    );
    assert_eq!(
        json("4.35 万"),
        r#"{"raw":"4.35 万","kind":"quantity","cmp":"=","cmp_written":false,"cmp_code":3,"number":"4.35","unit":"万","dimension":"count","base_number":"43500","base_unit":"","qualifier":null,"notes":[]}"#
    );
    assert_eq!(
        json("每月 20 日前发放"),
        r#"{"raw":"每月 20 日前发放","kind":"time","cmp":"<=","cmp_written":true,"cmp_code":5,"deadline":{"year":null,"month":null,"day":20,"end_of_month":false,"recurrence":"monthly"},"qualifier":"发放","notes":[]}"#
    );
    assert_eq!(
        json("长期"),
        r#"{"raw":"长期","kind":"qualitative","cmp_code":6,"term":"长期","notes":[]}"#
    );
}

#[test]
fn numbers_are_exact_strings_without_trailing_zeros() {
    let v: serde_json::Value = serde_json::from_str(&json("≥ 95.00 %")).unwrap();
    assert_eq!(v["number"], "95");
    let v: serde_json::Value = serde_json::from_str(&json("0.04193万元")).unwrap();
    assert_eq!(
        (&v["number"], &v["base_number"]),
        (&"0.04193".into(), &"419.3".into())
    );
}

#[test]
fn cmp_codes() {
    let code = |s: &str| -> serde_json::Value {
        let v: serde_json::Value = serde_json::from_str(&json(s)).unwrap();
        v["cmp_code"].clone()
    };
    assert_eq!(code("≥95%"), 1);
    assert_eq!(code(">5人"), 2);
    assert_eq!(code("100%"), 3);
    assert_eq!(code("<5人"), 4);
    assert_eq!(code("≤11月"), 5);
    assert_eq!(code("长期"), 6);
    assert_eq!(code("促进就业"), 6);
    assert_eq!(code("约10人"), serde_json::Value::Null);
    assert_eq!(code("/"), serde_json::Value::Null);
    assert_eq!(code("90%-95%"), 3);
}

#[test]
fn range_json_has_bounds() {
    assert_eq!(
        json("90%-95%"),
        r#"{"raw":"90%-95%","kind":"range","cmp":"=","cmp_written":false,"cmp_code":3,"low":"90","high":"95","unit":"%","dimension":"percent","base_low":"90","base_high":"95","base_unit":"%","qualifier":null,"notes":[]}"#
    );
}
