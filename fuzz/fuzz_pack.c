/* SPDX-License-Identifier: Apache-2.0 */
/*
 * libFuzzer target for hukou_engine_load_pack.
 *
 * Built twice (fuzz/Makefile): `pack` on an engine from hukou_engine_new, and
 * `pack-trusted` (FUZZ_TRUSTED) on one from hukou_engine_new_trusted, which must check
 * every pack's Ed25519 signature first (the verifier is fuzzed with the signature,
 * public key and canonical bytes the mutations produce; SIGNATURE is then an expected
 * status).
 *
 * Each input is a policy pack, loaded into a fresh engine (hukou_engine_new: the
 * embedded packs). The target aborts (a libFuzzer crash) when the call breaks the
 * contract of hukou.h: a status other than OK, PARSE, PACK, LIMIT, ROLLBACK (SIGNATURE
 * for pack-trusted; MISUSE only for len 0), or an error message that is empty / present
 * after success.
 *
 * A pack that loads is then exercised: the three decision calls run a fixed, fact-rich
 * request for the pack's own id (the first "id" member of the input, found by a crude
 * scan) and for anyang (the fuzzer mostly mutates copies of the Policies packs, which
 * replace the embedded version with the same id and date). Every answer must be OK or
 * a request-level error, never INTERNAL, and must be freed.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hukou.h"
#include "contract.h"

#define violation fuzz_violation

/* A request with most facts given, for a jurisdiction id and an as-of date. */
static const char request_format[] =
    "{\"jurisdiction\":\"%s\",\"as_of\":\"%s\",\"locale\":\"%s\","
    "\"applicant\":{\"birth_date\":\"1990-02-08\",\"married\":true,\"status\":\"residence_permit\","
    "\"hukou\":{\"local\":false,\"former_type\":\"rural\"},"
    "\"residence_permit\":{\"held\":true,\"issued\":\"2021-05-10\"},"
    "\"residence\":{\"since\":\"2020-07-01\",\"area_type\":\"urban_district\"},"
    "\"housing\":{\"type\":\"rental\",\"since\":\"2022-01-15\",\"owns_home_in_city\":false},"
    "\"employment\":{\"type\":\"employee\",\"since\":\"2020-07-01\",\"labor_contract\":true,\"in_city\":true},"
    "\"social_insurance\":{\"months\":30,\"paying\":true,\"continuous\":true},"
    "\"education\":{\"level\":\"bachelor\"},\"skill\":{\"level\":\"senior_worker\",\"title\":\"junior\"},"
    "\"housing_fund\":{\"depositing\":true,\"consecutive_full_months\":6},"
    "\"points_record\":{\"occupation_shortage\":\"short\",\"award\":\"none\",\"violations\":1}},"
    "\"family\":[{\"relation\":\"spouse\",\"birth_date\":\"1991-09-21\",\"lives_with_applicant\":true},"
    "{\"relation\":\"child\",\"birth_date\":\"2016-03-02\",\"lives_with_applicant\":true,"
    "\"school\":{\"stage\":\"primary\",\"in_city\":true}},"
    "{\"relation\":\"parent\",\"birth_date\":\"1960-01-01\"}]}";

typedef int (*decision_call)(const hukou_engine *, const char *, size_t, char **);

static void decide(const hukou_engine *e, const char *id, const char *as_of, const char *locale) {
    static const struct { const char *name; decision_call call; } calls[] = {
        {"hukou_check_eligibility", hukou_check_eligibility},
        {"hukou_score_points", hukou_score_points},
        {"hukou_lookup_entitlements", hukou_lookup_entitlements},
    };
    char request[sizeof request_format + 160];
    int n = snprintf(request, sizeof request, request_format, id, as_of, locale);
    if (n < 0 || (size_t)n >= sizeof request) return;
    for (size_t i = 0; i < sizeof calls / sizeof calls[0]; i++) {
        char *answer = NULL;
        int rc = calls[i].call(e, request, (size_t)n, &answer);
        if (getenv("HUKOU_FUZZ_VERBOSE"))
            fprintf(stderr, "  %s %s %s: %s %s\n", calls[i].name, id, as_of, hukou_status_name(rc), rc ? hukou_last_error() : answer);
        if (rc == HUKOU_OK) {
            if (answer == NULL || answer[0] != '{') violation(calls[i].name, "HUKOU_OK without a JSON object", rc);
            hukou_string_free(answer);
        } else if (rc == HUKOU_E_INVALID || rc == HUKOU_E_UNKNOWN_JURISDICTION) {
            if (answer != NULL) violation(calls[i].name, "failure but *out_json is not NULL", rc);
        } else {
            violation(calls[i].name, "unexpected status for a well-formed request", rc);
        }
    }
}

