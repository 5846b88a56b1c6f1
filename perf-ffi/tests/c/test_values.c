/* One value: the plain C struct, the decimals and the JSON (SPEC §2–§3). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "perf_ffi.h"

static perf_value *parse(const char *cell) {
    perf_value *v = NULL;
    perf_error *err = NULL;
    int32_t st = perf_value_parse((const uint8_t *)cell, strlen(cell), &v, &err);
    CHECK(st == PERF_OK);
    CHECK(err == NULL); /* untouched on success */
    if (st != PERF_OK) {
        fprintf(stderr, "parse(%s): %s\n", cell, perf_error_message(err, NULL));
        perf_error_free(err);
    }
    return v;
}

/* A decimal equals lo/mid/hi/scale/negative exactly. */
static int dec_is(perf_decimal d, uint32_t lo, uint32_t mid, uint32_t hi, uint32_t scale,
                  uint32_t negative) {
    return d.lo == lo && d.mid == mid && d.hi == hi && d.scale == scale && d.negative == negative;
}

static void quantity_with_per_units(void) {
    /* SPEC §3: {"raw": "≥20.5 元/ 人月", "kind": "quantity", "cmp": ">=", ...} */
    perf_value *v = parse("≥20.5 元/ 人月");
    const perf_value_info *i = perf_value_get_info(v);
    CHECK(i != NULL);
    if (i == NULL) return;
    /* The library that filled the struct is the one this test was built with. */
    CHECK(i->size == sizeof(perf_value_info));
    CHECK(i->kind == PERF_KIND_QUANTITY);
    CHECK(i->cmp == PERF_CMP_GE);
    CHECK(i->cmp_written == 1);
    CHECK(i->cmp_code == 1);
    CHECK_PSTR(i->raw, "≥20.5 元/ 人月");
    CHECK(i->number.present == 1);
    CHECK_PSTR(i->number.text, "20.5");
    CHECK(dec_is(i->number.value, 205, 0, 0, 1, 0));
    CHECK(i->base_number.present == 1);
    CHECK_PSTR(i->base_number.text, "20.5");
    CHECK_PSTR(i->unit, "元/人/月");
    CHECK_PSTR(i->base_unit, "元/人/月");
    CHECK(i->dimension == PERF_DIMENSION_CURRENCY);
    CHECK(i->qualifier.ptr == NULL && i->qualifier.len == 0);
    CHECK(i->term.ptr == NULL);
    CHECK(i->low.present == 0 && i->low.text.ptr == NULL);
    CHECK(i->year == 0 && i->month == 0 && i->day == 0 && i->recurrence == PERF_RECURRENCE_NONE);
    CHECK(i->notes == 0);
    perf_value_free(v);
}

static void scale_word_folds_into_base_number(void) {
    /* SPEC §3: 4.35 万 → number 4.35, base_number 43500, unit 万, base unit "". */
    perf_value *v = parse("4.35 万");
    const perf_value_info *i = perf_value_get_info(v);
    CHECK(i->kind == PERF_KIND_QUANTITY);
    CHECK(i->cmp == PERF_CMP_EQ);
    CHECK(i->cmp_written == 0);
    CHECK(i->cmp_code == 3);
    CHECK_PSTR(i->number.text, "4.35");
    CHECK(dec_is(i->number.value, 435, 0, 0, 2, 0));
    CHECK_PSTR(i->base_number.text, "43500");
    CHECK(dec_is(i->base_number.value, 43500, 0, 0, 0, 0));
    CHECK_PSTR(i->unit, "万");
    CHECK_PSTR(i->base_unit, "");
    CHECK(i->base_unit.ptr != NULL); /* empty, not absent */
    CHECK(i->dimension == PERF_DIMENSION_COUNT);

    char *json = NULL;
    size_t json_len = 0;
    CHECK(perf_value_to_json(v, &json, &json_len, NULL) == PERF_OK);
    const char *want =
        "{\"raw\":\"4.35 万\",\"kind\":\"quantity\",\"cmp\":\"=\",\"cmp_written\":false,"
        "\"cmp_code\":3,\"number\":\"4.35\",\"unit\":\"万\",\"dimension\":\"count\","
        "\"base_number\":\"43500\",\"base_unit\":\"\",\"qualifier\":null,\"notes\":[]}";
    CHECK(json != NULL && strcmp(json, want) == 0);
    CHECK(json != NULL && json_len == strlen(json));
    if (json != NULL && strcmp(json, want) != 0) fprintf(stderr, "got  %s\nwant %s\n", json, want);
    perf_string_free(json);
    perf_value_free(v);
}

