/* SPDX-License-Identifier: Apache-2.0 */
/*
 * render_test.c: hukou_render and hukou_receipt through the C ABI, as kiosk firmware
 * calls them, on every golden answer (examples/answers/<request>/<call>.<locale>.json)
 * and every example request.
 *
 *   render_test ANSWERS_DIR REQUESTS_DIR [HTML_OUT_DIR]
 *
 * Checks: every answer renders in every format; receipts fit 32 / 48 columns (every
 * non-ASCII character two columns, as on a GB18030 thermal printer); Chinese renderings
 * carry no ASCII letter (no token, no field path); HTML pages have no script and no
 * external asset; decision receipts fit their paper and carry a one-line code; misuse is
 * refused with HUKOU_E_MISUSE, non-answers with HUKOU_E_INVALID / HUKOU_E_PARSE. With
 * HTML_OUT_DIR, writes each page there (for scripts/test-render.sh's Chromium stage).
 * Ends with "N passed, N failed".
 */
#include <hukou.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "columns.h"

static int passed, failed;

static void check(int ok, const char *what, const char *name) {
    if (ok) {
        passed++;
    } else {
        failed++;
        printf("FAIL %s: %s\n", name, what);
    }
}

static char *slurp(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        n += fread(buf + n, 1, cap - 1 - n, f);
        if (n < cap - 1) break;
        char *bigger = realloc(buf, cap * 2);
        if (!bigger) { free(buf); buf = NULL; break; }
        buf = bigger;
        cap *= 2;
    }
    fclose(f);
    if (!buf) return NULL;
    buf[n] = '\0';
    *len = n;
    return buf;
}

/* Widest line in columns: ASCII one column, every other character (UTF-8 lead byte) two. */

static int has_ascii_letter(const char *text) {
    for (const char *p = text; *p; p++)
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')) return 1;
    return 0;
}

/* The text of an HTML page outside <style> and tags. */
static char *html_text(const char *html) {
    size_t n = strlen(html);
    char *out = malloc(n + 1), *o = out;
    if (!out) return NULL;
    const char *style_end = strstr(html, "</style>");
    const char *p = style_end ? style_end + 8 : html;
    int in_tag = 0;
    for (; *p; p++) {
        if (*p == '<') in_tag = 1;
        else if (*p == '>') { in_tag = 0; *o++ = ' '; }
        else if (*p == '&') { while (*p && *p != ';') p++; if (!*p) break; *o++ = ' '; }
        else if (!in_tag) *o++ = *p;
    }
    *o = '\0';
    return out;
}

static void render_answer(const hukou_engine *e, const char *path, const char *name, int zh, const char *html_dir) {
    size_t len = 0;
    char *answer = slurp(path, &len);
    check(answer != NULL, "readable", name);
    if (!answer) return;
    static const struct { int format; const char *label; int columns; } formats[] = {
        {HUKOU_RENDER_TEXT, "text", 0}, {HUKOU_RENDER_HTML, "html", 0},
        {HUKOU_RENDER_RECEIPT_32, "receipt-32", 32}, {HUKOU_RENDER_RECEIPT_48, "receipt-48", 48},
    };
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++) {
        char *out = NULL;
        char what[128];
        int rc = hukou_render(e, answer, len, formats[i].format, &out);
        snprintf(what, sizeof what, "%s renders (%s: %s)", formats[i].label, hukou_status_name(rc), hukou_last_error());
        check(rc == HUKOU_OK && out && out[0], what, name);
        if (rc != HUKOU_OK || !out) continue;
        if (formats[i].columns) {
            snprintf(what, sizeof what, "%s fits (widest line %d columns)", formats[i].label, widest_line(out));
            check(widest_line(out) <= formats[i].columns, what, name);
        }
        if (formats[i].format == HUKOU_RENDER_HTML) {
            check(!strstr(out, "<script") && !strstr(out, "src=") && !strstr(out, "href=") && !strstr(out, "url("),
                  "html has no script and no external asset", name);
            check(strstr(out, zh ? "<html lang=\"zh-CN\">" : "<html lang=\"en\">") != NULL, "html lang is the answer's locale", name);
            if (zh) {
                char *visible = html_text(out);
                check(visible && !has_ascii_letter(visible), "no ASCII letter in the Chinese page", name);
                free(visible);
            }
            if (html_dir) {
                char file[2100];
                snprintf(file, sizeof file, "%s/%s.html", html_dir, name);
                FILE *f = fopen(file, "wb");
                check(f != NULL, "html written", file);
                if (f) { fputs(out, f); fclose(f); }
            }
        } else if (zh) {
            snprintf(what, sizeof what, "no ASCII letter in the Chinese %s", formats[i].label);
            check(!has_ascii_letter(out), what, name);
        }
        hukou_string_free(out);
    }
    free(answer);
}

