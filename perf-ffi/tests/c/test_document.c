/* A whole document through the handle accessors, the JSON and threads.
 * Usage: test_document CORPUS_FILE [SAME_FILE_IN_GB18030]
 * CORPUS_FILE is testdata/corpus/002_7ffc55b75e786c19.txt, whose first
 * project SPEC §3 shows; the optional second file is the same text encoded
 * in GB18030 (scripts/test-c.sh makes it with iconv). */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "perf_ffi.h"

static char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (f == NULL) return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    size_t got;
    while (buf != NULL && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            char *bigger = realloc(buf, cap *= 2);
            if (bigger == NULL) free(buf);
            buf = bigger;
        }
    }
    fclose(f);
    *len = n;
    return buf;
}

/* Line `line` (1-based) of `text`, copied into `out`. */
static void source_line(const char *text, size_t len, uint32_t line, char *out, size_t cap) {
    size_t i = 0;
    for (uint32_t l = 1; l < line && i < len; i++)
        if (text[i] == '\n') l++;
    size_t n = 0;
    while (i < len && text[i] != '\n' && n + 1 < cap) out[n++] = text[i++];
    out[n] = '\0';
}

/* A borrowed accessor string: NULL with len 0, or NUL-terminated at len. */
static int well_formed(const char *s, size_t len) {
    return s == NULL ? len == 0 : s[len] == '\0';
}

static void first_project_as_in_spec(const perf_document *doc, const char *text, size_t text_len) {
    size_t len = 0;
    CHECK_STRN(perf_document_department(doc, &len), len, "兴隆县人力资源和社会保障局");
    CHECK(perf_document_year(doc) == 2025);
    CHECK_STRN(perf_document_encoding(doc, &len), len, "UTF-8");
    CHECK_STRN(perf_document_layout(doc, &len), len, "tab-rows");

    const perf_project *p = perf_document_project(doc, 0);
    CHECK(p != NULL);
    if (p == NULL) return;
    CHECK(perf_project_index(p) == 1);
    CHECK_STRN(perf_project_code(p, &len), len, "13082225P000169100010");
    CHECK_STRN(perf_project_name(p, &len), len, "2025 年劳务派遣人员经费");
    CHECK_STRN(perf_project_unit_name(p, &len), len, "兴隆县人力资源和社会保障局本级");
    CHECK_STRN(perf_project_amount_unit(p, &len), len, "万元");

    const perf_number *total = perf_project_budget_total(p);
    CHECK(total != NULL && total->present == 1);
    CHECK_PSTR(total->text, "126.15");
    CHECK(total->value.lo == 12615 && total->value.mid == 0 && total->value.hi == 0);
    CHECK(total->value.scale == 2 && total->value.negative == 0);
    const perf_number *fiscal = perf_project_budget_fiscal(p);
    CHECK_PSTR(fiscal->text, "126.15");
    const perf_number *other = perf_project_budget_other(p);
    CHECK(other != NULL && other->present == 0 && other->text.ptr == NULL);

    /* 资金支出计划（%）: 3月底 25, 6月底 50, 10月底 75, 12月底 100. */
    CHECK(perf_project_plan_count(p) == 4);
    const uint32_t months[4] = {3, 6, 10, 12};
    const char *percents[4] = {"25", "50", "75", "100"};
    for (size_t i = 0; i < 4; i++) {
        CHECK(perf_project_plan_month(p, i) == months[i]);
        const perf_number *pct = perf_project_plan_percent(p, i);
        CHECK(pct != NULL);
        if (pct != NULL) CHECK_PSTR(pct->text, percents[i]);
    }
    CHECK(perf_project_plan_month(p, 4) == 0);
    CHECK(perf_project_plan_percent(p, 4) == NULL);

    CHECK(perf_project_goal_count(p) == 1);
    CHECK_STRN(perf_project_goal(p, 0, &len), len, "提升政务服务水平提高工作效率");
    CHECK(perf_project_goal(p, 1, &len) == NULL && len == 0);

    /* The first indicator row: 产出指标 | 数量指标 | 劳务派遣 29 人 | … | 29 人. */
    CHECK(perf_project_indicator_count(p) >= 1);
    const perf_indicator *ind = perf_project_indicator(p, 0);
    CHECK(ind != NULL);
    if (ind == NULL) return;
    CHECK_STRN(perf_indicator_level1(ind, &len), len, "产出指标");
    CHECK_STRN(perf_indicator_level2(ind, &len), len, "数量指标");
    CHECK_STRN(perf_indicator_level3(ind, &len), len, "劳务派遣 29 人");
    CHECK_STRN(perf_indicator_description(ind, &len), len, "劳务派遣 29 人");
    CHECK_STRN(perf_indicator_basis(ind, &len), len, "劳务派遣 29 人");
    CHECK(perf_indicator_scoring(ind, &len) == NULL && len == 0);
    const perf_value_info *info = perf_value_get_info(perf_indicator_value(ind));
    CHECK(info != NULL);
    if (info == NULL) return;
    CHECK_PSTR(info->raw, "29 人");
    CHECK(info->kind == PERF_KIND_QUANTITY);
    CHECK_PSTR(info->number.text, "29");
    CHECK_PSTR(info->unit, "人");
    CHECK(info->dimension == PERF_DIMENSION_COUNT);
    /* `line` is where the row starts in the source. */
    char row[512];
    source_line(text, text_len, perf_indicator_line(ind), row, sizeof row);
    CHECK(strncmp(row, "产出指标\t数量指标\t劳务派遣 29 人", strlen("产出指标\t数量指标\t劳务派遣 29 人")) == 0);
    CHECK(perf_project_line(p) >= 1 && perf_project_line(p) < perf_indicator_line(ind));
}