static void trailing_zeros_are_normalised(void) {
    perf_value *v = parse("≥95.00%");
    const perf_value_info *i = perf_value_get_info(v);
    CHECK(i->kind == PERF_KIND_QUANTITY);
    CHECK_PSTR(i->number.text, "95");
    CHECK(dec_is(i->number.value, 95, 0, 0, 0, 0));
    CHECK_PSTR(i->unit, "%");
    CHECK(i->dimension == PERF_DIMENSION_PERCENT);
    perf_value_free(v);

    v = parse("0.04193 万元");
    i = perf_value_get_info(v);
    CHECK_PSTR(i->number.text, "0.04193");
    CHECK(dec_is(i->number.value, 4193, 0, 0, 5, 0));
    CHECK_PSTR(i->base_number.text, "419.3");
    CHECK(dec_is(i->base_number.value, 4193, 0, 0, 1, 0));
    CHECK_PSTR(i->unit, "万元");
    CHECK_PSTR(i->base_unit, "元");
    CHECK(i->dimension == PERF_DIMENSION_CURRENCY);
    perf_value_free(v);
}

static void wide_decimals_use_mid_and_hi(void) {
    /* 12345678901234 = 0xB3A_73CE2FF2 */
    perf_value *v = parse("12345678901234 元");
    const perf_value_info *i = perf_value_get_info(v);
    CHECK_PSTR(i->number.text, "12345678901234");
    CHECK(dec_is(i->number.value, 0x73CE2FF2u, 0xB3Au, 0, 0, 0));
    perf_value_free(v);

    /* 123456789012345678901 = 0x6_B14E9F81_2F366C35; 亿 multiplies by 10^8:
     * 12345678901234567890100000000 = 0x27E41B32_46BEC9B1_6CD39500 (94 bits). */
    v = parse("123456789012345678901 亿元");
    i = perf_value_get_info(v);
    CHECK(dec_is(i->number.value, 0x2F366C35u, 0xB14E9F81u, 0x6u, 0, 0));
    CHECK_PSTR(i->base_number.text, "12345678901234567890100000000");
    CHECK(dec_is(i->base_number.value, 0x6CD39500u, 0x46BEC9B1u, 0x27E41B32u, 0, 0));
    perf_value_free(v);

    /* ×10^8 no longer fits 96 bits: the base number is absent, not wrong. */
    v = parse("123456789012345678901234 亿元");
    i = perf_value_get_info(v);
    CHECK_PSTR(i->number.text, "123456789012345678901234");
    CHECK(i->base_number.present == 0);
    CHECK(i->base_number.text.ptr == NULL);
    CHECK(dec_is(i->base_number.value, 0, 0, 0, 0, 0));
    perf_value_free(v);
}

static void deadline_fields(void) {
    /* SPEC §3: 每月 20 日前发放 → time, <=, day 20, monthly, qualifier 发放. */
    perf_value *v = parse("每月 20 日前发放");
    const perf_value_info *i = perf_value_get_info(v);
    CHECK(i->kind == PERF_KIND_TIME);
    CHECK(i->cmp == PERF_CMP_LE);
    CHECK(i->cmp_written == 1);
    CHECK(i->cmp_code == 5);
    CHECK(i->year == 0);
    CHECK(i->month == 0);
    CHECK(i->day == 20);
    CHECK(i->end_of_month == 0);
    CHECK(i->recurrence == PERF_RECURRENCE_MONTHLY);
    CHECK_PSTR(i->qualifier, "发放");
    CHECK(i->number.present == 0);
    CHECK(i->unit.ptr == NULL);
    CHECK(i->dimension == PERF_DIMENSION_NONE);
    perf_value_free(v);

    /* SPEC §2: a date without 前 is "=", not written; 底 is end of month. */
    v = parse("2025年12月底完成");
    i = perf_value_get_info(v);
    CHECK(i->kind == PERF_KIND_TIME);
    CHECK(i->cmp == PERF_CMP_EQ);
    CHECK(i->cmp_written == 0);
    CHECK(i->year == 2025);
    CHECK(i->month == 12);
    CHECK(i->day == 0);
    CHECK(i->end_of_month == 1);
    CHECK(i->recurrence == PERF_RECURRENCE_NONE);
    perf_value_free(v);
}

