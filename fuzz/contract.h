/* SPDX-License-Identifier: Apache-2.0 */
/*
 * contract.h: what every fuzz target does when the C contract of hukou.h is broken: name
 * the call and the broken promise, the status and the last error, and abort so that
 * libFuzzer keeps the input. Also the one engine each target fuzzes, made in
 * LLVMFuzzerInitialize with every embedded pack already parsed (warmup.h).
 */
#ifndef HUKOU_FUZZ_CONTRACT_H
#define HUKOU_FUZZ_CONTRACT_H

#include <stdio.h>
#include <stdlib.h>

#include "hukou.h"
#include "warmup.h"

static void fuzz_violation(const char *call, const char *what, int rc) {
    fprintf(stderr, "%s: contract violation: %s (status %s, last error \"%s\")\n", call, what,
            hukou_status_name(rc), hukou_last_error());
    abort();
}

#endif
