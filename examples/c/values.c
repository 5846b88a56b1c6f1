/* values: reads one 指标值 cell per line on stdin and prints one SPEC §3
 * JSON object per line, the same bytes as `cargo run --example values`.
 *
 *   printf '≥95 百分比\n长期\n' | ./values
 *
 * Shows the value API: perf_value_parse on (ptr, len) with no NUL,
 * perf_value_to_json, perf_string_free and the error object. With
 * --fields it prints the plain C struct instead (kind, cmp, number, unit,
 * base number, base unit, dimension, deadline, term), tab-separated.
 *
 * A line that is not UTF-8 is reported on stderr (with its line number)
 * and the program exits 1; the Rust example decodes such a line lossily. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "perf_ffi.h"

static const char *or_empty(const char *s) { return s == NULL ? "" : s; }

static void print_fields(const perf_value_info *v) {
    printf("%s\t%s\t%.*s\t%.*s\t%.*s\t%.*s\t%s", or_empty(perf_kind_name(v->kind)),
           or_empty(perf_cmp_name(v->cmp)), (int)v->number.text.len, or_empty(v->number.text.ptr),
           (int)v->unit.len, or_empty(v->unit.ptr), (int)v->base_number.text.len,
           or_empty(v->base_number.text.ptr), (int)v->base_unit.len, or_empty(v->base_unit.ptr),
           or_empty(perf_dimension_name(v->dimension)));
    printf("\t%d-%d-%d%s%s%s", (int)v->year, (int)v->month, (int)v->day,
           v->end_of_month ? " end-of-month" : "", v->recurrence ? " " : "",
           or_empty(perf_recurrence_name(v->recurrence)));
    printf("\t%.*s\n", (int)v->term.len, or_empty(v->term.ptr));
}

/* Parses one cell and prints it; returns 0 on success. */
static int one(const char *cell, size_t len, int fields, unsigned line) {
    perf_value *v = NULL;
    perf_error *err = NULL;
    if (perf_value_parse((const uint8_t *)cell, len, &v, &err) != PERF_OK) {
        fprintf(stderr, "stdin line %u: cell rejected (%s)\n", line, perf_error_message(err, NULL));
        perf_error_free(err);
        return 1;
    }
    int rc = 0;
    if (fields) {
        print_fields(perf_value_get_info(v));
    } else {
        char *json = NULL;
        size_t json_len = 0;
        if (perf_value_to_json(v, &json, &json_len, &err) == PERF_OK) {
            fwrite(json, 1, json_len, stdout);
            putchar('\n');
            perf_string_free(json);
        } else {
            fprintf(stderr, "%s\n", perf_error_message(err, NULL));
            perf_error_free(err);
            rc = 1;
        }
    }
    perf_value_free(v);
    return rc;
}

int main(int argc, char **argv) {
    int fields = argc > 1 && strcmp(argv[1], "--fields") == 0;
    size_t cap = 1 << 16, n = 0, got;
    char *buf = malloc(cap);
    while (buf != NULL && (got = fread(buf + n, 1, cap - n, stdin)) > 0) {
        n += got;
        if (n == cap) {
            char *bigger = realloc(buf, cap *= 2);
            if (bigger == NULL) free(buf);
            buf = bigger;
        }
    }
    if (buf == NULL) return 2;
    int failed = 0;
    size_t start = 0;
    unsigned line = 0;
    while (start < n) {
        const char *nl = memchr(buf + start, '\n', n - start);
        size_t end = nl == NULL ? n : (size_t)(nl - buf);
        size_t len = end - start;
        if (len > 0 && buf[start + len - 1] == '\r') len--;
        failed |= one(buf + start, len, fields, ++line); /* the cell is not NUL-terminated */
        start = end + 1;
    }
    free(buf);
    return failed;
}
