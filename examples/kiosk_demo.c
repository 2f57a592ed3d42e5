/* SPDX-License-Identifier: Apache-2.0 */
/*
 * kiosk_demo.c: what a self-service kiosk (自助服务终端) does with libhukou.
 *
 * It builds a request with json-c (the firmware's own JSON library) for a realistic
 * applicant in Anyang, asks the library the three questions (settlement eligibility,
 * residence-permit points, public-service entitlements), shows each answer as the
 * library renders it (hukou_render) and prints a decision receipt (hukou_receipt).
 *
 *   kiosk_demo                  the built-in Anyang applicant
 *   kiosk_demo request.json     any request file (see examples/requests/)
 *   KIOSK_DEMO_FORMAT=html|receipt-32|receipt-48   another rendering than text
 *   KIOSK_DEMO_RAW=1            also print each JSON answer
 *
 * Written against hukou.h alone; build with
 *   cc kiosk_demo.c $(pkg-config --cflags --libs hukou json-c)
 */
#include <hukou.h>
#include <json-c/json.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- request */

static json_object *obj(void) { return json_object_new_object(); }

static void put_str(json_object *o, const char *key, const char *value) {
    json_object_object_add(o, key, json_object_new_string(value));
}

static void put_bool(json_object *o, const char *key, int value) {
    json_object_object_add(o, key, json_object_new_boolean(value));
}

static void put_int(json_object *o, const char *key, int value) {
    json_object_object_add(o, key, json_object_new_int(value));
}

static json_object *hukou_place(int local, const char *former_type) {
    json_object *h = obj();
    put_bool(h, "local", local);
    put_str(h, "former_type", former_type);
    return h;
}

/*
 * The applicant the kiosk read from the ID card and the social-insurance record:
 * 30 years old, rural hukou from elsewhere, secondary vocational school graduate,
 * employed in Anyang under a labour contract, 8 months of urban social insurance,
 * renting in 汤阴县's county-seat town, with a spouse and a pre-school child living with them
 * (安政办〔2018〕19号 二（三）: the town pathway is met, so the family who may follow are shown).
 */
static json_object *build_anyang_request(void) {
    json_object *req = obj();
    put_str(req, "jurisdiction", "anyang");
    put_str(req, "as_of", "2026-11-25");
    put_str(req, "locale", "zh-CN");

    json_object *a = obj();
    put_str(a, "birth_date", "1996-04-12");
    put_bool(a, "married", 1);
    put_str(a, "status", "residence_permit");
    json_object_object_add(a, "hukou", hukou_place(0, "rural"));

    json_object *permit = obj();
    put_bool(permit, "held", 1);
    put_str(permit, "issued", "2026-03-20");
    json_object_object_add(a, "residence_permit", permit);

    json_object *residence = obj();
    put_str(residence, "since", "2025-09-01");
    put_str(residence, "district", "汤阴县");
    put_str(residence, "area_type", "county_seat_town");
    json_object_object_add(a, "residence", residence);

    json_object *housing = obj();
    put_str(housing, "type", "rental");
    put_str(housing, "since", "2025-09-01");
    put_bool(housing, "owns_home_in_city", 0);
    json_object_object_add(a, "housing", housing);

    json_object *work = obj();
    put_str(work, "type", "employee");
    put_str(work, "since", "2026-03-01");
    put_bool(work, "labor_contract", 1);
    put_bool(work, "in_city", 1);
    json_object_object_add(a, "employment", work);

    json_object *insurance = obj();
    put_int(insurance, "months", 8);
    put_bool(insurance, "paying", 1);
    put_bool(insurance, "continuous", 1);
    json_object_object_add(a, "social_insurance", insurance);

    json_object *education = obj();
    put_str(education, "level", "secondary_vocational");
    json_object_object_add(a, "education", education);

    json_object *skill = obj();
    put_str(skill, "level", "intermediate_worker");
    put_bool(skill, "certified_at_workplace", 1);
    json_object_object_add(a, "skill", skill);

    json_object *fund = obj();
    put_bool(fund, "depositing", 1);
    put_int(fund, "consecutive_full_months", 6);
    json_object_object_add(a, "housing_fund", fund);

    json_object_object_add(req, "applicant", a);

    json_object *family = json_object_new_array();

    json_object *spouse = obj();
    put_str(spouse, "relation", "spouse");
    put_str(spouse, "birth_date", "1997-10-03");
    put_bool(spouse, "lives_with_applicant", 1);
    json_object_object_add(spouse, "hukou", hukou_place(0, "rural"));
    json_object *spouse_work = obj();
    put_str(spouse_work, "type", "flexible");
    put_bool(spouse_work, "in_city", 1);
    json_object_object_add(spouse, "employment", spouse_work);
    json_object_array_add(family, spouse);

    json_object *child = obj();
    put_str(child, "relation", "child");
    put_str(child, "birth_date", "2020-06-18");
    put_bool(child, "lives_with_applicant", 1);
    json_object_object_add(child, "hukou", hukou_place(0, "rural"));
    json_object *school = obj();
    put_str(school, "stage", "kindergarten");
    put_bool(school, "in_city", 1);
    json_object_object_add(child, "school", school);
    json_object_array_add(family, child);

    json_object_object_add(req, "family", family);
    return req;
}

