/* SPDX-License-Identifier: Apache-2.0 */
/*
 * hukou.h: settlement eligibility, residence-permit points and public-service
 * entitlements for Chinese public-service kiosks.
 *
 * One header, opaque handles, integer status codes, JSON text in and out.
 *
 *   hukou_engine *e = NULL;
 *   if (hukou_engine_new(&e) != HUKOU_OK) { puts(hukou_last_error()); return 1; }
 *   char *answer = NULL;
 *   int rc = hukou_check_eligibility(e, req, strlen(req), &answer);
 *   if (rc == HUKOU_OK) { show(answer); hukou_string_free(answer); }
 *   else                { printf("%s: %s\n", hukou_status_name(rc), hukou_last_error()); }
 *   hukou_engine_free(e);
 *
 * Conventions (they hold for every function below unless its comment says otherwise):
 *
 * - Status: every fallible function returns an int, HUKOU_OK (0) on success or one of
 *   the HUKOU_E_* codes. On failure the calling thread's hukou_last_error() names the
 *   field (as a JSON path such as "applicant.birth_date") and what was expected, in the
 *   request's locale ("zh-CN" or "en"; both when the locale could not be read).
 *   Error messages never contain personal data from the request.
 * - Ownership: the library never takes ownership of memory the caller passes in.
 *   Strings the library returns through a char ** out-parameter are allocated by the
 *   library and must be released with hukou_string_free(), exactly once. On failure the
 *   out-parameter is set to NULL (when it is not itself NULL).
 * - Input text: request and pack bytes are (pointer, length) pairs; they need not be
 *   NUL-terminated and are read only within [ptr, ptr+len). They must be UTF-8 JSON
 *   (RFC 8259). A leading UTF-8 byte-order mark is skipped. Unknown fields are rejected
 *   (HUKOU_E_INVALID) so that a misspelt fact is never silently treated as missing.
 * - Limits: a request is at most HUKOU_MAX_REQUEST_BYTES bytes and HUKOU_MAX_DEPTH
 *   levels of nesting; a pack at most HUKOU_MAX_PACK_BYTES. Beyond them: HUKOU_E_LIMIT.
 * - Threads: any number of threads may call the decision functions on one engine at
 *   the same time, and hukou_engine_load_pack and hukou_engine_set_min_serial may run
 *   while they do (a kiosk receives a new pack without a restart): the engine publishes
 *   an immutable snapshot of its packs; each call answers from the snapshot current when
 *   it started, and a load builds the next snapshot and swaps it in atomically, so a call
 *   sees either every change of a load or none. Loads on one engine are serialised.
 *   Only hukou_engine_free needs exclusive access (no other call on that engine may be
 *   running or start later). hukou_last_error() is per thread.
 * - Handles: a freed engine, or a pointer that is not an engine, passed where an engine
 *   is expected is detected where it cheaply can be (a magic word in the handle) and
 *   refused with HUKOU_E_MISUSE; this is a diagnostic, not a licence: it is undefined
 *   behaviour all the same, and a freed handle's memory is reused by later engines.
 * - Output: answers are UTF-8 JSON objects with a stable key order: the same request on
 *   the same engine gives byte-identical answers. The answer schema is documented in
 *   docs/answers.md and docs/schema/.
 * - The library writes nothing to stdout, stderr or files, and never aborts the process
 *   on bad input.
 */
#ifndef HUKOU_H
#define HUKOU_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * HUKOU_API marks the functions of the C API. Define it before including this header
 * to override it (e.g. to empty, or to a calling-convention attribute). Programs that
 * link the static library libhukou.a define HUKOU_STATIC (pkg-config --static --cflags
 * and the CMake target hukou::hukou_static do), so that no import attribute is used.
 */
