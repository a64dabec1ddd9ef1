#include "keccak.h"

#include "sys.h"

#define RATE 136

static const uint64_t round_constants[24] = {
    0x0000000000000001ULL, 0x0000000000008082ULL, 0x800000000000808aULL, 0x8000000080008000ULL,
    0x000000000000808bULL, 0x0000000080000001ULL, 0x8000000080008081ULL, 0x8000000000008009ULL,
    0x000000000000008aULL, 0x0000000000000088ULL, 0x0000000080008009ULL, 0x000000008000000aULL,
    0x000000008000808bULL, 0x800000000000008bULL, 0x8000000000008089ULL, 0x8000000000008003ULL,
    0x8000000000008002ULL, 0x8000000000000080ULL, 0x000000000000800aULL, 0x800000008000000aULL,
    0x8000000080008081ULL, 0x8000000000008080ULL, 0x0000000080000001ULL, 0x8000000080008008ULL,
};

#define ROL64(x, n) ((x) << (n) | (x) >> (64 - (n)))

/* One round from state a into state e (theta, rho, pi, chi, iota), written out row by row:
 * output row y takes the five lanes that pi moves there, each xored with theta's d and
 * rotated by rho's constant, and chi mixes them. Only constant rotations, no lane copies. */
#define KECCAK_ROUND(a, e, rc)                              \
    do {                                                    \
        uint64_t c0 = a[0] ^ a[5] ^ a[10] ^ a[15] ^ a[20];  \
        uint64_t c1 = a[1] ^ a[6] ^ a[11] ^ a[16] ^ a[21];  \
        uint64_t c2 = a[2] ^ a[7] ^ a[12] ^ a[17] ^ a[22];  \
        uint64_t c3 = a[3] ^ a[8] ^ a[13] ^ a[18] ^ a[23];  \
        uint64_t c4 = a[4] ^ a[9] ^ a[14] ^ a[19] ^ a[24];  \
        uint64_t d0 = c4 ^ ROL64(c1, 1);                    \
        uint64_t d1 = c0 ^ ROL64(c2, 1);                    \
        uint64_t d2 = c1 ^ ROL64(c3, 1);                    \
        uint64_t d3 = c2 ^ ROL64(c4, 1);                    \
        uint64_t d4 = c3 ^ ROL64(c0, 1);                    \
        uint64_t b0, b1, b2, b3, b4;                        \
        b0 = a[0] ^ d0;                                     \
        b1 = ROL64(a[6] ^ d1, 44);                          \
        b2 = ROL64(a[12] ^ d2, 43);                         \
        b3 = ROL64(a[18] ^ d3, 21);                         \
        b4 = ROL64(a[24] ^ d4, 14);                         \
        e[0] = b0 ^ (~b1 & b2) ^ (rc);                      \
        e[1] = b1 ^ (~b2 & b3);                             \
        e[2] = b2 ^ (~b3 & b4);                             \
        e[3] = b3 ^ (~b4 & b0);                             \
        e[4] = b4 ^ (~b0 & b1);                             \
        b0 = ROL64(a[3] ^ d3, 28);                          \
        b1 = ROL64(a[9] ^ d4, 20);                          \
        b2 = ROL64(a[10] ^ d0, 3);                          \
        b3 = ROL64(a[16] ^ d1, 45);                         \
        b4 = ROL64(a[22] ^ d2, 61);                         \
        e[5] = b0 ^ (~b1 & b2);                             \
        e[6] = b1 ^ (~b2 & b3);                             \
        e[7] = b2 ^ (~b3 & b4);                             \
        e[8] = b3 ^ (~b4 & b0);                             \
        e[9] = b4 ^ (~b0 & b1);                             \
        b0 = ROL64(a[1] ^ d1, 1);                           \
        b1 = ROL64(a[7] ^ d2, 6);                           \
        b2 = ROL64(a[13] ^ d3, 25);                         \
        b3 = ROL64(a[19] ^ d4, 8);                          \
        b4 = ROL64(a[20] ^ d0, 18);                         \
        e[10] = b0 ^ (~b1 & b2);                            \
        e[11] = b1 ^ (~b2 & b3);                            \
        e[12] = b2 ^ (~b3 & b4);                            \
        e[13] = b3 ^ (~b4 & b0);                            \
        e[14] = b4 ^ (~b0 & b1);                            \
        b0 = ROL64(a[4] ^ d4, 27);                          \
        b1 = ROL64(a[5] ^ d0, 36);                          \
        b2 = ROL64(a[11] ^ d1, 10);                         \
        b3 = ROL64(a[17] ^ d2, 15);                         \
        b4 = ROL64(a[23] ^ d3, 56);                         \
        e[15] = b0 ^ (~b1 & b2);                            \
        e[16] = b1 ^ (~b2 & b3);                            \
        e[17] = b2 ^ (~b3 & b4);                            \
        e[18] = b3 ^ (~b4 & b0);                            \
        e[19] = b4 ^ (~b0 & b1);                            \
        b0 = ROL64(a[2] ^ d2, 62);                          \
        b1 = ROL64(a[8] ^ d3, 55);                          \
        b2 = ROL64(a[14] ^ d4, 39);                         \
        b3 = ROL64(a[15] ^ d0, 41);                         \
        b4 = ROL64(a[21] ^ d1, 2);                          \
        e[20] = b0 ^ (~b1 & b2);                            \
        e[21] = b1 ^ (~b2 & b3);                            \
        e[22] = b2 ^ (~b3 & b4);                            \
        e[23] = b3 ^ (~b4 & b0);                            \
        e[24] = b4 ^ (~b0 & b1);                            \
    } while (0)

/* Keccak-f[1600] on lanes indexed x + 5y, two rounds per step (a -> e -> a); the zkVM's
 * precompile where there is one. */
static void permute(uint64_t a[25]) {
    if (bg_sys_accel() & BG_ACCEL_KECCAK) {
        bg_sys_keccak_f(a);
        return;
    }
    uint64_t e[25];
    for (int round = 0; round < 24; round += 2) {
        KECCAK_ROUND(a, e, round_constants[round]);
        KECCAK_ROUND(e, a, round_constants[round + 1]);
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
