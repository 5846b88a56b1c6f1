/* robust_replay: feeds every file in the given directories to the C entry
 * points of perf (perf_value_parse, perf_value_parse_json,
 * perf_document_parse, perf_document_parse_json), walks every accessor of
 * what comes back, and frees everything. Run under valgrind (or built with
 * -fsanitize=address) by scripts/test-robust.sh over the fuzz seeds, the
 * committed fuzz artifacts and the corpus: any memory error or leak fails it.
 *
 * Checks, per input (any bytes at all):
 *  - no call returns PERF_ERR_PANIC (a panic caught at the boundary is still
 *    a bug);
 *  - a value parses unless the bytes are not UTF-8, and then the error is
 *    PERF_ERR_UTF8; `raw` is exactly the bytes given;
 *  - a document either reads, or fails with an error whose message is set
 *    and, for PERF_ERR_PARSE / PERF_ERR_ENCODING, whose line is >= 1;
 *  - the JSON entry points agree with the handle entry points on success.
 * Prints "robust_replay: N passed, N failed" and exits non-zero on failure.
 */
#define _DEFAULT_SOURCE
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "perf_ffi.h"

static int passed, failed;
static const char *current;

#define CHECK(cond, ...)                                                       \
    do {                                                                       \
        if (!(cond)) {                                                         \
            fprintf(stderr, "FAIL %s: ", current);                             \
            fprintf(stderr, __VA_ARGS__);                                      \
            fprintf(stderr, "\n");                                             \
            return 0;                                                          \
        }                                                                      \
    } while (0)

