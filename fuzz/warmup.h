/* SPDX-License-Identifier: Apache-2.0 */
/*
 * warmup.h: parse every embedded pack before fuzzing starts.
 *
 * The library parses each embedded pack on its first use and keeps it for the process
 * (EmbeddedPack.pack()). Done inside a fuzz input, that one-time allocation looks like a
 * leak to libFuzzer's per-input leak check; done here, in LLVMFuzzerInitialize, it is
 * part of start-up. The pack ids come from the library itself (the "known:" list of an
 * unknown-jurisdiction error); each is asked on many dates so that every version of it
 * is parsed.
 */
#ifndef HUKOU_FUZZ_WARMUP_H
#define HUKOU_FUZZ_WARMUP_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hukou.h"

static void warm_up_embedded_packs(const hukou_engine *e) {
    static const char probe[] = "{\"jurisdiction\":\"?\",\"as_of\":\"2026-01-01\",\"locale\":\"en\",\"applicant\":{}}";
    char *answer = NULL;
    if (hukou_check_eligibility(e, probe, sizeof probe - 1, &answer) != HUKOU_E_UNKNOWN_JURISDICTION) {
        hukou_string_free(answer);
        return;
    }
    char known[4096];
    const char *list = strstr(hukou_last_error(), "known: ");
    if (list == NULL) return;
    snprintf(known, sizeof known, "%s", list + strlen("known: "));
    for (char *id = strtok(known, ", "); id != NULL; id = strtok(NULL, ", ")) {
        /* monthly where rules change (2014-2030), yearly before, every 20 years after */
        for (int year = 1990; year <= 2200; year += (year < 2031 ? 1 : 20)) {
            int monthly = year >= 2014 && year <= 2030;
            for (int month = 1; month <= 12; month += (monthly ? 1 : 12)) {
                char request[256];
                int n = snprintf(request, sizeof request,
                                 "{\"jurisdiction\":\"%s\",\"as_of\":\"%04d-%02d-01\",\"applicant\":{}}", id, year, month);
                if (n <= 0 || (size_t)n >= sizeof request) continue;
                answer = NULL;
                hukou_check_eligibility(e, request, (size_t)n, &answer);
                hukou_string_free(answer);
            }
        }
    }
}

/* An engine on the embedded packs, every pack already parsed (LLVMFuzzerInitialize). */
static inline hukou_engine *fuzz_engine_new(void) {
    hukou_engine *e = NULL;
    if (hukou_engine_new(&e) != HUKOU_OK) {
        fprintf(stderr, "hukou_engine_new: %s\n", hukou_last_error());
        abort();
    }
    warm_up_embedded_packs(e);
    return e;
}

#endif