#ifndef HUKOU_API
#  if defined(_WIN32) && !defined(HUKOU_STATIC)
#    define HUKOU_API __declspec(dllimport)
#  elif (defined(__GNUC__) || defined(__clang__)) && !defined(HUKOU_STATIC)
#    define HUKOU_API __attribute__((visibility("default")))
#  else
#    define HUKOU_API
#  endif
#endif

/*
 * Library version of this header; hukou_version() gives the linked library's.
 * Versioning policy (docs/versioning.md): PATCH fixes, MINOR additions (new functions,
 * new status codes, new answer fields), MAJOR with HUKOU_ABI_VERSION on an incompatible
 * change of this header.
 */
#define HUKOU_VERSION_MAJOR 0
#define HUKOU_VERSION_MINOR 2
#define HUKOU_VERSION_PATCH 0
#define HUKOU_VERSION "0.2.0"

/*
 * The version as one number, MAJOR * 1000000 + MINOR * 1000 + PATCH (2000 for 0.2.0,
 * 1002003 for 1.2.3), for preprocessor comparisons:
 *   #if HUKOU_VERSION_CHECK(0, 2, 0)   ... code that needs 0.2.0 or later ...   #endif
 */
#define HUKOU_VERSION_NUMBER \
    (HUKOU_VERSION_MAJOR * 1000000 + HUKOU_VERSION_MINOR * 1000 + HUKOU_VERSION_PATCH)
#define HUKOU_VERSION_CHECK(major, minor, patch) \
    (HUKOU_VERSION_NUMBER >= ((major) * 1000000 + (minor) * 1000 + (patch)))

/* ABI version: changes only on an incompatible change of this header; it is the
 * number in the shared library's SONAME (libhukou.so.1). scripts/abi-check.sh
 * compares the library with the committed baseline (abi/libhukou.abi) in make test. */
#define HUKOU_ABI_VERSION 1

/* Limits on input (bytes and JSON nesting levels). Each limit is written here only: the
 * library and the command line read them from this header (each is one literal or one
 * product of two, a form Swift imports). */
#define HUKOU_MAX_REQUEST_BYTES (1024 * 1024)
#define HUKOU_MAX_PACK_BYTES (16 * 1048576)
#define HUKOU_MAX_DEPTH 64

/* Status codes. Values are stable across versions with the same ABI version. */
#define HUKOU_OK                      0  /* success */
#define HUKOU_E_PARSE                 1  /* bytes are not valid UTF-8 JSON */
#define HUKOU_E_INVALID               2  /* valid JSON, but a field is missing, misspelt or of the wrong type or range */
#define HUKOU_E_UNKNOWN_JURISDICTION  3  /* no pack for the requested jurisdiction (or none in force on the as-of date) */
#define HUKOU_E_PACK                  4  /* a policy pack failed validation; the message has the JSON path of the node */
#define HUKOU_E_NOMEM                 5  /* memory could not be allocated */
#define HUKOU_E_MISUSE                6  /* a NULL handle or pointer, or an otherwise impossible call */
#define HUKOU_E_LIMIT                 7  /* input beyond a documented limit (size, nesting depth, work or answer bound) */
#define HUKOU_E_INTERNAL              8  /* a defect in the library; please report it with the request */
#define HUKOU_E_SIGNATURE             9  /* a pack is unsigned, signed by an untrusted key, or altered (trusted engines) */
#define HUKOU_E_ROLLBACK             10  /* a pack is older (lower serial) than a loaded version of it, or than the floor set for it */
/* Never returned by a function: the name hukou_status_name() gives any int that is
 * none of the codes above (a code of a newer library, or garbage). */
#define HUKOU_E_UNKNOWN_STATUS       (-1)

/* An engine: the loaded policy packs. Opaque. */
typedef struct hukou_engine hukou_engine;

/*
 * hukou_version: the library's version, "MAJOR.MINOR.PATCH".
 * Returns a static string owned by the library; never NULL; never free it.
 * Thread safety: always safe.
 */
HUKOU_API const char *hukou_version(void);

