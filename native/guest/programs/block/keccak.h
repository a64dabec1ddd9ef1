/* Keccak-256 as Ethereum uses it (original Keccak padding 0x01, not SHA3's 0x06). */
#ifndef BG_KECCAK_H
#define BG_KECCAK_H

#include <stddef.h>
#include <stdint.h>

void bg_keccak256(const uint8_t *data, size_t len, uint8_t out[32]);

/* Incremental hashing, for data that is not in one piece. */
typedef struct {
    uint64_t lanes[25];
    size_t used; /* bytes absorbed into the current 136-byte block */
} bg_keccak_ctx;

void bg_keccak_init(bg_keccak_ctx *ctx);
void bg_keccak_update(bg_keccak_ctx *ctx, const uint8_t *data, size_t len);
void bg_keccak_final(bg_keccak_ctx *ctx, uint8_t out[32]);

#endif
