/* Field arithmetic mod p = 2^256 - 2^32 - 977 on eight 32-bit limbs (little-endian limb
 * order). Elements are kept below 2^256 but not necessarily below p ("weakly reduced");
 * fe_normalize brings them into [0, p) where a canonical value matters. Products are
 * reduced with 2^256 = 0x1000003D1 (mod p), which needs no division. Scalars mod n use
 * Montgomery multiplication: only a few scalar operations happen per signature. Inverses use
 * the binary extended Euclidean algorithm (variable time: all inputs are public).
 *
 * Recovery computes Q = u1*G + u2*R in Jacobian coordinates with Strauss–Shamir
 * interleaving over width-w NAFs of the GLV halves of u1 and u2: one shared chain of about 130
 * doublings and only mixed additions, from static tables of odd multiples of G and lambda*G
 * and small tables for every R, made affine together for a whole batch of signatures. All inputs are
 * public, so nothing here needs to run in constant time. */
#include "secp256k1.h"

#include "sys.h"
#include "util.h"

typedef struct { uint32_t v[8]; } fe;
typedef struct { fe x, y; } ge;                 /* affine point, never infinity */
typedef struct { fe x, y, z; bool inf; } gej;   /* Jacobian point (x/z^2, y/z^3) */
typedef struct { uint32_t v[8]; } sc;           /* scalar mod n */

#define C977 977u

static const fe FE_P = {{0xfffffc2fu, 0xfffffffeu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu,
                         0xffffffffu, 0xffffffffu}};
static const sc SC_N = {{0xd0364141u, 0xbfd25e8cu, 0xaf48a03bu, 0xbaaedce6u, 0xfffffffeu, 0xffffffffu,
                         0xffffffffu, 0xffffffffu}};
static const sc SC_N_HALF = {{0x681b20a0u, 0xdfe92f46u, 0x57a4501du, 0x5d576e73u, 0xffffffffu, 0xffffffffu,
                              0xffffffffu, 0x7fffffffu}};
static const sc SC_R2 = {{0x67d7d140u, 0x896cf214u, 0x0e7cf878u, 0x741496c2u, 0x5bcd07c6u, 0xe697f5e4u,
                          0x81c69bc5u, 0x9d671cd5u}};   /* 2^512 mod n */
static const uint32_t SC_N0INV = 0x5588b13fu;          /* -n^-1 mod 2^32 */

/* The endomorphism (x, y) -> (beta*x, y) is multiplication by lambda (GLV). A scalar k splits
 * into k1 + k2*lambda with k1, k2 of about 128 bits using the short lattice basis
 * (a1, b1), (a2, b2): c1 = round(b2*k/n), c2 = round(-b1*k/n) come from k*G1 and k*G2 shifted
 * right by 384 bits, then k2 = -(c1*b1 + c2*b2) and k1 = k - k2*lambda (mod n). The identity
 * holds whatever c1 and c2 are; their accuracy only keeps k1 and k2 short. */
static const sc SC_LAMBDA = {{0x1b23bd72u, 0xdf02967cu, 0x20816678u, 0x122e22eau, 0x8812645au, 0xa5261c02u,
                              0xc05c30e0u, 0x5363ad4cu}};
static const fe FE_BETA = {{0x719501eeu, 0xc1396c28u, 0x12f58995u, 0x9cf04975u, 0xac3434e9u, 0x6e64479eu,
                            0x657c0710u, 0x7ae96a2bu}};
static const sc SC_G1 = {{0x45dbb031u, 0xe893209au, 0x71e8ca7fu, 0x3daa8a14u, 0x9284eb15u, 0xe86c90e4u,
                          0xa7d46bcdu, 0x3086d221u}};  /* round(2^384 * b2 / n) */
static const sc SC_G2 = {{0x8ac47f71u, 0x1571b4aeu, 0x9df506c6u, 0x221208acu, 0x0abfe4c4u, 0x6f547fa9u,
                          0x010e8828u, 0xe4437ed6u}};  /* round(2^384 * -b1 / n) */
static const sc SC_MINUS_B1 = {{0x0abfe4c3u, 0x6f547fa9u, 0x010e8828u, 0xe4437ed6u, 0, 0, 0, 0}};
static const sc SC_MINUS_B2 = {{0x3db1562cu, 0xd765cda8u, 0x0774346du, 0x8a280ac5u, 0xfffffffeu, 0xffffffffu,
                                0xffffffffu, 0xffffffffu}};  /* n - b2 */
static const ge G = {
    {{0x16f81798u, 0x59f2815bu, 0x2dce28d9u, 0x029bfcdbu, 0xce870b07u, 0x55a06295u, 0xf9dcbbacu, 0x79be667eu}},
    {{0xfb10d4b8u, 0x9c47d08fu, 0xa6855419u, 0xfd17b448u, 0x0e1108a8u, 0x5da4fbfcu, 0x26a3c465u, 0x483ada77u}}};

/* ---- 256-bit helpers shared by fe and sc ---- */

