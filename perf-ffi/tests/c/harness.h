/* A tiny test harness for the C tests of perf_ffi: CHECK counts, main()
 * prints "N passed, N failed" and exits non-zero on any failure. */
#ifndef PERF_TEST_HARNESS_H
#define PERF_TEST_HARNESS_H

#include <stdio.h>
#include <string.h>

static int harness_passed = 0;
static int harness_failed = 0;

#define CHECK(cond)                                                            \
    do {                                                                       \
        if (cond) {                                                            \
            harness_passed++;                                                  \
        } else {                                                               \
            harness_failed++;                                                  \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__,   \
                    #cond);                                                    \
        }                                                                      \
    } while (0)

/* A borrowed (ptr, len) string equals the C string `want` exactly. */
#define CHECK_STRN(ptr, len, want)                                             \
    do {                                                                       \
        const char *cs_p = (ptr);                                              \
        size_t cs_n = (len);                                                   \
        const char *cs_w = (want);                                             \
        if (cs_p != NULL && cs_n == strlen(cs_w) && memcmp(cs_p, cs_w, cs_n) == 0 \
            && cs_p[cs_n] == '\0') {                                           \
            harness_passed++;                                                  \
        } else {                                                               \
            harness_failed++;                                                  \
            fprintf(stderr, "%s:%d: CHECK_STRN failed: %s is \"%.*s\", want \"%s\"\n", \
                    __FILE__, __LINE__, #ptr, cs_p ? (int)cs_n : 4,            \
                    cs_p ? cs_p : "NULL", cs_w);                               \
        }                                                                      \
    } while (0)

/* A perf_str equals `want`. */
#define CHECK_PSTR(s, want) CHECK_STRN((s).ptr, (s).len, want)

static int harness_report(void) {
    printf("%d passed, %d failed\n", harness_passed, harness_failed);
    return harness_failed == 0 ? 0 : 1;
}

#endif
