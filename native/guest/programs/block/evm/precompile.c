/* Precompiled contracts 0x01-0x0a. Implemented: ecrecover, SHA-256, RIPEMD-160, identity,
 * modexp (EIP-198 with EIP-2565 gas), BLAKE2b F (EIP-152). Left out, and refused through the
 * backend's unsupported() when called: the alt_bn128 operations 0x06-0x08 (EIP-196/197) and
 * the KZG point evaluation 0x0a (EIP-4844). */
#include "hashes.h"
#include "internal.h"

#include "../../sha256/sha256.h"
#include "../keccak.h"
#include "../secp256k1.h"

void *memcpy(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);

bool evm_is_precompile(const uint8_t address[20]) {
    for (int i = 0; i < 19; i++)
        if (address[i] != 0) return false;
    return address[19] >= 1 && address[19] <= 10;
}

static uint64_t words(uint64_t len) { return (len + 31) / 32; }

/* Input byte i (zero past the end). */
static uint8_t at(const uint8_t *in, size_t len, uint64_t i) { return i < len ? in[i] : 0; }

static void read_padded(const uint8_t *in, size_t len, uint64_t off, uint8_t *out, size_t n) {
    for (size_t i = 0; i < n; i++) out[i] = at(in, len, off + i);
}

static uint8_t *output(evm_depth_buffers *buf, size_t n) {
    evm_reserve(&buf->output, &buf->output_cap, n + 1);
    return buf->output;
}

static void ecrecover(const uint8_t *in, size_t len, evm_depth_buffers *buf, const uint8_t **out, size_t *out_len) {
    uint8_t input[128];
    read_padded(in, len, 0, input, 128);
    *out_len = 0;
    for (int i = 32; i < 63; i++)
        if (input[i] != 0) return;
    if (input[63] != 27 && input[63] != 28) return;
    uint8_t pub[64], h[32];
    if (!bg_secp_recover(input, input + 64, input + 96, input[63] - 27, pub)) return;
    bg_keccak256(pub, 64, h);
    uint8_t *o = output(buf, 32);
    memset(o, 0, 12);
    memcpy(o + 12, h + 12, 20);
    *out = o;
    *out_len = 32;
}

/* ---- modexp on little-endian 32-bit limbs ---- */

typedef struct {
    uint32_t *mod;
    int n;          /* limbs of the modulus, the top one non-zero */
    uint32_t *prod; /* 2n limbs */
    uint32_t *scratch;
} modctx;

static void from_be(const uint8_t *in, size_t len, uint64_t off, uint64_t n_bytes, uint32_t *limbs, int count) {
    memset(limbs, 0, (size_t)count * 4);
    for (uint64_t i = 0; i < n_bytes; i++) {
        uint64_t pos = n_bytes - 1 - i; /* the byte's weight */
        uint8_t b = at(in, len, off + i);
        if (b) limbs[pos / 4] |= (uint32_t)b << (8 * (pos % 4));
    }
}

/* r = a * b mod m, for a, b < m (n limbs each). */
static void modmul(modctx *c, const uint32_t *a, const uint32_t *b, uint32_t *r) {
    int n = c->n;
    memset(c->prod, 0, (size_t)n * 8);
    for (int i = 0; i < n; i++) {
        uint64_t carry = 0;
        if (a[i] == 0) continue;
        for (int j = 0; j < n; j++) {
            carry += (uint64_t)a[i] * b[j] + c->prod[i + j];
            c->prod[i + j] = (uint32_t)carry;
            carry >>= 32;
        }
        c->prod[i + n] = (uint32_t)carry;
    }
    int m = 2 * n;
    while (m > n && c->prod[m - 1] == 0) m--;
    evm_divmod_limbs(c->prod, m, c->mod, n, 0, r, c->scratch);
}

static uint64_t sat_mul(uint64_t a, uint64_t b) { return a != 0 && b > UINT64_MAX / a ? UINT64_MAX : a * b; }

