/* SPDX-License-Identifier: Apache-2.0 */
/*
 * bench.c: the C-level benchmark of libhukou, measured against a json-c floor.
 *
 * Built and run by `make bench` (release library, -static-stdlib). Everything is timed
 * with clock_gettime(CLOCK_MONOTONIC), one sample per call, after a warm-up:
 *
 *  1. Decision calls. For every jurisdiction whose pack the engine holds (anyang, tianjin,
 *     fujian with city 泉州市, wenzhou, wenzhou/leqing; a jurisdiction whose pack is not
 *     there yet answers HUKOU_E_UNKNOWN_JURISDICTION and is skipped) and a small (applicant
 *     only), typical (applicant + spouse + 1 child) and large (applicant + 8 family
 *     members, every field filled) request: hukou_check_eligibility, hukou_score_points,
 *     hukou_lookup_entitlements and all three for one applicant (each sample includes
 *     hukou_string_free of the answer). Median, p99, and the ratio of the median to the
 *     FLOOR measured in the same run, its samples alternating with the library's: json-c parsing the same request bytes
 *     (json_tokener_parse + json_object_put) plus serializing a json-c tree of the same
 *     answer (the library's answer parsed once with json-c, then
 *     json_object_to_json_string_ext timed). The floor of "all three" is three parses of
 *     the request plus the three answers serialized: the same work the three C calls do.
 *  2. JSON layer: the library reading a request (parse + schema validation; the request
 *     names an unknown jurisdiction, so the call fails right after reading it) against
 *     json-c parsing the same bytes.
 *  3. Engine start-up with all embedded packs: cold (the first hukou_engine_new in a fresh
 *     process, re-executing this program) and warm (later engine_new + engine_free).
 *  4. Memory: RSS (/proc/self/statm) before and after the first engine, and per further
 *     engine held at the same time.
 *  5. Batch: N varied synthetic applicants (all three decisions each), generated in C by
 *     perturbing every field, on 1 and 2 threads sharing one engine, in a fresh process
 *     each (so ru_maxrss is the batch's own peak); also N/10 to check that time is linear
 *     and memory flat in N.
 *  6. Stripped size of libhukou.so and libhukou.a (a stripped copy; the originals stay).
 *  7. A points pack of 3 000 indicators (generated here, within every pack limit): the
 *     points call per call, or the load's refusal (issue 15).
 *  8. `hukou batch FILE --summary-only --detail outcome --threads 2` on N and N/10
 *     generated applicants: applicants/s and peak RSS (wait4), when --hukou is given.
 *  Then one line per target of issue 15 (and of issue 7) with PASS or MISS; the outcome-only
 *  vs datalogic-py target is bench/jsonlogic_bench.py's, run after this by `make bench`.
 *
 *   bench [--batch N] [--time MS] [--startup-runs K] [--quick] [--so PATH] [--a PATH]
 *         [--hukou PATH] [--outcome-batch N]
 *
 * --batch N          applicants in the batch (default 1000000; 0 skips the batch)
 * --time MS          measuring time per case (default 200 ms, plus a 10% warm-up)
 * --startup-runs K   fresh processes for the cold start-up (default 30)
 * --quick            --batch 20000 --time 40 --startup-runs 10 --outcome-batch 50000
 * --hukou PATH       the hukou command line for section 8 (make cli: build/bin/hukou)
 * --outcome-batch N  applicants for section 8 (default 200000; also N/10)
 * --so/--a PATH      the libraries whose stripped size to report
 */
#define _GNU_SOURCE
#include <hukou.h>
#include <json-c/json.h>

#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* ------------------------------------------------------------------ targets (issues 7 and 15) */

#define TARGET_FLOOR_RATIO 1.5       /* every call, every size (sparse too) <= 1.5x the json-c floor (issue 15) */
#define TARGET_P99_RATIO 5.0         /* p99 <= 5x median (issue 15) */
#define TARGET_BIG_PACK_MS 10.0      /* a 3 000-indicator points pack: < 10 ms per call (issue 15) */
#define BIG_PACK_INDICATORS 3000
#define TARGET_OUTCOME_BATCH_S 100000.0 /* hukou batch --detail outcome --summary-only >= 100 000/s on 2 cores (issue 15) */
#define TARGET_START_MS 5.0          /* engine start <= 5 ms */
#define TARGET_ENGINE_MB 15.0        /* <= 15 MB added memory per engine */
#define TARGET_APPLICANTS_S 200000.0 /* >= 200 000 applicants/s on 2 cores */
#define TARGET_SO_MB 12.0            /* stripped libhukou.so <= 12 MB */

static const char *verdict(int ok) { return ok ? "PASS" : "MISS"; }

/* ------------------------------------------------------------------ utilities */

static uint64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static void die(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fputs("bench: ", stderr);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    exit(2);
}

static void *xmalloc(size_t n) {
    void *p = malloc(n);
    if (!p) die("out of memory (%zu bytes)", n);
    return p;
}

/* Resident set size now, in bytes. */
static long rss_bytes(void) {
    FILE *f = fopen("/proc/self/statm", "r");
    if (!f) return -1;
    long size = 0, resident = 0;
    if (fscanf(f, "%ld %ld", &size, &resident) != 2) resident = -1;
    fclose(f);
    return resident < 0 ? -1 : resident * sysconf(_SC_PAGESIZE);
}

