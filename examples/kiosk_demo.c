/*
 * kiosk_demo.c: what a self-service kiosk (自助服务终端) does with libhukou.
 *
 * It builds a request with json-c (the firmware's own JSON library) for a realistic
 * applicant in Anyang, asks the library the three questions (settlement eligibility,
 * residence-permit points, public-service entitlements), walks each JSON answer with
 * json-c and prints what the kiosk screen would show.
 *
 *   kiosk_demo                  the built-in Anyang applicant
 *   kiosk_demo request.json     any request file (see examples/requests/)
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
 * renting in 文峰区, with a spouse and a pre-school child living with them.
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
    put_str(residence, "district", "文峰区");
    put_str(residence, "area_type", "urban_district");
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

/* A text that may be a string or a {"zh": ..., "en": ...} pair. */
static const char *text_of(json_object *v, int zh) {
    if (!v) return NULL;
    if (json_object_is_type(v, json_type_string)) return json_object_get_string(v);
    if (json_object_is_type(v, json_type_object)) {
        const char *t = str_of(v, zh ? "zh" : "en");
        if (!t) t = str_of(v, zh ? "zh-CN" : "en");
        if (!t) t = str_of(v, zh ? "en" : "zh");
        return t;
    }
    return NULL;
}

/* The keys whose value names an object on screen, in order of preference. */
static const char *const title_keys[] = {
    "title", "name", "label", "pathway", "indicator", "service", "entitlement", "id", NULL
};

static const char *title_of(json_object *o, int zh) {
    if (!json_object_is_type(o, json_type_object)) return NULL;
    for (int i = 0; title_keys[i]; i++) {
        json_object *v = NULL;
        if (json_object_object_get_ex(o, title_keys[i], &v)) {
            const char *t = text_of(v, zh);
            if (t) return t;
        }
    }
    return NULL;
}

static void indent(int depth) {
    for (int i = 0; i < depth; i++) fputs("  ", stdout);
}

/* A {"zh","en"} object reads as one line of text. */
static int is_localized(json_object *v) {
    if (!json_object_is_type(v, json_type_object)) return 0;
    int n = json_object_object_length(v);
    json_object *t = NULL;
    return n > 0 && n <= 2 && (json_object_object_get_ex(v, "zh", &t) || json_object_object_get_ex(v, "en", &t));
}

static void show_scalar(json_object *v, int zh) {
    switch (json_object_get_type(v)) {
    case json_type_null:    fputs(zh ? "（未知）" : "(unknown)", stdout); break;
    case json_type_boolean: fputs(json_object_get_boolean(v) ? (zh ? "是" : "yes") : (zh ? "否" : "no"), stdout); break;
    case json_type_string:  fputs(json_object_get_string(v), stdout); break;
    default:                fputs(json_object_to_json_string_ext(v, JSON_C_TO_STRING_PLAIN), stdout); break;
    }
}

/*
 * Walks an answer generically: objects as "key: value" lines, arrays as numbered
 * items headed by their title, localized texts in the kiosk's language. A kiosk with
 * a fixed layout would pick the fields it knows; this demo shows everything so that
 * nothing in the answer goes unseen.
 */
static void show(json_object *v, int depth, int zh) {
    if (json_object_is_type(v, json_type_object)) {
        json_object_object_foreach(v, key, child) {
            indent(depth);
            printf("%s: ", key);
            if (is_localized(child)) {
                puts(text_of(child, zh));
            } else if (json_object_is_type(child, json_type_object)) {
                const char *t = title_of(child, zh);
                puts(t ? t : "");
                show(child, depth + 1, zh);
            } else if (json_object_is_type(child, json_type_array)) {
                size_t n = json_object_array_length(child);
                if (n == 0) { puts(zh ? "（无）" : "(none)"); continue; }
                putchar('\n');
                show(child, depth + 1, zh);
            } else {
                show_scalar(child, zh);
                putchar('\n');
            }
        }
    } else if (json_object_is_type(v, json_type_array)) {
        size_t n = json_object_array_length(v);
        for (size_t i = 0; i < n; i++) {
            json_object *item = json_object_array_get_idx(v, i);
            indent(depth);
            printf("[%zu] ", i + 1);
            if (is_localized(item)) {
                puts(text_of(item, zh));
            } else if (json_object_is_type(item, json_type_object) || json_object_is_type(item, json_type_array)) {
                const char *t = title_of(item, zh);
                puts(t ? t : "");
                show(item, depth + 1, zh);
            } else {
                show_scalar(item, zh);
                putchar('\n');
            }
        }
    } else {
        indent(depth);
        show_scalar(v, zh);
        putchar('\n');
    }
}

