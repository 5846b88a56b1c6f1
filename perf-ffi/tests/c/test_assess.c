/* perf_assess: an actual value judged against its target (绩效自评). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "perf_ffi.h"

static perf_value *parse(const char *cell) {
    perf_value *v = NULL;
    CHECK(perf_value_parse((const uint8_t *)cell, strlen(cell), &v, NULL) == PERF_OK);
    return v;
}

static perf_assessment *judge(const char *target, const char *actual, const char *weight) {
    perf_value *t = parse(target);
    perf_value *a = parse(actual);
    perf_assessment *out = NULL;
    perf_error *err = NULL;
    int32_t st = perf_assess(t, a, (const uint8_t *)weight, strlen(weight), &out, &err);
    CHECK(st == PERF_OK);
    CHECK(err == NULL);
    perf_value_free(t);
    perf_value_free(a);
    return out;
}

static void scale_words_fold(void) {
    /* ≤36 元 against 0.0041万元 = 41 元: ratio 36/41, score 10 × 36/41. */
    perf_assessment *x = judge("≤36 元", "0.0041万元", "10");
    const perf_assessment_info *i = perf_assessment_get_info(x);
    CHECK(i != NULL);
    if (i != NULL) {
        CHECK(i->size == sizeof(perf_assessment_info));
        CHECK(i->verdict == PERF_VERDICT_PARTLY_MET);
        CHECK_PSTR(i->verdict_name, "partly_met");
        CHECK_PSTR(i->score.text, "8.78");
        CHECK(i->score.value.lo == 878 && i->score.value.scale == 2);
        CHECK_PSTR(i->deviation.text, "5");
        CHECK_PSTR(i->weight.text, "10");
        CHECK(i->ratio.present == 1);
        CHECK(i->reason.ptr == NULL);
    }
    perf_assessment_free(x);
}

static void deadlines_and_mismatches(void) {
    perf_assessment *x = judge("每月20日前发放", "每月18日发放", "5");
    const perf_assessment_info *i = perf_assessment_get_info(x);
    CHECK(i != NULL && i->verdict == PERF_VERDICT_MET);
    if (i != NULL) {
        CHECK_PSTR(i->score.text, "5");
        CHECK(i->ratio.present == 0);
    }
    perf_assessment_free(x);

    x = judge("≥100元", "100人", "5");
    i = perf_assessment_get_info(x);
    CHECK(i != NULL && i->verdict == PERF_VERDICT_NOT_COMPARABLE);
    if (i != NULL) {
        CHECK(i->score.present == 0);
        CHECK_PSTR(i->reason, "dimensions differ: target currency, actual count");
    }
    perf_assessment_free(x);
}

static void bad_arguments(void) {
    perf_value *t = parse("≥95%");
    perf_assessment *out = NULL;
    perf_error *err = NULL;
    CHECK(perf_assess(t, NULL, (const uint8_t *)"1", 1, &out, &err) == PERF_ERR_NULL);
    CHECK(out == NULL && err != NULL);
    perf_error_free(err);
    err = NULL;
    CHECK(perf_assess(t, t, (const uint8_t *)"ten", 3, &out, &err) == PERF_ERR_INVALID_ARGUMENT);
    CHECK(out == NULL && err != NULL);
    perf_error_free(err);
    CHECK(perf_assess(t, t, NULL, 0, &out, NULL) == PERF_ERR_NULL);
    CHECK(perf_assess(t, t, (const uint8_t *)"1", 1, NULL, NULL) == PERF_ERR_NULL);
    CHECK(perf_assessment_get_info(NULL) == NULL);
    perf_assessment_free(NULL);
    perf_value_free(t);
}

int main(void) {
    scale_words_fold();
    deadlines_and_mismatches();
    bad_arguments();
    return harness_report();
}
