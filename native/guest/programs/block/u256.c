#include "u256.h"

u256 u256_of(uint64_t v) {
    u256 r = {{(uint32_t)v, (uint32_t)(v >> 32), 0, 0, 0, 0, 0, 0}};
    return r;
}

u256 u256_from_be(const uint8_t b[32]) {
    u256 r;
    for (int i = 0; i < 8; i++) {
        const uint8_t *p = b + 28 - 4 * i;
        r.w[i] = (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
    }
    return r;
}

void u256_to_be(const u256 *a, uint8_t b[32]) {
    for (int i = 0; i < 8; i++) {
        uint8_t *p = b + 28 - 4 * i;
        p[0] = (uint8_t)(a->w[i] >> 24);
        p[1] = (uint8_t)(a->w[i] >> 16);
        p[2] = (uint8_t)(a->w[i] >> 8);
        p[3] = (uint8_t)a->w[i];
    }
}

bool u256_is_zero(const u256 *a) {
    uint32_t acc = 0;
    for (int i = 0; i < 8; i++) acc |= a->w[i];
    return acc == 0;
}

int u256_compare(const u256 *a, const u256 *b) {
    for (int i = 7; i >= 0; i--) {
        if (a->w[i] != b->w[i]) return a->w[i] < b->w[i] ? -1 : 1;
    }
    return 0;
}

bool u256_add(u256 *r, const u256 *a, const u256 *b) {
    uint64_t carry = 0;
    for (int i = 0; i < 8; i++) {
        carry += (uint64_t)a->w[i] + b->w[i];
        r->w[i] = (uint32_t)carry;
        carry >>= 32;
    }
    return carry != 0;
}

bool u256_sub(u256 *r, const u256 *a, const u256 *b) {
    uint32_t borrow = 0;
    for (int i = 0; i < 8; i++) {
        uint64_t d = (uint64_t)a->w[i] - b->w[i] - borrow;
        r->w[i] = (uint32_t)d;
        borrow = (uint32_t)(d >> 63);
    }
    return borrow != 0;
}

bool u256_mul(u256 *r, const u256 *a, const u256 *b) {
    uint32_t t[16] = {0};
    for (int i = 0; i < 8; i++) {
        uint64_t carry = 0;
        for (int j = 0; j < 8; j++) {
            carry += (uint64_t)a->w[i] * b->w[j] + t[i + j];
            t[i + j] = (uint32_t)carry;
            carry >>= 32;
        }
        t[i + 8] = (uint32_t)carry;
    }
    bool overflow = false;
    for (int i = 0; i < 8; i++) {
        r->w[i] = t[i];
        overflow |= t[8 + i] != 0;
    }
    return overflow;
}

u256 u256_div(const u256 *a, const u256 *d) {
    /* Shift-subtract long division: only a few divisions per block. */
    u256 q = u256_of(0), rem = u256_of(0);
    for (int bit = 255; bit >= 0; bit--) {
        uint32_t out = rem.w[7] >> 31; /* a bit shifted past 2^256: rem is then above d */
        for (int i = 7; i > 0; i--) rem.w[i] = rem.w[i] << 1 | rem.w[i - 1] >> 31;
        rem.w[0] = rem.w[0] << 1 | ((a->w[bit >> 5] >> (bit & 31)) & 1u);
        if (out || u256_compare(&rem, d) >= 0) {
            u256_sub(&rem, &rem, d);
            q.w[bit >> 5] |= 1u << (bit & 31);
        }
    }
    return q;
}

uint64_t u256_low64(const u256 *a, bool *fits) {
    uint32_t high = 0;
    for (int i = 2; i < 8; i++) high |= a->w[i];
    *fits = high == 0;
    return (uint64_t)a->w[0] | (uint64_t)a->w[1] << 32;
}
