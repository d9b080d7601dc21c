/* Unit tests for the regex engine against CPython-generated vectors. */
#include "regex.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test_regex_vectors.h"

static int passed, failed;
static int32_t progbuf[1 << 16];
static ptrdiff_t mem[1 << 14];

static void check(int ok, const char *what, const char *got, const char *want)
{
    if (ok) {
        passed++;
        return;
    }
    failed++;
    printf("FAIL: %s: got '%s' want '%s'\n", what, got, want);
}

static const re_prog *compile(const char *pat, unsigned flags, re_error *err)
{
    const re_prog *p = NULL;
    int rc = re_compile(pat, strlen(pat), flags, progbuf, sizeof progbuf, &p, err);
    return rc == RE_OK ? p : NULL;
}

static void run_match(const struct vec *v)
{
    re_error err;
    const re_prog *p = compile(v->pat, v->flags, &err);
    char got[512] = "", what[256];
    snprintf(what, sizeof what, "/%s/ %u on \"%s\" %s", v->pat, v->flags, v->text, v->mode);
    if (!p) {
        check(0, what, err.msg ? err.msg : "compile failed", v->expect);
        return;
    }
    re_ctx ctx = {mem, sizeof mem / sizeof *mem, 1000000, NULL, NULL};
    ptrdiff_t spans[64];
    int mode = !strcmp(v->mode, "match")       ? RE_ANCHORED
               : !strcmp(v->mode, "fullmatch") ? RE_FULLMATCH
                                               : RE_SEARCH;
    size_t start = !strcmp(v->mode, "search1") ? 1 : 0;
    int rc = re_exec(p, v->text, strlen(v->text), start, mode, &ctx, spans);
    if (rc == 0) {
        strcpy(got, "none");
    } else if (rc < 0) {
        snprintf(got, sizeof got, "error %d", rc);
    } else {
        for (int i = 0; i < 2 * (re_groups(p) + 1); i++) {
            size_t n = strlen(got);
            snprintf(got + n, sizeof got - n, "%s%td", i ? " " : "", spans[i]);
        }
    }
    check(!strcmp(got, v->expect), what, got, v->expect);
}

static void run_error(const struct vec *v)
{
    re_error err;
    char msg[200];
    const re_prog *p = compile(v->pat, v->flags, &err);
    if (p) {
        strcpy(msg, "ok");
    } else if (err.detail_len) {
        /* The re module's rendering: names are quoted, other text is not. */
        int quote = strstr(err.msg, "name") != NULL;
        int n = snprintf(msg, sizeof msg, quote ? "%s '%.*s'" : "%s %.*s", err.msg,
                         (int)err.detail_len, v->pat + err.detail_pos);
        if (err.group) {
            snprintf(msg + n, sizeof msg - (size_t)n, " as group %d; was group %d", err.group,
                     err.prev_group);
        }
    } else {
        snprintf(msg, sizeof msg, "%s", err.msg);
    }
    /* Our messages are CPython's or a prefix of them. */
    check(!strncmp(v->expect, msg, strlen(msg)), v->pat, msg, v->expect);
}

/* findall-style iteration with the not-empty rule, compared with CPython. */
static void test_iteration(void)
{
    static const struct {
        const char *pat, *text, *want;
    } cases[] = {
        {"a*", "baaa", "0-0 1-4 4-4"},        {"x*", "abxd", "0-0 1-1 2-3 3-3 4-4"},
        {"\\b", "a b", "0-0 1-1 2-2 3-3"},    {"a|", "aab", "0-1 1-2 2-2 3-3"},
        {"(?=a)|a", "aa", "0-0 0-1 1-1 1-2"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        re_error err;
        const re_prog *p = compile(cases[i].pat, 0, &err);
        re_ctx ctx = {mem, sizeof mem / sizeof *mem, 0, NULL, NULL};
        ptrdiff_t spans[8];
        char got[200] = "";
        size_t len = strlen(cases[i].text), pos = 0;
        int flags = 0;
        while (pos <= len &&
               re_exec(p, cases[i].text, len, pos, RE_SEARCH | flags, &ctx, spans) == 1) {
            size_t n = strlen(got);
            snprintf(got + n, sizeof got - n, "%s%td-%td", n ? " " : "", spans[0], spans[1]);
            flags = spans[0] == spans[1] ? RE_NOTEMPTY_AT_START : 0;
            pos = (size_t)spans[1];
        }
        check(!strcmp(got, cases[i].want), cases[i].pat, got, cases[i].want);
    }
}

static int stop_now(void *arg)
{
    return ++*(int *)arg > 2;
}

static void test_limits(void)
{
    re_error err;
    const re_prog *p = compile("(a*)*b", 0, &err);
    static char text[20001];
    memset(text, 'a', 20000);
    re_ctx ctx = {mem, sizeof mem / sizeof *mem, 50000, NULL, NULL};
    ptrdiff_t spans[4];
    int rc = re_exec(p, text, 30, 0, RE_SEARCH, &ctx, spans);
    check(rc == RE_ESTEPS, "step budget", rc == RE_ESTEPS ? "ESTEPS" : "other", "ESTEPS");
    int calls = 0;
    re_ctx ictx = {mem, sizeof mem / sizeof *mem, 0, stop_now, &calls};
    rc = re_exec(p, text, 30, 0, RE_SEARCH, &ictx, spans);
    check(rc == RE_EINTR, "interrupt", rc == RE_EINTR ? "EINTR" : "other", "EINTR");
    /* A long greedy loop needs one frame per character: small stacks fail
     * cleanly instead of overflowing. */
    p = compile("(?:a|b)*c", 0, &err);
    re_ctx small = {mem, 100, 0, NULL, NULL};
    rc = re_exec(p, text, 20000, 0, RE_ANCHORED, &small, spans);
    check(rc == RE_ENOMEM, "stack limit", rc == RE_ENOMEM ? "ENOMEM" : "other", "ENOMEM");
    /* Compile-size negotiation. */
    const re_prog *q;
    int32_t tiny[4];
    rc = re_compile("a{100}", 6, 0, tiny, sizeof tiny, &q, &err);
    check(rc == RE_ENOMEM && err.need > sizeof tiny, "compile ENOMEM", "", "");
    rc = re_compile("x{1000000000}", 13, 0, progbuf, sizeof progbuf, &q, &err);
    check(rc == RE_ESYNTAX, "huge repeat", err.msg ? err.msg : "ok", "pattern too large");
    p = compile("(?P<year>\\d+)-(?P<mon>\\d+)", 0, &err);
    check(re_group_index(p, "mon", 3) == 2 && re_group_index(p, "day", 3) == -1, "groupindex", "",
          "");
    /* Bytes mode: no UTF-8 decoding. */
    p = compile(".", RE_BYTES, &err);
    rc = re_exec(p, "\xc3\xa9", 2, 0, RE_SEARCH, &ctx, spans);
    check(rc == 1 && spans[1] == 1, "bytes dot", "", "");
}

int main(void)
{
    for (size_t i = 0; i < sizeof vectors / sizeof *vectors; i++) {
        if (!strcmp(vectors[i].mode, "error")) {
            run_error(&vectors[i]);
        } else {
            run_match(&vectors[i]);
        }
    }
    test_limits();
    test_iteration();
    printf("regex: %d passed, %d failed\n", passed, failed);
    return failed != 0;
}