/* ------------------------------------------------------- kiosk screens
 * The three screens read the fields documented in docs/answers.md and skip any that
 * are absent; an answer of an unknown kind falls back to show(). */

static json_object *get(json_object *o, const char *key) {
    json_object *v = NULL;
    if (o && json_object_is_type(o, json_type_object) && json_object_object_get_ex(o, key, &v)) return v;
    return NULL;
}

static size_t count(json_object *array) {
    return array && json_object_is_type(array, json_type_array) ? json_object_array_length(array) : 0;
}

static json_object *item(json_object *array, size_t i) {
    return json_object_array_get_idx(array, i);
}

/* The word a kiosk shows for a result token (the token itself when unknown). */
static const char *result_label(const char *token, int zh) {
    static const struct { const char *token, *zh, *en; } labels[] = {
        {"eligible", "✔ 符合", "✔ eligible"},
        {"not_eligible", "✘ 不符合", "✘ not eligible"},
        {"unknown", "？ 信息不足", "? more information needed"},
        {"may_follow", "可随迁", "may follow"},
        {"may_not_follow", "不可随迁", "may not follow"},
        {"member", "属于", "yes"},
        {"not_member", "不属于", "no"},
        {"entitled", "✔ 可享受", "✔ entitled"},
        {"must_join", "✔ 须参加", "✔ must join"},
        {"may_join", "✔ 可参加", "✔ may join"},
        {"may_choose", "✔ 可选择", "✔ may choose"},
        {"provisional", "～ 暂定", "~ provisional"},
        {"not_entitled", "✘ 不可享受", "✘ not entitled"},
        {"not_applicable", "－ 不适用", "- not applicable"},
        {"depends_on_local_rules", "～ 取决于地方规定", "~ depends on local rules"},
        {"own_rules_not_encoded", "～ 适用本市规定（未编入）", "~ own rules (not encoded)"},
        {"may_apply", "✔ 可申请", "✔ may apply"},
        {"may_not_apply_yet", "✘ 暂不可申请", "✘ may not apply yet"},
        {"yes", "是", "yes"},
        {"no", "否", "no"},
    };
    if (!token) return zh ? "？" : "?";
    for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
        if (strcmp(token, labels[i].token) == 0) return zh ? labels[i].zh : labels[i].en;
    return token;
}

static const char *relation_label(const char *token, int zh) {
    static const struct { const char *token, *zh, *en; } labels[] = {
        {"spouse", "配偶", "spouse"},         {"child", "子女", "child"},
        {"parent", "父母", "parent"},         {"grandparent", "祖父母/外祖父母", "grandparent"},
        {"sibling", "兄弟姐妹", "sibling"},   {"other", "其他亲属", "relative"},
    };
    if (!token) return zh ? "家庭成员" : "family member";
    for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
        if (strcmp(token, labels[i].token) == 0) return zh ? labels[i].zh : labels[i].en;
    return token;
}

static void show_citation(json_object *o, int depth, int zh) {
    const char *c = text_of(get(o, "citation"), zh);
    if (c) {
        indent(depth);
        printf("%s%s\n", zh ? "依据：" : "Source: ", c);
    }
}