/*
 * hukou_abi_version: the library's ABI version (HUKOU_ABI_VERSION of the header it
 * was built with). A program may compare it with its own HUKOU_ABI_VERSION at start-up.
 * Thread safety: always safe.
 */
HUKOU_API int hukou_abi_version(void);

/*
 * hukou_engine_new: create an engine holding every policy pack embedded in the library
 * (national, tianjin, fujian, wenzhou and its seven counties, anyang). Cheap (about
 * 0.2 ms): each embedded pack is parsed when a request first needs it, once per process,
 * and shared by all engines.
 * out:      receives the new engine; the caller owns it and releases it with
 *           hukou_engine_free(). Set to NULL on failure.
 * Returns:  HUKOU_OK; HUKOU_E_MISUSE (out is NULL); HUKOU_E_PACK (an embedded pack is
 *           invalid: a build defect); HUKOU_E_NOMEM.
 * Thread safety: safe; engines are independent of each other.
 */
HUKOU_API int hukou_engine_new(hukou_engine **out);

/*
 * hukou_engine_new_trusted: like hukou_engine_new, but every pack later loaded with
 * hukou_engine_load_pack must carry an Ed25519 signature by one of the given public keys
 * (format and key handling in docs/signing.md). The embedded packs are trusted as built.
 * public_keys: key_count keys of 32 bytes each, back to back (copied; not retained).
 * out:      receives the new engine (caller owns it; hukou_engine_free). NULL on failure.
 * Returns:  HUKOU_OK; HUKOU_E_MISUSE (out or public_keys NULL, or key_count 0 or above
 *           64); HUKOU_E_PACK; HUKOU_E_NOMEM.
 * Thread safety: safe; engines are independent of each other.
 */
HUKOU_API int hukou_engine_new_trusted(const unsigned char *public_keys, size_t key_count,
                                       hukou_engine **out);

/*
 * hukou_engine_load_pack: validate a policy pack (JSON, format in docs/packs.md and
 * docs/schema/pack.schema.json) and add it to the engine. A pack with the same id and
 * the same effective-from date as a loaded one replaces it; another effective-from date
 * adds a version, chosen by each request's as-of date.
 * e:        the engine; json/len: the pack bytes (not retained after the call).
 * Returns:  HUKOU_OK; HUKOU_E_MISUSE (e or json NULL, or len 0); HUKOU_E_PARSE;
 *           HUKOU_E_PACK (the message gives the JSON path of the offending node, e.g.
 *           "pathways[2].condition.all[0].fact: unknown fact \"social_insurance.yeras\"");
 *           HUKOU_E_SIGNATURE (engine from hukou_engine_new_trusted, and the pack is
 *           unsigned, signed by another key, or altered after signing);
 *           HUKOU_E_ROLLBACK (the pack's "serial" is below that of a loaded version of
 *           the same pack id, or below the lowest serial set with
 *           hukou_engine_set_min_serial); HUKOU_E_LIMIT (beyond a size limit, or a pack
 *           whose calls would need more work than HUKOU_MAX_CALL_WORK or answers larger
 *           than HUKOU_MAX_ANSWER_NODES even for an applicant alone); HUKOU_E_NOMEM.
 *           On failure the engine is unchanged.
 * Thread safety: safe while other threads call the decision functions on e (they keep
 *           answering from the packs as they were until the load is complete); loads on
 *           one engine run one after the other.
 */
HUKOU_API int hukou_engine_load_pack(hukou_engine *e, const char *json, size_t len);

/*
 * hukou_engine_free: release an engine and everything it holds. NULL is a no-op, and so
 * is a handle already freed (while its memory has not been reused by a later engine).
 * Answers already returned stay valid (they are independent strings).
 * Thread safety: needs exclusive access to e.
 */
HUKOU_API void hukou_engine_free(hukou_engine *e);

