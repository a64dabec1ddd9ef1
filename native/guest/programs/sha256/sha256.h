#ifndef SHA256_H
#define SHA256_H
#include <stddef.h>
#include <stdint.h>

/* SHA-256 (FIPS 180-4). */
typedef struct {
  uint32_t state[8];
  uint64_t length;  /* bytes hashed so far */
  uint8_t block[64];
  size_t used;      /* bytes waiting in block */
} sha256_ctx;

void sha256_init(sha256_ctx *ctx);
void sha256_update(sha256_ctx *ctx, const void *data, size_t len);
void sha256_final(sha256_ctx *ctx, uint8_t digest[32]);
void sha256(const void *data, size_t len, uint8_t digest[32]);

#endif