/* Walks every handle; returns the number of indicators seen. */
static size_t walk(const perf_document *doc, int check) {
    size_t seen = 0, len = 0;
    size_t n = perf_document_project_count(doc);
    for (size_t i = 0; i < n; i++) {
        const perf_project *p = perf_document_project(doc, i);
        if (check) {
            CHECK(p != NULL);
            CHECK(perf_project_index(p) == i + 1);
            const char *code = perf_project_code(p, &len);
            CHECK(well_formed(code, len));
        }
        size_t m = perf_project_indicator_count(p);
        for (size_t j = 0; j < m; j++) {
            const perf_indicator *ind = perf_project_indicator(p, j);
            const perf_value_info *info = perf_value_get_info(perf_indicator_value(ind));
            if (check) {
                CHECK(info != NULL && info->raw.ptr != NULL && info->raw.ptr[info->raw.len] == '\0');
                CHECK(info != NULL && info->kind >= PERF_KIND_QUANTITY && info->kind <= PERF_KIND_EMPTY);
                CHECK(perf_indicator_line(ind) > perf_project_line(p));
                const char *l3 = perf_indicator_level3(ind, &len);
                CHECK(well_formed(l3, len));
            }
            seen++;
        }
        if (check) CHECK(perf_project_indicator(p, m) == NULL);
    }
    if (check) CHECK(perf_document_project(doc, n) == NULL);
    size_t d = perf_document_department_indicator_count(doc);
    for (size_t j = 0; j < d; j++) {
        const perf_indicator *ind = perf_document_department_indicator(doc, j);
        if (check) CHECK(perf_value_get_info(perf_indicator_value(ind)) != NULL);
        seen++;
    }
    if (check) CHECK(perf_document_department_indicator(doc, d) == NULL);
    size_t k = perf_document_diagnostic_count(doc);
    for (size_t j = 0; j < k; j++) {
        const perf_diagnostic *diag = perf_document_diagnostic(doc, j);
        if (check) {
            int32_t sev = perf_diagnostic_severity(diag);
            CHECK(sev >= PERF_SEVERITY_INFO && sev <= PERF_SEVERITY_ERROR);
            const char *code = perf_diagnostic_code(diag, &len);
            CHECK(code != NULL && well_formed(code, len) && len > 0);
            const char *msg = perf_diagnostic_message(diag, &len);
            CHECK(msg != NULL && well_formed(msg, len));
        }
    }
    if (check) CHECK(perf_document_diagnostic(doc, k) == NULL);
    return seen;
}

static void json_matches_the_handle(const perf_document *doc, const char *text, size_t text_len) {
    char *a = NULL, *b = NULL;
    size_t alen = 0, blen = 0;
    CHECK(perf_document_to_json(doc, &a, &alen, NULL) == PERF_OK);
    CHECK(perf_document_parse_json((const uint8_t *)text, text_len, &b, &blen, NULL) == PERF_OK);
    CHECK(a != NULL && b != NULL && alen == blen && strcmp(a, b) == 0);
    const char *prefix =
        "{\"schema\":\"perf.v1\",\"source\":{\"encoding\":\"UTF-8\",\"layout\":\"tab-rows\"},"
        "\"department\":\"兴隆县人力资源和社会保障局\",\"year\":2025,\"projects\":[{\"index\":1,"
        "\"code\":\"13082225P000169100010\",\"name\":\"2025 年劳务派遣人员经费\"";
    CHECK(a != NULL && strncmp(a, prefix, strlen(prefix)) == 0);
    CHECK(a != NULL && alen == strlen(a));
    perf_string_free(a);
    perf_string_free(b);
}

