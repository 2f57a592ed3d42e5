/* SPDX-License-Identifier: Apache-2.0 */
/*
 * fuzz_structured.c: a structure-aware request generator for the three decision calls.
 *
 * libFuzzer's byte mutations mostly break the JSON; this target's custom mutator keeps
 * requests well formed and changes them field by field, starting from the valid
 * requests of examples/requests and fuzz/seeds/requests:
 *   - a value becomes a hostile one: huge, negative, fractional, underflowing or
 *     overflowing numbers, a wrong type (string, array, object, boolean, null), an
 *     impossible date, a long string, 70 levels of nesting;
 *   - a member name becomes a personal-looking one (an ID number, a name, a phone);
 *   - an object gains an unknown member whose name and value are personal data.
 * (One input in four gets libFuzzer's own mutation instead, so byte-level damage is
 * still tried.)
 *
 * Every input is sent to all three calls. Besides the contract checks of
 * fuzz_decision.c, each failure's hukou_last_error() must contain none of the personal
 * markers the mutator plants (the no-echo rule of hukou.h, "Status": no byte of a
 * request's names or values in a message unless it is the schema's own vocabulary).
 * A violation aborts, so libFuzzer keeps the input (fuzz/artifacts/structured/).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hukou.h"
#include "contract.h"

size_t LLVMFuzzerMutate(uint8_t *data, size_t size, size_t max_size);

/* Personal data the mutator plants; none may appear in an error message. */
static const char *const MARKERS[] = {
    "E12345678", "wang_fang_110101199003077777", "110101199003077777", "\xe7\x8e\x8b\xe8\x8a\xb3" /* 王芳 */,
    "13912345678", "Wang Fang", "zhang.wei@example.com",
};
#define NMARKERS (sizeof MARKERS / sizeof MARKERS[0])

static hukou_engine *engine;

typedef int (*decision_fn)(const hukou_engine *, const char *, size_t, char **);
static const struct {
    const char *name;
    decision_fn fn;
} CALLS[] = {
    {"hukou_check_eligibility", hukou_check_eligibility},
    {"hukou_score_points", hukou_score_points},
    {"hukou_lookup_entitlements", hukou_lookup_entitlements},
};

#define violation fuzz_violation

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc;
    (void)argv;
    engine = fuzz_engine_new();
    return 0;
}

/* ---------------------------------------------------------------- the generator */

static uint32_t next_random(uint32_t *state) {
    *state ^= *state << 13;
    *state ^= *state >> 17;
    *state ^= *state << 5;
    return *state;
}

/* A place in the request text that can be changed. */
enum slot_kind { SLOT_KEY, SLOT_VALUE, SLOT_OBJECT };
struct slot {
    enum slot_kind kind;
    size_t start, end; /* [start, end) of the token; for SLOT_OBJECT, just after '{' */
};

#define MAX_SLOTS 4096

static size_t skip_string(const uint8_t *d, size_t n, size_t i) {
    /* i at the opening quote; returns the index after the closing quote (or n). */
    for (i++; i < n; i++) {
        if (d[i] == '\\') i++;
        else if (d[i] == '"') return i + 1;
    }
    return n;
}

static size_t find_slots(const uint8_t *d, size_t n, struct slot *slots) {
    size_t count = 0;
    for (size_t i = 0; i < n && count < MAX_SLOTS;) {
        uint8_t c = d[i];
        if (c == '"') {
            size_t end = skip_string(d, n, i);
            size_t j = end;
            while (j < n && (d[j] == ' ' || d[j] == '\n' || d[j] == '\r' || d[j] == '\t')) j++;
            slots[count++] = (struct slot){j < n && d[j] == ':' ? SLOT_KEY : SLOT_VALUE, i, end};
            i = end;
        } else if (c == '-' || (c >= '0' && c <= '9') || c == 't' || c == 'f' || c == 'n') {
            size_t end = i;
            while (end < n && !strchr(",}] \n\r\t", d[end])) end++;
            slots[count++] = (struct slot){SLOT_VALUE, i, end};
            i = end;
        } else if (c == '{') {
            slots[count++] = (struct slot){SLOT_OBJECT, i + 1, i + 1};
            i++;
        } else {
            i++;
        }
    }
    return count;
}