static int valid_utf8(const uint8_t *s, size_t n) {
    size_t i = 0;
    while (i < n) {
        uint8_t c = s[i];
        size_t k;
        uint32_t cp;
        if (c < 0x80) { i++; continue; }
        else if ((c & 0xE0) == 0xC0) { k = 1; cp = c & 0x1F; }
        else if ((c & 0xF0) == 0xE0) { k = 2; cp = c & 0x0F; }
        else if ((c & 0xF8) == 0xF0) { k = 3; cp = c & 0x07; }
        else return 0;
        for (size_t j = 1; j <= k; j++) {
            if (i + j >= n || (s[i + j] & 0xC0) != 0x80) return 0;
            cp = (cp << 6) | (s[i + j] & 0x3F);
        }
        if ((k == 1 && cp < 0x80) || (k == 2 && cp < 0x800) || (k == 3 && cp < 0x10000) ||
            cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return 0;
        i += k + 1;
    }
    return 1;
}

/* Touches every byte of a perf_str so valgrind sees any bad read. */
static unsigned touch(perf_str s) {
    unsigned h = 0;
    if (s.ptr == NULL) return s.len == 0 ? 0 : 1u << 31;
    for (size_t i = 0; i <= s.len; i++) h = h * 31 + (unsigned char)s.ptr[i];
    return h;
}

static unsigned touch_cstr(const char *p, size_t len) {
    perf_str s = {p, len};
    return touch(s);
}

static int check_info(const perf_value_info *info) {
    CHECK(info != NULL, "no info for a live value");
    CHECK(info->raw.ptr != NULL, "raw is NULL");
    CHECK(info->raw.ptr[info->raw.len] == '\0', "raw is not NUL-terminated");
    CHECK(info->kind >= PERF_KIND_QUANTITY && info->kind <= PERF_KIND_EMPTY, "kind %d", info->kind);
    if (info->kind == PERF_KIND_QUALITATIVE || info->kind == PERF_KIND_TEXT)
        CHECK(info->cmp_code == 6, "定性 code %d", info->cmp_code);
    volatile unsigned h = touch(info->raw) ^ touch(info->unit) ^ touch(info->base_unit) ^
                          touch(info->term) ^ touch(info->qualifier) ^ touch(info->number.text) ^
                          touch(info->base_number.text) ^ touch(info->low.text) ^
                          touch(info->high.text) ^ touch(info->base_low.text) ^
                          touch(info->base_high.text);
    (void)h;
    return 1;
}

static int check_value(const uint8_t *data, size_t len) {
    perf_value *v = NULL;
    perf_error *err = NULL;
    perf_status st = perf_value_parse(data, len, &v, &err);
    CHECK(st != PERF_ERR_PANIC, "perf_value_parse panicked");
    if (!valid_utf8(data, len)) {
        CHECK(st == PERF_ERR_UTF8, "invalid UTF-8 gave status %d", st);
        CHECK(v == NULL, "out written on failure");
        size_t mlen = 0;
        const char *msg = perf_error_message(err, &mlen);
        CHECK(msg != NULL && mlen > 0, "error without a message");
        touch_cstr(msg, mlen);
        perf_error_free(err);
        return 1;
    }
    CHECK(st == PERF_OK, "valid UTF-8 gave status %d", st);
    CHECK(err == NULL, "error written on success");
    const perf_value_info *info = perf_value_get_info(v);
    if (!check_info(info)) { perf_value_free(v); return 0; }
    int same = info->raw.len == len && memcmp(info->raw.ptr, data, len) == 0;
    char *json = NULL, *json2 = NULL;
    size_t jlen = 0, jlen2 = 0;
    perf_status s1 = perf_value_to_json(v, &json, &jlen, NULL);
    perf_status s2 = perf_value_parse_json(data, len, &json2, &jlen2, NULL);
    int agree = s1 == PERF_OK && s2 == PERF_OK && jlen == jlen2 && memcmp(json, json2, jlen) == 0 &&
                json[jlen] == '\0';
    perf_string_free(json);
    perf_string_free(json2);
    perf_value_free(v);
    CHECK(same, "raw is not the cell as given");
    CHECK(agree, "perf_value_to_json (%d) and perf_value_parse_json (%d) disagree", s1, s2);
    return 1;
}

static int walk_indicator(const perf_indicator *ind) {
    CHECK(ind != NULL, "NULL indicator inside the count");
    size_t n;
    const char *s;
    s = perf_indicator_level1(ind, &n); touch_cstr(s, n);
    s = perf_indicator_level2(ind, &n); touch_cstr(s, n);
    s = perf_indicator_level3(ind, &n); touch_cstr(s, n);
    s = perf_indicator_description(ind, &n); touch_cstr(s, n);
    s = perf_indicator_basis(ind, &n); touch_cstr(s, n);
    s = perf_indicator_scoring(ind, &n); touch_cstr(s, n);
    CHECK(perf_indicator_line(ind) >= 1, "indicator line 0");
    return check_info(perf_value_get_info(perf_indicator_value(ind)));
}

static int walk_document(const perf_document *doc) {
    size_t n;
    const char *s;
    s = perf_document_department(doc, &n); touch_cstr(s, n);
    s = perf_document_encoding(doc, &n); touch_cstr(s, n);
    CHECK(s != NULL && n > 0, "no encoding");
    s = perf_document_layout(doc, &n); touch_cstr(s, n);
    (void)perf_document_year(doc);
    for (size_t p = 0; p < perf_document_project_count(doc); p++) {
        const perf_project *pr = perf_document_project(doc, p);
        CHECK(pr != NULL, "NULL project inside the count");
        CHECK(perf_project_index(pr) == p + 1, "project index");
        s = perf_project_code(pr, &n); touch_cstr(s, n);
        s = perf_project_name(pr, &n); touch_cstr(s, n);
        s = perf_project_unit_name(pr, &n); touch_cstr(s, n);
        s = perf_project_amount_unit(pr, &n); touch_cstr(s, n);
        const perf_number *num[] = {perf_project_budget_total(pr), perf_project_budget_fiscal(pr),
                                    perf_project_budget_other(pr)};
        for (int k = 0; k < 3; k++)
            if (num[k] != NULL) touch(num[k]->text);
        for (size_t i = 0; i < perf_project_plan_count(pr); i++) {
            uint32_t m = perf_project_plan_month(pr, i);
            CHECK(m >= 1 && m <= 12, "plan month %u", m);
            const perf_number *pct = perf_project_plan_percent(pr, i);
            if (pct != NULL) touch(pct->text);
        }
        for (size_t i = 0; i < perf_project_goal_count(pr); i++) {
            s = perf_project_goal(pr, i, &n);
            CHECK(s != NULL, "NULL goal inside the count");
            touch_cstr(s, n);
        }
        for (size_t i = 0; i < perf_project_indicator_count(pr); i++)
            if (!walk_indicator(perf_project_indicator(pr, i))) return 0;
        /* out of range is NULL, not a crash */
        CHECK(perf_project_indicator(pr, perf_project_indicator_count(pr)) == NULL,
              "indicator past the end is not NULL");
    }
    for (size_t i = 0; i < perf_document_department_indicator_count(doc); i++)
        if (!walk_indicator(perf_document_department_indicator(doc, i))) return 0;
    for (size_t i = 0; i < perf_document_diagnostic_count(doc); i++) {
        const perf_diagnostic *d = perf_document_diagnostic(doc, i);
        CHECK(d != NULL, "NULL diagnostic inside the count");
        s = perf_diagnostic_code(d, &n);
        CHECK(s != NULL && n > 0, "diagnostic without a code");
        touch_cstr(s, n);
        s = perf_diagnostic_message(d, &n); touch_cstr(s, n);
        (void)perf_diagnostic_line(d);
        (void)perf_diagnostic_severity(d);
    }
    CHECK(perf_document_project(doc, perf_document_project_count(doc)) == NULL,
          "project past the end is not NULL");
    return 1;
}

static int check_document(const uint8_t *data, size_t len) {
    perf_document *doc = NULL;
    perf_error *err = NULL;
    perf_status st = perf_document_parse(data, len, &doc, &err);
    CHECK(st != PERF_ERR_PANIC, "perf_document_parse panicked");
    char *json = NULL;
    size_t jlen = 0;
    perf_error *err2 = NULL;
    perf_status st2 = perf_document_parse_json(data, len, &json, &jlen, &err2);
    CHECK(st2 != PERF_ERR_PANIC, "perf_document_parse_json panicked");
    int ok = 1;
    if (st == PERF_OK) {
        ok = walk_document(doc);
        char *json1 = NULL;
        size_t jlen1 = 0;
        perf_status s1 = perf_document_to_json(doc, &json1, &jlen1, NULL);
        if (ok && !(s1 == PERF_OK && st2 == PERF_OK && jlen1 == jlen && memcmp(json1, json, jlen) == 0)) {
            fprintf(stderr, "FAIL %s: perf_document_to_json and perf_document_parse_json disagree\n", current);
            ok = 0;
        }
        perf_string_free(json1);
        perf_document_free(doc);
    } else {
        size_t mlen = 0;
        const char *msg = perf_error_message(err, &mlen);
        if (msg == NULL || mlen == 0) {
            fprintf(stderr, "FAIL %s: status %d without a message\n", current, st);
            ok = 0;
        } else {
            touch_cstr(msg, mlen);
        }
        if ((st == PERF_ERR_PARSE || st == PERF_ERR_ENCODING) && perf_error_line(err) < 1) {
            fprintf(stderr, "FAIL %s: status %d names no line\n", current, st);
            ok = 0;
        }
        if (st2 != st) {
            fprintf(stderr, "FAIL %s: handle status %d, JSON status %d\n", current, st, st2);
            ok = 0;
        }
        perf_error_free(err);
    }
    perf_string_free(json);
    perf_error_free(err2);
    return ok;
}

static uint8_t *slurp(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 4096, n = 0;
    uint8_t *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            uint8_t *bigger = realloc(buf, cap *= 2);
            if (!bigger) { free(buf); buf = NULL; }
            else buf = bigger;
        }
    }
    fclose(f);
    *len = n;
    return buf;
}