/* The EIP-2565 price (saturating at UINT64_MAX, which no call can pay). */
static uint64_t modexp_gas(const uint8_t *in, size_t len, uint64_t blen, uint64_t elen, uint64_t mlen) {
    uint64_t maxlen = blen > mlen ? blen : mlen, w = (maxlen + 7) / 8;
    uint64_t complexity = sat_mul(w, w);
    uint8_t head[32];
    uint64_t hl = elen < 32 ? elen : 32;
    memset(head, 0, 32);
    read_padded(in, len, 96 + blen, head + 32 - hl, (size_t)hl);
    int bits = 0;
    for (int i = 0; i < 32; i++)
        if (head[i]) {
            bits = (31 - i) * 8 + (32 - __builtin_clz(head[i]));
            break;
        }
    uint64_t iter = bits > 0 ? (uint64_t)bits - 1 : 0;
    if (elen > 32) iter += sat_mul(8, elen - 32);
    if (iter == 0) iter = 1;
    uint64_t gas = sat_mul(complexity, iter);
    if (gas != UINT64_MAX) gas /= 3;
    return gas < 200 ? 200 : gas;
}

/* A length field, saturated at 2^40: any length that large prices the call beyond all gas
 * (unless the price ignores it, as it does the exponent's when base and modulus are empty). */
#define LEN_CAP (1ull << 40)
static uint64_t len_field(const uint8_t *in, size_t len, uint64_t off) {
    uint8_t b[32];
    read_padded(in, len, off, b, 32);
    for (int i = 0; i < 27; i++)
        if (b[i]) return LEN_CAP;
    uint64_t v = (uint64_t)b[27] << 32 | (uint64_t)b[28] << 24 | (uint64_t)b[29] << 16 | (uint64_t)b[30] << 8 | b[31];
    return v < LEN_CAP ? v : LEN_CAP;
}

static bool modexp(const uint8_t *in, size_t len, int64_t *gas, evm_depth_buffers *buf, const uint8_t **out,
                   size_t *out_len) {
    uint64_t blen = len_field(in, len, 0), elen = len_field(in, len, 32), mlen = len_field(in, len, 64);
    uint64_t cost = modexp_gas(in, len, blen, elen, mlen);
    if (cost > (uint64_t)*gas) return false;
    *gas -= (int64_t)cost;
    *out_len = (size_t)mlen;
    if (mlen == 0) return true;
    uint8_t *o = output(buf, (size_t)mlen);
    *out = o;
    memset(o, 0, (size_t)mlen);
    int n = (int)((mlen + 3) / 4);
    modctx c;
    c.mod = evm_alloc((size_t)n * 4);
    from_be(in, len, 96 + blen + elen, mlen, c.mod, n);
    while (n > 0 && c.mod[n - 1] == 0) n--;
    if (n == 0) return true; /* modulus zero: the result is zero */
    c.n = n;
    c.prod = evm_alloc((size_t)n * 8);
    c.scratch = evm_alloc((size_t)n * 3 * 4 + 8);
    int bn = (int)((blen + 3) / 4);
    uint32_t *base_raw = evm_alloc((size_t)bn * 4 + 4);
    from_be(in, len, 96, blen, base_raw, bn);
    uint32_t *base = evm_alloc((size_t)n * 4), *acc = evm_alloc((size_t)n * 4), *tmp = evm_alloc((size_t)n * 4);
    int bm = bn;
    while (bm > 0 && base_raw[bm - 1] == 0) bm--;
    if (bm >= n) {
        uint32_t *scratch = evm_alloc((size_t)(bm + n + 1) * 4);
        evm_divmod_limbs(base_raw, bm, c.mod, n, 0, base, scratch);
    } else if (bm > 0) {
        memcpy(base, base_raw, (size_t)bm * 4);
    }
    acc[0] = n == 1 && c.mod[0] == 1 ? 0 : 1; /* 1 mod m */
    bool started = false;
    for (uint64_t i = 0; i < elen * 8; i++) {
        bool bit = (at(in, len, 96 + blen + i / 8) >> (7 - i % 8)) & 1;
        if (started) {
            modmul(&c, acc, acc, tmp);
            memcpy(acc, tmp, (size_t)n * 4);
        }
        if (bit) {
            modmul(&c, acc, base, tmp);
            memcpy(acc, tmp, (size_t)n * 4);
            started = true;
        }
    }
    for (uint64_t i = 0; i < mlen; i++) {
        uint64_t pos = mlen - 1 - i;
        o[i] = pos / 4 < (uint64_t)n ? (uint8_t)(acc[pos / 4] >> (8 * (pos % 4))) : 0;
    }
    return true;
}

