//! Parsing a common cell that needs no normalisation allocates nothing.
//!
//! A counting global allocator (this test binary only) counts the
//! allocations made on the test's own thread (thread-local counters, so
//! tests running in parallel do not disturb each other) while cells are parsed.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use perf_core::{Kind, Value};

struct Counting;

thread_local! {
    static COUNTING: Cell<bool> = const { Cell::new(false) };
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

fn note_allocation() {
    // `try_with`: the thread-locals may be gone while a thread shuts down
    if COUNTING.try_with(Cell::get).unwrap_or(false) {
        let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
    }
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        note_allocation();
        System.alloc(layout)
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        note_allocation();
        System.alloc_zeroed(layout)
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        note_allocation();
        System.realloc(ptr, layout, new_size)
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout)
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Allocations made by `f` on this thread.
fn allocations_in(f: impl FnOnce()) -> usize {
    let before = ALLOCATIONS.with(Cell::get);
    COUNTING.with(|c| c.set(true));
    f();
    COUNTING.with(|c| c.set(false));
    ALLOCATIONS.with(Cell::get) - before
}

/// Common corpus cells written without white space or full-width forms.
const COMMON: &[&str] = &[
    "100%",
    "≥95%",
    ">=95%",
    "=100%",
    "≥100%",
    "98%满意",
    "100%完成",
    "长期",
    "持续发展",
    "及时",
    "满意",
    "优",
    "促进就业",
    "工资按时发放保险足额缴纳",
    "",
    "≥1200人",
    "=4.03元",
    "93.00元/人/月",
    "123元/人月",
    "=67元/人/年",
    "1万元",
    "5万",
    ">=9.5万人",
    "<=10个工作日",
    "≤11月",
    "=12月",
    "12月底前完成",
    "2025年12月底完成",
    "每月20日前发放",
    "每季度末",
    "=2021年1-12月",
    "4000元以内",
    "服务对象满意度100%",
    ">=1900人/元/月",
    "LPR-150BP剩余部分",
    ">=%",
    // forms from other documents
    "≥90分",
    "90分以上",
    "30日内",
    "3个工作日内",
    "2025-12-31",
    "2025.12.31前完成",
    "第四季度",
    "2025年第四季度",
    "年内完成",
    "按月",
    "≥80%且≤100%",
    "80%≤x≤100%",
    "零投诉",
    "≥1:1",
    "有所提升",
    "不低于上年",
    "≥90分(满分100分)",
];

#[test]
fn common_cells_allocate_nothing() {
    // sanity: the counter sees allocations on this thread
    assert!(allocations_in(|| drop(std::hint::black_box(String::from("x")))) >= 1);

    for cell in COMMON {
        let mut kind = Kind::Empty;
        let n = allocations_in(|| {
            let v = Value::parse(std::hint::black_box(cell));
            kind = v.kind();
            std::hint::black_box(&v);
        });
        assert_eq!(n, 0, "{cell:?} ({kind}) allocated {n} times");
    }
}

#[test]
fn normalised_cells_allocate_only_for_owned_parts() {
    // the thread's scratch buffer grows once to the longest cell seen
    let _ = Value::parse("在 2025 年 12 月 20 日 前发放到位 在 2025 年 12 月 20 日 前发放到位");
    // a known unit and no qualifier: nothing to own
    assert_eq!(allocations_in(|| drop(Value::parse("≥ 95.00 %"))), 0);
    assert_eq!(allocations_in(|| drop(Value::parse("100 元/人/\n年"))), 0);
    // white space around a qualifier only: a slice of the cell
    assert_eq!(allocations_in(|| drop(Value::parse("98% 满意"))), 0);
    assert_eq!(
        allocations_in(|| drop(Value::parse("2025 年 4 月 30 日前 支付"))),
        0
    );
    // a qualifier from normalised text is owned: one allocation
    assert_eq!(allocations_in(|| drop(Value::parse("98% 满 意"))), 1);
}