/* A list of strings (missing facts), joined with ", ". */
static void show_list(const char *label, json_object *array, int depth) {
    size_t n = count(array);
    if (n == 0) return;
    indent(depth);
    fputs(label, stdout);
    for (size_t i = 0; i < n; i++) {
        json_object *v = item(array, i);
        printf("%s%s", i ? ", " : "", json_object_is_type(v, json_type_string) ? json_object_get_string(v)
                                                                             : json_object_to_json_string(v));
    }
    putchar('\n');
}

static void show_header(json_object *doc, int zh) {
    /* Expired rules are said first (docs/answers.md "validity"). */
    json_object *validity = get(doc, "validity");
    const char *vstatus = str_of(validity, "status");
    if (vstatus && strcmp(vstatus, "in_force") != 0) {
        const char *vtext = text_of(get(validity, "text"), zh);
        printf("!! %s\n", vtext ? vtext : vstatus);
    }
    json_object *j = get(doc, "jurisdiction");
    const char *name = text_of(get(j, "name"), zh);
    const char *document = str_of(j, "document");
    const char *as_of = str_of(doc, "as_of");
    printf("%s%s", zh ? "办理地：" : "Where: ", name ? name : (str_of(j, "id") ? str_of(j, "id") : "?"));
    if (document) printf("  (%s)", document);
    if (as_of) printf("  %s%s", zh ? "评估日期：" : "as of ", as_of);
    putchar('\n');
    json_object *own = get(doc, "own_rules");
    if (own) {
        const char *reason = text_of(get(own, "reason"), zh);
        printf("%s%s\n", zh ? "注意：" : "Note: ", reason ? reason : str_of(own, "result") ? str_of(own, "result") : "");
    }
}

static void show_shortfalls(json_object *o, int depth, int zh) {
    json_object *sf = get(o, "shortfalls");
    for (size_t i = 0; i < count(sf); i++) {
        json_object *s = item(sf, i);
        const char *text = text_of(get(s, "text"), zh);
        if (!text) text = text_of(get(s, "condition"), zh);
        indent(depth);
        printf("%s%s\n", zh ? "还差：" : "Missing: ", text ? text : json_object_to_json_string(s));
    }
}

static void screen_eligibility(json_object *doc, int zh) {
    show_header(doc, zh);
    json_object *pathways = get(doc, "pathways");
    size_t eligible = count(get(doc, "eligible_pathways"));
    printf("%s%zu / %zu\n\n", zh ? "符合条件的落户途径：" : "Pathways met: ", eligible, count(pathways));
    for (size_t i = 0; i < count(pathways); i++) {
        json_object *p = item(pathways, i);
        const char *name = text_of(get(p, "name"), zh);
        printf("%s  %s\n", result_label(str_of(p, "result"), zh), name ? name : str_of(p, "id") ? str_of(p, "id") : "?");
        const char *reason = text_of(get(p, "reason"), zh);
        if (reason) { indent(2); puts(reason); }
        show_shortfalls(p, 2, zh);
        show_list(zh ? "需补充：" : "Please tell us: ", get(p, "missing_facts"), 2);
        json_object *followers = get(p, "followers");
        for (size_t f = 0; f < count(followers); f++) {
            json_object *m = item(followers, f);
            indent(2);
            printf("%s%s: %s\n", zh ? "随迁 " : "With the applicant: ", relation_label(str_of(m, "relation"), zh),
                   result_label(str_of(m, "result"), zh));
        }
        json_object *prov = get(p, "provisional");
        if (prov && json_object_get_boolean(prov)) {
            indent(2);
            puts(zh ? "（含暂定参数，以窗口答复为准）" : "(depends on provisional parameters: confirm at the counter)");
        }
        show_citation(p, 2, zh);
    }
    json_object *groups = get(doc, "priority_groups");
    if (count(groups)) printf("\n%s\n", zh ? "重点群体：" : "Priority groups:");
    for (size_t i = 0; i < count(groups); i++) {
        json_object *g = item(groups, i);
        const char *name = text_of(get(g, "name"), zh);
        indent(1);
        printf("%s: %s\n", name ? name : str_of(g, "id") ? str_of(g, "id") : "?", result_label(str_of(g, "result"), zh));
    }
}