/*
 * hukou_check_eligibility: for every settlement pathway (落户途径) of the requested
 * jurisdiction, whether the applicant qualifies on the as-of date, the condition tree
 * with each leaf met / unmet / unknown, what is missing and how far, the date it would
 * be met, who may settle with the applicant, the hukou address order and the priority
 * groups, each with its citation.
 * e:        the engine (not modified).
 * req/len:  the request JSON (docs/requests.md); not retained.
 * out_json: receives the answer; free it with hukou_string_free(). NULL on failure.
 * Returns:  HUKOU_OK; HUKOU_E_MISUSE (e, req or out_json NULL, len 0, or e not a live
 *           engine); HUKOU_E_PARSE; HUKOU_E_INVALID; HUKOU_E_UNKNOWN_JURISDICTION;
 *           HUKOU_E_LIMIT (a size or nesting limit, or the work or answer bounds below:
 *           checked before the work is done); HUKOU_E_ROLLBACK (every loaded version of
 *           the pack is below its hukou_engine_set_min_serial floor);
 *           HUKOU_E_NOMEM; HUKOU_E_INTERNAL; HUKOU_E_PACK (an embedded
 *           pack failed to load: a build defect; embedded packs are parsed on the first
 *           request that needs them, once per process, and every one is loaded by the
 *           library's own tests).
 * Thread safety: safe to call from many threads on one engine, also while a pack is
 *           being loaded into it.
 */
HUKOU_API int hukou_check_eligibility(const hukou_engine *e, const char *req, size_t len,
                                      char **out_json);

/*
 * hukou_score_points: the applicant's residence-permit points score against the
 * jurisdiction's points table: per-indicator breakdown, threshold and gap, projection
 * date and ranked what-if changes. For a jurisdiction that does not allow points
 * settlement the answer (HUKOU_OK) says so and cites the clause, with no score.
 * Arguments, ownership, returns and thread safety as hukou_check_eligibility().
 */
HUKOU_API int hukou_score_points(const hukou_engine *e, const char *req, size_t len,
                                 char **out_json);

/*
 * hukou_lookup_entitlements: what the applicant and each family member may use in the
 * city (schooling, medical insurance, pension, housing provident fund, housing support,
 * minimum allowance and the residence-permit services), for the status assumed
 * (local hukou, settled migrant, residence-permit holder, or none).
 * Arguments, ownership, returns and thread safety as hukou_check_eligibility().
 */
HUKOU_API int hukou_lookup_entitlements(const hukou_engine *e, const char *req, size_t len,
                                        char **out_json);

/*
 * hukou_string_free: release a string returned by this library. NULL is a no-op.
 * Passing any other pointer, or the same string twice, is undefined behaviour.
 * Thread safety: safe.
 */
HUKOU_API void hukou_string_free(char *s);

/*
 * hukou_last_error: the message of the last failed call on the calling thread, or ""
 * when that thread's last fallible call succeeded (each function returning a status
 * resets it; hukou_engine_free, hukou_string_free and the version and name functions
 * leave it as it is). The string is owned by
 * the library and stays valid until the same thread's next call into the library;
 * never NULL; never free it.
 * Thread safety: per thread.
 */
HUKOU_API const char *hukou_last_error(void);

/*
 * hukou_status_name: the symbolic name of a status code ("HUKOU_OK", "HUKOU_E_PARSE",
 * ...), or "HUKOU_E_UNKNOWN_STATUS" for a value that is none of them.
 * Returns a static string; never NULL; never free it. Thread safety: always safe.
 */
HUKOU_API const char *hukou_status_name(int status);

/* ================================================================ robustness
 * Pack serials across restarts, and the bounds of one call (docs/robustness.md,
 * docs/signing.md).
 */