/* Writes a hostile value for slot kind SLOT_VALUE into out; returns its length. */
static size_t hostile_value(char *out, size_t cap, uint32_t *rng) {
    static const char *const fixed[] = {
        "1e400", "-1e400", "1e-400", "-1", "-0", "8.5", "0.1", "1e15", "9223372036854775808", "-9223372036854775809",
        "100000", "1201", "123456789012345678901234567890", "true", "false", "null", "[]", "{}", "\"\"", "\"8\"",
        "\"1990-02-30\"", "\"2017-2-3\"", "\"99999-01-01\"", "\"\\u0000\"", "\"\\ud800\"", "[1,2,3]",
    };
    uint32_t pick = next_random(rng) % 8;
    if (pick < 4) return (size_t)snprintf(out, cap, "%s", fixed[next_random(rng) % (sizeof fixed / sizeof fixed[0])]);
    const char *marker = MARKERS[next_random(rng) % NMARKERS];
    switch (pick) {
    case 4: /* a personal value of the wrong type or outside a vocabulary */
        return (size_t)snprintf(out, cap, "\"%s\"", marker);
    case 5: { /* a long string made of a marker */
        size_t len = 0, want = 256 + next_random(rng) % 8192;
        if (cap < 4) return 0;
        out[len++] = '"';
        while (len + strlen(marker) + 2 < cap && len < want) {
            memcpy(out + len, marker, strlen(marker));
            len += strlen(marker);
        }
        out[len++] = '"';
        return len;
    }
    case 6: { /* deep nesting, beyond HUKOU_MAX_DEPTH or just inside it */
        size_t depth = 60 + next_random(rng) % 12, len = 0;
        if (cap < depth * 2 + 1) return 0;
        for (size_t k = 0; k < depth; k++) out[len++] = '[';
        for (size_t k = 0; k < depth; k++) out[len++] = ']';
        return len;
    }
    default: /* an object or array carrying personal data */
        return (size_t)snprintf(out, cap, next_random(rng) % 2 ? "{\"%s\":1}" : "[\"%s\"]", marker);
    }
}

size_t LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t max_size, unsigned int seed) {
    uint32_t rng = seed | 1;
    if (next_random(&rng) % 4 == 0) return LLVMFuzzerMutate(data, size, max_size);
    static struct slot slots[MAX_SLOTS];
    size_t count = find_slots(data, size, slots);
    if (count == 0) return LLVMFuzzerMutate(data, size, max_size);
    struct slot s = slots[next_random(&rng) % count];
    static char insert[16384];
    size_t len = 0;
    switch (s.kind) {
    case SLOT_KEY:
        len = (size_t)snprintf(insert, sizeof insert, "\"%s\"", MARKERS[next_random(&rng) % NMARKERS]);
        break;
    case SLOT_VALUE:
        len = hostile_value(insert, sizeof insert, &rng);
        break;
    case SLOT_OBJECT: {
        size_t j = s.start;
        while (j < size && (data[j] == ' ' || data[j] == '\n' || data[j] == '\r' || data[j] == '\t')) j++;
        int empty = j < size && data[j] == '}';
        const char *name = MARKERS[next_random(&rng) % NMARKERS];
        char value[8192];
        size_t vlen = next_random(&rng) % 2 ? hostile_value(value, sizeof value, &rng)
                                            : (size_t)snprintf(value, sizeof value, "\"%s\"", MARKERS[next_random(&rng) % NMARKERS]);
        len = (size_t)snprintf(insert, sizeof insert, "\"%s\":%.*s%s", name, (int)vlen, value, empty ? "" : ",");
        break;
    }
    }
    if (len == 0 || len >= sizeof insert) return size;
    size_t removed = s.end - s.start;
    if (size - removed + len > max_size) return size;
    memmove(data + s.start + len, data + s.end, size - s.end);
    memcpy(data + s.start, insert, len);
    return size - removed + len;
}

/* ---------------------------------------------------------------- the checks */

static int contains(const char *haystack, const char *needle) {
    return strstr(haystack, needle) != NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    for (size_t c = 0; c < sizeof CALLS / sizeof CALLS[0]; c++) {
        char *answer = (char *)data; /* any non-NULL value: the call must overwrite it */
        int rc = CALLS[c].fn(engine, (const char *)data, size, &answer);
        const char *error = hukou_last_error();
        if (error == NULL) violation(CALLS[c].name, "hukou_last_error() returned NULL", rc);
        switch (rc) {
        case HUKOU_OK:
            if (answer == NULL) violation(CALLS[c].name, "HUKOU_OK without an answer", rc);
            if (error[0] != '\0') violation(CALLS[c].name, "HUKOU_OK but hukou_last_error() is not empty", rc);
            if (answer[0] != '{' || answer[strlen(answer) - 1] != '}') violation(CALLS[c].name, "answer is not a JSON object", rc);
            hukou_string_free(answer);
            break;
        case HUKOU_E_MISUSE:
            if (size != 0) violation(CALLS[c].name, "HUKOU_E_MISUSE for a non-empty request", rc);
            /* fall through */
        case HUKOU_E_PARSE:
        case HUKOU_E_INVALID:
        case HUKOU_E_UNKNOWN_JURISDICTION:
        case HUKOU_E_LIMIT:
            if (answer != NULL) violation(CALLS[c].name, "failure but *out_json is not NULL", rc);
            if (error[0] == '\0') violation(CALLS[c].name, "failure with an empty hukou_last_error()", rc);
            for (size_t m = 0; m < NMARKERS; m++)
                if (contains(error, MARKERS[m])) violation(CALLS[c].name, "the error message repeats personal data", rc);
            break;
        default:
            violation(CALLS[c].name, "unexpected status", rc);
        }
    }
    return 0;
}