static void limbs_from_be(uint32_t r[8], const uint8_t b[32]) {
    for (int i = 0; i < 8; i++) {
        const uint8_t *p = b + 28 - 4 * i;
        r[i] = (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
    }
}

static void limbs_to_be(uint8_t b[32], const uint32_t a[8]) {
    for (int i = 0; i < 8; i++) {
        uint8_t *p = b + 28 - 4 * i;
        p[0] = (uint8_t)(a[i] >> 24);
        p[1] = (uint8_t)(a[i] >> 16);
        p[2] = (uint8_t)(a[i] >> 8);
        p[3] = (uint8_t)a[i];
    }
}

/* -1, 0, 1 as a <, =, > b. */
static int limbs_cmp(const uint32_t a[8], const uint32_t b[8]) {
    for (int i = 7; i >= 0; i--) {
        if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
    }
    return 0;
}

static bool limbs_is_zero(const uint32_t a[8]) {
    uint32_t acc = 0;
    for (int i = 0; i < 8; i++) acc |= a[i];
    return acc == 0;
}

/* r = a - b; returns the borrow. */
static uint32_t limbs_sub(uint32_t r[8], const uint32_t a[8], const uint32_t b[8]) {
    uint32_t borrow = 0;
    for (int i = 0; i < 8; i++) {
        uint32_t d = a[i] - b[i];
        uint32_t b1 = a[i] < b[i];
        r[i] = d - borrow;
        borrow = b1 | (d < borrow);
    }
    return borrow;
}

/* r = a + b; returns the carry. */
static uint32_t limbs_add(uint32_t r[8], const uint32_t a[8], const uint32_t b[8]) {
    uint32_t carry = 0;
    for (int i = 0; i < 8; i++) {
        uint32_t s = a[i] + carry;
        uint32_t c1 = s < carry;
        r[i] = s + b[i];
        carry = c1 | (r[i] < s);
    }
    return carry;
}

/* Inversion modulo an odd prime m by the binary extended Euclidean algorithm, for a in
 * [1, m). Variable time, which is fine here (everything is public), and far cheaper than
 * Fermat's a^(m-2) in multiplications. */
static bool limbs_is_one(const uint32_t a[8]) {
    uint32_t acc = a[0] ^ 1u;
    for (int i = 1; i < 8; i++) acc |= a[i];
    return acc == 0;
}

static void limbs_shr1(uint32_t x[8], uint32_t top) {
    for (int i = 0; i < 7; i++) x[i] = x[i] >> 1 | x[i + 1] << 31;
    x[7] = x[7] >> 1 | top << 31;
}

/* x = x / 2 mod m. */
static void halve_mod(uint32_t x[8], const uint32_t m[8]) {
    uint32_t carry = (x[0] & 1u) ? limbs_add(x, x, m) : 0;
    limbs_shr1(x, carry);
}

static void inv_mod_var(uint32_t r[8], const uint32_t a[8], const uint32_t m[8]) {
    uint32_t u[8], v[8], x1[8] = {1}, x2[8] = {0};
    for (int i = 0; i < 8; i++) {
        u[i] = a[i];
        v[i] = m[i];
    }
    if (limbs_is_zero(u)) {
        for (int i = 0; i < 8; i++) r[i] = 0;
        return;
    }
    while (!limbs_is_one(u) && !limbs_is_one(v)) {
        while ((u[0] & 1u) == 0) {
            limbs_shr1(u, 0);
            halve_mod(x1, m);
        }
        while ((v[0] & 1u) == 0) {
            limbs_shr1(v, 0);
            halve_mod(x2, m);
        }
        if (limbs_cmp(u, v) >= 0) {
            limbs_sub(u, u, v);
            if (limbs_sub(x1, x1, x2)) limbs_add(x1, x1, m);
        } else {
            limbs_sub(v, v, u);
            if (limbs_sub(x2, x2, x1)) limbs_add(x2, x2, m);
        }
    }
    const uint32_t *x = limbs_is_one(u) ? x1 : x2;
    for (int i = 0; i < 8; i++) r[i] = x[i];
}

/* (c0, c1, c2) += x * y: the column accumulator of product scanning. */
#define MULACC(x, y)                                   \
    do {                                               \
        uint64_t p_ = (uint64_t)(x) * (y);             \
        uint32_t lo_ = (uint32_t)p_;                   \
        uint32_t hi_ = (uint32_t)(p_ >> 32);           \
        c0 += lo_;                                     \
        hi_ += c0 < lo_;                               \
        c1 += hi_;                                     \
        c2 += c1 < hi_;                                \
    } while (0)

/* Full 8x8-limb product, product scanning (Comba), written out column by column. */
static inline void mul_512(uint32_t t[16], const uint32_t a[8], const uint32_t b[8]) {
    uint32_t c0 = 0, c1 = 0, c2 = 0;
    MULACC(a[0], b[0]);
    t[0] = c0; c0 = c1; c1 = c2; c2 = 0;
    MULACC(a[0], b[1]); MULACC(a[1], b[0]);
    t[1] = c0; c0 = c1; c1 = c2; c2 = 0;
    MULACC(a[0], b[2]); MULACC(a[1], b[1]); MULACC(a[2], b[0]);
    t[2] = c0; c0 = c1; c1 = c2; c2 = 0;
    MULACC(a[0], b[3]); MULACC(a[1], b[2]); MULACC(a[2], b[1]); MULACC(a[3], b[0]);
    t[3] = c0; c0 = c1; c1 = c2; c2 = 0;
    MULACC(a[0], b[4]); MULACC(a[1], b[3]); MULACC(a[2], b[2]); MULACC(a[3], b[1]); MULACC(a[4], b[0]);
    t[4] = c0; c0 = c1; c1 = c2; c2 = 0;
    MULACC(a[0], b[5]); MULACC(a[1], b[4]); MULACC(a[2], b[3]); MULACC(a[3], b[2]); MULACC(a[4], b[1]); MULACC(a[5], b[0]);
    t[5] = c0; c0 = c1; c1 = c2; c2 = 0;
    MULACC(a[0], b[6]); MULACC(a[1], b[5]); MULACC(a[2], b[4]); MULACC(a[3], b[3]); MULACC(a[4], b[2]); MULACC(a[5], b[1]); MULACC(a[6], b[0]);
    t[6] = c0; c0 = c1; c1 = c2; c2 = 0;
    MULACC(a[0], b[7]); MULACC(a[1], b[6]); MULACC(a[2], b[5]); MULACC(a[3], b[4]); MULACC(a[4], b[3]); MULACC(a[5], b[2]); MULACC(a[6], b[1]); MULACC(a[7], b[0]);
    t[7] = c0; c0 = c1; c1 = c2; c2 = 0;
    MULACC(a[1], b[7]); MULACC(a[2], b[6]); MULACC(a[3], b[5]); MULACC(a[4], b[4]); MULACC(a[5], b[3]); MULACC(a[6], b[2]); MULACC(a[7], b[1]);
    t[8] = c0; c0 = c1; c1 = c2; c2 = 0;
    MULACC(a[2], b[7]); MULACC(a[3], b[6]); MULACC(a[4], b[5]); MULACC(a[5], b[4]); MULACC(a[6], b[3]); MULACC(a[7], b[2]);
    t[9] = c0; c0 = c1; c1 = c2; c2 = 0;
    MULACC(a[3], b[7]); MULACC(a[4], b[6]); MULACC(a[5], b[5]); MULACC(a[6], b[4]); MULACC(a[7], b[3]);
    t[10] = c0; c0 = c1; c1 = c2; c2 = 0;
    MULACC(a[4], b[7]); MULACC(a[5], b[6]); MULACC(a[6], b[5]); MULACC(a[7], b[4]);
    t[11] = c0; c0 = c1; c1 = c2; c2 = 0;
    MULACC(a[5], b[7]); MULACC(a[6], b[6]); MULACC(a[7], b[5]);
    t[12] = c0; c0 = c1; c1 = c2; c2 = 0;
    MULACC(a[6], b[7]); MULACC(a[7], b[6]);
    t[13] = c0; c0 = c1; c1 = c2; c2 = 0;
    MULACC(a[7], b[7]);
    t[14] = c0; c0 = c1; c1 = c2; c2 = 0;
    t[15] = c0;
}

/* Squaring: the cross products a[i]*a[j] (i < j) once by product scanning, the whole sum
 * doubled by a shift, then the squares a[i]^2 added along the diagonal. */
static inline void sqr_512(uint32_t t[16], const uint32_t a[8]) {
    uint32_t c0 = 0, c1 = 0, c2 = 0;
    t[0] = 0;
    MULACC(a[0], a[1]);
    t[1] = c0; c0 = c1; c1 = c2; c2 = 0;
    MULACC(a[0], a[2]);
    t[2] = c0; c0 = c1; c1 = c2; c2 = 0;
    MULACC(a[0], a[3]); MULACC(a[1], a[2]);
    t[3] = c0; c0 = c1; c1 = c2; c2 = 0;
    MULACC(a[0], a[4]); MULACC(a[1], a[3]);
    t[4] = c0; c0 = c1; c1 = c2; c2 = 0;
    MULACC(a[0], a[5]); MULACC(a[1], a[4]); MULACC(a[2], a[3]);
    t[5] = c0; c0 = c1; c1 = c2; c2 = 0;
    MULACC(a[0], a[6]); MULACC(a[1], a[5]); MULACC(a[2], a[4]);
    t[6] = c0; c0 = c1; c1 = c2; c2 = 0;
    MULACC(a[0], a[7]); MULACC(a[1], a[6]); MULACC(a[2], a[5]); MULACC(a[3], a[4]);
    t[7] = c0; c0 = c1; c1 = c2; c2 = 0;
    MULACC(a[1], a[7]); MULACC(a[2], a[6]); MULACC(a[3], a[5]);
    t[8] = c0; c0 = c1; c1 = c2; c2 = 0;
    MULACC(a[2], a[7]); MULACC(a[3], a[6]); MULACC(a[4], a[5]);
    t[9] = c0; c0 = c1; c1 = c2; c2 = 0;
    MULACC(a[3], a[7]); MULACC(a[4], a[6]);
    t[10] = c0; c0 = c1; c1 = c2; c2 = 0;
    MULACC(a[4], a[7]); MULACC(a[5], a[6]);
    t[11] = c0; c0 = c1; c1 = c2; c2 = 0;
    MULACC(a[5], a[7]);
    t[12] = c0; c0 = c1; c1 = c2; c2 = 0;
    MULACC(a[6], a[7]);
    t[13] = c0; c0 = c1; c1 = c2; c2 = 0;
    t[14] = c0;
    t[15] = t[14] >> 31;
    for (int i = 14; i > 0; i--) t[i] = t[i] << 1 | t[i - 1] >> 31;
    t[0] <<= 1;
    uint32_t carry = 0;
    for (int i = 0; i < 8; i++) {
        uint64_t sq = (uint64_t)a[i] * a[i];
        uint64_t lo = (uint64_t)t[2 * i] + (uint32_t)sq + carry;
        t[2 * i] = (uint32_t)lo;
        uint64_t hi = (uint64_t)t[2 * i + 1] + (uint32_t)(sq >> 32) + (uint32_t)(lo >> 32);
        t[2 * i + 1] = (uint32_t)hi;
        carry = (uint32_t)(hi >> 32);
    }
}

/* ---- field mod p ---- */

/* r = t mod p (weakly): t = L + H*2^256 and 2^256 = 2^32 + 977. */
static inline void fe_reduce(fe *r, const uint32_t t[16]) {
    uint64_t acc = 0;
    uint32_t w[8];
    for (int i = 0; i < 8; i++) {
        acc += (uint64_t)t[i] + (uint64_t)t[8 + i] * C977;
        if (i > 0) acc += t[7 + i];
        w[i] = (uint32_t)acc;
        acc >>= 32;
    }
    acc += t[15];
    /* acc < 2^34: fold it once more. */
    uint64_t top = acc;
    acc = (uint64_t)w[0] + top * C977;
    w[0] = (uint32_t)acc;
    acc >>= 32;
    acc += (uint64_t)w[1] + top;
    w[1] = (uint32_t)acc;
    acc >>= 32;
    for (int i = 2; i < 8 && acc != 0; i++) {
        acc += w[i];
        w[i] = (uint32_t)acc;
        acc >>= 32;
    }
    if (acc != 0) {
        /* Wrapped past 2^256: the value is now tiny, adding 2^32 + 977 cannot wrap again. */
        acc = (uint64_t)w[0] + C977;
        w[0] = (uint32_t)acc;
        acc = (acc >> 32) + (uint64_t)w[1] + 1;
        w[1] = (uint32_t)acc;
        acc >>= 32;
        for (int i = 2; i < 8 && acc != 0; i++) {
            acc += w[i];
            w[i] = (uint32_t)acc;
            acc >>= 32;
        }
    }
    for (int i = 0; i < 8; i++) r->v[i] = w[i];
}

static void fe_mul(fe *r, const fe *a, const fe *b) {
    uint32_t t[16];
    mul_512(t, a->v, b->v);
    fe_reduce(r, t);
}

static void fe_sqr(fe *r, const fe *a) {
    uint32_t t[16];
    sqr_512(t, a->v);
    fe_reduce(r, t);
}

static void fe_sqr_n(fe *r, const fe *a, int n) {
    fe_sqr(r, a);
    for (int i = 1; i < n; i++) fe_sqr(r, r);
}

/* 2^256 - p, added back whenever a sum wraps past 2^256. */
static const uint32_t FE_WRAP[8] = {C977, 1, 0, 0, 0, 0, 0, 0};

static void fe_add(fe *r, const fe *a, const fe *b) {
    uint32_t carry = limbs_add(r->v, a->v, b->v);
    while (carry) carry = limbs_add(r->v, r->v, FE_WRAP);
}

static void fe_sub(fe *r, const fe *a, const fe *b) {
    uint32_t borrow = limbs_sub(r->v, a->v, b->v);
    while (borrow) borrow = limbs_sub(r->v, r->v, FE_WRAP);
}

/* r = a * k for a small k (below 2^16), in one pass: the word above 2^256 folds back as
 * c * (2^32 + 977). Cheaper than repeated additions in the doubling formula. */
static void fe_mul_small(fe *r, const fe *a, uint32_t k) {
    uint64_t acc = 0;
    for (int i = 0; i < 8; i++) {
        acc += (uint64_t)a->v[i] * k;
        r->v[i] = (uint32_t)acc;
        acc >>= 32;
    }
    uint64_t top = acc; /* below 2^16 */
    acc = (uint64_t)r->v[0] + top * C977;
    r->v[0] = (uint32_t)acc;
    acc = (acc >> 32) + r->v[1] + top;
    r->v[1] = (uint32_t)acc;
    acc >>= 32;
    for (int i = 2; i < 8 && acc != 0; i++) {
        acc += r->v[i];
        r->v[i] = (uint32_t)acc;
        acc >>= 32;
    }
    if (acc != 0) {
        /* Wrapped past 2^256: the value is now tiny, adding 2^32 + 977 cannot wrap again. */
        limbs_add(r->v, r->v, FE_WRAP);
    }
}

static void fe_normalize(fe *a) {
    if (limbs_cmp(a->v, FE_P.v) >= 0) limbs_sub(a->v, a->v, FE_P.v);
}

static bool fe_is_zero(const fe *a) {
    fe t = *a;
    fe_normalize(&t);
    return limbs_is_zero(t.v);
}

static void fe_set_int(fe *r, uint32_t v) {
    bg_zero(r, sizeof *r);
    r->v[0] = v;
}

/* Builds a^(2^k - 1) for k in {2, 3, 22, 223}: the addition chain of the square root's
 * exponent (p+1)/4, whose binary form is made of runs of ones of those lengths. */
static void fe_pow_runs(const fe *a, fe *x2, fe *x3, fe *x22, fe *x223) {
    fe x6, x9, x11, x44, x88, x176, x220;
    fe_sqr(x2, a);
    fe_mul(x2, x2, a);
    fe_sqr(x3, x2);
    fe_mul(x3, x3, a);
    fe_sqr_n(&x6, x3, 3);
    fe_mul(&x6, &x6, x3);
    fe_sqr_n(&x9, &x6, 3);
    fe_mul(&x9, &x9, x3);
    fe_sqr_n(&x11, &x9, 2);
    fe_mul(&x11, &x11, x2);
    fe_sqr_n(x22, &x11, 11);
    fe_mul(x22, x22, &x11);
    fe_sqr_n(&x44, x22, 22);
    fe_mul(&x44, &x44, x22);
    fe_sqr_n(&x88, &x44, 44);
    fe_mul(&x88, &x88, &x44);
    fe_sqr_n(&x176, &x88, 88);
    fe_mul(&x176, &x176, &x88);
    fe_sqr_n(&x220, &x176, 44);
    fe_mul(&x220, &x220, &x44);
    fe_sqr_n(x223, &x220, 3);
    fe_mul(x223, x223, x3);
}

/* r = 1/a for a != 0 (mod p). */
static void fe_inv(fe *r, const fe *a) {
    fe t = *a;
    fe_normalize(&t);
    inv_mod_var(r->v, t.v, FE_P.v);
}

/* r = a^((p+1)/4); returns whether r^2 == a, i.e. whether a is a square. */
static bool fe_sqrt(fe *r, const fe *a) {
    fe x2, x3, x22, x223, t, check;
    fe_pow_runs(a, &x2, &x3, &x22, &x223);
    fe_sqr_n(&t, &x223, 23);
    fe_mul(&t, &t, &x22);
    fe_sqr_n(&t, &t, 6);
    fe_mul(&t, &t, &x2);
    fe_sqr_n(r, &t, 2);
    fe_sqr(&check, r);
    fe_sub(&check, &check, a);
    return fe_is_zero(&check);
}

/* ---- scalars mod n (Montgomery form where noted) ---- */

/* r = a * b / 2^256 mod n (CIOS); inputs below n, output below n. */
static void sc_mont_mul(sc *r, const sc *a, const sc *b) {
    uint32_t t[10] = {0};
    for (int i = 0; i < 8; i++) {
        uint64_t carry = 0;
        for (int j = 0; j < 8; j++) {
            uint64_t s = (uint64_t)a->v[j] * b->v[i] + t[j] + carry;
            t[j] = (uint32_t)s;
            carry = s >> 32;
        }
        uint64_t s = (uint64_t)t[8] + carry;
        t[8] = (uint32_t)s;
        t[9] = (uint32_t)(s >> 32);
        uint32_t m = t[0] * SC_N0INV;
        s = (uint64_t)m * SC_N.v[0] + t[0];
        carry = s >> 32;
        for (int j = 1; j < 8; j++) {
            s = (uint64_t)m * SC_N.v[j] + t[j] + carry;
            t[j - 1] = (uint32_t)s;
            carry = s >> 32;
        }
        s = (uint64_t)t[8] + carry;
        t[7] = (uint32_t)s;
        t[8] = t[9] + (uint32_t)(s >> 32);
    }
    if (t[8] != 0 || limbs_cmp(t, SC_N.v) >= 0) limbs_sub(t, t, SC_N.v);
    for (int i = 0; i < 8; i++) r->v[i] = t[i];
}

/* r = a * b mod n for a, b below n (two Montgomery steps: a*b/R, then *R^2/R; or the zkVM's
 * modular multiplication). */
static void sc_mul(sc *r, const sc *a, const sc *b) {
    if (bg_sys_accel() & BG_ACCEL_SECP) {
        sc t = *a;
        bg_sys_mulmod(t.v, b->v, SC_N.v);
        *r = t;
        return;
    }
    sc_mont_mul(r, a, b);
    sc_mont_mul(r, r, &SC_R2);
}

static void sc_add(sc *r, const sc *a, const sc *b) {
    uint32_t carry = limbs_add(r->v, a->v, b->v);
    if (carry || limbs_cmp(r->v, SC_N.v) >= 0) limbs_sub(r->v, r->v, SC_N.v);
}

static void sc_sub(sc *r, const sc *a, const sc *b) {
    if (limbs_sub(r->v, a->v, b->v)) limbs_add(r->v, r->v, SC_N.v);
}

/* Makes k the smaller of k and n - k; returns whether it negated. */
static bool sc_shorten(sc *k) {
    if (limbs_cmp(k->v, SC_N_HALF.v) <= 0) return false;
    limbs_sub(k->v, SC_N.v, k->v);
    return true;
}

static inline void mul_512(uint32_t t[16], const uint32_t a[8], const uint32_t b[8]);

/* r = round(k * g / 2^384). */
static void mul_shift_384(sc *r, const sc *k, const sc *g) {
    uint32_t t[16];
    mul_512(t, k->v, g->v);
    uint32_t carry = t[11] >> 31;
    for (int i = 0; i < 4; i++) {
        uint32_t v = t[12 + i] + carry;
        carry = v < carry;
        r->v[i] = v;
    }
    for (int i = 4; i < 8; i++) r->v[i] = 0;
}

/* k = (-1)^neg1 * k1 + (-1)^neg2 * k2 * lambda (mod n) with k1, k2 of about 128 bits. */
static void split_lambda(const sc *k, sc *k1, bool *neg1, sc *k2, bool *neg2) {
    sc c1, c2, t;
    mul_shift_384(&c1, k, &SC_G1);
    mul_shift_384(&c2, k, &SC_G2);
    sc_mul(&c1, &c1, &SC_MINUS_B1);
    sc_mul(&c2, &c2, &SC_MINUS_B2);
    sc_add(k2, &c1, &c2);
    sc_mul(&t, k2, &SC_LAMBDA);
    sc_sub(k1, k, &t);
    *neg1 = sc_shorten(k1);
    *neg2 = sc_shorten(k2);
}

/* ---- group ---- */

static void gej_set_ge(gej *r, const ge *a) {
    r->x = a->x;
    r->y = a->y;
    fe_set_int(&r->z, 1);
    r->inf = false;
}

/* dbl-2009-l (a = 0): 2M + 5S. */
static void gej_double(gej *r, const gej *a) {
    if (a->inf) {
        r->inf = true;
        return;
    }
    fe A, B, C, D, E, F, t;
    fe_sqr(&A, &a->x);
    fe_sqr(&B, &a->y);
    fe_sqr(&C, &B);
    fe_add(&D, &a->x, &B);
    fe_sqr(&D, &D);
    fe_sub(&D, &D, &A);
    fe_sub(&D, &D, &C);
    fe_add(&D, &D, &D);
    fe_mul_small(&E, &A, 3);
    fe_sqr(&F, &E);
    fe_mul(&r->z, &a->y, &a->z);
    fe_add(&r->z, &r->z, &r->z);
    fe_sub(&r->x, &F, &D);
    fe_sub(&r->x, &r->x, &D);
    fe_sub(&t, &D, &r->x);
    fe_mul(&t, &E, &t);
    fe_mul_small(&C, &C, 8);
    fe_sub(&r->y, &t, &C);
    r->inf = false;
}

/* r = a + (x2, y2) with (x2, y2) affine: 8M + 3S; handles a = b and a = -b. */
static void gej_add_ge(gej *r, const gej *a, const fe *x2, const fe *y2) {
    if (a->inf) {
        r->x = *x2;
        r->y = *y2;
        fe_set_int(&r->z, 1);
        r->inf = false;
        return;
    }
    fe z2, z3, u2, s2, h, rr, h2, h3, v, t;
    fe_sqr(&z2, &a->z);
    fe_mul(&z3, &z2, &a->z);
    fe_mul(&u2, x2, &z2);
    fe_mul(&s2, y2, &z3);
    fe_sub(&h, &u2, &a->x);
    fe_sub(&rr, &s2, &a->y);
    if (fe_is_zero(&h)) {
        if (fe_is_zero(&rr)) {
            gej_double(r, a);
        } else {
            r->inf = true;
        }
        return;
    }
    fe_sqr(&h2, &h);
    fe_mul(&h3, &h2, &h);
    fe_mul(&v, &a->x, &h2);
    fe_mul(&r->z, &a->z, &h);
    fe_sqr(&t, &rr);
    fe_sub(&t, &t, &h3);
    fe_sub(&t, &t, &v);
    fe_sub(&r->x, &t, &v);
    fe_sub(&v, &v, &r->x);
    fe_mul(&v, &v, &rr);
    fe_mul(&t, &a->y, &h3);
    fe_sub(&r->y, &v, &t);
    r->inf = false;
}

/* r = a + b, both Jacobian: 12M + 4S. */
static void gej_add(gej *r, const gej *a, const gej *b) {
    if (a->inf) {
        *r = *b;
        return;
    }
    if (b->inf) {
        *r = *a;
        return;
    }
    fe z1z1, z2z2, u1, u2, s1, s2, h, rr, h2, h3, v, t;
    fe_sqr(&z1z1, &a->z);
    fe_sqr(&z2z2, &b->z);
    fe_mul(&u1, &a->x, &z2z2);
    fe_mul(&u2, &b->x, &z1z1);
    fe_mul(&s1, &a->y, &z2z2);
    fe_mul(&s1, &s1, &b->z);
    fe_mul(&s2, &b->y, &z1z1);
    fe_mul(&s2, &s2, &a->z);
    fe_sub(&h, &u2, &u1);
    fe_sub(&rr, &s2, &s1);
    if (fe_is_zero(&h)) {
        if (fe_is_zero(&rr)) {
            gej_double(r, a);
        } else {
            r->inf = true;
        }
        return;
    }
    fe_sqr(&h2, &h);
    fe_mul(&h3, &h2, &h);
    fe_mul(&v, &u1, &h2);
    fe_mul(&t, &a->z, &b->z);
    fe_mul(&r->z, &t, &h);
    fe_sqr(&t, &rr);
    fe_sub(&t, &t, &h3);
    fe_sub(&t, &t, &v);
    fe_sub(&r->x, &t, &v);
    fe_sub(&v, &v, &r->x);
    fe_mul(&v, &v, &rr);
    fe_mul(&t, &s1, &h3);
    fe_sub(&r->y, &v, &t);
    r->inf = false;
}

/* ---- wNAF and Strauss–Shamir ---- */

#define WINDOW_G 11
#define WINDOW_R 5
#define TABLE_G (1 << (WINDOW_G - 2))
#define TABLE_R (1 << (WINDOW_R - 2))
#define WNAF_LEN 257

/* count (at most 31) bits of k from bit on, bits at 256 and above reading as zero. */
static uint32_t bits_at(const uint32_t k[8], int bit, int count) {
    if (bit >= 256) return 0;
    int word = bit >> 5, shift = bit & 31;
    uint32_t v = k[word] >> shift;
    if (shift + count > 32 && word < 7) v |= k[word + 1] << (32 - shift);
    return v & ((1u << count) - 1u);
}

/* Signed width-w NAF of k < 2^256: digits odd in (-2^(w-1), 2^(w-1)) or zero, at least w-1
 * zeros between nonzero digits. Returns one past the highest nonzero digit's index; digits
 * from there on are not written (the caller zeroes what it reads). */
static int wnaf(int16_t digits[WNAF_LEN], const uint32_t k[8], int w) {
    int len = 0; /* k's bit length: the digits end at most one position above it */
    for (int i = 7; i >= 0 && len == 0; i--) {
        for (int b = 31; b >= 0; b--) {
            if ((k[i] >> b) & 1u) {
                len = 32 * i + b + 1;
                break;
            }
        }
    }
    for (int i = 0; i <= len && i < WNAF_LEN; i++) digits[i] = 0;
    int last = 0;
    uint32_t carry = 0;
    int bit = 0;
    while (bit <= len && bit < WNAF_LEN) {
        if (bits_at(k, bit, 1) == carry) {
            bit++;
            continue;
        }
        int now = w;
        if (now > WNAF_LEN - bit) now = WNAF_LEN - bit;
        int32_t word = (int32_t)(bits_at(k, bit, now) + carry);
        carry = ((uint32_t)word >> (w - 1)) & 1u;
        word -= (int32_t)(carry << w);
        digits[bit] = (int16_t)word;
        last = bit + 1;
        bit += now;
    }
    return last;
}

/* The four wNAFs of a GLV-split pair of scalars, negated where the split negated, all zero
 * up to the longest; returns its length. */
static int wnaf4(int16_t d[4][WNAF_LEN], const sc k[4], const bool neg[4]) {
    int len[4], top = 0;
    for (int j = 0; j < 4; j++) {
        len[j] = wnaf(d[j], k[j].v, j < 2 ? WINDOW_G : WINDOW_R);
        if (neg[j]) {
            for (int i = 0; i < len[j]; i++) d[j][i] = (int16_t)-d[j][i];
        }
        if (len[j] > top) top = len[j];
    }
    for (int j = 0; j < 4; j++) {
        for (int i = len[j]; i < top; i++) d[j][i] = 0;
    }
    return top;
}

/* The odd multiples of G and of lambda*G, generated offline (test/gen_gtable.py). */
#include "secp256k1_gtable.h"
_Static_assert(GTABLE_WINDOW == WINDOW_G, "regenerate secp256k1_gtable.h with test/gen_gtable.py");

static void add_affine_digit(gej *r, int digit, const ge *table) {
    if (digit == 0) return;
    const ge *p = &table[(digit > 0 ? digit : -digit) >> 1];
    if (digit > 0) {
        gej_add_ge(r, r, &p->x, &p->y);
    } else {
        fe ny, zero;
        fe_set_int(&zero, 0);
        fe_sub(&ny, &zero, &p->y);
        gej_add_ge(r, r, &p->x, &ny);
    }
}

/* R, 3R, 5R, ... in Jacobian form. Odd multiples below 2^WINDOW_R of a point of prime order
 * are never infinity. */
static void r_table(gej rt[TABLE_R], const ge *R) {
    gej rj, twice;
    gej_set_ge(&rj, R);
    gej_double(&twice, &rj);
    rt[0] = rj;
    for (int i = 1; i < TABLE_R; i++) gej_add(&rt[i], &rt[i - 1], &twice);
}

/* r = u1*G + u2*R, with R's odd multiples given in affine form (rt) and their images under the
 * endomorphism (rl): both scalars split by lambda, four wNAFs of about 128 digits sharing one
 * chain of doublings, every addition a mixed one. */
static void strauss(gej *r, const sc *u1, const sc *u2, const ge *rt, const ge *rl) {
    sc k[4];
    bool neg[4];
    split_lambda(u1, &k[0], &neg[0], &k[1], &neg[1]);
    split_lambda(u2, &k[2], &neg[2], &k[3], &neg[3]);
    int16_t d[4][WNAF_LEN];
    int top = wnaf4(d, k, neg);
    r->inf = true;
    for (int i = top - 1; i >= 0; i--) {
        gej_double(r, r);
        add_affine_digit(r, d[0][i], g_table);
        add_affine_digit(r, d[1][i], g_lambda_table);
        add_affine_digit(r, d[2][i], rt);
        add_affine_digit(r, d[3][i], rl);
    }
}

bool bg_secp_s_is_low(const uint8_t s[32]) {
    sc v;
    limbs_from_be(v.v, s);
    return limbs_cmp(v.v, SC_N_HALF.v) <= 0;
}

/* Montgomery's trick: all of a[0..n) inverted with one inversion and 3(n-1) products. The
 * values must be nonzero; prefix is scratch space for n values. */
#define BATCH_INVERT(type, mul, invert, a, prefix, n)          \
    do {                                                        \
        (prefix)[0] = (a)[0];                                   \
        for (size_t i_ = 1; i_ < (n); i_++) mul(&(prefix)[i_], &(prefix)[i_ - 1], &(a)[i_]); \
        type inv_;                                              \
        invert(&inv_, &(prefix)[(n) - 1]);                      \
        for (size_t i_ = (n) - 1; i_ > 0; i_--) {               \
            type t_;                                            \
            mul(&t_, &inv_, &(prefix)[i_ - 1]);                 \
            mul(&inv_, &inv_, &(a)[i_]);                        \
            (a)[i_] = t_;                                       \
        }                                                       \
        (a)[0] = inv_;                                          \
    } while (0)

static void sc_inv(sc *r, const sc *a) { inv_mod_var(r->v, a->v, SC_N.v); }

typedef struct {
    sc r, s, z; /* r becomes 1/r in the batch step */
    ge R;
} recovery;

/* Checks ranges and lifts r to the curve point R with y-parity recid. */
static bool prepare(const bg_secp_sig *sig, recovery *job) {
    if (sig->recid != 0 && sig->recid != 1) return false;
    limbs_from_be(job->r.v, sig->r);
    limbs_from_be(job->s.v, sig->s);
    limbs_from_be(job->z.v, sig->hash);
    if (limbs_is_zero(job->r.v) || limbs_cmp(job->r.v, SC_N.v) >= 0) return false;
    if (limbs_is_zero(job->s.v) || limbs_cmp(job->s.v, SC_N.v) >= 0) return false;
    if (limbs_cmp(job->z.v, SC_N.v) >= 0) limbs_sub(job->z.v, job->z.v, SC_N.v);

    /* R = (r, y) with y^2 = r^3 + 7 and y's parity = recid. r < n < p, so x = r directly. */
    fe x3, seven;
    for (int i = 0; i < 8; i++) job->R.x.v[i] = job->r.v[i];
    fe_sqr(&x3, &job->R.x);
    fe_mul(&x3, &x3, &job->R.x);
    fe_set_int(&seven, 7);
    fe_add(&x3, &x3, &seven);
    if (!fe_sqrt(&job->R.y, &x3)) return false;
    fe_normalize(&job->R.y);
    if ((int)(job->R.y.v[0] & 1u) != sig->recid) {
        fe zero;
        fe_set_int(&zero, 0);
        fe_sub(&job->R.y, &zero, &job->R.y);
        fe_normalize(&job->R.y);
    }
    return true;
}

/* ---- recovery through the zkVM's precompiles ----
 * The machine adds and doubles affine points, so the Jacobian forms and the batched inversions
 * above are not needed: each signature is recovered on its own, with the same GLV split and
 * wNAF tables. Hints (r^-1 mod n, the square root) are checked with one product each, and a
 * hint that fails its check is replaced by the software answer, so a wrong machine can make
 * the guest slower but not wrong. */

typedef struct {
    ge p;
    bool inf;
} acc;

/* A point as the machine's operand: x then y, 16 contiguous words. */
static uint32_t *words(ge *p) { return (uint32_t *)(void *)p; }
static const uint32_t *const_words(const ge *p) { return (const uint32_t *)(const void *)p; }

static void acc_double(acc *a) {
    if (a->inf) return;
    if (bg_sys_secp_double(words(&a->p))) a->inf = true; /* y = 0: a point of order 2 (none on the curve) */
}

static void acc_add(acc *a, const ge *q) {
    if (a->inf) {
        a->p = *q;
        a->inf = false;
        return;
    }
    if (bg_sys_secp_add(words(&a->p), const_words(q)) == 0) return;
    /* Same x: Q = P (double) or Q = -P (infinity). */
    if (limbs_cmp(a->p.y.v, q->y.v) == 0) {
        acc_double(a);
    } else {
        a->inf = true;
    }
}

static void acc_add_digit(acc *a, int digit, const ge *table) {
    if (digit == 0) return;
    const ge *p = &table[(digit > 0 ? digit : -digit) >> 1];
    if (digit > 0) {
        acc_add(a, p);
        return;
    }
    ge neg;
    neg.x = p->x;
    limbs_sub(neg.y.v, FE_P.v, p->y.v); /* y in (0, p) on the curve, so p - y is too */
    acc_add(a, &neg);
}

static void fe_mulmod(fe *r, const fe *a, const fe *b) {
    fe t = *a;
    bg_sys_mulmod(t.v, b->v, FE_P.v);
    *r = t;
}

/* y with y^2 = a (mod p) for a below p, by the machine's hint, checked; false when a is not a square. */
static bool accel_sqrt(fe *y, const fe *a) {
    fe check, minus_a;
    int claim = bg_sys_sqrt_hint(y->v, a->v);
    if (limbs_cmp(y->v, FE_P.v) < 0) {
        fe_mulmod(&check, y, y);
        if (claim == 0 && limbs_cmp(check.v, a->v) == 0) return true;
        limbs_sub(minus_a.v, FE_P.v, a->v);
        /* y^2 = -a proves a is no square, since -1 is none (p = 3 mod 4); a = 0 is a square. */
        if (claim == 1 && !limbs_is_zero(a->v) && limbs_cmp(check.v, minus_a.v) == 0) return false;
    }
    bool square = fe_sqrt(y, a); /* a wrong hint */
    fe_normalize(y);
    return square;
}

/* 1/a mod n for a in [1, n), by the machine's hint, checked. */
static void accel_sc_inv(sc *r, const sc *a) {
    sc check;
    if (bg_sys_invmod_hint(r->v, a->v, SC_N.v) == 0) {
        check = *r;
        bg_sys_mulmod(check.v, a->v, SC_N.v);
        if (limbs_is_one(check.v)) return;
    }
    sc_inv(r, a); /* a wrong hint */
}

/* R, 3R, 5R, ... (affine) and their images under the endomorphism. */
static void accel_r_tables(ge rt[TABLE_R], ge rl[TABLE_R], const ge *R) {
    acc twice = {*R, false}, cur = {*R, false};
    acc_double(&twice);
    for (int i = 0; i < TABLE_R; i++) {
        if (i > 0) acc_add(&cur, &twice.p);
        rt[i] = cur.p; /* odd multiples below the prime order are never infinity */
        fe_mulmod(&rl[i].x, &rt[i].x, &FE_BETA);
        rl[i].y = rt[i].y;
    }
}

static bool accel_recover(const bg_secp_sig *sig, uint8_t pubkey[64]) {
    if (sig->recid != 0 && sig->recid != 1) return false;
    sc r, s, z, rinv, u1, u2;
    limbs_from_be(r.v, sig->r);
    limbs_from_be(s.v, sig->s);
    limbs_from_be(z.v, sig->hash);
    if (limbs_is_zero(r.v) || limbs_cmp(r.v, SC_N.v) >= 0) return false;
    if (limbs_is_zero(s.v) || limbs_cmp(s.v, SC_N.v) >= 0) return false;
    if (limbs_cmp(z.v, SC_N.v) >= 0) limbs_sub(z.v, z.v, SC_N.v);

    /* R = (r, y), y^2 = r^3 + 7, y's parity = recid; r < n < p, so x = r. */
    ge R;
    fe rhs, seven;
    for (int i = 0; i < 8; i++) R.x.v[i] = r.v[i];
    fe_mulmod(&rhs, &R.x, &R.x);
    fe_mulmod(&rhs, &rhs, &R.x);
    fe_set_int(&seven, 7);
    fe_add(&rhs, &rhs, &seven);
    fe_normalize(&rhs);
    if (!accel_sqrt(&R.y, &rhs)) return false;
    if ((int)(R.y.v[0] & 1u) != sig->recid) limbs_sub(R.y.v, FE_P.v, R.y.v); /* y != 0: r^3 + 7 != 0 */

    /* u1 = -z / r, u2 = s / r (mod n). */
    accel_sc_inv(&rinv, &r);
    sc_mul(&u1, &z, &rinv);
    sc_mul(&u2, &s, &rinv);
    if (!limbs_is_zero(u1.v)) limbs_sub(u1.v, SC_N.v, u1.v);

    ge rt[TABLE_R], rl[TABLE_R];
    accel_r_tables(rt, rl, &R);
    sc k[4];
    bool neg[4];
    split_lambda(&u1, &k[0], &neg[0], &k[1], &neg[1]);
    split_lambda(&u2, &k[2], &neg[2], &k[3], &neg[3]);
    int16_t d[4][WNAF_LEN];
    int top = wnaf4(d, k, neg);
    acc q = {.inf = true};
    for (int i = top - 1; i >= 0; i--) {
        acc_double(&q);
        acc_add_digit(&q, d[0][i], g_table);
        acc_add_digit(&q, d[1][i], g_lambda_table);
        acc_add_digit(&q, d[2][i], rt);
        acc_add_digit(&q, d[3][i], rl);
    }
    if (q.inf) return false;
    limbs_to_be(pubkey, q.p.x.v);
    limbs_to_be(pubkey + 32, q.p.y.v);
    return true;
}

void bg_secp_recover_batch(const bg_secp_sig *sigs, size_t count, uint8_t (*pubkeys)[64], bool *ok) {
    if (count == 0) return;
    if (bg_sys_accel() & BG_ACCEL_SECP) {
        for (size_t i = 0; i < count; i++) ok[i] = accel_recover(&sigs[i], pubkeys[i]);
        return;
    }
    recovery *jobs = bg_alloc(count * sizeof *jobs);
    sc *rs = bg_alloc(count * sizeof *rs), *sc_prefix = bg_alloc(count * sizeof *sc_prefix);
    for (size_t i = 0; i < count; i++) {
        ok[i] = prepare(&sigs[i], &jobs[i]);
        rs[i] = jobs[i].r;
        if (!ok[i]) {
            bg_zero(&rs[i], sizeof rs[i]);
            rs[i].v[0] = 1; /* keeps the batch inversion defined */
        }
    }
    BATCH_INVERT(sc, sc_mul, sc_inv, rs, sc_prefix, count);

    /* The tables of odd multiples of every R, brought to affine form with one shared inversion
     * so that the main loop uses mixed additions only. */
    size_t entries = count * TABLE_R;
    gej *jac = bg_alloc(entries * sizeof *jac);
    fe *tz = bg_alloc(entries * sizeof *tz), *t_prefix = bg_alloc(entries * sizeof *t_prefix);
    for (size_t i = 0; i < count; i++) {
        gej *rt = &jac[i * TABLE_R];
        if (ok[i]) {
            r_table(rt, &jobs[i].R);
        } else {
            for (int e = 0; e < TABLE_R; e++) gej_set_ge(&rt[e], &G); /* placeholder, unused */
        }
        for (int e = 0; e < TABLE_R; e++) tz[i * TABLE_R + e] = rt[e].z;
    }
    BATCH_INVERT(fe, fe_mul, fe_inv, tz, t_prefix, entries);
    ge *aff = bg_alloc(entries * sizeof *aff), *aff_lambda = bg_alloc(entries * sizeof *aff_lambda);
    for (size_t e = 0; e < entries; e++) {
        fe zi2, zi3;
        fe_sqr(&zi2, &tz[e]);
        fe_mul(&zi3, &zi2, &tz[e]);
        fe_mul(&aff[e].x, &jac[e].x, &zi2);
        fe_mul(&aff[e].y, &jac[e].y, &zi3);
        fe_mul(&aff_lambda[e].x, &aff[e].x, &FE_BETA); /* lambda*(x, y) = (beta*x, y) */
        aff_lambda[e].y = aff[e].y;
    }

    gej *qs = bg_alloc(count * sizeof *qs);
    fe *zs = bg_alloc(count * sizeof *zs), *fe_prefix = bg_alloc(count * sizeof *fe_prefix);
    for (size_t i = 0; i < count; i++) {
        fe_set_int(&zs[i], 1);
        if (!ok[i]) continue;
        /* u1 = -z / r, u2 = s / r (mod n). */
        sc u1, u2;
        sc_mul(&u1, &jobs[i].z, &rs[i]);
        sc_mul(&u2, &jobs[i].s, &rs[i]);
        if (!limbs_is_zero(u1.v)) limbs_sub(u1.v, SC_N.v, u1.v);
        strauss(&qs[i], &u1, &u2, &aff[i * TABLE_R], &aff_lambda[i * TABLE_R]);
        if (qs[i].inf) {
            ok[i] = false;
            continue;
        }
        zs[i] = qs[i].z;
    }
    BATCH_INVERT(fe, fe_mul, fe_inv, zs, fe_prefix, count);

    for (size_t i = 0; i < count; i++) {
        if (!ok[i]) continue;
        fe zi2, x, y;
        fe_sqr(&zi2, &zs[i]);
        fe_mul(&x, &qs[i].x, &zi2);
        fe_mul(&zi2, &zi2, &zs[i]);
        fe_mul(&y, &qs[i].y, &zi2);
        fe_normalize(&x);
        fe_normalize(&y);
        limbs_to_be(pubkeys[i], x.v);
        limbs_to_be(pubkeys[i] + 32, y.v);
    }
}

bool bg_secp_recover(const uint8_t hash[32], const uint8_t r32[32], const uint8_t s32[32], int recid,
                     uint8_t pubkey[64]) {
    bg_secp_sig sig = {hash, r32, s32, recid};
    bool ok;
    bg_secp_recover_batch(&sig, 1, (uint8_t(*)[64])pubkey, &ok);
    return ok;
}