/* The work and answer bounds of one decision call, checked before the call does its
 * work (HUKOU_E_LIMIT, naming the bound): evaluations (a condition node judged or a
 * points indicator scored, estimated from the pack's shape and the number of people in
 * the request), and condition nodes and indicators reported in one answer. The embedded
 * packs need at most a few thousand of each. The answer's size is estimated the same way
 * (nodes and their pack texts) and checked against HUKOU_MAX_ANSWER_BYTES (below, the
 * largest answer hukou_render takes) before it is built, and its written size again
 * after: no decision call returns a larger answer, so every answer can be rendered. */
#define HUKOU_MAX_CALL_WORK 2000000
#define HUKOU_MAX_ANSWER_NODES 20000

/*
 * hukou_engine_set_min_serial: the lowest "serial" the engine accepts for pack_id, so
 * that a downgrade is refused across restarts. Firmware keeps, per pack id, the serial
 * of the newest pack it has accepted (hukou_engine_pack_serial after a successful
 * hukou_engine_load_pack) in its own storage, and passes it back after every restart,
 * before loading packs:
 *
 *   hukou_engine_new_trusted(keys, 2, &e);
 *   hukou_engine_set_min_serial(e, "anyang", stored_serial);   // from firmware storage
 *   if (hukou_engine_load_pack(e, pack, len) == HUKOU_OK) {
 *       int64_t serial;
 *       hukou_engine_pack_serial(e, "anyang", &serial);
 *       store_serial("anyang", serial);                        // kept across restarts
 *   }
 *
 * Effect: later loads of pack_id with a serial below the floor fail with
 * HUKOU_E_ROLLBACK, and versions of pack_id already in the engine (the embedded ones
 * included) whose serial is below it are withdrawn at once: a decision call for that
 * jurisdiction then fails with HUKOU_E_ROLLBACK until a pack at or above the floor is
 * loaded (fail closed: an attacker who deletes the stored pack cannot bring the older
 * embedded one back). A floor is only ever raised: a lower serial than the current
 * floor is accepted and changes nothing. pack_id need not be loaded yet.
 * pack_id:  NUL-terminated pack id ("anyang", "wenzhou/leqing"); at most 64 bytes read.
 * serial:   0 to 2147483647 (the range of a pack's "serial").
 * Returns:  HUKOU_OK; HUKOU_E_MISUSE (e or pack_id NULL, e not a live engine, pack_id not
 *           a pack id, serial out of range).
 * Thread safety: as hukou_engine_load_pack (safe while other threads read e).
 */
HUKOU_API int hukou_engine_set_min_serial(hukou_engine *e, const char *pack_id, int64_t serial);

/*
 * hukou_engine_pack_serial: the serial of the pack the engine answers pack_id from: the
 * highest "serial" among its loaded versions at or above the floor (embedded packs
 * have real serials, starting at 1; a pack without "serial" counts as 0).
 * out_serial: receives the serial; set to -1 on failure.
 * Returns:  HUKOU_OK; HUKOU_E_MISUSE (e, pack_id or out_serial NULL, e not a live engine,
 *           pack_id not a pack id); HUKOU_E_UNKNOWN_JURISDICTION (no such pack loaded);
 *           HUKOU_E_ROLLBACK (every loaded version is below the floor).
 * Thread safety: safe, also while a pack is being loaded.
 */
HUKOU_API int hukou_engine_pack_serial(const hukou_engine *e, const char *pack_id, int64_t *out_serial);

/* ------------------------------------------------------------------------------------
 * Rendering and decision receipts (docs/rendering.md)
 *
 * One renderer for every kiosk: the screen (HTML), the clerk's terminal (text) and the
 * thermal printer (receipt), each in the answer's locale (zh-CN or en), with every
 * token and field replaced by its label, the verdict first, the clause under each
 * line, and validity and provisional warnings before anything else.
 * ---------------------------------------------------------------------------------- */

/* Formats of hukou_render. A receipt format's value is its width in columns (every
 * non-ASCII character counts two columns, as on a GB18030 thermal printer). */
