/* NULL pointers, bad input and the error object: errors, never crashes. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "perf_ffi.h"

/* A sentinel an output must still hold after a failed call. */
#define SENTINEL_VALUE ((perf_value *)(uintptr_t)0x1)
#define SENTINEL_DOC ((perf_document *)(uintptr_t)0x1)
#define SENTINEL_STR ((char *)(uintptr_t)0x1)

static const uint8_t *u8(const char *s) { return (const uint8_t *)s; }

static void null_inputs(void) {
    perf_value *v = SENTINEL_VALUE;
    perf_error *err = NULL;

    CHECK(perf_value_parse(NULL, 0, &v, &err) == PERF_ERR_NULL);
    CHECK(v == SENTINEL_VALUE); /* outputs written only on success */
    CHECK(err != NULL);
    CHECK(perf_error_status(err) == PERF_ERR_NULL);
    CHECK(perf_error_line(err) == 0);
    size_t len = 99;
    const char *msg = perf_error_message(err, &len);
    CHECK(msg != NULL && strstr(msg, "cell") != NULL);
    CHECK(msg != NULL && len == strlen(msg));
    perf_error_free(err);
    err = NULL;

    /* NULL even with a non-zero length, and with no error slot. */
    CHECK(perf_value_parse(NULL, 5, &v, NULL) == PERF_ERR_NULL);
    CHECK(v == SENTINEL_VALUE);

    /* NULL out-param. */
    CHECK(perf_value_parse(u8("1"), 1, NULL, &err) == PERF_ERR_NULL);
    CHECK(err != NULL && strstr(perf_error_message(err, NULL), "out") != NULL);
    perf_error_free(err);
    err = NULL;

    char *json = SENTINEL_STR;
    size_t json_len = 7;
    CHECK(perf_value_parse_json(NULL, 0, &json, &json_len, NULL) == PERF_ERR_NULL);
    CHECK(json == SENTINEL_STR && json_len == 7);
    CHECK(perf_value_parse_json(u8("1"), 1, NULL, &json_len, NULL) == PERF_ERR_NULL);
    CHECK(perf_value_to_json(NULL, &json, &json_len, NULL) == PERF_ERR_NULL);
    CHECK(json == SENTINEL_STR && json_len == 7);

    perf_document *doc = SENTINEL_DOC;
    CHECK(perf_document_parse(NULL, 0, &doc, &err) == PERF_ERR_NULL);
    CHECK(doc == SENTINEL_DOC);
    CHECK(err != NULL && strstr(perf_error_message(err, NULL), "bytes") != NULL);
    perf_error_free(err);
    err = NULL;
    CHECK(perf_document_parse(u8("x"), 1, NULL, NULL) == PERF_ERR_NULL);
    CHECK(perf_document_parse_json(NULL, 3, &json, NULL, NULL) == PERF_ERR_NULL);
    CHECK(perf_document_to_json(NULL, &json, NULL, NULL) == PERF_ERR_NULL);
    CHECK(json == SENTINEL_STR);
}

static void null_handles_in_accessors(void) {
    size_t len = 42;
    CHECK(perf_value_get_info(NULL) == NULL);
    CHECK(perf_document_department(NULL, &len) == NULL && len == 0);
    CHECK(perf_document_year(NULL) == 0);
    len = 42;
    CHECK(perf_document_encoding(NULL, &len) == NULL && len == 0);
    CHECK(perf_document_layout(NULL, NULL) == NULL);
    CHECK(perf_document_project_count(NULL) == 0);
    CHECK(perf_document_project(NULL, 0) == NULL);
    CHECK(perf_document_department_indicator_count(NULL) == 0);
    CHECK(perf_document_department_indicator(NULL, 0) == NULL);
    CHECK(perf_document_diagnostic_count(NULL) == 0);
    CHECK(perf_document_diagnostic(NULL, 0) == NULL);
    CHECK(perf_diagnostic_severity(NULL) == PERF_SEVERITY_NONE);
    CHECK(perf_diagnostic_code(NULL, NULL) == NULL);
    CHECK(perf_diagnostic_line(NULL) == 0);
    CHECK(perf_diagnostic_message(NULL, NULL) == NULL);
    CHECK(perf_project_index(NULL) == 0);
    CHECK(perf_project_line(NULL) == 0);
    CHECK(perf_project_code(NULL, NULL) == NULL);
    CHECK(perf_project_name(NULL, NULL) == NULL);
    CHECK(perf_project_unit_name(NULL, NULL) == NULL);
    CHECK(perf_project_amount_unit(NULL, NULL) == NULL);
    CHECK(perf_project_budget_total(NULL) == NULL);
    CHECK(perf_project_budget_fiscal(NULL) == NULL);
    CHECK(perf_project_budget_other(NULL) == NULL);
    CHECK(perf_project_plan_count(NULL) == 0);
    CHECK(perf_project_plan_month(NULL, 0) == 0);
    CHECK(perf_project_plan_percent(NULL, 0) == NULL);
    CHECK(perf_project_goal_count(NULL) == 0);
    CHECK(perf_project_goal(NULL, 0, NULL) == NULL);
    CHECK(perf_project_indicator_count(NULL) == 0);
    CHECK(perf_project_indicator(NULL, 0) == NULL);
    CHECK(perf_indicator_level1(NULL, NULL) == NULL);
    CHECK(perf_indicator_level2(NULL, NULL) == NULL);
    CHECK(perf_indicator_level3(NULL, NULL) == NULL);
    CHECK(perf_indicator_description(NULL, NULL) == NULL);
    CHECK(perf_indicator_basis(NULL, NULL) == NULL);
    CHECK(perf_indicator_scoring(NULL, NULL) == NULL);
    CHECK(perf_indicator_line(NULL) == 0);
    CHECK(perf_indicator_value(NULL) == NULL);
    CHECK(perf_error_status(NULL) == PERF_OK);
    CHECK(perf_error_line(NULL) == 0);
    CHECK(perf_error_message(NULL, NULL) == NULL);

    /* Every free function accepts NULL. */
    perf_value_free(NULL);
    perf_document_free(NULL);
    perf_error_free(NULL);
    perf_string_free(NULL);
    CHECK(1);
}

