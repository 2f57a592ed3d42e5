/* SPDX-License-Identifier: Apache-2.0 */
/*
 * bench/points_wide.c: the issue-15 target "a 3 000-indicator points pack answers in under
 * 10 ms per call", on the release library through the C ABI (a separate program beside
 * bench.c, which is owned by the benchmark run; `make -C bench wide`).
 *
 * The pack is generated: 3 000 categorical indicators on education.level (even ones
 * bachelor 1 / master 2, odd ones bachelor 1 / doctorate 5) and one accrual on
 * social-insurance months, a threshold above the score, so that every part of the call
 * runs: the score, the breakdown, the projection over 120 months and the what-if. Before
 * issue 15 this pack was refused at load (18 million evaluations; 12.7 s per call).
 * Sparse (education only) and full requests are timed; each prints the median and p99
 * per call and PASS when the median is under 10 ms. The answer is checked (total and the
 * best what-if) so a wrong answer is never timed.
 * Ends with a line "N passed, N failed".
 */
#define _POSIX_C_SOURCE 200809L
#include <hukou.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static int compare(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static char *wide_pack(int count) {
    size_t size = (size_t)count * 200 + 4096, used = 0;
    char *pack = malloc(size);
    if (!pack) return NULL;
    used += (size_t)snprintf(pack + used, size - used,
        "{\"format\":\"hukou-pack/1\",\"id\":\"wide\",\"version\":\"1\",\"name\":{\"zh\":\"宽表\",\"en\":\"wide\"},"
        "\"document\":{\"title\":{\"zh\":\"测试\",\"en\":\"test\"},\"number\":\"测〔2020〕1号\"},\"effective_from\":\"2020-01-01\","
        "\"points\":{\"citation\":\"c\",\"threshold\":20000,\"indicators\":[");
    for (int i = 0; i < count; i++) {
        used += (size_t)snprintf(pack + used, size - used,
            "{\"id\":\"e%d\",\"label\":{\"zh\":\"e\",\"en\":\"e\"},\"citation\":\"c\",\"kind\":\"categorical\","
            "\"fact\":\"education.level\",\"points\":{\"bachelor\":1,%s}},", i, i % 2 ? "\"doctorate\":5" : "\"master\":2");
    }
    snprintf(pack + used, size - used,
        "{\"id\":\"insurance\",\"label\":{\"zh\":\"社保\",\"en\":\"insurance\"},\"citation\":\"ci\",\"kind\":\"accrual\","
        "\"fact\":\"social_insurance.months\",\"accrue\":\"whole_blocks\",\"stages\":[{\"from\":0,\"per\":12,\"points\":2}]}]}}");
    return pack;
}

static int run(hukou_engine *e, const char *name, const char *request, const char *expect, double budget_ms, double seconds) {
    char *answer = NULL;
    if (hukou_score_points(e, request, strlen(request), &answer) != HUKOU_OK) {
        printf("FAIL %s: %s\n", name, hukou_last_error());
        return 0;
    }
    int right = strstr(answer, expect) != NULL;
    size_t bytes = strlen(answer);
    hukou_string_free(answer);
    if (!right) {
        printf("FAIL %s: the answer lacks %s\n", name, expect);
        return 0;
    }
    enum { most = 100000 };
    static double times[most];
    int n = 0;
    double start = now_ms();
    while (n < most && (n < 20 || now_ms() - start < seconds * 1e3)) {
        double t0 = now_ms();
        if (hukou_score_points(e, request, strlen(request), &answer) != HUKOU_OK) return 0;
        times[n++] = now_ms() - t0;
        hukou_string_free(answer);
    }
    qsort(times, (size_t)n, sizeof times[0], compare);
    double median = times[n / 2], p99 = times[(n * 99) / 100];
    int pass = median < budget_ms;
    printf("%s %-36s %6d calls  median %8.3f ms  p99 %8.3f ms  (%zu bytes of answer; target < %.0f ms)\n",
           pass ? "PASS" : "MISS", name, n, median, p99, bytes, budget_ms);
    return pass;
}

int main(int argc, char **argv) {
    double seconds = argc > 1 ? atof(argv[1]) : 2.0;
    hukou_engine *e = NULL;
    if (hukou_engine_new(&e) != HUKOU_OK) { printf("hukou_engine_new: %s\n0 passed, 1 failed\n", hukou_last_error()); return 1; }
    char *pack = wide_pack(3000);
    if (!pack || hukou_engine_load_pack(e, pack, strlen(pack)) != HUKOU_OK) {
        printf("load: %s\n0 passed, 1 failed\n", pack ? hukou_last_error() : "out of memory");
        return 1;
    }
    free(pack);
    int passed = 0, failed = 0;
    /* 3 000 × 1 + 2 full years × 2 = 3 004; doctorate: 1 500 × 5 + 1 500 × 2 + 4 = 10 504. */
    struct { const char *name, *request, *expect; } cases[] = {
        {"3000 indicators, full request",
         "{\"jurisdiction\":\"wide\",\"as_of\":\"2026-11-25\",\"locale\":\"en\",\"applicant\":{\"education\":{\"level\":\"bachelor\"},"
         "\"social_insurance\":{\"months\":30,\"paying\":true}}}",
         "\"to\":\"doctorate\",\"points_gained\":7500,\"new_total\":10504"},
        {"3000 indicators, sparse (one fact)",
         "{\"jurisdiction\":\"wide\",\"as_of\":\"2026-11-25\",\"locale\":\"en\",\"applicant\":{\"education\":{\"level\":\"bachelor\"}}}",
         "\"total\":3000"},
        {"3000 indicators, outcome only",
         "{\"jurisdiction\":\"wide\",\"as_of\":\"2026-11-25\",\"locale\":\"en\",\"detail\":\"outcome\",\"applicant\":{\"education\":{\"level\":\"bachelor\"},"
         "\"social_insurance\":{\"months\":30,\"paying\":true}}}",
         "\"total\":3004"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        if (run(e, cases[i].name, cases[i].request, cases[i].expect, 10.0, seconds)) passed++; else failed++;
    }
    hukou_engine_free(e);
    printf("%d passed, %d failed\n", passed, failed);
    return failed != 0;
}