static void run_file(const char *path) {
    size_t len = 0;
    uint8_t *data = slurp(path, &len);
    current = path;
    if (!data) {
        fprintf(stderr, "FAIL %s: cannot read\n", path);
        failed++;
        return;
    }
    if (check_value(data, len) && check_document(data, len)) passed++;
    else failed++;
    free(data);
}

int main(int argc, char **argv) {
    /* the edge cases no directory holds: no bytes, and a NULL pointer */
    current = "(empty input)";
    static const uint8_t none[1] = {0};
    if (check_value(none, 0) && check_document(none, 0)) passed++;
    else failed++;
    current = "(NULL input)";
    perf_value *v = NULL;
    perf_error *err = NULL;
    if (perf_value_parse(NULL, 0, &v, &err) == PERF_ERR_NULL && v == NULL && err != NULL) passed++;
    else { fprintf(stderr, "FAIL (NULL input): not PERF_ERR_NULL\n"); failed++; }
    perf_error_free(err);

    for (int a = 1; a < argc; a++) {
        DIR *dir = opendir(argv[a]);
        if (!dir) {
            run_file(argv[a]);
            continue;
        }
        struct dirent *e;
        while ((e = readdir(dir)) != NULL) {
            if (e->d_name[0] == '.') continue;
            size_t plen = strlen(argv[a]) + strlen(e->d_name) + 2;
            char *path = malloc(plen);
            if (!path) return 2;
            snprintf(path, plen, "%s/%s", argv[a], e->d_name);
            run_file(path);
            free(path);
        }
        closedir(dir);
    }
    printf("robust_replay: %d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
