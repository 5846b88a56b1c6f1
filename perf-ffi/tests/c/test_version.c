/* Versions: the header macros equal what the linked library reports. */
#include <stdint.h>
#include <string.h>

#include "harness.h"
#include "perf_ffi.h"

int main(void) {
    const char *v = perf_version();
    CHECK(v != NULL);
    CHECK(v != NULL && strcmp(v, PERF_VERSION) == 0);
    CHECK(perf_abi_version() == PERF_ABI_VERSION);
    CHECK(PERF_ABI_VERSION >= 1);
    /* The version string is static: the same pointer every time. */
    CHECK(perf_version() == v);

    /* Status codes are fixed forever. */
    CHECK(PERF_OK == 0);
    CHECK(PERF_ERR_NULL == 1);
    CHECK(PERF_ERR_UTF8 == 2);
    CHECK(PERF_ERR_PARSE == 3);
    CHECK(PERF_ERR_PANIC == 4);
    CHECK(PERF_ERR_ENCODING == 5);
    CHECK(PERF_ERR_INVALID_ARGUMENT == 6);
    CHECK(PERF_ERR_INTERNAL == 7);
    CHECK(strcmp(perf_status_name(PERF_ERR_PANIC), "PERF_ERR_PANIC") == 0);
    CHECK(strcmp(perf_status_name(PERF_OK), "PERF_OK") == 0);
    CHECK(perf_status_name(-1) == NULL);
    CHECK(perf_status_name(1000) == NULL);

    /* Fixed-width types. */
    CHECK(sizeof(perf_status) == 4);
    CHECK(sizeof(perf_kind) == 4);
    CHECK(sizeof(perf_decimal) == 20);

    /* Names of enumerations match the JSON spellings. */
    CHECK(strcmp(perf_kind_name(PERF_KIND_QUANTITY), "quantity") == 0);
    CHECK(strcmp(perf_kind_name(PERF_KIND_EMPTY), "empty") == 0);
    CHECK(perf_kind_name(PERF_KIND_NONE) == NULL);
    CHECK(strcmp(perf_cmp_name(PERF_CMP_GE), ">=") == 0);
    CHECK(strcmp(perf_cmp_name(PERF_CMP_APPROX), "~") == 0);
    CHECK(perf_cmp_name(6) == NULL);
    CHECK(strcmp(perf_dimension_name(PERF_DIMENSION_CURRENCY), "currency") == 0);
    CHECK(strcmp(perf_recurrence_name(PERF_RECURRENCE_QUARTERLY), "quarterly") == 0);
    CHECK(strcmp(perf_grade_name(PERF_GRADE_MIDDLING), "middling") == 0);
    CHECK(strcmp(perf_severity_name(PERF_SEVERITY_WARNING), "warning") == 0);
    CHECK(strcmp(perf_note_name(PERF_NOTE_GARBLED_CELL), "garbled cell") == 0);
    CHECK(perf_note_name(PERF_NOTE_GARBLED_CELL | PERF_NOTE_PERIOD) == NULL);
    /* Comparator codes equal the 计算符号 codes. */
    CHECK(PERF_CMP_GE == 1 && PERF_CMP_GT == 2 && PERF_CMP_EQ == 3);
    CHECK(PERF_CMP_LT == 4 && PERF_CMP_LE == 5);

    return harness_report();
}
