/* sha2: SHA-256 and SHA-512 (FIPS 180-4), streaming, no allocation.
 *
 * Used by random.seed(str) (CPython seeds with text + SHA-512(text)) and the
 * hashlib module. Contexts live in caller memory; all functions are
 * reentrant and may be called from an ISR.
 */
#ifndef SHA2_H
#define SHA2_H

#include <stddef.h>
#include <stdint.h>

#define SHA256_DIGEST 32
#define SHA512_DIGEST 64

typedef struct sha256_ctx {
    uint32_t h[8];
    uint64_t total; /* bytes hashed */
    unsigned char buf[64];
    size_t fill;
} sha256_ctx;

typedef struct sha512_ctx {
    uint64_t h[8];
    uint64_t total; /* bytes hashed (inputs below 2**64 bytes) */
    unsigned char buf[128];
    size_t fill;
} sha512_ctx;

void sha256_init(sha256_ctx *c);
void sha256_update(sha256_ctx *c, const void *data, size_t len);
/* Writes the digest; c may be reused after sha256_init(). */
void sha256_final(sha256_ctx *c, unsigned char out[SHA256_DIGEST]);

void sha512_init(sha512_ctx *c);
void sha512_update(sha512_ctx *c, const void *data, size_t len);
void sha512_final(sha512_ctx *c, unsigned char out[SHA512_DIGEST]);

#endif
