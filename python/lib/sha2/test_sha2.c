/* Unit tests for sha2 against CPython's hashlib digests. */
#include "sha2.h"

#include <stdio.h>
#include <string.h>

#include "test_sha2_vectors.h"

static int passed, failed;

static void hex(const unsigned char *d, size_t n, char *out)
{
    for (size_t i = 0; i < n; i++) {
        sprintf(out + 2 * i, "%02x", d[i]);
    }
}

static void check(int ok, const char *what, size_t i)
{
    if (ok) {
        passed++;
    } else {
        failed++;
        printf("FAIL: %s vector %zu\n", what, i);
    }
}

int main(void)
{
    char h[2 * SHA512_DIGEST + 1];
    unsigned char d[SHA512_DIGEST];
    for (size_t i = 0; i < sizeof vectors / sizeof *vectors; i++) {
        const struct vec *v = &vectors[i];
        sha256_ctx a;
        sha512_ctx b;
        sha256_init(&a);
        sha256_update(&a, v->msg, v->len);
        sha256_final(&a, d);
        hex(d, SHA256_DIGEST, h);
        check(!strcmp(h, v->sha256), "sha256", i);
        /* Byte-at-a-time updates must give the same digest. */
        sha512_init(&b);
        for (size_t k = 0; k < v->len; k++) {
            sha512_update(&b, v->msg + k, 1);
        }
        sha512_final(&b, d);
        hex(d, SHA512_DIGEST, h);
        check(!strcmp(h, v->sha512), "sha512", i);
    }
    printf("sha2: %d passed, %d failed\n", passed, failed);
    return failed != 0;
}
