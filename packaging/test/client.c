/* SPDX-License-Identifier: Apache-2.0 */
/*
 * client.c: a kiosk program that knows nothing but the installed hukou.h, built by
 * scripts/check-install.sh, scripts/check-cmake.sh and scripts/test-deb.sh with
 * pkg-config or CMake, shared and static. Ends with "N passed, N failed".
 */
#include <hukou.h>
#include <stdio.h>
#include <string.h>

static int passed, failed;

static void check(int ok, const char *what) {
    if (ok) { passed++; } else { failed++; printf("FAIL %s\n", what); }
}

/* The compile-time version macros, checked by the preprocessor itself. */
#if !defined(HUKOU_VERSION_NUMBER) || !defined(HUKOU_VERSION_CHECK)
#error "hukou.h lacks HUKOU_VERSION_NUMBER / HUKOU_VERSION_CHECK"
#endif
#if !HUKOU_VERSION_CHECK(0, 2, 0)
#error "hukou.h older than 0.2.0"
#endif
#if HUKOU_VERSION_CHECK(HUKOU_VERSION_MAJOR + 1, 0, 0)
#error "HUKOU_VERSION_CHECK accepts the next major version"
#endif

int main(void) {
    static const char req[] =
        "{\"jurisdiction\":\"anyang\",\"as_of\":\"2026-11-25\",\"locale\":\"en\","
        "\"applicant\":{\"birth_date\":\"1996-04-12\",\"social_insurance\":{\"months\":8}}}";
    char expected[32];
    hukou_engine *e = NULL;
    char *answer = NULL;
    int rc;

    check(hukou_abi_version() == HUKOU_ABI_VERSION, "library ABI = header ABI");
    check(strcmp(hukou_version(), HUKOU_VERSION) == 0, "library version = header version");
    snprintf(expected, sizeof expected, "%d.%d.%d", HUKOU_VERSION_MAJOR, HUKOU_VERSION_MINOR, HUKOU_VERSION_PATCH);
    check(strcmp(expected, HUKOU_VERSION) == 0, "HUKOU_VERSION = MAJOR.MINOR.PATCH");
    check(HUKOU_VERSION_NUMBER == HUKOU_VERSION_MAJOR * 1000000 + HUKOU_VERSION_MINOR * 1000 + HUKOU_VERSION_PATCH,
          "HUKOU_VERSION_NUMBER");
    check(strcmp(hukou_status_name(HUKOU_E_UNKNOWN_STATUS), "HUKOU_E_UNKNOWN_STATUS") == 0,
          "hukou_status_name(HUKOU_E_UNKNOWN_STATUS)");
    check(strcmp(hukou_status_name(HUKOU_E_ROLLBACK), "HUKOU_E_ROLLBACK") == 0, "hukou_status_name(HUKOU_E_ROLLBACK)");

    rc = hukou_engine_new(&e);
    check(rc == HUKOU_OK && e != NULL, "hukou_engine_new");
    if (e) {
        rc = hukou_check_eligibility(e, req, strlen(req), &answer);
        if (rc != HUKOU_OK) printf("%s: %s\n", hukou_status_name(rc), hukou_last_error());
        check(rc == HUKOU_OK, "hukou_check_eligibility");
        check(answer && strstr(answer, "\"kind\":\"eligibility\"") != NULL, "an eligibility answer");
        check(answer && strstr(answer, "\"id\":\"anyang\"") != NULL, "for Anyang");
        hukou_string_free(answer);
        answer = NULL;
        rc = hukou_check_eligibility(e, "{", 1, &answer);
        check(rc == HUKOU_E_PARSE && answer == NULL, "bad JSON is HUKOU_E_PARSE");
        hukou_engine_free(e);
    }
    printf("hukou %s (ABI %d): client: %d passed, %d failed\n", hukou_version(), hukou_abi_version(), passed, failed);
    return failed == 0 ? 0 : 1;
}