static void qualitative_text_and_empty(void) {
    perf_value *v = parse("长期");
    const perf_value_info *i = perf_value_get_info(v);
    CHECK(i->kind == PERF_KIND_QUALITATIVE);
    CHECK(i->cmp == PERF_CMP_NONE);
    CHECK(i->cmp_code == 6);
    CHECK_PSTR(i->term, "长期");
    CHECK(i->number.present == 0);
    perf_value_free(v);

    v = parse("工资按时发放保险足额缴纳");
    i = perf_value_get_info(v);
    CHECK(i->kind == PERF_KIND_TEXT);
    CHECK(i->cmp_code == 6);
    CHECK(i->term.ptr == NULL);
    CHECK_PSTR(i->raw, "工资按时发放保险足额缴纳");
    perf_value_free(v);

    v = parse("/");
    i = perf_value_get_info(v);
    CHECK(i->kind == PERF_KIND_EMPTY);
    CHECK(i->cmp_code == 0);
    CHECK(i->cmp == PERF_CMP_NONE);
    perf_value_free(v);
}

static void range_bounds(void) {
    perf_value *v = parse("90%-95%");
    const perf_value_info *i = perf_value_get_info(v);
    CHECK(i->kind == PERF_KIND_RANGE);
    CHECK(i->cmp == PERF_CMP_EQ);
    CHECK(i->cmp_code == 3);
    CHECK_PSTR(i->low.text, "90");
    CHECK_PSTR(i->high.text, "95");
    CHECK(dec_is(i->high.value, 95, 0, 0, 0, 0));
    CHECK_PSTR(i->base_low.text, "90");
    CHECK_PSTR(i->base_high.text, "95");
    CHECK(i->number.present == 0);
    CHECK_PSTR(i->unit, "%");
    CHECK(i->dimension == PERF_DIMENSION_PERCENT);
    perf_value_free(v);
}

static void notes_as_bits(void) {
    /* SPEC §2: >=% has a comparator and unit but no number. */
    perf_value *v = parse(">=%");
    const perf_value_info *i = perf_value_get_info(v);
    CHECK(i->kind == PERF_KIND_QUANTITY);
    CHECK(i->number.present == 0);
    CHECK(i->base_number.present == 0);
    CHECK((i->notes & PERF_NOTE_NUMBER_MISSING) != 0);
    CHECK((i->notes & PERF_NOTE_OTHER) == 0);
    perf_value_free(v);
}

static void json_straight_from_bytes(void) {
    const char *cell = "长期";
    char *a = NULL, *b = NULL;
    size_t alen = 0;
    CHECK(perf_value_parse_json((const uint8_t *)cell, strlen(cell), &a, &alen, NULL) == PERF_OK);
    perf_value *v = parse(cell);
    CHECK(perf_value_to_json(v, &b, NULL, NULL) == PERF_OK);
    CHECK(a != NULL && b != NULL && strcmp(a, b) == 0);
    CHECK(a != NULL && alen == strlen(a));
    const char *prefix = "{\"raw\":\"长期\",\"kind\":\"qualitative\",\"cmp_code\":6,\"term\":\"长期\"";
    CHECK(a != NULL && strncmp(a, prefix, strlen(prefix)) == 0);
    perf_string_free(a);
    perf_string_free(b);
    perf_value_free(v);
}

int main(void) {
    quantity_with_per_units();
    scale_word_folds_into_base_number();
    trailing_zeros_are_normalised();
    wide_decimals_use_mid_and_hi();
    deadline_fields();
    qualitative_text_and_empty();
    range_bounds();
    notes_as_bits();
    json_straight_from_bytes();
    return harness_report();
}