/* Reads a whole file; returns a malloc'd, NUL-terminated buffer (caller frees) or NULL. */
static char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "kiosk_demo: cannot open %s: %s\n", path, strerror(errno));
        return NULL;
    }
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        size_t got = fread(buf + n, 1, cap - 1 - n, f);
        n += got;
        if (n < cap - 1) break;
        char *bigger = realloc(buf, cap * 2);
        if (!bigger) { free(buf); buf = NULL; break; }
        buf = bigger;
        cap *= 2;
    }
    if (buf && ferror(f)) { free(buf); buf = NULL; }
    fclose(f);
    if (!buf) {
        fprintf(stderr, "kiosk_demo: cannot read %s\n", path);
        return NULL;
    }
    buf[n] = '\0'; /* for json-c's peek below; the library gets (buf, n) */
    *len = n;
    return buf;
}

/* ------------------------------------------------------------ the screen */

static const char *str_of(json_object *o, const char *key) {
    json_object *v = NULL;
    if (o && json_object_is_type(o, json_type_object) && json_object_object_get_ex(o, key, &v)
        && json_object_is_type(v, json_type_string))
        return json_object_get_string(v);
    return NULL;
}

/* The rendering the kiosk shows: the library's own (hukou_render), so every kiosk, the
 * clerk's terminal and the CLI say the same words. KIOSK_DEMO_FORMAT picks it:
 * text (default), html (the touch screen's page), receipt-32 or receipt-48 (printer). */
static int render_format(void) {
    const char *f = getenv("KIOSK_DEMO_FORMAT");
    if (!f || strcmp(f, "text") == 0) return HUKOU_RENDER_TEXT;
    if (strcmp(f, "html") == 0) return HUKOU_RENDER_HTML;
    if (strcmp(f, "receipt-32") == 0) return HUKOU_RENDER_RECEIPT_32;
    if (strcmp(f, "receipt-48") == 0) return HUKOU_RENDER_RECEIPT_48;
    fprintf(stderr, "kiosk_demo: KIOSK_DEMO_FORMAT must be text, html, receipt-32 or receipt-48\n");
    return HUKOU_RENDER_TEXT;
}

typedef int (*decision_fn)(const hukou_engine *, const char *, size_t, char **);