static void invalid_utf8(void) {
    perf_value *v = SENTINEL_VALUE;
    perf_error *err = NULL;
    CHECK(perf_value_parse(u8("\xff"), 1, &v, &err) == PERF_ERR_UTF8);
    CHECK(v == SENTINEL_VALUE);
    CHECK(perf_error_status(err) == PERF_ERR_UTF8);
    CHECK(perf_error_line(err) == 1);
    CHECK(strncmp(perf_error_message(err, NULL), "line 1:", 7) == 0);
    perf_error_free(err);
    err = NULL;

    /* The line is counted up to the bad byte; a truncated sequence too. */
    const char bad[] = "95%\n\xe4\xb8"; /* 中 cut short */
    CHECK(perf_value_parse(u8(bad), sizeof bad - 1, &v, &err) == PERF_ERR_UTF8);
    CHECK(perf_error_line(err) == 2);
    CHECK(strncmp(perf_error_message(err, NULL), "line 2:", 7) == 0);
    perf_error_free(err);
    err = NULL;

    perf_document *doc = SENTINEL_DOC;
    const char bad_doc[] = "项目名称\n一级指标\n\xc3\x28\n";
    int32_t st = perf_document_parse(u8(bad_doc), sizeof bad_doc - 1, &doc, &err);
    /* Not UTF-8, and no other encoding reads it as a table either. */
    CHECK(st != PERF_OK);
    CHECK(doc == SENTINEL_DOC);
    CHECK(err != NULL && perf_error_status(err) == st);
    perf_error_free(err);
}

static void document_errors_name_the_line(void) {
    perf_document *doc = SENTINEL_DOC;
    perf_error *err = NULL;

    /* Empty input: a pointer with length 0 is fine, the content is not. */
    CHECK(perf_document_parse(u8(""), 0, &doc, &err) == PERF_ERR_PARSE);
    CHECK(doc == SENTINEL_DOC);
    CHECK(perf_error_status(err) == PERF_ERR_PARSE);
    CHECK(perf_error_line(err) == 1);
    CHECK(strncmp(perf_error_message(err, NULL), "line 1: ", 8) == 0);
    perf_error_free(err);
    err = NULL;

    /* Text without any performance table. */
    const char prose[] = "第一部分\n部门整体绩效目标\n一、总体绩效目标\n做好就业工作。\n";
    CHECK(perf_document_parse(u8(prose), sizeof prose - 1, &doc, &err) == PERF_ERR_PARSE);
    CHECK(doc == SENTINEL_DOC);
    uint32_t line = perf_error_line(err);
    CHECK(line >= 1 && line <= 5);
    char want[32];
    snprintf(want, sizeof want, "line %u: ", (unsigned)line);
    CHECK(strncmp(perf_error_message(err, NULL), want, strlen(want)) == 0);
    perf_error_free(err);
    err = NULL;

    char *json = SENTINEL_STR;
    CHECK(perf_document_parse_json(u8(prose), sizeof prose - 1, &json, NULL, &err) == PERF_ERR_PARSE);
    CHECK(json == SENTINEL_STR);
    CHECK(perf_error_line(err) == line);
    perf_error_free(err);
}

static void lengths_are_respected(void) {
    /* No NUL is looked for: only the first 3 bytes are the cell. */
    const char buf[] = "95%XYZ";
    perf_value *v = NULL;
    CHECK(perf_value_parse(u8(buf), 3, &v, NULL) == PERF_OK);
    const perf_value_info *info = perf_value_get_info(v);
    CHECK_PSTR(info->raw, "95%");
    perf_value_free(v);

    /* An embedded NUL is kept; the length covers it. */
    const char nul[] = {'a', '\0', 'b'};
    v = NULL;
    CHECK(perf_value_parse(u8(nul), 3, &v, NULL) == PERF_OK);
    info = perf_value_get_info(v);
    CHECK(info->raw.len == 3 && memcmp(info->raw.ptr, nul, 3) == 0 && info->raw.ptr[3] == '\0');
    perf_value_free(v);

    /* A length above PTRDIFF_MAX is refused before anything is read. */
    perf_error *err = NULL;
    v = SENTINEL_VALUE;
    CHECK(perf_value_parse(u8(buf), SIZE_MAX, &v, &err) == PERF_ERR_INVALID_ARGUMENT);
    CHECK(v == SENTINEL_VALUE);
    perf_error_free(err);
}

int main(void) {
    null_inputs();
    null_handles_in_accessors();
    invalid_utf8();
    document_errors_name_the_line();
    lengths_are_respected();
    return harness_report();
}