static void show_number(const char *label, json_object *v) {
    if (!v) return;
    printf("%s", label);
    show_scalar(v, 1);
    putchar('\n');
}

static void screen_points(json_object *doc, int zh) {
    show_header(doc, zh);
    json_object *allowed = get(doc, "points_allowed");
    if (allowed && !json_object_get_boolean(allowed)) {
        const char *reason = text_of(get(doc, "reason"), zh);
        printf("%s\n", zh ? "本地不实行积分落户。" : "This city does not settle by points.");
        if (reason) { indent(1); puts(reason); }
        show_citation(doc, 1, zh);
        return;
    }
    const char *score_text = text_of(get(doc, "score_text"), zh);
    if (score_text) printf("%s\n", score_text);
    show_number(zh ? "总积分：" : "Total: ", get(doc, "total"));
    show_number(zh ? "分数线：" : "Threshold: ", get(doc, "threshold"));
    show_number(zh ? "差距：" : "Gap: ", get(doc, "gap"));
    json_object *breakdown = get(doc, "breakdown");
    if (count(breakdown)) printf("%s\n", zh ? "分项：" : "Breakdown:");
    for (size_t i = 0; i < count(breakdown); i++) {
        json_object *b = item(breakdown, i);
        const char *label = text_of(get(b, "label"), zh);
        indent(1);
        printf("%-24s ", label ? label : str_of(b, "id") ? str_of(b, "id") : "?");
        json_object *points = get(b, "points");
        if (points) show_scalar(points, zh); else fputs("-", stdout);
        putchar('\n');
    }
    show_list(zh ? "需补充：" : "Please tell us: ", get(doc, "missing_facts"), 0);
    const char *projection = text_of(get(get(doc, "projection"), "text"), zh);
    if (projection) printf("%s%s\n", zh ? "预计：" : "Outlook: ", projection);
    json_object *what_if = get(doc, "what_if");
    if (count(what_if)) printf("%s\n", zh ? "提分建议：" : "What would raise the score most:");
    for (size_t i = 0; i < count(what_if); i++) {
        json_object *w = item(what_if, i);
        const char *change = text_of(get(w, "change"), zh);
        indent(1);
        printf("%zu. %s", i + 1, change ? change : text_of(get(w, "indicator"), zh) ? text_of(get(w, "indicator"), zh) : "?");
        json_object *gained = get(w, "points_gained");
        if (gained) printf("  +%s", json_object_to_json_string(gained));
        putchar('\n');
    }
    const char *may_apply = str_of(doc, "may_apply");
    if (may_apply) printf("%s%s\n", zh ? "可否申报：" : "May apply: ", result_label(may_apply, zh));
    const char *ranking = text_of(get(get(doc, "ranking"), "text"), zh);
    if (ranking) printf("%s%s\n", zh ? "注意：" : "Note: ", ranking);
    show_citation(doc, 0, zh);
}

