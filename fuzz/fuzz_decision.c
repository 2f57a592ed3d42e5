/* SPDX-License-Identifier: Apache-2.0 */
/*
 * libFuzzer target for the three decision calls of hukou.h.
 *
 * Built three times (fuzz/Makefile), with FUZZ_CALL set to hukou_check_eligibility,
 * hukou_score_points or hukou_lookup_entitlements. Each input is a request: the bytes
 * exactly as libFuzzer gives them, (pointer, length), not NUL-terminated.
 *
 * Besides ASan/LSan, the target aborts (so libFuzzer records a crash) when the call
 * breaks the contract of hukou.h:
 *   - a status other than OK, PARSE, INVALID, UNKNOWN_JURISDICTION, LIMIT (MISUSE only
 *     for len 0; INTERNAL is a library defect by definition);
 *   - OK without an answer, or failure with an answer left in *out_json;
 *   - hukou_last_error() empty after a failure, or not empty after success;
 *   - an answer that is not a JSON object, or that differs from a second call with
 *     the same bytes (determinism).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hukou.h"
#include "contract.h"

#ifndef FUZZ_CALL
#error "define FUZZ_CALL to one of the three decision calls"
#endif

#define STR2(x) #x
#define STR(x) STR2(x)

static hukou_engine *engine;

static void violation(const char *what, int rc) { fuzz_violation(STR(FUZZ_CALL), what, rc); }

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc;
    (void)argv;
    engine = fuzz_engine_new();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    char *answer = (char *)data; /* any non-NULL value: the call must overwrite it */
    int rc = FUZZ_CALL(engine, (const char *)data, size, &answer);
    const char *error = hukou_last_error();
    if (error == NULL) violation("hukou_last_error() returned NULL", rc);
    if (getenv("HUKOU_FUZZ_VERBOSE")) fprintf(stderr, "%s: %s %s\n", STR(FUZZ_CALL), hukou_status_name(rc), rc ? error : answer);
    switch (rc) {
    case HUKOU_OK:
        if (answer == NULL) violation("HUKOU_OK without an answer", rc);
        if (error[0] != '\0') violation("HUKOU_OK but hukou_last_error() is not empty", rc);
        if (answer[0] != '{' || answer[strlen(answer) - 1] != '}') violation("answer is not a JSON object", rc);
        break;
    case HUKOU_E_MISUSE:
        if (size != 0) violation("HUKOU_E_MISUSE for a non-empty request", rc);
        /* fall through */
    case HUKOU_E_PARSE:
    case HUKOU_E_INVALID:
    case HUKOU_E_UNKNOWN_JURISDICTION:
    case HUKOU_E_LIMIT:
        if (answer != NULL) violation("failure but *out_json is not NULL", rc);
        if (error[0] == '\0') violation("failure with an empty hukou_last_error()", rc);
        return 0;
    default:
        violation("unexpected status", rc);
    }

    /* Determinism: the same bytes give byte-identical answers. */
    char *again = NULL;
    int rc2 = FUZZ_CALL(engine, (const char *)data, size, &again);
    if (rc2 != HUKOU_OK || again == NULL || strcmp(answer, again) != 0) violation("second call differs from the first", rc2);
    hukou_string_free(again);
    hukou_string_free(answer);
    return 0;
}