static long maxrss_kb(void) {
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

/* splitmix64: a small, good, seedable generator for the synthetic applicants. */
typedef struct { uint64_t s; } rng_t;
static uint64_t rng_next(rng_t *r) {
    uint64_t z = (r->s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}
static int rng_int(rng_t *r, int lo, int hi) { /* inclusive */
    return lo + (int)(rng_next(r) % (uint64_t)(hi - lo + 1));
}
static int rng_chance(rng_t *r, int percent) { return rng_int(r, 0, 99) < percent; }
#define PICK(r, arr) (arr[rng_int((r), 0, (int)(sizeof(arr) / sizeof(arr[0])) - 1)])

/* A growable string. */
typedef struct {
    char *p;
    size_t len, cap;
} sb_t;

static void sb_reserve(sb_t *b, size_t extra) {
    if (b->len + extra + 1 <= b->cap) return;
    size_t cap = b->cap ? b->cap : 1024;
    while (cap < b->len + extra + 1) cap *= 2;
    char *p = realloc(b->p, cap);
    if (!p) die("out of memory");
    b->p = p;
    b->cap = cap;
}
static void sb_add(sb_t *b, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    char tmp[512];
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0) die("vsnprintf");
    if ((size_t)n >= sizeof tmp) die("sb_add: piece too long");
    sb_reserve(b, (size_t)n);
    memcpy(b->p + b->len, tmp, (size_t)n + 1);
    b->len += (size_t)n;
}
static void sb_clear(sb_t *b) {
    b->len = 0;
    if (b->p) b->p[0] = '\0';
}

static int cmp_u64(const void *a, const void *b) {
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* ------------------------------------------------------------------ jurisdictions */

typedef struct {
    const char *id;       /* the request's "jurisdiction" */
    const char *city;     /* the request's "city", or NULL */
    const char *label;    /* for the table */
    const char *districts[5];
    const char *area_types[5]; /* per district */
    const char *sparse_as_of;  /* the sparse request's date, when not AS_OF: a date the points table scores */
} jurisdiction_t;

static const jurisdiction_t JURISDICTIONS[] = {
    {"anyang", NULL, "anyang",
     {"文峰区", "北关区", "殷都区", "龙安区", "林州市"},
     {"urban_district", "urban_district", "urban_district", "urban_district", "county_city_area"}, NULL},
    {"tianjin", NULL, "tianjin",
     {"西青区", "和平区", "滨海新区", "武清区", "蓟州区"},
     {"urban_district", "urban_district", "urban_district", "urban_district", "urban_district"},
     "2015-06-01" /* the 2014 table (津政发〔2013〕31号 附件) is the one encoded */},
    {"fujian", "泉州市", "fujian/泉州市",
     {"晋江市", "丰泽区", "鲤城区", "石狮市", "惠安县"},
     {"county_city_area", "urban_district", "urban_district", "county_city_area", "county_seat_town"}, NULL},
    {"wenzhou", NULL, "wenzhou",
     {"鹿城区", "龙湾区", "瓯海区", "洞头区", "鹿城区"},
     {"urban_district", "urban_district", "urban_district", "urban_district", "urban_district"}, NULL},
    {"wenzhou/leqing", NULL, "wenzhou/leqing",
     {"乐清市", "乐清市", "乐清市", "乐清市", "乐清市"},
     {"county_city_area", "county_seat_town", "established_town", "county_city_area", "rural"}, NULL},
};
#define NJUR ((int)(sizeof JURISDICTIONS / sizeof JURISDICTIONS[0]))

/* ------------------------------------------------------------------ synthetic requests */

#define SPARSE 2 /* build_request's "full" for a sparse request */

/* The request schema's vocabularies (Sources/HukouRules/Request/Vocabulary.swift). */
static const char *const STATUS[] = {"residence_permit", "residence_permit", "residence_permit", "none", "settled_migrant"};
static const char *const HUKOU_TYPE[] = {"rural", "urban"};
static const char *const HOUSING[] = {"owned", "rental", "rental", "employer_dormitory", "relative", "none"};
static const char *const EMPLOYMENT[] = {
    "employee", "employee", "employee", "individual_business_with_employees", "individual_business_no_employees",
    "freelancer", "flexible", "part_time", "unemployed",
};
static const char *const EDUCATION[] = {
    "primary", "junior_high", "senior_high", "secondary_vocational", "junior_college",
    "higher_vocational", "bachelor", "master", "doctorate",
};
static const char *const SKILL[] = {"none", "junior_worker", "intermediate_worker", "senior_worker", "technician", "senior_technician"};
static const char *const TITLE[] = {"none", "junior", "intermediate", "senior"};
static const char *const ENTERED[] = {"school_admission", "military_service", "other"};
static const char *const SHORTAGE[] = {"none", "general", "short", "very_short"};
static const char *const AWARD[] = {"none", "none", "provincial", "national"};
static const char *const BOOL[] = {"false", "true"};

#define AS_OF_YEAR 2026
static const char AS_OF[] = "2026-11-25";

/* A date between from_year and the as-of date (days 1-28 exist in every month). */
static void add_date(sb_t *b, rng_t *r, const char *key, int from_year, int to_year) {
    if (to_year > AS_OF_YEAR) to_year = AS_OF_YEAR;
    if (from_year > to_year) from_year = to_year;
    int y = rng_int(r, from_year, to_year);
    int m = rng_int(r, 1, y == AS_OF_YEAR ? 10 : 12);
    int d = rng_int(r, 1, 28);
    sb_add(b, "\"%s\":\"%04d-%02d-%02d\"", key, y, m, d);
}

static const char *school_stage_for_age(int age) {
    if (age < 3) return "not_in_school";
    if (age < 6) return "kindergarten";
    if (age < 12) return "primary";
    if (age < 15) return "junior_high";
    if (age < 18) return "senior_high";
    if (age < 22) return "college";
    return "graduated";
}

/*
 * One person. relation NULL: the applicant. full: every field of the schema filled;
 * otherwise the fields a kiosk typically collects (as in examples/requests/).
 */
static void add_person(sb_t *b, rng_t *r, const jurisdiction_t *j, const char *relation, int full) {
    int birth_year;
    if (!relation) birth_year = rng_int(r, 1966, 2004);
    else if (!strcmp(relation, "spouse")) birth_year = rng_int(r, 1966, 2004);
    else if (!strcmp(relation, "child")) birth_year = rng_int(r, 2006, 2025);
    else if (!strcmp(relation, "parent")) birth_year = rng_int(r, 1940, 1972);
    else if (!strcmp(relation, "grandparent")) birth_year = rng_int(r, 1925, 1950);
    else birth_year = rng_int(r, 1960, 2008);
    int age = AS_OF_YEAR - birth_year;
    int d = rng_int(r, 0, 4);
    const char *district = j->districts[d], *area = j->area_types[d];
    const char *status = relation ? "residence_permit" : PICK(r, STATUS);
    int adult = age >= 18;

    sb_add(b, "{");
    sb_add(b, "\"birth_date\":\"%04d-%02d-%02d\"", birth_year, rng_int(r, 1, 12), rng_int(r, 1, 28));
    if (relation) sb_add(b, ",\"relation\":\"%s\",\"lives_with_applicant\":%s", relation, BOOL[rng_chance(r, 85)]);
    if (!relation || full) {
        sb_add(b, ",\"married\":%s", BOOL[adult && rng_chance(r, 70)]);
        sb_add(b, ",\"status\":\"%s\"", status);
    }
    if (full) sb_add(b, ",\"has_income\":%s", BOOL[adult && rng_chance(r, 80)]);
    sb_add(b, ",\"hukou\":{\"local\":%s,\"former_type\":\"%s\"}",
           BOOL[!strcmp(status, "local_hukou")], PICK(r, HUKOU_TYPE));
    if (!relation || full) {
        int held = strcmp(status, "none") != 0;
        sb_add(b, ",\"residence_permit\":{\"held\":%s", BOOL[held]);
        if (held) { sb_add(b, ","); add_date(b, r, "issued", 2012, AS_OF_YEAR); }
        sb_add(b, "},\"residence\":{");
        add_date(b, r, "since", 2005, AS_OF_YEAR);
        sb_add(b, ",\"district\":\"%s\",\"area_type\":\"%s\"}", district, area);
        sb_add(b, ",\"housing\":{\"type\":\"%s\",", PICK(r, HOUSING));
        add_date(b, r, "since", 2008, AS_OF_YEAR);
        sb_add(b, ",\"owns_home_in_city\":%s", BOOL[rng_chance(r, 25)]);
        if (full) sb_add(b, ",\"no_home_certificate\":%s", BOOL[rng_chance(r, 50)]);
        sb_add(b, "}");
        if (adult || !relation) {
            sb_add(b, ",\"employment\":{\"type\":\"%s\",", PICK(r, EMPLOYMENT));
            add_date(b, r, "since", 2008, AS_OF_YEAR);
            sb_add(b, ",\"labor_contract\":%s,\"in_city\":%s", BOOL[rng_chance(r, 70)], BOOL[rng_chance(r, 90)]);
            if (full) sb_add(b, ",\"business_licence\":%s", BOOL[rng_chance(r, 15)]);
            sb_add(b, "}");
            sb_add(b, ",\"social_insurance\":{\"months\":%d,\"paying\":%s,\"continuous\":%s}",
                   rng_int(r, 0, 180), BOOL[rng_chance(r, 85)], BOOL[rng_chance(r, 75)]);
            sb_add(b, ",\"education\":{\"level\":\"%s\"", PICK(r, EDUCATION));
            if (full) sb_add(b, ",\"overseas\":%s,\"overseas_certified\":%s", BOOL[rng_chance(r, 5)], BOOL[rng_chance(r, 5)]);
            sb_add(b, "}");
            sb_add(b, ",\"skill\":{\"level\":\"%s\",\"certified_at_workplace\":%s",
                   PICK(r, SKILL), BOOL[rng_chance(r, 50)]);
            if (full) sb_add(b, ",\"title\":\"%s\"", PICK(r, TITLE));
            sb_add(b, "}");
        }
    } else if (relation && !strcmp(relation, "spouse")) {
        sb_add(b, ",\"employment\":{\"type\":\"%s\",\"in_city\":%s}", PICK(r, EMPLOYMENT), BOOL[rng_chance(r, 90)]);
    }
    if (full || (relation && !strcmp(relation, "child") && age < 22)) {
        sb_add(b, ",\"school\":{\"stage\":\"%s\",\"in_city\":%s,\"full_time\":%s",
               school_stage_for_age(age), BOOL[rng_chance(r, 80)], BOOL[rng_chance(r, 90)]);
        if (full)
            sb_add(b, ",\"local_junior_high_registration\":%s,\"college_in_city\":%s,\"rural_origin\":%s",
                   BOOL[rng_chance(r, 40)], BOOL[rng_chance(r, 20)], BOOL[rng_chance(r, 50)]);
        sb_add(b, "}");
    }
    if (full) {
        sb_add(b, ",\"entered_city_by\":\"%s\"", PICK(r, ENTERED));
        sb_add(b, ",\"recognized\":{\"introduced_talent\":%s,\"investor\":%s,\"outstanding_contribution\":%s}",
               BOOL[rng_chance(r, 5)], BOOL[rng_chance(r, 3)], BOOL[rng_chance(r, 2)]);
        sb_add(b, ",\"whole_family_move\":%s,\"intended_district\":\"%s\"", BOOL[rng_chance(r, 40)],
               j->districts[rng_int(r, 0, 4)]);
        sb_add(b, ",\"housing_fund\":{\"depositing\":%s,\"consecutive_full_months\":%d}",
               BOOL[rng_chance(r, 60)], rng_int(r, 0, 120));
        sb_add(b, ",\"documents\":{\"foreign_permanent_residence\":%s,\"hk_macao_taiwan_permit\":%s,"
                  "\"police_proof\":%s,\"floating_population_registration\":%s,\"permit_receipt\":%s}",
               BOOL[rng_chance(r, 2)], BOOL[rng_chance(r, 3)], BOOL[rng_chance(r, 80)], BOOL[rng_chance(r, 80)],
               BOOL[rng_chance(r, 50)]);
        sb_add(b, ",\"points_record\":{\"occupation_shortage\":\"%s\",\"award\":\"%s\",\"violations\":%d,"
                  "\"false_information\":%s,\"criminal_conviction\":%s}",
               PICK(r, SHORTAGE), PICK(r, AWARD), rng_int(r, 0, 2) == 2 ? 1 : 0, BOOL[rng_chance(r, 1)],
               BOOL[rng_chance(r, 1)]);
    } else if (!relation && rng_chance(r, 30)) {
        sb_add(b, ",\"housing_fund\":{\"depositing\":%s,\"consecutive_full_months\":%d}",
               BOOL[rng_chance(r, 60)], rng_int(r, 0, 120));
    }
    sb_add(b, "}");
}

/* The relations of 8 family members in a large request (and of the first k in others). */
static const char *const FAMILY_RELATIONS[] = {"spouse", "child", "child", "parent", "parent", "grandparent", "sibling", "other"};

/*
 * A request: jurisdiction j (or `jurisdiction_override`), `family` members, `full` for
 * every field of every person, fields drawn from `seed`.
 */
static void build_request(sb_t *b, const jurisdiction_t *j, const char *jurisdiction_override, int family, int full,
                          uint64_t seed) {
    rng_t r = {seed * 0x2545F4914F6CDD1Dull + 7};
    sb_clear(b);
    sb_add(b, "{\"jurisdiction\":\"%s\"", jurisdiction_override ? jurisdiction_override : j->id);
    if (j->city) sb_add(b, ",\"city\":\"%s\"", j->city);
    const char *as_of = full == SPARSE && j->sparse_as_of ? j->sparse_as_of : AS_OF;
    sb_add(b, ",\"as_of\":\"%s\",\"locale\":\"%s\",\"applicant\":", as_of, rng_chance(&r, 80) ? "zh-CN" : "en");
    if (full == SPARSE) { /* five facts: birth date, status, hukou, housing, social insurance months */
        sb_add(b, "{\"birth_date\":\"%04d-%02d-15\",\"status\":\"residence_permit\",\"hukou\":{\"local\":false},"
                  "\"housing\":{\"type\":\"rental\"},\"social_insurance\":{\"months\":%d}}}",
               rng_int(&r, 1970, 2000), rng_int(&r, 1, 12), rng_int(&r, 0, 60));
        return;
    }
    add_person(b, &r, j, NULL, full);
    if (family > 0) {
        sb_add(b, ",\"family\":[");
        for (int i = 0; i < family; i++) {
            if (i) sb_add(b, ",");
            add_person(b, &r, j, FAMILY_RELATIONS[i % 8], full);
        }
        sb_add(b, "]");
    }
    sb_add(b, "}");
}

/* ------------------------------------------------------------------ timing */

typedef struct {
    uint64_t median, p99;
    size_t n;
    long preempted; /* involuntary context switches of this thread while measuring */
} stats_t;

static long involuntary_switches(void) {
    struct rusage ru;
    if (getrusage(RUSAGE_THREAD, &ru) != 0) return 0;
    return ru.ru_nivcsw;
}

static double g_time_ms = 200.0; /* measuring time per case */

typedef void (*bench_fn)(void *ctx);

/*
 * Two functions measured in alternation (a, b, a, b, ...), so that both see the same
 * machine: on a shared VM the load drifts within seconds, and measuring the library and
 * its floor one after the other would put the drift into their ratio.
 */
static void measure_pair(bench_fn fa, bench_fn fb, void *ctx, stats_t *sa, stats_t *sb) {
    const size_t cap = 1000000, min_samples = 200;
    static uint64_t *a, *b;
    if (!a) { a = xmalloc(cap * sizeof *a); b = xmalloc(cap * sizeof *b); }
    uint64_t budget = (uint64_t)(2 * g_time_ms * 1e6);
    uint64_t start = now_ns();
    for (int i = 0; i < 20 || now_ns() - start < budget / 10; i++) { fa(ctx); fb(ctx); }
    size_t n = 0;
    long switches = involuntary_switches();
    start = now_ns();
    while (n < cap && (n < min_samples || now_ns() - start < budget)) {
        uint64_t t0 = now_ns();
        fa(ctx);
        uint64_t t1 = now_ns();
        fb(ctx);
        uint64_t t2 = now_ns();
        a[n] = t1 - t0;
        b[n] = t2 - t1;
        n++;
    }
    switches = involuntary_switches() - switches;
    qsort(a, n, sizeof *a, cmp_u64);
    qsort(b, n, sizeof *b, cmp_u64);
    size_t p99 = (n * 99 + 99) / 100 - 1;
    *sa = (stats_t){a[n / 2], a[p99], n, switches};
    *sb = (stats_t){b[n / 2], b[p99], n, switches};
}

/* ------------------------------------------------------------------ decision benchmarks */

typedef int (*decision_fn)(const hukou_engine *, const char *, size_t, char **);
static const struct {
    const char *name;
    decision_fn fn;
} CALLS[] = {
    {"eligibility", hukou_check_eligibility},
    {"points", hukou_score_points},
    {"entitlements", hukou_lookup_entitlements},
};
#define NCALLS 3

typedef struct {
    const hukou_engine *engine;
    const char *req;
    size_t len;
    int call;        /* 0..2, or 3 for all three */
    int expect;      /* expected status */
    json_object *answers[NCALLS]; /* json-c trees of the answers, for the floor */
    int floor_parses;
} case_t;

static volatile size_t g_sink; /* keeps results observable */

static void run_lib(void *p) {
    case_t *c = p;
    for (int k = 0; k < NCALLS; k++) {
        if (c->call != 3 && c->call != k) continue;
        char *out = NULL;
        int rc = CALLS[k].fn(c->engine, c->req, c->len, &out);
        if (rc != c->expect) die("%s: %s (%s)", CALLS[k].name, hukou_status_name(rc), hukou_last_error());
        if (out) {
            g_sink += (unsigned char)out[0];
            hukou_string_free(out);
        }
    }
}

static void run_floor(void *p) {
    case_t *c = p;
    for (int k = 0; k < c->floor_parses; k++) {
        json_object *doc = json_tokener_parse(c->req);
        if (!doc) die("json-c could not parse the request");
        g_sink += (size_t)json_object_get_type(doc);
        json_object_put(doc);
    }
    for (int k = 0; k < NCALLS; k++) {
        if (!c->answers[k] || (c->call != 3 && c->call != k)) continue;
        const char *text = json_object_to_json_string_ext(c->answers[k], JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE);
        g_sink += (unsigned char)text[0];
    }
}

/* json-c parse only, for the JSON-layer comparison. */
static void run_jsonc_parse(void *p) {
    case_t *c = p;
    json_object *doc = json_tokener_parse(c->req);
    if (!doc) die("json-c could not parse the request");
    g_sink += (size_t)json_object_get_type(doc);
    json_object_put(doc);
}

static json_object *parse_answer(const char *text) {
    struct json_tokener *tok = json_tokener_new_ex(HUKOU_MAX_DEPTH + 16);
    if (!tok) die("json_tokener_new_ex");
    json_object *doc = json_tokener_parse_ex(tok, text, (int)strlen(text));
    if (!doc || json_tokener_get_error(tok) != json_tokener_success) die("json-c could not parse an answer");
    json_tokener_free(tok);
    return doc;
}

/* sparse: an applicant with five facts, as while a citizen is still filling in the form (issue 15) */
static const char *const SIZES[] = {"small", "typical", "large", "sparse"};
static const int SIZE_FAMILY[] = {0, 2, 8, 0};
static const int SIZE_FULL[] = {0, 0, 1, SPARSE};
#define NSIZES 4

typedef struct {
    int worst_floor_ok, worst_p99_ok;
    double worst_all_ratio, worst_p99_ratio, worst_call_ratio;
    const char *worst_all_label;  /* worst "all three" */
    char worst_call_label[64];    /* worst of every call (issue 15: every call <= 1.5x) */
    char worst_p99_label[64];
    int cases;
    double typical_floor_us, typical_lib_us; /* "all three", typical request, mean over jurisdictions */
    int typical_n;
    long preempted_cases; /* cases whose p99 missed while the thread was preempted */
} decision_summary_t;

static void bench_decisions(const hukou_engine *engine, int have[NJUR], decision_summary_t *sum) {
    sb_t req = {0};
    printf("\n== 1. Decision calls: median and p99 per call in microseconds (answer string freed in each sample)\n");
    printf("   floor = json-c: json_tokener_parse(request) + json_object_put + json_object_to_json_string_ext(tree of the answer)\n");
    printf("   ratio = library median / floor median; target (issue 15): every call <= %.1fx floor, p99 <= %.0fx median\n",
           TARGET_FLOOR_RATIO, TARGET_P99_RATIO);
    printf("   library and floor samples alternate (lib, floor, lib, ...) so both see the same machine load;\n"
           "   csw = involuntary context switches of the measuring thread during the case (other processes\n"
           "   taking the CPU: a p99 MISS with csw > 0 may be the machine's, not the library's)\n\n");
    printf("%-15s %-8s %-12s %7s %7s %9s %9s %7s %9s %7s %-5s %-5s %5s\n", "jurisdiction", "size", "call", "req B",
           "ans B", "median", "p99", "p99/med", "floor", "ratio", "floor", "p99", "csw");
    sum->worst_floor_ok = sum->worst_p99_ok = 1;
    sum->worst_all_ratio = 0;
    sum->worst_p99_ratio = 0;
    sum->worst_call_ratio = 0;
    sum->worst_all_label = "";
    sum->worst_call_label[0] = sum->worst_p99_label[0] = '\0';
    sum->cases = 0;
    sum->typical_floor_us = sum->typical_lib_us = 0;
    sum->typical_n = 0;
    sum->preempted_cases = 0;
    static char labels[64][64];
    int nlabels = 0;
    for (int j = 0; j < NJUR; j++) {
        if (!have[j]) continue;
        for (int s = 0; s < NSIZES; s++) {
            build_request(&req, &JURISDICTIONS[j], NULL, SIZE_FAMILY[s], SIZE_FULL[s], 1000u + (uint64_t)(j * 10 + s));
            case_t c = {engine, req.p, req.len, 0, HUKOU_OK, {0}, 1};
            size_t answer_bytes[NCALLS] = {0};
            for (int k = 0; k < NCALLS; k++) {
                char *out = NULL;
                int rc = CALLS[k].fn(engine, req.p, req.len, &out);
                if (rc != HUKOU_OK) die("%s %s %s: %s: %s", JURISDICTIONS[j].label, SIZES[s], CALLS[k].name,
                                        hukou_status_name(rc), hukou_last_error());
                answer_bytes[k] = strlen(out);
                c.answers[k] = parse_answer(out);
                hukou_string_free(out);
            }
            for (int call = 0; call <= NCALLS; call++) {
                c.call = call;
                c.floor_parses = call == 3 ? NCALLS : 1;
                stats_t lib, flo;
                measure_pair(run_lib, run_floor, &c, &lib, &flo);
                size_t ans = call == 3 ? answer_bytes[0] + answer_bytes[1] + answer_bytes[2] : answer_bytes[call];
                double ratio = (double)lib.median / (double)flo.median;
                double p99r = (double)lib.p99 / (double)lib.median;
                int floor_ok = ratio <= TARGET_FLOOR_RATIO, p99_ok = p99r <= TARGET_P99_RATIO;
                printf("%-15s %-8s %-12s %7zu %7zu %9.1f %9.1f %7.1f %9.1f %7.2f %-5s %-5s %5ld\n",
                       JURISDICTIONS[j].label, SIZES[s], call == 3 ? "all three" : CALLS[call].name, req.len, ans,
                       lib.median / 1e3, lib.p99 / 1e3, p99r, flo.median / 1e3, ratio, verdict(floor_ok),
                       verdict(p99_ok), lib.preempted);
                fflush(stdout);
                sum->cases++;
                if (call == 3 && s == 1) {
                    sum->typical_floor_us += flo.median / 1e3;
                    sum->typical_lib_us += lib.median / 1e3;
                    sum->typical_n++;
                }
                if (!p99_ok && lib.preempted > 0) sum->preempted_cases++;
                if (!p99_ok) sum->worst_p99_ok = 0;
                const char *call_name = call == 3 ? "all three" : CALLS[call].name;
                if (p99r > sum->worst_p99_ratio) {
                    sum->worst_p99_ratio = p99r;
                    snprintf(sum->worst_p99_label, sizeof sum->worst_p99_label, "%s %s %s", JURISDICTIONS[j].label,
                             SIZES[s], call_name);
                }
                if (!floor_ok) sum->worst_floor_ok = 0;
                if (ratio > sum->worst_call_ratio) {
                    sum->worst_call_ratio = ratio;
                    snprintf(sum->worst_call_label, sizeof sum->worst_call_label, "%s %s %s", JURISDICTIONS[j].label,
                             SIZES[s], call_name);
                }
                if (call == 3) {
                    if (ratio > sum->worst_all_ratio && nlabels < 64) {
                        sum->worst_all_ratio = ratio;
                        snprintf(labels[nlabels], sizeof labels[0], "%s %s", JURISDICTIONS[j].label, SIZES[s]);
                        sum->worst_all_label = labels[nlabels++];
                    }
                }
            }
            for (int k = 0; k < NCALLS; k++) json_object_put(c.answers[k]);
        }
    }
    free(req.p);
}

/* ------------------------------------------------------------------ JSON layer */

static double bench_json_layer(const hukou_engine *engine, int first_jur) {
    sb_t req = {0};
    double worst = 0;
    printf("\n== 2. JSON layer: reading a request, library vs json-c (microseconds, median / p99)\n");
    printf("   library = hukou_check_eligibility on a request naming an unknown jurisdiction: the JSON is parsed\n");
    printf("   and the whole request read and validated into the typed request, then the call fails\n");
    printf("   (HUKOU_E_UNKNOWN_JURISDICTION, last-error message set). json-c = json_tokener_parse + json_object_put.\n\n");
    printf("%-8s %7s %17s %17s %7s\n", "size", "req B", "library", "json-c parse", "ratio");
    for (int s = 0; s < 3; s++) {
        build_request(&req, &JURISDICTIONS[first_jur], "bench-no-such-pack", SIZE_FAMILY[s], SIZE_FULL[s], 77u + (uint64_t)s);
        case_t c = {engine, req.p, req.len, 0, HUKOU_E_UNKNOWN_JURISDICTION, {0}, 1};
        stats_t lib, jc;
        measure_pair(run_lib, run_jsonc_parse, &c, &lib, &jc);
        double ratio = (double)lib.median / (double)jc.median;
        if (ratio > worst) worst = ratio;
        printf("%-8s %7zu %8.1f /%7.1f %8.1f /%7.1f %7.2f\n", SIZES[s], req.len, lib.median / 1e3, lib.p99 / 1e3,
               jc.median / 1e3, jc.p99 / 1e3, ratio);
    }
    free(req.p);
    return worst;
}

/* ------------------------------------------------------------------ child processes */

static char g_self[4096];

static FILE *spawn(const char *args) {
    char cmd[8192];
    snprintf(cmd, sizeof cmd, "'%s' %s", g_self, args);
    FILE *f = popen(cmd, "r");
    if (!f) die("popen %s: %s", cmd, strerror(errno));
    return f;
}

/* Child: the first hukou_engine_new of a fresh process, and RSS around it. */
static int startup_child(void) {
    long before = rss_bytes();
    hukou_engine *e = NULL;
    uint64_t t0 = now_ns();
    int rc = hukou_engine_new(&e);
    uint64_t t1 = now_ns();
    if (rc != HUKOU_OK) {
        printf("error %s %s\n", hukou_status_name(rc), hukou_last_error());
        return 1;
    }
    long after_first = rss_bytes();
    enum { MORE = 100 };
    hukou_engine *more[MORE];
    for (int i = 0; i < MORE; i++)
        if (hukou_engine_new(&more[i]) != HUKOU_OK) die("hukou_engine_new: %s", hukou_last_error());
    long after_more = rss_bytes();
    for (int i = 0; i < MORE; i++) hukou_engine_free(more[i]);
    hukou_engine_free(e);
    printf("%llu %ld %ld %ld %d\n", (unsigned long long)(t1 - t0), before, after_first, after_more, MORE);
    return 0;
}

typedef struct {
    const hukou_engine *engine;
    int njur;
    int jur[NJUR];
    long n, first, step;
    long errors;
    size_t bytes;
} batch_job_t;

/* One synthetic applicant i: jurisdiction, family size and every field drawn from i. */
static void batch_request(sb_t *b, const batch_job_t *job, long i) {
    rng_t r = {(uint64_t)i * 0x9E3779B97F4A7C15ull ^ 0x5bd1e995u};
    const jurisdiction_t *j = &JURISDICTIONS[job->jur[i % job->njur]];
    int roll = rng_int(&r, 0, 99), family, full = rng_chance(&r, 10);
    if (roll < 30) family = 0;
    else if (roll < 80) family = 2;
    else family = rng_int(&r, 1, 8);
    build_request(b, j, NULL, family, full, rng_next(&r));
}

static void *batch_worker(void *p) {
    batch_job_t *job = p;
    sb_t req = {0};
    for (long i = job->first; i < job->n; i += job->step) {
        batch_request(&req, job, i);
        for (int k = 0; k < NCALLS; k++) {
            char *out = NULL;
            int rc = CALLS[k].fn(job->engine, req.p, req.len, &out);
            if (rc != HUKOU_OK) {
                if (job->errors++ < 3)
                    fprintf(stderr, "batch applicant %ld %s: %s: %s\n", i, CALLS[k].name, hukou_status_name(rc),
                            hukou_last_error());
                continue;
            }
            job->bytes += strlen(out);
            hukou_string_free(out);
        }
    }
    free(req.p);
    return NULL;
}

/* Child: a batch of n applicants (all three decisions each) on `threads` threads. */
static int batch_child(long n, int threads, const char *jurs) {
    hukou_engine *e = NULL;
    if (hukou_engine_new(&e) != HUKOU_OK) die("hukou_engine_new: %s", hukou_last_error());
    batch_job_t jobs[8];
    if (threads < 1 || threads > 8) die("threads 1..8");
    long rss_start = rss_bytes();
    uint64_t t0 = now_ns();
    pthread_t tid[8];
    for (int t = 0; t < threads; t++) {
        batch_job_t *job = &jobs[t];
        memset(job, 0, sizeof *job);
        job->engine = e;
        for (const char *c = jurs; *c; c++) job->jur[job->njur++] = *c - '0';
        job->n = n;
        job->first = t;
        job->step = threads;
        if (pthread_create(&tid[t], NULL, batch_worker, job)) die("pthread_create");
    }
    long errors = 0;
    size_t bytes = 0;
    for (int t = 0; t < threads; t++) {
        pthread_join(tid[t], NULL);
        errors += jobs[t].errors;
        bytes += jobs[t].bytes;
    }
    uint64_t t1 = now_ns();
    long rss_end = rss_bytes();
    hukou_engine_free(e);
    printf("%llu %ld %ld %ld %ld %zu\n", (unsigned long long)(t1 - t0), maxrss_kb(), rss_start, rss_end, errors, bytes);
    return 0;
}

typedef struct {
    double seconds, per_s;
    long maxrss_kb, rss_start, rss_end, errors;
} batch_result_t;

static batch_result_t run_batch(long n, int threads, const char *jurs) {
    char args[256];
    snprintf(args, sizeof args, "--batch-child %ld %d %s", n, threads, jurs);
    FILE *f = spawn(args);
    unsigned long long ns = 0;
    size_t bytes = 0;
    batch_result_t r = {0};
    if (fscanf(f, "%llu %ld %ld %ld %ld %zu", &ns, &r.maxrss_kb, &r.rss_start, &r.rss_end, &r.errors, &bytes) != 6)
        die("batch child failed");
    pclose(f);
    r.seconds = ns / 1e9;
    r.per_s = n / r.seconds;
    return r;
}

/* ------------------------------------------------------------------ a 3 000-indicator points pack (issue 15) */

typedef struct {
    int status;            /* of hukou_engine_load_pack */
    char error[200];       /* its message when refused */
    double median_ms[2], p99_ms[2];
    size_t answer_bytes[2];
} big_pack_result_t;

/*
 * A points table of BIG_PACK_INDICATORS categorical indicators that all read
 * education.level (as Tests/HukouCABITests/RobustnessTests.swift pointsPack): within every
 * pack limit, and the worst case for what-if and projection (every change touches every
 * indicator). Timed on an applicant with that one fact and on one with none.
 */
static big_pack_result_t bench_big_pack(void) {
    big_pack_result_t r = {0};
    sb_t p = {0};
    sb_add(&p, "{\"format\":\"hukou-pack/1\",\"id\":\"bench_points_3000\",\"version\":\"b1\",\"name\":{\"zh\":\"测试\",\"en\":\"test\"},"
               "\"document\":{\"title\":{\"zh\":\"测试\",\"en\":\"test\"},\"number\":\"测〔2020〕1号\"},\"effective_from\":\"2020-01-01\","
               "\"pathways\":[{\"id\":\"p\",\"name\":{\"zh\":\"p\",\"en\":\"p\"},\"citation\":\"c\",\"condition\":"
               "{\"fact\":\"married\",\"op\":\"is\",\"value\":true}}],\"points\":{\"citation\":\"c\",\"threshold\":100000,\"indicators\":[");
    for (int i = 0; i < BIG_PACK_INDICATORS; i++)
        sb_add(&p, "%s{\"id\":\"i%d\",\"label\":{\"zh\":\"i\",\"en\":\"i\"},\"citation\":\"c\",\"kind\":\"categorical\","
                   "\"fact\":\"education.level\",\"points\":{\"bachelor\":1,\"master\":2}}", i ? "," : "", i);
    sb_add(&p, "]}}");
    hukou_engine *e = NULL;
    if (hukou_engine_new(&e) != HUKOU_OK) die("hukou_engine_new: %s", hukou_last_error());
    r.status = hukou_engine_load_pack(e, p.p, p.len);
    free(p.p);
    if (r.status != HUKOU_OK) {
        snprintf(r.error, sizeof r.error, "%s", hukou_last_error());
        hukou_engine_free(e);
        return r;
    }
    static const char *const REQ[2] = {
        "{\"jurisdiction\":\"bench_points_3000\",\"as_of\":\"2026-11-25\",\"locale\":\"en\",\"applicant\":{\"education\":{\"level\":\"bachelor\"}}}",
        "{\"jurisdiction\":\"bench_points_3000\",\"as_of\":\"2026-11-25\",\"locale\":\"en\",\"applicant\":{}}",
    };
    for (int k = 0; k < 2; k++) {
        enum { CAP = 1000 };
        uint64_t t[CAP];
        size_t n = 0;
        uint64_t budget = (uint64_t)(g_time_ms * 1e6), start = 0;
        for (int warm = 1; warm >= 0; warm--) {
            start = now_ns();
            n = 0;
            while (n < CAP && (n < 3 || now_ns() - start < budget)) {
                char *out = NULL;
                uint64_t t0 = now_ns();
                int rc = hukou_score_points(e, REQ[k], strlen(REQ[k]), &out);
                uint64_t t1 = now_ns();
                if (rc != HUKOU_OK) die("3000-indicator pack: %s: %s", hukou_status_name(rc), hukou_last_error());
                r.answer_bytes[k] = strlen(out);
                hukou_string_free(out);
                t[n++] = t1 - t0;
                if (warm) break;
            }
        }
        qsort(t, n, sizeof *t, cmp_u64);
        r.median_ms[k] = t[n / 2] / 1e6;
        r.p99_ms[k] = t[(n * 99 + 99) / 100 - 1] / 1e6;
    }
    hukou_engine_free(e);
    return r;
}

/* ------------------------------------------------------------------ hukou batch, outcome mode (issue 15) */

typedef struct {
    long n;
    double seconds, per_s;
    long maxrss_kb;
    int status; /* exit status of hukou batch */
} outcome_batch_t;

/* `hukou batch FILE --summary-only --detail outcome --threads 2` on n generated applicants. */
static outcome_batch_t run_outcome_batch(const char *hukou, long n, const char *jurs) {
    outcome_batch_t r = {n, 0, 0, 0, -1};
    char path[] = "/tmp/hukou-bench-batch-XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0) die("mkstemp: %s", strerror(errno));
    FILE *f = fdopen(fd, "w");
    if (!f) die("fdopen");
    batch_job_t gen = {0};
    for (const char *c = jurs; *c; c++) gen.jur[gen.njur++] = *c - '0';
    sb_t b = {0};
    for (long i = 0; i < n; i++) {
        batch_request(&b, &gen, i);
        fwrite(b.p, 1, b.len, f);
        fputc('\n', f);
    }
    free(b.p);
    fclose(f);
    uint64_t t0 = now_ns();
    pid_t pid = fork();
    if (pid < 0) die("fork: %s", strerror(errno));
    if (pid == 0) {
        int null = open("/dev/null", O_WRONLY);
        if (null >= 0) { dup2(null, 1); dup2(null, 2); }
        execl(hukou, hukou, "batch", path, "--summary-only", "--detail", "outcome", "--threads", "2", (char *)NULL);
        _exit(127);
    }
    int status = 0;
    struct rusage ru;
    if (wait4(pid, &status, 0, &ru) < 0) die("wait4: %s", strerror(errno));
    r.seconds = (now_ns() - t0) / 1e9;
    r.per_s = n / r.seconds;
    r.maxrss_kb = ru.ru_maxrss;
    r.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    unlink(path);
    return r;
}

/* ------------------------------------------------------------------ sizes */

static double stripped_mb(const char *path, const char *flags, double *unstripped_mb) {
    struct stat st;
    if (!path || stat(path, &st) != 0) return -1;
    *unstripped_mb = st.st_size / 1048576.0;
    char tmp[] = "/tmp/hukou-bench-strip-XXXXXX";
    int fd = mkstemp(tmp);
    if (fd < 0) return -1;
    close(fd);
    char cmd[8192];
    snprintf(cmd, sizeof cmd, "strip %s -o '%s' '%s'", flags, tmp, path);
    double mb = -1;
    if (system(cmd) == 0 && stat(tmp, &st) == 0) mb = st.st_size / 1048576.0;
    unlink(tmp);
    return mb;
}

/* ------------------------------------------------------------------ main */

int main(int argc, char **argv) {
    long batch_n = 1000000;
    int startup_runs = 30;
    const char *so_path = NULL, *a_path = NULL, *hukou_cli = NULL;
    long outcome_n = 200000;

    ssize_t len = readlink("/proc/self/exe", g_self, sizeof g_self - 1);
    if (len <= 0) die("readlink /proc/self/exe");
    g_self[len] = '\0';

    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--startup-child")) return startup_child();
        if (!strcmp(a, "--batch-child") && i + 3 < argc) return batch_child(atol(argv[i + 1]), atoi(argv[i + 2]), argv[i + 3]);
        if (!strcmp(a, "--dump") && i + 2 < argc) { /* --dump J S: print the request of jurisdiction J, size S */
            sb_t b = {0};
            int j = atoi(argv[i + 1]), sz = atoi(argv[i + 2]);
            if (j < 0 || j >= NJUR || sz < 0 || sz >= NSIZES) die("--dump J S: J 0..%d, S 0..%d", NJUR - 1, NSIZES - 1);
            build_request(&b, &JURISDICTIONS[j], NULL, SIZE_FAMILY[sz], SIZE_FULL[sz], 1000u + (uint64_t)(j * 10 + sz));
            puts(b.p);
            free(b.p);
            return 0;
        }
        if (!strcmp(a, "--profile") && i + 4 < argc) { /* --profile J S ITER CALL: a loop for valgrind/perf */
            int j = atoi(argv[i + 1]), sz = atoi(argv[i + 2]), call = atoi(argv[i + 4]);
            long iters = atol(argv[i + 3]);
            if (j < 0 || j >= NJUR || sz < 0 || sz >= NSIZES || call < 0 || call > 9)
                die("--profile J S ITER CALL: J 0..%d, S 0..3, CALL 0-2 one call, 3 all three, 4 json-c floor of all "
                    "three, 5 request read only (unknown jurisdiction), 6 json-c parse only, 7-9 json-c floor of "
                    "call 0-2 alone", NJUR - 1);
            hukou_engine *e = NULL;
            if (hukou_engine_new(&e) != HUKOU_OK) die("hukou_engine_new: %s", hukou_last_error());
            sb_t b = {0};
            build_request(&b, &JURISDICTIONS[j], call == 5 || call == 6 ? "bench-no-such-pack" : NULL, SIZE_FAMILY[sz],
                          SIZE_FULL[sz], 1000u + (uint64_t)(j * 10 + sz));
            case_t c = {e, b.p, b.len, call == 5 ? 0 : call, call == 5 ? HUKOU_E_UNKNOWN_JURISDICTION : HUKOU_OK, {0}, 3};
            if (call == 4 || call >= 7) {
                c.call = call == 4 ? 3 : call - 7;
                c.floor_parses = call == 4 ? NCALLS : 1;
                for (int k = 0; k < NCALLS; k++) {
                    char *out = NULL;
                    if (CALLS[k].fn(e, b.p, b.len, &out) != HUKOU_OK) die("%s: %s", CALLS[k].name, hukou_last_error());
                    c.answers[k] = parse_answer(out);
                    hukou_string_free(out);
                }
            }
            for (long n = 0; n < iters; n++) (call == 6 ? run_jsonc_parse : call == 4 || call >= 7 ? run_floor : run_lib)(&c);
            for (int k = 0; k < NCALLS; k++) if (c.answers[k]) json_object_put(c.answers[k]);
            hukou_engine_free(e);
            free(b.p);
            return 0;
        }
        if (!strcmp(a, "--digest") && i + 1 < argc) { /* --digest N: answers and errors of N applicants, hashed */
            long n = atol(argv[i + 1]);
            hukou_engine *e = NULL;
            if (hukou_engine_new(&e) != HUKOU_OK) die("hukou_engine_new: %s", hukou_last_error());
            batch_job_t job = {0};
            job.engine = e;
            for (int j = 0; j < NJUR; j++) job.jur[job.njur++] = j;
            sb_t b = {0};
            for (long k = 0; k < n; k++) {
                batch_request(&b, &job, k);
                /* every 4th: damaged (cut short, or a misspelt field, or a bad value) */
                if (k % 4 == 1) b.p[b.len = (size_t)(k % (long)b.len) + 1] = '\0';
                else if (k % 4 == 2) { char *f = strstr(b.p, "\"months\""); if (f) memcpy(f + 1, "mnths", 5); }
                else if (k % 4 == 3) { char *f = strstr(b.p, "\"2"); if (f) f[1] = 'x'; }
                printf("%ld", k);
                for (int c = 0; c < NCALLS; c++) {
                    char *out = NULL;
                    int rc = CALLS[c].fn(e, b.p, b.len, &out);
                    uint64_t h = 1469598103934665603ull;
                    for (const char *q = rc == HUKOU_OK ? out : hukou_last_error(); *q; q++) h = (h ^ (unsigned char)*q) * 1099511628211ull;
                    printf(" %d:%016llx", rc, (unsigned long long)h);
                    hukou_string_free(out);
                }
                putchar('\n');
            }
            free(b.p);
            hukou_engine_free(e);
            return 0;
        }
        if (!strcmp(a, "--batch") && i + 1 < argc) batch_n = atol(argv[++i]);
        else if (!strcmp(a, "--time") && i + 1 < argc) g_time_ms = atof(argv[++i]);
        else if (!strcmp(a, "--startup-runs") && i + 1 < argc) startup_runs = atoi(argv[++i]);
        else if (!strcmp(a, "--so") && i + 1 < argc) so_path = argv[++i];
        else if (!strcmp(a, "--a") && i + 1 < argc) a_path = argv[++i];
        else if (!strcmp(a, "--hukou") && i + 1 < argc) hukou_cli = argv[++i];
        else if (!strcmp(a, "--outcome-batch") && i + 1 < argc) outcome_n = atol(argv[++i]);
        else if (!strcmp(a, "--quick")) { batch_n = 20000; g_time_ms = 40; startup_runs = 10; outcome_n = 50000; }
        else die("unknown argument %s (see the comment at the top of bench/bench.c)", a);
    }
    if (startup_runs < 1) startup_runs = 1;

    /* The machine and the load it is under: other builds on a 2-core VM shift every figure. */
    char cpu[256] = "unknown", load[128] = "";
    FILE *f = fopen("/proc/cpuinfo", "r");
    if (f) {
        char line[512];
        while (fgets(line, sizeof line, f))
            if (!strncmp(line, "model name", 10)) {
                char *colon = strchr(line, ':');
                if (colon) { snprintf(cpu, sizeof cpu, "%s", colon + 2); cpu[strcspn(cpu, "\n")] = '\0'; }
                break;
            }
        fclose(f);
    }
    f = fopen("/proc/loadavg", "r");
    if (f) { if (!fgets(load, sizeof load, f)) load[0] = '\0'; fclose(f); load[strcspn(load, "\n")] = '\0'; }
    printf("hukou benchmark: libhukou %s, json-c %s, %ld CPUs (%s), load average %s\n", hukou_version(),
           json_c_version(), sysconf(_SC_NPROCESSORS_ONLN), cpu, load);
    printf("time per case %.0f ms (+10%% warm-up), batch %ld applicants, %d cold start-ups\n", g_time_ms, batch_n,
           startup_runs);

    /* 3 and 4 first, in fresh processes: cold start-up and memory per engine. */
    uint64_t *cold = xmalloc((size_t)startup_runs * sizeof *cold);
    long rss_before = 0, rss_first = 0, rss_more = 0;
    int more = 0;
    for (int i = 0; i < startup_runs; i++) {
        FILE *c = spawn("--startup-child");
        unsigned long long ns;
        long b, a1, am;
        int m;
        if (fscanf(c, "%llu %ld %ld %ld %d", &ns, &b, &a1, &am, &m) != 5) die("start-up child failed");
        pclose(c);
        cold[i] = ns;
        if (i == 0 || a1 - b > rss_first - rss_before) { rss_before = b; rss_first = a1; rss_more = am; more = m; }
    }
    qsort(cold, (size_t)startup_runs, sizeof *cold, cmp_u64);
    uint64_t cold_med = cold[startup_runs / 2], cold_p99 = cold[(startup_runs * 99 + 99) / 100 - 1];

    hukou_engine *engine = NULL;
    int rc = hukou_engine_new(&engine);
    if (rc != HUKOU_OK) die("hukou_engine_new: %s: %s", hukou_status_name(rc), hukou_last_error());

    /* Which jurisdictions have a pack. */
    int have[NJUR] = {0}, first_jur = -1;
    char jurs[NJUR + 1] = "";
    int nj = 0;
    sb_t probe = {0};
    printf("\npacks: ");
    for (int j = 0; j < NJUR; j++) {
        build_request(&probe, &JURISDICTIONS[j], NULL, 0, 0, 1);
        char *out = NULL;
        rc = hukou_check_eligibility(engine, probe.p, probe.len, &out);
        hukou_string_free(out);
        if (rc == HUKOU_OK) {
            have[j] = 1;
            jurs[nj++] = (char)('0' + j);
            if (first_jur < 0) first_jur = j;
            printf("%s ", JURISDICTIONS[j].label);
        } else if (rc == HUKOU_E_UNKNOWN_JURISDICTION) {
            printf("[%s: no pack yet, skipped] ", JURISDICTIONS[j].label);
        } else {
            die("%s: %s: %s", JURISDICTIONS[j].label, hukou_status_name(rc), hukou_last_error());
        }
    }
    printf("\n");
    free(probe.p);
    if (first_jur < 0) die("no jurisdiction has a pack");

    decision_summary_t sum;
    bench_decisions(engine, have, &sum);
    double json_ratio = bench_json_layer(engine, first_jur);

    /* 3. Start-up. */
    uint64_t warm_budget = (uint64_t)(g_time_ms * 1e6), t_start = now_ns();
    size_t nwarm = 0, capwarm = 200000;
    uint64_t *warm = xmalloc(capwarm * sizeof *warm);
    while (nwarm < capwarm && (nwarm < 200 || now_ns() - t_start < warm_budget)) {
        hukou_engine *e = NULL;
        uint64_t t0 = now_ns();
        if (hukou_engine_new(&e) != HUKOU_OK) die("hukou_engine_new");
        hukou_engine_free(e);
        warm[nwarm++] = now_ns() - t0;
    }
    qsort(warm, nwarm, sizeof *warm, cmp_u64);
    double cold_med_ms = cold_med / 1e6, cold_p99_ms = cold_p99 / 1e6;
    printf("\n== 3. Engine start-up with all embedded packs (hukou_engine_new)\n");
    printf("cold (first engine in a fresh process, %d processes): median %.3f ms, p99 %.3f ms   target (median) <= %.0f ms: %s\n",
           startup_runs, cold_med_ms, cold_p99_ms, TARGET_START_MS, verdict(cold_med_ms <= TARGET_START_MS));
    printf("warm (engine_new + engine_free, packs already parsed in this process): median %.2f us, p99 %.2f us\n",
           warm[nwarm / 2] / 1e3, warm[(nwarm * 99 + 99) / 100 - 1] / 1e3);

    /* 4. Memory. */
    double first_mb = (rss_first - rss_before) / 1048576.0;
    double per_more_kb = more ? (rss_more - rss_first) / 1024.0 / more : 0;
    printf("\n== 4. Memory per engine (RSS from /proc/self/statm, fresh process)\n");
    printf("RSS before %.1f MB, after the first engine %.1f MB: +%.2f MB (includes library pages touched and the\n"
           "one-time parse of the embedded packs)   target <= %.0f MB: %s\n",
           rss_before / 1048576.0, rss_first / 1048576.0, first_mb, TARGET_ENGINE_MB,
           verdict(first_mb <= TARGET_ENGINE_MB));
    printf("each further engine held at the same time (%d held): +%.1f KB\n", more, per_more_kb);

    /* 5. Batch. */
    batch_result_t b1 = {0}, b2 = {0}, s1 = {0}, s2 = {0};
    double gen_us = 0;
    if (batch_n > 0) {
        /* The cost of generating the synthetic requests, included in the batch figures. */
        batch_job_t gen = {0};
        gen.njur = nj;
        for (int j = 0; j < nj; j++) gen.jur[j] = jurs[j] - '0';
        sb_t g = {0};
        long gn = batch_n < 50000 ? batch_n : 50000;
        uint64_t t0 = now_ns();
        for (long i = 0; i < gn; i++) { batch_request(&g, &gen, i); g_sink += g.len; }
        gen_us = (now_ns() - t0) / 1e3 / gn;
        free(g.p);

        long small_n = batch_n / 10 > 0 ? batch_n / 10 : 1;
        printf("\n== 5. Batch: varied synthetic applicants (all three decisions each; 30%% applicant only, 50%%\n"
               "   with spouse + child, 20%% with 1-8 members; 10%% with every field), one engine shared by the threads,\n"
               "   each run in a fresh process; request generation (%.2f us/applicant) included\n\n", gen_us);
        printf("%10s %8s %10s %14s %12s %12s\n", "applicants", "threads", "seconds", "applicants/s", "us/applicant",
               "peak RSS MB");
        batch_result_t *slots[4] = {&s1, &s2, &b1, &b2};
        long ns[4] = {small_n, small_n, batch_n, batch_n};
        int ts[4] = {1, 2, 1, 2};
        for (int k = 0; k < 4; k++) {
            *slots[k] = run_batch(ns[k], ts[k], jurs);
            printf("%10ld %8d %10.2f %14.0f %12.2f %12.1f%s\n", ns[k], ts[k], slots[k]->seconds, slots[k]->per_s,
                   1e6 / slots[k]->per_s * ts[k], slots[k]->maxrss_kb / 1024.0,
                   slots[k]->errors ? "  (errors!)" : "");
            fflush(stdout);
        }
        double lin1 = (b1.seconds / batch_n) / (s1.seconds / small_n);
        double lin2 = (b2.seconds / batch_n) / (s2.seconds / small_n);
        double mem = (double)b2.maxrss_kb / (double)s2.maxrss_kb;
        printf("\ntime per applicant, N vs N/10: %.2fx (1 thread), %.2fx (2 threads)   linear (<= 1.25x): %s\n", lin1,
               lin2, verdict(lin1 <= 1.25 && lin2 <= 1.25));
        printf("peak RSS, N vs N/10 (2 threads): %.1f MB vs %.1f MB (%.2fx)   flat (<= 1.10x): %s\n",
               b2.maxrss_kb / 1024.0, s2.maxrss_kb / 1024.0, mem, verdict(mem <= 1.10));
        printf("2-thread speed-up over 1 thread: %.2fx\n", b2.per_s / b1.per_s);
        if (sum.typical_n > 0) {
            double floor_us = sum.typical_floor_us / sum.typical_n, lib_us = sum.typical_lib_us / sum.typical_n;
            printf("for scale (section 1, typical request, all three calls, mean over jurisdictions): library %.1f us,\n"
                   "json-c floor %.1f us: the floor alone allows at most %.0f applicants/s on 2 cores\n",
                   lib_us, floor_us, 2e6 / floor_us);
        }
    }

    /* 7. A 3 000-indicator points pack. */
    big_pack_result_t big = bench_big_pack();
    printf("\n== 7. A points pack of %d indicators (all on education.level: every what-if change touches every one)\n",
           BIG_PACK_INDICATORS);
    if (big.status != HUKOU_OK) {
        printf("hukou_engine_load_pack: %s: %s\n   target < %.0f ms per call: MISS (not answered)\n",
               hukou_status_name(big.status), big.error, TARGET_BIG_PACK_MS);
    } else {
        for (int k = 0; k < 2; k++)
            printf("points, applicant with %s: median %.3f ms, p99 %.3f ms, answer %zu B\n",
                   k ? "no facts" : "education.level only", big.median_ms[k], big.p99_ms[k], big.answer_bytes[k]);
    }
    double big_ms = big.status == HUKOU_OK ? (big.median_ms[0] > big.median_ms[1] ? big.median_ms[0] : big.median_ms[1]) : -1;

    /* 8. hukou batch, outcome mode. */
    outcome_batch_t ob[2] = {{0}, {0}};
    int have_ob = 0;
    if (hukou_cli && outcome_n > 0) {
        printf("\n== 8. hukou batch FILE --summary-only --detail outcome --threads 2 (%s), generated applicants\n"
               "   as in section 5 (all three calls each; file written before timing; process start included)\n\n",
               hukou_cli);
        printf("%10s %10s %14s %12s %7s\n", "applicants", "seconds", "applicants/s", "peak RSS MB", "exit");
        long ons[2] = {outcome_n / 10 > 0 ? outcome_n / 10 : 1, outcome_n};
        for (int k = 0; k < 2; k++) {
            ob[k] = run_outcome_batch(hukou_cli, ons[k], jurs);
            printf("%10ld %10.2f %14.0f %12.1f %7d\n", ob[k].n, ob[k].seconds, ob[k].per_s, ob[k].maxrss_kb / 1024.0,
                   ob[k].status);
            fflush(stdout);
        }
        have_ob = ob[0].status == 0 && ob[1].status == 0;
    } else {
        printf("\n== 8. hukou batch outcome mode: not measured (pass --hukou PATH, e.g. build/bin/hukou)\n");
    }

    /* 6. Sizes. */
    double so_raw = 0, a_raw = 0;
    double so_mb = stripped_mb(so_path, "--strip-unneeded", &so_raw);
    double a_mb = stripped_mb(a_path, "--strip-debug", &a_raw);
    printf("\n== 6. Library size\n");
    if (so_mb >= 0)
        printf("libhukou.so: %.2f MB, stripped (strip --strip-unneeded) %.2f MB   target <= %.0f MB: %s\n", so_raw,
               so_mb, TARGET_SO_MB, verdict(so_mb <= TARGET_SO_MB));
    else
        printf("libhukou.so: not measured (pass --so PATH)\n");
    if (a_mb >= 0)
        printf("libhukou.a:  %.2f MB, stripped of debug info (strip --strip-debug; a stripped-all archive cannot be "
               "linked) %.2f MB\n", a_raw, a_mb);
    else
        printf("libhukou.a:  not measured (pass --a PATH)\n");

    /* Summary. */
    printf("\n== Targets (issue 15; load average %s)\n", load);
    printf("%-58s %-44s %s\n", "target", "measured", "");
    char m[128];
    snprintf(m, sizeof m, "worst %.2fx (%s)", sum.worst_call_ratio, sum.worst_call_label);
    printf("%-58s %-44s %s\n", "(a) every call, every size incl. sparse <= 1.5x floor", m, verdict(sum.worst_floor_ok));
    snprintf(m, sizeof m, "worst %.1fx (%s)", sum.worst_p99_ratio, sum.worst_p99_label);
    printf("%-58s %-44s %s%s\n", "(b) p99 <= 5x median (every call and size)", m, verdict(sum.worst_p99_ok),
           sum.worst_p99_ok ? "" : (sum.preempted_cases ? " (misses with csw > 0: machine load?)" : ""));
    printf("%-58s %-44s %s\n", "(c) outcome-only <= datalogic-py per call", "bench/jsonlogic_bench.py (below)", "");
    if (big_ms >= 0) snprintf(m, sizeof m, "%.2f ms per call (worst of 2 requests)", big_ms);
    else snprintf(m, sizeof m, "refused at load: %s", hukou_status_name(big.status));
    printf("%-58s %-44s %s\n", "(d) 3 000-indicator points pack < 10 ms per call", m,
           verdict(big_ms >= 0 && big_ms < TARGET_BIG_PACK_MS));
    if (have_ob) {
        double mem = (double)ob[1].maxrss_kb / (double)ob[0].maxrss_kb;
        snprintf(m, sizeof m, "%.0f/s (%ld applicants)", ob[1].per_s, ob[1].n);
        printf("%-58s %-44s %s\n", "(e) hukou batch outcome >= 100 000 applicants/s, 2 cores", m,
               verdict(ob[1].per_s >= TARGET_OUTCOME_BATCH_S));
        snprintf(m, sizeof m, "%.1f MB at %ld vs %.1f MB at %ld (%.2fx)", ob[1].maxrss_kb / 1024.0, ob[1].n,
                 ob[0].maxrss_kb / 1024.0, ob[0].n, mem);
        printf("%-58s %-44s %s\n", "(e) hukou batch outcome peak RSS flat (N vs N/10 <= 1.10x)", m, verdict(mem <= 1.10));
    } else {
        printf("%-58s %-44s %s\n", "(e) hukou batch outcome >= 100 000 applicants/s, 2 cores",
               hukou_cli ? "hukou batch failed (see section 8)" : "not measured (--hukou PATH)", hukou_cli ? "MISS" : "");
    }
    printf("\n== Targets (issue 7)\n");
    snprintf(m, sizeof m, "worst %.2fx (%s)", sum.worst_all_ratio, sum.worst_all_label);
    printf("%-58s %-44s %s\n", "full decision (all three calls) <= 3x json-c floor", m, verdict(sum.worst_all_ratio <= 3.0));
    snprintf(m, sizeof m, "median %.2f, p99 %.2f ms", cold_med_ms, cold_p99_ms);
    printf("%-58s %-44s %s\n", "engine start (cold, all embedded packs, median) <= 5 ms", m, verdict(cold_med_ms <= TARGET_START_MS));
    snprintf(m, sizeof m, "+%.2f MB (first engine)", first_mb);
    printf("%-58s %-44s %s\n", "memory added per engine <= 15 MB", m, verdict(first_mb <= TARGET_ENGINE_MB));
    if (batch_n > 0) {
        snprintf(m, sizeof m, "%.0f/s", b2.per_s);
        printf("%-58s %-44s %s\n", "batch >= 200 000 applicants/s on 2 threads", m, verdict(b2.per_s >= TARGET_APPLICANTS_S));
        snprintf(m, sizeof m, "%.0f MB peak", b2.maxrss_kb / 1024.0);
        printf("%-58s %-44s %s\n", "batch peak RSS (N applicants, 2 threads), flat in N", m,
               verdict((double)b2.maxrss_kb / (double)s2.maxrss_kb <= 1.10));
    }
    if (so_mb >= 0) {
        snprintf(m, sizeof m, "%.2f MB", so_mb);
        printf("%-58s %-44s %s\n", "stripped libhukou.so <= 12 MB", m, verdict(so_mb <= TARGET_SO_MB));
    }
    snprintf(m, sizeof m, "%.2fx json-c parse (worst size)", json_ratio);
    printf("%-58s %-44s %s\n", "(info) library request read vs json-c parse", m, "");

    hukou_engine_free(engine);
    free(cold);
    free(warm);
    return 0;
}