struct job {
    const perf_document *doc;
    size_t seen;
    int value_ok;
};

static void *reader(void *arg) {
    struct job *job = arg;
    job->seen = walk(job->doc, 0);
    /* Values parsed on several threads at once: no shared state. */
    perf_value *v = NULL;
    const char *cell = "≥95 百分比";
    job->value_ok = perf_value_parse((const uint8_t *)cell, strlen(cell), &v, NULL) == PERF_OK
                    && perf_value_get_info(v)->kind == PERF_KIND_QUANTITY;
    perf_value_free(v);
    return NULL;
}

static void threads_share_one_document(const perf_document *doc) {
    enum { N = 4 };
    pthread_t t[N];
    struct job jobs[N];
    size_t expected = walk(doc, 0);
    CHECK(expected > 0);
    for (int i = 0; i < N; i++) {
        jobs[i].doc = doc;
        jobs[i].seen = 0;
        jobs[i].value_ok = 0;
        CHECK(pthread_create(&t[i], NULL, reader, &jobs[i]) == 0);
    }
    for (int i = 0; i < N; i++) {
        CHECK(pthread_join(t[i], NULL) == 0);
        CHECK(jobs[i].seen == expected);
        CHECK(jobs[i].value_ok == 1);
    }
}

/* The same text in GB18030 reads to the same document, decoded as GB18030. */
static void other_encoding(const perf_document *utf8, const char *path) {
    size_t len = 0;
    char *bytes = read_file(path, &len);
    CHECK(bytes != NULL);
    if (bytes == NULL) return;
    perf_document *doc = NULL;
    CHECK(perf_document_parse((const uint8_t *)bytes, len, &doc, NULL) == PERF_OK);
    free(bytes);
    if (doc == NULL) return;
    size_t n = 0;
    CHECK_STRN(perf_document_encoding(doc, &n), n, "GB18030");
    CHECK(perf_document_project_count(doc) == perf_document_project_count(utf8));
    CHECK(walk(doc, 1) == walk(utf8, 0));
    const perf_project *p = perf_document_project(doc, 0);
    CHECK_STRN(perf_project_name(p, &n), n, "2025 年劳务派遣人员经费");
    const perf_indicator *ind = perf_project_indicator(p, 0);
    CHECK_STRN(perf_indicator_level3(ind, &n), n, "劳务派遣 29 人");
    CHECK(perf_indicator_line(ind) == perf_indicator_line(perf_project_indicator(perf_document_project(utf8, 0), 0)));
    perf_document_free(doc);
}

int main(int argc, char **argv) {
    if (argc != 2 && argc != 3) {
        fprintf(stderr, "usage: %s CORPUS_FILE [SAME_FILE_IN_GB18030]\n", argv[0]);
        return 2;
    }
    size_t len = 0;
    char *text = read_file(argv[1], &len);
    CHECK(text != NULL);
    if (text == NULL) return harness_report();

    perf_document *doc = NULL;
    perf_error *err = NULL;
    int32_t st = perf_document_parse((const uint8_t *)text, len, &doc, &err);
    CHECK(st == PERF_OK);
    CHECK(err == NULL);
    if (st != PERF_OK) {
        fprintf(stderr, "%s: %s\n", argv[1], perf_error_message(err, NULL));
        perf_error_free(err);
        free(text);
        return harness_report();
    }
    first_project_as_in_spec(doc, text, len);
    CHECK(walk(doc, 1) > 0);
    json_matches_the_handle(doc, text, len);
    threads_share_one_document(doc);
    if (argc == 3) other_encoding(doc, argv[2]);

    /* Borrowed data outlives the input buffer: it belongs to the document. */
    free(text);
    const perf_project *p = perf_document_project(doc, 0);
    size_t n = 0;
    CHECK_STRN(perf_project_code(p, &n), n, "13082225P000169100010");
    perf_document_free(doc);
    return harness_report();
}
