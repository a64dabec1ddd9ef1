#include "keccak.h"

#define RATE 136

static const uint64_t round_constants[24] = {
    0x0000000000000001ULL, 0x0000000000008082ULL, 0x800000000000808aULL, 0x8000000080008000ULL,
    0x000000000000808bULL, 0x0000000080000001ULL, 0x8000000080008081ULL, 0x8000000000008009ULL,
    0x000000000000008aULL, 0x0000000000000088ULL, 0x0000000080008009ULL, 0x000000008000000aULL,
    0x000000008000808bULL, 0x800000000000008bULL, 0x8000000000008089ULL, 0x8000000000008003ULL,
    0x8000000000008002ULL, 0x8000000000000080ULL, 0x000000000000800aULL, 0x800000008000000aULL,
    0x8000000080008081ULL, 0x8000000000008080ULL, 0x0000000080000001ULL, 0x8000000080008008ULL,
};

static inline uint64_t rotl(uint64_t x, unsigned n) { return n == 0 ? x : (x << n) | (x >> (64 - n)); }

/* Keccak-f[1600]. Lanes are indexed x + 5y. The rho/pi step is written out so that every
 * rotation amount is a constant (a 64-bit rotate by a variable is costly on RV32). */
static void permute(uint64_t a[25]) {
    for (int round = 0; round < 24; round++) {
        uint64_t c[5], d[5], b[25];
        for (int x = 0; x < 5; x++) c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
        for (int x = 0; x < 5; x++) d[x] = c[(x + 4) % 5] ^ rotl(c[(x + 1) % 5], 1);
        for (int i = 0; i < 25; i++) a[i] ^= d[i % 5];
        /* b[y + 5*((2x + 3y) % 5)] = rotl(a[x + 5y], r[x][y]) */
        b[0] = a[0];
        b[10] = rotl(a[1], 1);
        b[20] = rotl(a[2], 62);
        b[5] = rotl(a[3], 28);
        b[15] = rotl(a[4], 27);
        b[16] = rotl(a[5], 36);
        b[1] = rotl(a[6], 44);
        b[11] = rotl(a[7], 6);
        b[21] = rotl(a[8], 55);
        b[6] = rotl(a[9], 20);
        b[7] = rotl(a[10], 3);
        b[17] = rotl(a[11], 10);
        b[2] = rotl(a[12], 43);
        b[12] = rotl(a[13], 25);
        b[22] = rotl(a[14], 39);
        b[23] = rotl(a[15], 41);
        b[8] = rotl(a[16], 45);
        b[18] = rotl(a[17], 15);
        b[3] = rotl(a[18], 21);
        b[13] = rotl(a[19], 8);
        b[14] = rotl(a[20], 18);
        b[24] = rotl(a[21], 2);
        b[9] = rotl(a[22], 61);
        b[19] = rotl(a[23], 56);
        b[4] = rotl(a[24], 14);
        for (int y = 0; y < 25; y += 5)
            for (int x = 0; x < 5; x++) a[y + x] = b[y + x] ^ (~b[y + (x + 1) % 5] & b[y + (x + 2) % 5]);
        a[0] ^= round_constants[round];
    }
}

void bg_keccak_init(bg_keccak_ctx *ctx) {
    for (int i = 0; i < 25; i++) ctx->lanes[i] = 0;
    ctx->used = 0;
}

static inline void absorb_byte(bg_keccak_ctx *ctx, size_t at, uint8_t v) {
    ctx->lanes[at >> 3] ^= (uint64_t)v << (8 * (at & 7));
}

void bg_keccak_update(bg_keccak_ctx *ctx, const uint8_t *data, size_t len) {
    size_t used = ctx->used;
    while (len > 0) {
        if (used == 0 && len >= RATE) {
            /* Whole block: absorb lane by lane. */
            for (int i = 0; i < RATE / 8; i++) {
                const uint8_t *p = data + 8 * i;
                uint64_t lane = (uint64_t)(p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24) |
                                (uint64_t)(p[4] | p[5] << 8 | p[6] << 16 | (uint32_t)p[7] << 24) << 32;
                ctx->lanes[i] ^= lane;
            }
            permute(ctx->lanes);
            data += RATE;
            len -= RATE;
            continue;
        }
        absorb_byte(ctx, used++, *data++);
        len--;
        if (used == RATE) {
            permute(ctx->lanes);
            used = 0;
        }
    }
    ctx->used = used;
}

void bg_keccak_final(bg_keccak_ctx *ctx, uint8_t out[32]) {
    absorb_byte(ctx, ctx->used, 0x01);
    absorb_byte(ctx, RATE - 1, 0x80);
    permute(ctx->lanes);
    for (int i = 0; i < 32; i++) out[i] = (uint8_t)(ctx->lanes[i >> 3] >> (8 * (i & 7)));
}

void bg_keccak256(const uint8_t *data, size_t len, uint8_t out[32]) {
    bg_keccak_ctx ctx;
    bg_keccak_init(&ctx);
    bg_keccak_update(&ctx, data, len);
    bg_keccak_final(&ctx, out);
}
