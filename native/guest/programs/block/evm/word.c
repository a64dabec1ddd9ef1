#include "word.h"

u256 evm_add(const u256 *a, const u256 *b) {
    u256 r;
    u256_add(&r, a, b);
    return r;
}

u256 evm_sub(const u256 *a, const u256 *b) {
    u256 r;
    u256_sub(&r, a, b);
    return r;
}

u256 evm_neg(const u256 *a) {
    u256 zero = u256_of(0);
    return evm_sub(&zero, a);
}

u256 evm_mul(const u256 *a, const u256 *b) {
    /* Only the low eight limbs of the product: half the work of a full 512-bit product. */
    uint32_t t[8] = {0};
    for (int i = 0; i < 8; i++) {
        if (a->w[i] == 0) continue;
        uint64_t carry = 0;
        for (int j = 0; i + j < 8; j++) {
            carry += (uint64_t)a->w[i] * b->w[j] + t[i + j];
            t[i + j] = (uint32_t)carry;
            carry >>= 32;
        }
    }
    u256 r;
    for (int i = 0; i < 8; i++) r.w[i] = t[i];
    return r;
}

static int limbs(const uint32_t *a, int n) {
    while (n > 0 && a[n - 1] == 0) n--;
    return n;
}

void evm_divmod_limbs(const uint32_t *u, int m, const uint32_t *v, int n, uint32_t *q, uint32_t *r,
                      uint32_t *scratch) {
    if (n == 1) {
        uint64_t rem = 0;
        for (int i = m - 1; i >= 0; i--) {
            uint64_t cur = rem << 32 | u[i];
            if (q != 0) q[i] = (uint32_t)(cur / v[0]);
            rem = cur % v[0];
        }
        r[0] = (uint32_t)rem;
        return;
    }
    /* Knuth's algorithm D on 32-bit digits, normalised so that the divisor's top bit is set. */
    int s = __builtin_clz(v[n - 1]);
    uint32_t *vn = scratch, *un = scratch + n;
    for (int i = n - 1; i > 0; i--) vn[i] = v[i] << s | (s ? (uint32_t)((uint64_t)v[i - 1] >> (32 - s)) : 0);
    vn[0] = v[0] << s;
    un[m] = s ? (uint32_t)((uint64_t)u[m - 1] >> (32 - s)) : 0;
    for (int i = m - 1; i > 0; i--) un[i] = u[i] << s | (s ? (uint32_t)((uint64_t)u[i - 1] >> (32 - s)) : 0);
    un[0] = u[0] << s;
    for (int j = m - n; j >= 0; j--) {
        uint64_t num = (uint64_t)un[j + n] << 32 | un[j + n - 1];
        uint64_t qhat = num / vn[n - 1], rhat = num % vn[n - 1];
        while (qhat >> 32 != 0 || qhat * vn[n - 2] > (rhat << 32 | un[j + n - 2])) {
            qhat--;
            rhat += vn[n - 1];
            if (rhat >> 32 != 0) break;
        }
        int64_t borrow = 0, t;
        for (int i = 0; i < n; i++) {
            uint64_t p = qhat * vn[i];
            t = (int64_t)un[i + j] - borrow - (int64_t)(p & 0xffffffffu);
            un[i + j] = (uint32_t)t;
            borrow = (int64_t)(p >> 32) - (t >> 32);
        }
        t = (int64_t)un[j + n] - borrow;
        un[j + n] = (uint32_t)t;
        if (t < 0) { /* qhat was one too large: add the divisor back */
            qhat--;
            uint64_t c = 0;
            for (int i = 0; i < n; i++) {
                c += (uint64_t)un[i + j] + vn[i];
                un[i + j] = (uint32_t)c;
                c >>= 32;
            }
            un[j + n] += (uint32_t)c;
        }
        if (q != 0) q[j] = (uint32_t)qhat;
    }
    for (int i = 0; i < n; i++) r[i] = un[i] >> s | (s ? (uint32_t)((uint64_t)un[i + 1] << (32 - s)) : 0);
}

/* a = q * b + r for b != 0. */
static void divmod(const u256 *a, const u256 *b, u256 *q, u256 *r) {
    *q = u256_of(0);
    *r = u256_of(0);
    int n = limbs(b->w, 8), m = limbs(a->w, 8);
    if (m < n) {
        *r = *a;
        return;
    }
    uint32_t scratch[17];
    evm_divmod_limbs(a->w, m, b->w, n, q->w, r->w, scratch);
}

u256 evm_div(const u256 *a, const u256 *b) {
    u256 q, r;
    if (u256_is_zero(b)) return u256_of(0);
    divmod(a, b, &q, &r);
    return q;
}

u256 evm_mod(const u256 *a, const u256 *b) {
    u256 q, r;
    if (u256_is_zero(b)) return u256_of(0);
    divmod(a, b, &q, &r);
    return r;
}

static bool negative(const u256 *a) { return a->w[7] >> 31 != 0; }

static u256 magnitude(const u256 *a) { return negative(a) ? evm_neg(a) : *a; }

u256 evm_sdiv(const u256 *a, const u256 *b) {
    if (u256_is_zero(b)) return u256_of(0);
    u256 ma = magnitude(a), mb = magnitude(b), q, r;
    divmod(&ma, &mb, &q, &r);
    /* -2^255 / -1 wraps back to -2^255, as the EVM wants. */
    return negative(a) != negative(b) ? evm_neg(&q) : q;
}