static void receipts(const hukou_engine *e, const char *path, const char *name) {
    size_t len = 0;
    char *req = slurp(path, &len);
    check(req != NULL, "readable", name);
    if (!req) return;
    static const unsigned char key[32] = "render-test-key-0123456789abcdef";
    static const int questions[] = {HUKOU_QUESTION_ELIGIBILITY, HUKOU_QUESTION_POINTS, HUKOU_QUESTION_ENTITLEMENTS};
    for (size_t q = 0; q < 3; q++) {
        for (int columns = 32; columns <= 48; columns += 16) {
            char *text = NULL, *code = NULL, what[160];
            int rc = hukou_receipt(e, req, len, questions[q], key, sizeof key, columns, &text, &code);
            snprintf(what, sizeof what, "receipt q%d/%d (%s: %s)", questions[q], columns, hukou_status_name(rc), hukou_last_error());
            check(rc == HUKOU_OK && text && code, what, name);
            if (rc != HUKOU_OK) continue;
            snprintf(what, sizeof what, "receipt q%d fits %d columns (widest %d)", questions[q], columns, widest_line(text));
            check(widest_line(text) <= columns, what, name);
            check(strncmp(code, "HK1|", 4) == 0 && !strchr(code, '\n') && strlen(code) < 400, "code is one short line", name);
            hukou_string_free(text);
            hukou_string_free(code);
        }
    }
    /* Only the code: out_text may be NULL. */
    char *code = NULL, *again = NULL;
    check(hukou_receipt(e, req, len, 1, key, sizeof key, 32, NULL, &code) == HUKOU_OK && code, "code alone", name);
    check(hukou_receipt(e, req, len, 1, key, sizeof key, 48, NULL, &again) == HUKOU_OK && again, "code again", name);
    check(code && again && strcmp(code, again) == 0, "the code does not depend on the paper width", name);
    hukou_string_free(code);
    hukou_string_free(again);
    /* Misuse. */
    char *text = (char *)1;
    check(hukou_receipt(e, req, len, 1, NULL, 32, 32, &text, NULL) == HUKOU_E_MISUSE && text == NULL, "NULL key", name);
    check(hukou_receipt(e, req, len, 1, key, 15, 32, &text, NULL) == HUKOU_E_MISUSE, "15-byte key", name);
    check(hukou_receipt(e, req, len, 1, key, sizeof key, 40, &text, NULL) == HUKOU_E_MISUSE, "40 columns", name);
    check(hukou_receipt(e, req, len, 9, key, sizeof key, 32, &text, NULL) == HUKOU_E_MISUSE, "unknown question", name);
    check(hukou_receipt(e, req, len, 1, key, sizeof key, 32, NULL, NULL) == HUKOU_E_MISUSE, "no output", name);
    check(hukou_receipt(NULL, req, len, 1, key, sizeof key, 32, &text, NULL) == HUKOU_E_MISUSE, "NULL engine", name);
    free(req);
}