#define HUKOU_RENDER_TEXT        1   /* plain text for a terminal (UTF-8, '\n' line ends) */
#define HUKOU_RENDER_HTML        2   /* one self-contained page: inline CSS, no scripts, no external assets; portrait 1080x1920 */
#define HUKOU_RENDER_RECEIPT_32 32   /* fixed-width text, 32 columns (58 mm paper) */
#define HUKOU_RENDER_RECEIPT_48 48   /* fixed-width text, 48 columns (80 mm paper) */

/* Largest answer hukou_render takes. */
#define HUKOU_MAX_ANSWER_BYTES (4 * 1048576)

/*
 * hukou_render: an answer of hukou_check_eligibility, hukou_score_points or
 * hukou_lookup_entitlements, laid out for people.
 * e:        the engine (not modified; labels are the engine's).
 * answer/len: the answer JSON as the library returned it (not retained).
 * format:   HUKOU_RENDER_TEXT, HUKOU_RENDER_HTML, HUKOU_RENDER_RECEIPT_32 or _48.
 * out:      receives the rendering (UTF-8, NUL-terminated); free it with
 *           hukou_string_free(). NULL on failure.
 * Returns:  HUKOU_OK; HUKOU_E_MISUSE (e, answer or out NULL, len 0, or an unknown
 *           format); HUKOU_E_PARSE; HUKOU_E_INVALID (not an answer: "kind" is not one of
 *           the three questions, or an unknown "locale"); HUKOU_E_LIMIT (beyond
 *           HUKOU_MAX_ANSWER_BYTES or HUKOU_MAX_DEPTH); HUKOU_E_NOMEM.
 *           Members the renderer does not know are skipped, so answers of a newer
 *           library still render.
 * Thread safety: safe to call from many threads on one engine.
 */
HUKOU_API int hukou_render(const hukou_engine *e, const char *answer, size_t len, int format, char **out);

/* Questions of hukou_receipt. */
#define HUKOU_QUESTION_ELIGIBILITY  1  /* as hukou_check_eligibility */
#define HUKOU_QUESTION_POINTS       2  /* as hukou_score_points */
#define HUKOU_QUESTION_ENTITLEMENTS 3  /* as hukou_lookup_entitlements */

/*
 * hukou_receipt: answer a request and make its decision receipt: the date, the pack ids,
 * serials and content hashes, the verdict lines, and an HMAC-SHA-256 of the request under
 * the caller's key, so that a service center can later check a decision against the
 * request the citizen brings (`hukou receipt verify`) without keeping the citizen's data.
 * The key stays in the firmware: without it the digest cannot be searched over birth
 * dates. Format of the code in docs/rendering.md.
 * e:        the engine (not modified).
 * req/len:  the request JSON, as for hukou_check_eligibility (not retained).
 * question: HUKOU_QUESTION_ELIGIBILITY, _POINTS or _ENTITLEMENTS.
 * key/key_len: the firmware's receipt key, 16 to 1024 bytes (not retained).
 * columns:  32 or 48, the printer's width.
 * out_text: receives the printable receipt (may be NULL if not wanted).
 * out_code: receives the compact verification code for a QR code, one line of ASCII
 *           (may be NULL if not wanted; not both NULL). Free each with
 *           hukou_string_free(); both NULL on failure.
 * Returns:  HUKOU_OK; HUKOU_E_MISUSE (e, req or key NULL, len 0, key_len outside 16..1024,
 *           an unknown question, columns not 32 or 48, both outputs NULL); and the
 *           errors of the decision call.
 * Thread safety: safe to call from many threads on one engine.
 */
HUKOU_API int hukou_receipt(const hukou_engine *e, const char *req, size_t len, int question,
                            const unsigned char *key, size_t key_len, int columns,
                            char **out_text, char **out_code);

#ifdef __cplusplus
}
#endif

#endif /* HUKOU_H */