u256 evm_smod(const u256 *a, const u256 *b) {
    if (u256_is_zero(b)) return u256_of(0);
    u256 ma = magnitude(a), mb = magnitude(b), q, r;
    divmod(&ma, &mb, &q, &r);
    return negative(a) ? evm_neg(&r) : r;
}

u256 evm_addmod(const u256 *a, const u256 *b, const u256 *n) {
    if (u256_is_zero(n)) return u256_of(0);
    uint32_t sum[9];
    uint64_t carry = 0;
    for (int i = 0; i < 8; i++) {
        carry += (uint64_t)a->w[i] + b->w[i];
        sum[i] = (uint32_t)carry;
        carry >>= 32;
    }
    sum[8] = (uint32_t)carry;
    u256 r = u256_of(0);
    int dn = limbs(n->w, 8), m = limbs(sum, 9);
    if (m < dn) {
        for (int i = 0; i < 8; i++) r.w[i] = sum[i];
        return r;
    }
    uint32_t scratch[18];
    evm_divmod_limbs(sum, m, n->w, dn, 0, r.w, scratch);
    return r;
}

u256 evm_mulmod(const u256 *a, const u256 *b, const u256 *n) {
    if (u256_is_zero(n)) return u256_of(0);
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
    u256 r = u256_of(0);
    int dn = limbs(n->w, 8), m = limbs(t, 16);
    if (m < dn) {
        for (int i = 0; i < 8; i++) r.w[i] = t[i];
        return r;
    }
    uint32_t scratch[25];
    evm_divmod_limbs(t, m, n->w, dn, 0, r.w, scratch);
    return r;
}

u256 evm_exp(const u256 *base, const u256 *exponent) {
    u256 result = u256_of(1), b = *base;
    int bits = 256;
    while (bits > 0 && ((exponent->w[(bits - 1) >> 5] >> ((bits - 1) & 31)) & 1) == 0) bits--;
    for (int i = 0; i < bits; i++) {
        if ((exponent->w[i >> 5] >> (i & 31)) & 1) result = evm_mul(&result, &b);
        if (i + 1 < bits) b = evm_mul(&b, &b);
    }
    return result;
}

bool evm_fits_u64(const u256 *a, uint64_t *v) {
    bool fits;
    *v = u256_low64(a, &fits);
    return fits;
}

u256 evm_signextend(const u256 *bytes, const u256 *x) {
    uint64_t k;
    if (!evm_fits_u64(bytes, &k) || k >= 31) return *x;
    unsigned bit = (unsigned)k * 8 + 7;
    bool sign = (x->w[bit >> 5] >> (bit & 31)) & 1;
    u256 r = *x;
    for (unsigned i = 0; i < 8; i++) {
        unsigned lo = i * 32;
        if (lo > bit) {
            r.w[i] = sign ? 0xffffffffu : 0;
        } else if (lo + 31 > bit) {
            uint32_t mask = (2u << (bit - lo)) - 1; /* bits lo..bit of this limb */
            r.w[i] = sign ? (r.w[i] | ~mask) : (r.w[i] & mask);
        }
    }
    return r;
}

bool evm_slt(const u256 *a, const u256 *b) {
    bool na = negative(a), nb = negative(b);
    if (na != nb) return na;
    return u256_compare(a, b) < 0;
}

u256 evm_byte(const u256 *i, const u256 *x) {
    uint64_t k;
    if (!evm_fits_u64(i, &k) || k >= 32) return u256_of(0);
    unsigned bit = (31 - (unsigned)k) * 8;
    return u256_of((x->w[bit >> 5] >> (bit & 31)) & 0xff);
}

u256 evm_shl(const u256 *shift, const u256 *x) {
    uint64_t k;
    u256 r = u256_of(0);
    if (!evm_fits_u64(shift, &k) || k >= 256) return r;
    unsigned limb = (unsigned)k >> 5, bits = (unsigned)k & 31;
    for (int i = 7; i >= (int)limb; i--) {
        uint32_t v = x->w[i - limb] << bits;
        if (bits != 0 && i - (int)limb - 1 >= 0) v |= x->w[i - limb - 1] >> (32 - bits);
        r.w[i] = v;
    }
    return r;
}

static u256 shift_right(const u256 *shift, const u256 *x, uint32_t fill) {
    uint64_t k;
    u256 r;
    for (int i = 0; i < 8; i++) r.w[i] = fill;
    if (!evm_fits_u64(shift, &k) || k >= 256) return r;
    unsigned limb = (unsigned)k >> 5, bits = (unsigned)k & 31;
    for (unsigned i = 0; i + limb < 8; i++) {
        uint32_t hi = i + limb + 1 < 8 ? x->w[i + limb + 1] : fill;
        r.w[i] = bits == 0 ? x->w[i + limb] : (x->w[i + limb] >> bits | hi << (32 - bits));
    }
    return r;
}

u256 evm_shr(const u256 *shift, const u256 *x) { return shift_right(shift, x, 0); }

u256 evm_sar(const u256 *shift, const u256 *x) { return shift_right(shift, x, negative(x) ? 0xffffffffu : 0); }

unsigned evm_byte_len(const u256 *a) {
    for (int i = 7; i >= 0; i--) {
        if (a->w[i] != 0) return (unsigned)i * 4 + (32 - (unsigned)__builtin_clz(a->w[i]) + 7) / 8;
    }
    return 0;
}