/* Asks one question and shows the answer; returns 0 on success. */
static int ask(const hukou_engine *engine, const char *heading, decision_fn fn, const char *req, size_t len, int zh) {
    printf("\n==================== %s ====================\n", heading);
    char *answer = NULL;
    int rc = fn(engine, req, len, &answer);
    if (rc != HUKOU_OK) {
        /* What the kiosk shows when the library refuses the request. */
        printf("%s %s\n  %s\n", zh ? "无法查询：" : "Cannot answer:", hukou_status_name(rc), hukou_last_error());
        return 1;
    }
    char *screen = NULL;
    rc = hukou_render(engine, answer, strlen(answer), render_format(), &screen);
    if (rc != HUKOU_OK) {
        printf("hukou_render: %s: %s\n", hukou_status_name(rc), hukou_last_error());
        hukou_string_free(answer);
        return 1;
    }
    fputs(screen, stdout);
    hukou_string_free(screen);
    if (getenv("KIOSK_DEMO_RAW")) /* the JSON itself, for the curious */
        printf("\n-- %s --\n%s\n", zh ? "完整答复" : "full answer", answer);
    hukou_string_free(answer);
    return 0;
}

/* The decision receipt the kiosk prints: verdict lines, the rules that answered and a
 * keyed digest of the request. A real kiosk's firmware holds its own secret key; this
 * fixed one is for the demo only. */
static int print_receipt(const hukou_engine *engine, const char *req, size_t len, int zh) {
    static const unsigned char demo_key[32] = "kiosk-demo-key-not-for-real-use";
    char *text = NULL, *code = NULL;
    int rc = hukou_receipt(engine, req, len, HUKOU_QUESTION_ELIGIBILITY, demo_key, sizeof demo_key,
                           32, &text, &code);
    printf("\n==================== %s ====================\n", zh ? "凭证 Receipt" : "Receipt 凭证");
    if (rc != HUKOU_OK) {
        printf("hukou_receipt: %s: %s\n", hukou_status_name(rc), hukou_last_error());
        return 1;
    }
    fputs(text, stdout);
    printf("QR: %s\n", code);
    hukou_string_free(text);
    hukou_string_free(code);
    return 0;
}

int main(int argc, char **argv) {
    if (argc > 2 || (argc == 2 && argv[1][0] == '-')) {
        fprintf(stderr, "usage: %s [request.json]\n", argv[0]);
        return 2;
    }

    printf("libhukou %s (ABI %d; header %s, ABI %d)\n", hukou_version(), hukou_abi_version(),
           HUKOU_VERSION, HUKOU_ABI_VERSION);
    if (hukou_abi_version() != HUKOU_ABI_VERSION) {
        fprintf(stderr, "kiosk_demo: library ABI %d, built for %d\n", hukou_abi_version(), HUKOU_ABI_VERSION);
        return 1;
    }

    /* The request: from a file, or built here with json-c. */
    char *file_req = NULL;
    json_object *built = NULL;
    const char *req;
    size_t len = 0;
    if (argc == 2) {
        file_req = read_file(argv[1], &len);
        if (!file_req) return 1;
        req = file_req;
    } else {
        built = build_anyang_request();
        req = json_object_to_json_string_ext(built, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE);
        len = strlen(req);
    }

    /* The kiosk's language follows the request's locale (json-c reads it; a request
     * json-c cannot read still goes to the library, which says what is wrong). */
    int zh = 1;
    {
        json_object *peek = json_tokener_parse(req);
        const char *locale = str_of(peek, "locale");
        if (locale && strcmp(locale, "en") == 0) zh = 0;
        if (peek) json_object_put(peek);
    }

    int failures = 0;
    hukou_engine *engine = NULL;
    int rc = hukou_engine_new(&engine);
    if (rc != HUKOU_OK) {
        printf("hukou_engine_new: %s: %s\n", hukou_status_name(rc), hukou_last_error());
        failures = 1;
    } else {
        failures += ask(engine, zh ? "落户资格 Eligibility" : "Eligibility 落户资格", hukou_check_eligibility, req, len, zh);
        failures += ask(engine, zh ? "居住证积分 Points" : "Points 居住证积分", hukou_score_points, req, len, zh);
        failures += ask(engine, zh ? "基本公共服务 Entitlements" : "Entitlements 基本公共服务", hukou_lookup_entitlements, req, len, zh);
        failures += print_receipt(engine, req, len, zh);
        hukou_engine_free(engine);
    }

    if (built) json_object_put(built);
    free(file_req);
    return failures ? 1 : 0;
}