/* The string value of the first "id" member, if it is a plain id (crude, on purpose). */
static int first_id(const uint8_t *data, size_t size, char *id, size_t capacity) {
    static const char key[] = "\"id\"";
    for (size_t i = 0; i + sizeof key - 1 < size; i++) {
        if (memcmp(data + i, key, sizeof key - 1) != 0) continue;
        size_t j = i + sizeof key - 1;
        while (j < size && (data[j] == ' ' || data[j] == ':' || data[j] == '\n' || data[j] == '\t' || data[j] == '\r')) j++;
        if (j >= size || data[j] != '"') return 0;
        j++;
        size_t k = 0;
        while (j < size && data[j] != '"' && k + 1 < capacity) {
            char c = (char)data[j++];
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '/' || c == '-')) return 0;
            id[k++] = c;
        }
        id[k] = '\0';
        return k > 0;
    }
    return 0;
}

#ifdef FUZZ_TRUSTED
/* RFC 8032 section 7.1, test 1: the public key of a published secret key. The seeds in
 * fuzz/seeds/pack-trusted/ are signed with that secret (hukou sign). */
static const unsigned char trusted_key[32] = {
    0xd7, 0x5a, 0x98, 0x01, 0x82, 0xb1, 0x0a, 0xb7, 0xd5, 0x4b, 0xfe, 0xd3, 0xc9, 0x64, 0x07, 0x3a,
    0x0e, 0xe1, 0x72, 0xf3, 0xda, 0xa6, 0x23, 0x25, 0xaf, 0x02, 0x1a, 0x68, 0xf7, 0x07, 0x51, 0x1a,
};
#endif

static hukou_engine *new_engine(void) {
    hukou_engine *e = NULL;
#ifdef FUZZ_TRUSTED
    int rc = hukou_engine_new_trusted(trusted_key, 1, &e);
#else
    int rc = hukou_engine_new(&e);
#endif
    if (rc != HUKOU_OK || e == NULL) violation("hukou_engine_new", "cannot create an engine", rc);
    return e;
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc;
    (void)argv;
    hukou_engine *e = new_engine();
    warm_up_embedded_packs(e);
    hukou_engine_free(e);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    hukou_engine *e = new_engine();
    int rc = hukou_engine_load_pack(e, (const char *)data, size);
    const char *error = hukou_last_error();
    if (getenv("HUKOU_FUZZ_VERBOSE")) fprintf(stderr, "load_pack: %s %s\n", hukou_status_name(rc), error);
    switch (rc) {
    case HUKOU_OK:
        if (error[0] != '\0') violation("hukou_engine_load_pack", "HUKOU_OK but hukou_last_error() is not empty", rc);
        char id[72];
        if (first_id(data, size, id, sizeof id)) {
            decide(e, id, "2026-11-25", "zh-CN");
            decide(e, id, "2019-06-30", "en");
        }
        decide(e, "anyang", "2026-11-25", "en");
        break;
    case HUKOU_E_MISUSE:
        if (size != 0) violation("hukou_engine_load_pack", "HUKOU_E_MISUSE for a non-empty pack", rc);
        /* fall through */
    case HUKOU_E_PARSE:
    case HUKOU_E_PACK:
    case HUKOU_E_LIMIT:
    case HUKOU_E_ROLLBACK:  /* a "serial" below the embedded version's */
#ifdef FUZZ_TRUSTED
    case HUKOU_E_SIGNATURE: /* unsigned, another key, or altered */
#endif
        if (error[0] == '\0') violation("hukou_engine_load_pack", "failure with an empty hukou_last_error()", rc);
        break;
    default:
        violation("hukou_engine_load_pack", "unexpected status", rc);
    }
    hukou_engine_free(e);
    return 0;
}