static void screen_entitlements(json_object *doc, int zh) {
    show_header(doc, zh);
    const char *status = text_of(get(doc, "status_label"), zh);
    if (!status) status = str_of(doc, "status_assumed");
    if (status) printf("%s%s\n", zh ? "按身份：" : "As: ", status);
    json_object *permit = get(doc, "residence_permit");
    if (permit) {
        printf("%s%s\n", zh ? "居住证申领：" : "Residence permit: ", result_label(str_of(permit, "result"), zh));
        show_shortfalls(permit, 1, zh);
        show_citation(permit, 1, zh);
    }
    json_object *people = get(doc, "people");
    for (size_t i = 0; i < count(people); i++) {
        json_object *person = item(people, i);
        json_object *member = get(person, "member");
        const char *relation = str_of(person, "relation");
        putchar('\n');
        if (member && json_object_is_type(member, json_type_string))
            printf("[%s]", zh ? "申请人" : "Applicant");
        else
            printf("[%s]", relation_label(relation, zh));
        json_object *age = get(person, "age");
        if (age && json_object_is_type(age, json_type_int)) printf(" %d%s", json_object_get_int(age), zh ? " 岁" : " years");
        const char *stage = text_of(get(person, "age_stage"), zh);
        if (stage) printf(" %s", stage);
        putchar('\n');
        json_object *items = get(person, "items");
        for (size_t k = 0; k < count(items); k++) {
            json_object *it = item(items, k);
            const char *name = text_of(get(it, "name"), zh);
            indent(1);
            printf("%-18s %s\n", result_label(str_of(it, "result"), zh), name ? name : str_of(it, "id") ? str_of(it, "id") : "?");
            const char *note = text_of(get(it, "note"), zh);
            if (note) { indent(3); puts(note); }
            show_shortfalls(it, 3, zh);
            show_list(zh ? "需补充：" : "Please tell us: ", get(it, "missing_facts"), 3);
            show_citation(it, 3, zh);
        }
    }
}

/* Picks the screen by the answer's "kind"; anything else is shown generically. */
static void screen_any(json_object *doc, int zh) {
    const char *kind = str_of(doc, "kind");
    if (kind && strcmp(kind, "eligibility") == 0) screen_eligibility(doc, zh);
    else if (kind && strcmp(kind, "points") == 0) screen_points(doc, zh);
    else if (kind && strcmp(kind, "entitlements") == 0) screen_entitlements(doc, zh);
    else show(doc, 0, zh);
}

typedef int (*decision_fn)(const hukou_engine *, const char *, size_t, char **);
typedef void (*screen_fn)(json_object *answer, int zh);

/* Asks one question and shows the answer; returns 0 on success. */
static int ask(const hukou_engine *engine, const char *heading, decision_fn fn, screen_fn screen,
               const char *req, size_t len, int zh) {
    printf("\n==================== %s ====================\n", heading);
    char *answer = NULL;
    int rc = fn(engine, req, len, &answer);
    if (rc != HUKOU_OK) {
        /* What the kiosk shows when the library refuses the request. */
        printf("%s %s\n  %s\n", zh ? "无法查询：" : "Cannot answer:", hukou_status_name(rc), hukou_last_error());
        return 1;
    }
    struct json_tokener *tok = json_tokener_new();
    if (!tok) {
        hukou_string_free(answer);
        return 1;
    }
    json_object *doc = json_tokener_parse_ex(tok, answer, (int)strlen(answer) + 1);
    enum json_tokener_error jerr = json_tokener_get_error(tok);
    json_tokener_free(tok);
    if (!doc || jerr != json_tokener_success) {
        printf("answer is not JSON (%s)\n", json_tokener_error_desc(jerr));
        if (doc) json_object_put(doc);
        hukou_string_free(answer);
        return 1;
    }
    screen(doc, zh);
    if (getenv("KIOSK_DEMO_RAW")) { /* everything, for the curious */
        printf("\n-- %s --\n", zh ? "完整答复" : "full answer");
        show(doc, 1, zh);
    }
    json_object_put(doc);
    hukou_string_free(answer);
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
        failures += ask(engine, zh ? "落户资格 Eligibility" : "Eligibility 落户资格", hukou_check_eligibility, screen_any, req, len, zh);
        failures += ask(engine, zh ? "居住证积分 Points" : "Points 居住证积分", hukou_score_points, screen_any, req, len, zh);
        failures += ask(engine, zh ? "基本公共服务 Entitlements" : "Entitlements 基本公共服务", hukou_lookup_entitlements, screen_any, req, len, zh);
        hukou_engine_free(engine);
    }

    if (built) json_object_put(built);
    free(file_req);
    return failures ? 1 : 0;
}