int main(int argc, char **argv) {
    if (argc < 3 || argc > 4) {
        fprintf(stderr, "usage: %s ANSWERS_DIR REQUESTS_DIR [HTML_OUT_DIR]\n", argv[0]);
        return 2;
    }
    const char *html_dir = argc == 4 ? argv[3] : NULL;
    hukou_engine *e = NULL;
    if (hukou_engine_new(&e) != HUKOU_OK) {
        printf("hukou_engine_new: %s\n", hukou_last_error());
        return 1;
    }

    /* Golden answers: ANSWERS_DIR/<request>/<call>.<locale>.json */
    int answers = 0;
    DIR *top = opendir(argv[1]);
    check(top != NULL, "answers folder", argv[1]);
    struct dirent *d;
    while (top && (d = readdir(top))) {
        if (d->d_name[0] == '.') continue;
        char sub[1024];
        snprintf(sub, sizeof sub, "%s/%s", argv[1], d->d_name);
        DIR *inner = opendir(sub);
        struct dirent *f;
        while (inner && (f = readdir(inner))) {
            size_t n = strlen(f->d_name);
            if (n < 6 || strcmp(f->d_name + n - 5, ".json") != 0) continue;
            char path[2048], name[1024];
            snprintf(path, sizeof path, "%s/%s", sub, f->d_name);
            snprintf(name, sizeof name, "%s-%.*s", d->d_name, (int)(n - 5), f->d_name);
            render_answer(e, path, name, strstr(f->d_name, ".zh-CN.") != NULL, html_dir);
            answers++;
        }
        if (inner) closedir(inner);
    }
    if (top) closedir(top);
    check(answers >= 30, "at least the 30 golden answers", argv[1]);

    /* Decision receipts for every example request. */
    DIR *reqs = opendir(argv[2]);
    check(reqs != NULL, "requests folder", argv[2]);
    while (reqs && (d = readdir(reqs))) {
        size_t n = strlen(d->d_name);
        if (n < 6 || strcmp(d->d_name + n - 5, ".json") != 0) continue;
        char path[2048];
        snprintf(path, sizeof path, "%s/%s", argv[2], d->d_name);
        receipts(e, path, d->d_name);
    }
    if (reqs) closedir(reqs);

    /* hukou_render refuses what is not an answer. */
    char *out = (char *)1;
    static const char not_answer[] = "{\"kind\": \"weather\"}";
    check(hukou_render(e, not_answer, strlen(not_answer), HUKOU_RENDER_TEXT, &out) == HUKOU_E_INVALID && out == NULL,
          "unknown kind is HUKOU_E_INVALID", "render");
    check(strstr(hukou_last_error(), "kind") != NULL, "the error names the field", hukou_last_error());
    check(hukou_render(e, "{", 1, HUKOU_RENDER_TEXT, &out) == HUKOU_E_PARSE, "not JSON is HUKOU_E_PARSE", "render");
    static const char points[] = "{\"kind\": \"points\", \"locale\": \"en\"}";
    check(hukou_render(e, points, strlen(points), 7, &out) == HUKOU_E_MISUSE, "unknown format", "render");
    check(hukou_render(e, points, 0, HUKOU_RENDER_TEXT, &out) == HUKOU_E_MISUSE, "len 0", "render");
    check(hukou_render(NULL, points, strlen(points), HUKOU_RENDER_TEXT, &out) == HUKOU_E_MISUSE, "NULL engine", "render");
    check(hukou_render(e, points, strlen(points), HUKOU_RENDER_TEXT, NULL) == HUKOU_E_MISUSE, "NULL out", "render");
    check(hukou_render(e, points, strlen(points), HUKOU_RENDER_TEXT, &out) == HUKOU_OK && out, "a minimal answer renders", "render");
    if (out != (char *)1) hukou_string_free(out);

    hukou_engine_free(e);
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
