/* SPDX-License-Identifier: Apache-2.0 */
/*
 * libFuzzer target for hukou_render (and, through it, the library's renderer).
 *
 * Each input is used twice:
 *   1. as an answer, exactly as libFuzzer gives it, rendered in every format;
 *   2. as a request: when one of the three decision calls answers it, that answer (with
 *      whatever hostile strings the request carried into it) is rendered in every format.
 *
 * Besides ASan/LSan, the target aborts when a call breaks the contract of hukou.h:
 *   - a status other than OK, PARSE, INVALID, LIMIT (MISUSE only for len 0);
 *   - OK without a rendering, or failure with one left in *out;
 *   - a receipt line wider than its columns (non-ASCII characters count two);
 *   - an HTML page that contains "<script" (everything from the answer is escaped);
 *   - a rendering that differs from a second call with the same bytes.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../examples/columns.h"
#include "contract.h"
#include "hukou.h"

static hukou_engine *engine;

static void violation(const char *what, int format, int rc) {
    char call[40];
    snprintf(call, sizeof call, "hukou_render (format %d)", format);
    fuzz_violation(call, what, rc);
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc;
    (void)argv;
    engine = fuzz_engine_new();
    return 0;
}

static void render_all(const char *answer, size_t len, int must_render) {
    static const int formats[] = {HUKOU_RENDER_TEXT, HUKOU_RENDER_HTML, HUKOU_RENDER_RECEIPT_32, HUKOU_RENDER_RECEIPT_48};
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++) {
        int format = formats[i];
        char *out = (char *)answer; /* any non-NULL value: the call must overwrite it */
        int rc = hukou_render(engine, answer, len, format, &out);
        const char *error = hukou_last_error();
        switch (rc) {
        case HUKOU_OK:
            if (out == NULL || out[0] == '\0') violation("HUKOU_OK without a rendering", format, rc);
            if (error[0] != '\0') violation("HUKOU_OK but hukou_last_error() is not empty", format, rc);
            break;
        case HUKOU_E_MISUSE:
            if (len != 0) violation("HUKOU_E_MISUSE for a non-empty answer", format, rc);
            /* fall through */
        case HUKOU_E_PARSE:
        case HUKOU_E_INVALID:
        case HUKOU_E_LIMIT:
            if (must_render) violation("the library's own answer does not render", format, rc);
            if (out != NULL) violation("failure but *out is not NULL", format, rc);
            if (error[0] == '\0') violation("failure with an empty hukou_last_error()", format, rc);
            continue;
        default:
            violation("unexpected status", format, rc);
        }
        if (format >= HUKOU_RENDER_RECEIPT_32 && widest_line(out) > format) violation("receipt line wider than the paper", format, rc);
        if (format == HUKOU_RENDER_HTML && strstr(out, "<script")) violation("HTML page contains a script", format, rc);
        char *again = NULL;
        int rc2 = hukou_render(engine, answer, len, format, &again);
        if (rc2 != HUKOU_OK || again == NULL || strcmp(out, again) != 0) violation("second call differs from the first", format, rc2);
        hukou_string_free(again);
        hukou_string_free(out);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    render_all((const char *)data, size, 0);
    typedef int (*decision_fn)(const hukou_engine *, const char *, size_t, char **);
    static const decision_fn calls[] = {hukou_check_eligibility, hukou_score_points, hukou_lookup_entitlements};
    for (size_t c = 0; c < 3; c++) {
        char *answer = NULL;
        if (calls[c](engine, (const char *)data, size, &answer) == HUKOU_OK && answer) {
            render_all(answer, strlen(answer), 1);
            hukou_string_free(answer);
        }
    }
    return 0;
}
