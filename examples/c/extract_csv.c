/* extract_csv: reads performance documents and prints one CSV row per
 * indicator, the same bytes as `cargo run --example extract -- FILE... --format csv`.
 *
 *   cc -std=c99 -I include examples/c/extract_csv.c target/release/libperf_ffi.a \
 *      -lpthread -ldl -lm -o extract_csv
 *   ./extract_csv testdata/corpus/002_7ffc55b75e786c19.txt > indicators.csv
 *
 * Shows the handle API: perf_document_parse, counts and indexed accessors,
 * borrowed (ptr, len) strings, perf_value_get_info, one free at the end. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "perf_ffi.h"

/* Reads a whole file; NULL on failure. */
static char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (f == NULL) return NULL;
    size_t cap = 1 << 16, n = 0, got;
    char *buf = malloc(cap);
    while (buf != NULL && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            char *bigger = realloc(buf, cap *= 2);
            if (bigger == NULL) free(buf);
            buf = bigger;
        }
    }
    if (ferror(f)) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    *len = n;
    return buf;
}

/* One CSV field (RFC 4180): quoted when it holds , " CR or LF; a NULL
 * string is an empty field. */
static void field(const char *s, size_t len) {
    int quote = 0;
    for (size_t i = 0; s != NULL && i < len; i++)
        if (s[i] == ',' || s[i] == '"' || s[i] == '\n' || s[i] == '\r') quote = 1;
    if (!quote) {
        if (s != NULL) fwrite(s, 1, len, stdout);
        return;
    }
    putchar('"');
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '"') putchar('"');
        putchar(s[i]);
    }
    putchar('"');
}

static void sep(void) { putchar(','); }

static void cfield(const char *s) { field(s, s == NULL ? 0 : strlen(s)); }

static void pfield(perf_str s) { field(s.ptr, s.len); }

typedef const char *(*text_fn)(const perf_indicator *, size_t *);

static void ifield(const perf_indicator *ind, text_fn get) {
    size_t len = 0;
    const char *s = get(ind, &len);
    field(s, len);
}

static void row(const char *file, const perf_project *p, const perf_indicator *ind) {
    size_t len = 0;
    const char *s;
    const perf_value_info *v = perf_value_get_info(perf_indicator_value(ind));

    cfield(file), sep();
    if (p != NULL) printf("%u", (unsigned)perf_project_index(p));
    sep();
    s = perf_project_code(p, &len), field(s, len), sep();
    s = perf_project_name(p, &len), field(s, len), sep();
    ifield(ind, perf_indicator_level1), sep();
    ifield(ind, perf_indicator_level2), sep();
    ifield(ind, perf_indicator_level3), sep();
    ifield(ind, perf_indicator_description), sep();
    pfield(v->raw), sep();
    cfield(perf_kind_name(v->kind)), sep();
    cfield(perf_cmp_name(v->cmp)), sep();
    pfield(v->number.text), sep();
    pfield(v->unit), sep();
    pfield(v->base_number.text), sep();
    pfield(v->base_unit), sep();
    ifield(ind, perf_indicator_basis), sep();
    printf("%u\n", (unsigned)perf_indicator_line(ind));
}

static int extract(const char *path) {
    size_t len = 0;
    char *text = read_file(path, &len);
    if (text == NULL) {
        fprintf(stderr, "%s: cannot read the file\n", path);
        return 1;
    }
    perf_document *doc = NULL;
    perf_error *err = NULL;
    int32_t status = perf_document_parse((const uint8_t *)text, len, &doc, &err);
    free(text); /* the document owns copies of everything it hands out */
    if (status != PERF_OK) {
        fprintf(stderr, "%s: %s\n", path, perf_error_message(err, NULL));
        perf_error_free(err);
        return 1;
    }
    for (size_t i = 0; i < perf_document_project_count(doc); i++) {
        const perf_project *p = perf_document_project(doc, i);
        for (size_t j = 0; j < perf_project_indicator_count(p); j++)
            row(path, p, perf_project_indicator(p, j));
    }
    for (size_t j = 0; j < perf_document_department_indicator_count(doc); j++)
        row(path, NULL, perf_document_department_indicator(doc, j));
    perf_document_free(doc);
    return 0;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: %s FILE...\n", argv[0]);
        return 2;
    }
    if (perf_abi_version() != PERF_ABI_VERSION) {
        fprintf(stderr, "perf_ffi ABI %u, header %u\n", (unsigned)perf_abi_version(),
                (unsigned)PERF_ABI_VERSION);
        return 2;
    }
    puts("file,project,code,name,level1,level2,level3,description,raw,kind,cmp,number,unit,"
         "base_number,base_unit,basis,line");
    int failed = 0;
    for (int i = 1; i < argc; i++) failed |= extract(argv[i]);
    return failed;
}