static uint64_t le64(const uint8_t *p) {
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--) v = v << 8 | p[i];
    return v;
}

static bool blake2f(const uint8_t *in, size_t len, int64_t *gas, evm_depth_buffers *buf, const uint8_t **out,
                    size_t *out_len) {
    if (len != 213 || in[212] > 1) return false;
    uint32_t rounds = (uint32_t)in[0] << 24 | (uint32_t)in[1] << 16 | (uint32_t)in[2] << 8 | in[3];
    if ((uint64_t)rounds > (uint64_t)*gas) return false;
    *gas -= rounds;
    uint64_t h[8], m[16], t[2];
    for (int i = 0; i < 8; i++) h[i] = le64(in + 4 + 8 * i);
    for (int i = 0; i < 16; i++) m[i] = le64(in + 68 + 8 * i);
    t[0] = le64(in + 196);
    t[1] = le64(in + 204);
    evm_blake2b_f(rounds, h, m, t, in[212] == 1);
    uint8_t *o = output(buf, 64);
    for (int i = 0; i < 8; i++)
        for (int k = 0; k < 8; k++) o[8 * i + k] = (uint8_t)(h[i] >> (8 * k));
    *out = o;
    *out_len = 64;
    return true;
}

static bool pay(int64_t *gas, uint64_t cost) {
    if (cost > (uint64_t)*gas) return false;
    *gas -= (int64_t)cost;
    return true;
}

bool evm_precompile_run(evm_world *w, const uint8_t address[20], const uint8_t *input, size_t len, int64_t *gas,
                        evm_depth_buffers *buf, const uint8_t **out, size_t *out_len) {
    *out = 0;
    *out_len = 0;
    switch (address[19]) {
    case 1:
        if (!pay(gas, 3000)) return false;
        ecrecover(input, len, buf, out, out_len);
        return true;
    case 2: {
        if (!pay(gas, 60 + 12 * words(len))) return false;
        uint8_t *o = output(buf, 32);
        sha256(input, len, o);
        *out = o;
        *out_len = 32;
        return true;
    }
    case 3: {
        if (!pay(gas, 600 + 120 * words(len))) return false;
        uint8_t *o = output(buf, 32);
        memset(o, 0, 12);
        evm_ripemd160(input, len, o + 12);
        *out = o;
        *out_len = 32;
        return true;
    }
    case 4: {
        if (!pay(gas, 15 + 3 * words(len))) return false;
        uint8_t *o = output(buf, len);
        if (len) memcpy(o, input, len);
        *out = o;
        *out_len = len;
        return true;
    }
    case 5: return modexp(input, len, gas, buf, out, out_len);
    case 9: return blake2f(input, len, gas, buf, out, out_len);
    default: {
        static const char *const missing[] = {
            "precompile 0x06 (alt_bn128 addition, EIP-196) is not implemented",
            "precompile 0x07 (alt_bn128 multiplication, EIP-196) is not implemented",
            "precompile 0x08 (alt_bn128 pairing, EIP-197) is not implemented",
            "precompile 0x0a (KZG point evaluation, EIP-4844) is not implemented"};
        int i = address[19] == 10 ? 3 : address[19] - 6;
        w->backend->unsupported(w->backend->ctx, missing[i]);
        return false; /* not reached: unsupported() ends the run */
    }
    }
}
