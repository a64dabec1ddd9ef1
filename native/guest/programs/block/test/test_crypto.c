/* Known answers for Keccak-256, RLP and secp256k1 recovery, plus field-arithmetic properties
 * on edge values (the secp256k1 unit is included whole to reach its internal functions). */
#include <string.h>

#include "../keccak.h"
#include "../rlp.h"
#include "../secp256k1.c"
#include "check.h"
#include "secp_vectors.h"

static void hash_hex(const char *msg, size_t len, const char *expect) {
    uint8_t out[32], want[32];
    bg_keccak256((const uint8_t *)msg, len, out);
    hex_to_bytes(expect, want, 32);
    CHECK(memcmp(out, want, 32) == 0, "keccak256 of %zu bytes", len);
}

void test_keccak(void) {
    hash_hex("", 0, "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
    hash_hex("abc", 3, "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45");
    /* Lengths around the 136-byte rate, hashed whole and in pieces, must agree. */
    uint8_t data[300];
    for (int i = 0; i < 300; i++) data[i] = (uint8_t)(i * 7 + 3);
    for (size_t len = 130; len < 280; len += 3) {
        uint8_t whole[32], parts[32];
        bg_keccak256(data, len, whole);
        bg_keccak_ctx ctx;
        bg_keccak_init(&ctx);
        bg_keccak_update(&ctx, data, 5);
        bg_keccak_update(&ctx, data + 5, len - 5);
        bg_keccak_final(&ctx, parts);
        CHECK(memcmp(whole, parts, 32) == 0, "incremental keccak at %zu", len);
    }
}

static void decode_bytes(void *arg) {
    const char *hex = arg;
    uint8_t buf[64];
    size_t n = hex_len(hex);
    hex_to_bytes(hex, buf, n);
    bg_rlp_whole(buf, n, "test item");
}

static void rlp_u64_of(void *arg) {
    const char *hex = arg;
    uint8_t buf[64];
    size_t n = hex_len(hex);
    hex_to_bytes(hex, buf, n);
    bg_rlp item = bg_rlp_whole(buf, n, "test int");
    bg_rlp_u64(&item, "test int");
}

void test_rlp(void) {
    uint8_t buf[128];
    bg_rlp item;
    /* "dog", ["cat","dog"], 1024, empty string, single byte. */
    hex_to_bytes("83646f67", buf, 4);
    CHECK(bg_rlp_decode(buf, 4, &item) && !item.is_list && item.len == 3 && memcmp(item.payload, "dog", 3) == 0, "dog");
    hex_to_bytes("c88363617483646f67", buf, 9);
    bg_rlp parts[4];
    item = bg_rlp_whole(buf, 9, "list");
    CHECK(bg_rlp_list(&item, parts, 4, "list") == 2 && parts[1].len == 3, "cat dog");
    hex_to_bytes("820400", buf, 3);
    item = bg_rlp_whole(buf, 3, "int");
    CHECK(bg_rlp_u64(&item, "int") == 1024, "1024");
    /* A 56-byte string takes the long form. */
    uint8_t enc[80], payload[56];
    memset(payload, 'x', 56);
    size_t n = bg_rlp_put_string(enc, payload, 56);
    CHECK(n == 58 && enc[0] == 0xb8 && enc[1] == 56, "long string header");
    CHECK(bg_rlp_decode(enc, n, &item) && item.len == 56, "long string decode");
    CHECK(bg_rlp_put_u64(enc, 0) == 1 && enc[0] == 0x80, "zero encodes empty");
    CHECK(bg_rlp_put_u64(enc, 127) == 1 && enc[0] == 0x7f, "127 is one byte");
    CHECK(bg_rlp_put_u64(enc, 128) == 2 && enc[0] == 0x81 && enc[1] == 0x80, "128");
    /* Non-canonical and truncated forms are refused. */
    CHECK(check_rejects(decode_bytes, "8105", BG_EXIT_INVALID, "malformed RLP"), "single byte with prefix");
    CHECK(check_rejects(decode_bytes, "b80161", BG_EXIT_INVALID, "malformed RLP"), "long form for short");
    CHECK(check_rejects(decode_bytes, "83646f", BG_EXIT_INVALID, "malformed RLP"), "truncated");
    CHECK(check_rejects(decode_bytes, "83646f6700", BG_EXIT_INVALID, "trailing bytes"), "trailing");
    CHECK(check_rejects(decode_bytes, "b9003861", BG_EXIT_INVALID, "malformed RLP"), "length leading zero");
    CHECK(check_rejects(rlp_u64_of, "820004", BG_EXIT_INVALID, "leading zero"), "integer leading zero");
    CHECK(check_rejects(rlp_u64_of, "89010000000000000000", BG_EXIT_INVALID, "wider than 8"), "u64 overflow");
}

/* Reference product by double-and-add, using only fe_add (an independent path from fe_mul). */
static void fe_mul_ref(fe *r, const fe *a, const fe *b) {
    fe acc;
    fe_set_int(&acc, 0);
    for (int bit = 255; bit >= 0; bit--) {
        fe_add(&acc, &acc, &acc);
        if ((b->v[bit >> 5] >> (bit & 31)) & 1u) fe_add(&acc, &acc, a);
    }
    *r = acc;
}

static bool fe_eq(const fe *a, const fe *b) {
    fe x = *a, y = *b;
    fe_normalize(&x);
    fe_normalize(&y);
    return limbs_cmp(x.v, y.v) == 0;
}

static void test_field(void) {
    fe edge[10];
    for (int i = 0; i < 10; i++) fe_set_int(&edge[i], 0);
    edge[1].v[0] = 1;
    edge[2] = FE_P;                                   /* p itself, weakly reduced zero */
    edge[3] = FE_P;
    edge[3].v[0] -= 1;                                /* p - 1 */
    for (int i = 0; i < 8; i++) edge[4].v[i] = 0xffffffffu; /* 2^256 - 1 */
    edge[5].v[7] = 0x80000000u;                       /* 2^255 */
    for (int i = 0; i < 8; i++) edge[6].v[i] = 0x9e3779b9u * (uint32_t)(i + 1);
    for (int i = 0; i < 8; i++) edge[7].v[i] = 0xfffffffeu - (uint32_t)i;
    edge[8].v[0] = C977;
    edge[8].v[1] = 1;                                 /* 2^256 - p */
    edge[9] = FE_P;
    edge[9].v[0] += 5;                                /* p + 5 */
    for (int i = 0; i < 10; i++) {
        for (int j = 0; j < 10; j++) {
            fe got, want, sq;
            fe_mul(&got, &edge[i], &edge[j]);
            fe_mul_ref(&want, &edge[i], &edge[j]);
            CHECK(fe_eq(&got, &want), "fe_mul edge %d x %d", i, j);
            if (i == j) {
                fe_sqr(&sq, &edge[i]);
                CHECK(fe_eq(&sq, &want), "fe_sqr edge %d", i);
            }
            fe small, small_want, k;
            uint32_t factor = (uint32_t)(j * 7 + 1) | (j == 9 ? 0xff00u : 0);
            fe_set_int(&k, factor);
            fe_mul_small(&small, &edge[i], factor);
            fe_mul_ref(&small_want, &edge[i], &k);
            CHECK(fe_eq(&small, &small_want), "fe_mul_small edge %d by %u", i, factor);
            fe s, d;
            fe_add(&s, &edge[i], &edge[j]);
            fe_sub(&d, &s, &edge[j]);
            CHECK(fe_eq(&d, &edge[i]), "add/sub edge %d %d", i, j);
        }
        if (!fe_is_zero(&edge[i])) {
            fe inv, one, prod;
            fe_inv(&inv, &edge[i]);
            fe_mul(&prod, &inv, &edge[i]);
            fe_set_int(&one, 1);
            CHECK(fe_eq(&prod, &one), "fe_inv edge %d", i);
        }
    }
    /* 4 is a square, 5 is not (x = 5 is no curve point either: 5^3 + 7 = 132). */
    fe four, root, five;
    fe_set_int(&four, 4);
    fe_set_int(&five, 5);
    CHECK(fe_sqrt(&root, &four), "sqrt(4) exists");
    fe_sqr(&root, &root);
    CHECK(fe_eq(&root, &four), "sqrt(4)^2");
}

static void test_scalar(void) {
    sc a = {{0x12345678u, 0x9abcdef0u, 0x0fedcba9u, 0x87654321u, 1, 2, 3, 0x7fffffffu}};
    sc inv, prod, one = {{1}};
    for (int round = 0; round < 3; round++) {
        inv_mod_var(inv.v, a.v, SC_N.v);
        sc_mont_mul(&prod, &a, &inv);
        sc_mont_mul(&prod, &prod, &SC_R2); /* a * a^-1 / R * R^2 / R = 1 */
        CHECK(limbs_cmp(prod.v, one.v) == 0, "scalar inverse %d", round);
        limbs_sub(a.v, SC_N.v, one.v);     /* next: n - 1, then n - 2 */
        if (round == 1) limbs_sub(a.v, a.v, one.v);
    }
}

/* The generated tables: entry i + 1 is entry i plus 2G, every entry is on the curve, and the
 * lambda table is (beta x, y) of the other. */
static void test_g_tables(void) {
    gej twice, g;
    gej_set_ge(&g, &g_table[0]);
    gej_double(&twice, &g);
    fe zi, zi2, two_gx, two_gy;
    fe_inv(&zi, &twice.z);
    fe_sqr(&zi2, &zi);
    fe_mul(&two_gx, &twice.x, &zi2);
    fe_mul(&zi2, &zi2, &zi);
    fe_mul(&two_gy, &twice.y, &zi2);
    fe gx = G.x;
    CHECK(fe_eq(&gx, &g_table[0].x), "table starts at G");
    int bad = 0;
    for (int i = 0; i < TABLE_G; i++) {
        fe lhs, rhs, seven, bx;
        fe_sqr(&lhs, &g_table[i].y);
        fe_sqr(&rhs, &g_table[i].x);
        fe_mul(&rhs, &rhs, &g_table[i].x);
        fe_set_int(&seven, 7);
        fe_add(&rhs, &rhs, &seven);
        bad += !fe_eq(&lhs, &rhs);
        fe_mul(&bx, &g_table[i].x, &FE_BETA);
        bad += !fe_eq(&bx, &g_lambda_table[i].x) || !fe_eq(&g_table[i].y, &g_lambda_table[i].y);
        if (i + 1 < TABLE_G) {
            gej next;
            gej_set_ge(&next, &g_table[i]);
            gej_add_ge(&next, &next, &two_gx, &two_gy);
            fe z2, z3, x, y;
            fe_sqr(&z2, &next.z);
            fe_mul(&z3, &z2, &next.z);
            fe_mul(&x, &g_table[i + 1].x, &z2);
            fe_mul(&y, &g_table[i + 1].y, &z3);
            bad += !fe_eq(&x, &next.x) || !fe_eq(&y, &next.y);
        }
    }
    CHECK(bad == 0, "%d bad generator table entries", bad);
}

static void recover_hex(const char *h, const char *r, const char *s, int recid, const char *pub_hex) {
    uint8_t hb[32], rb[32], sb[32], pub[64], want[64];
    hex_to_bytes(h, hb, 32);
    hex_to_bytes(r, rb, 32);
    hex_to_bytes(s, sb, 32);
    hex_to_bytes(pub_hex, want, 64);
    bool ok = bg_secp_recover(hb, rb, sb, recid, pub);
    CHECK(ok && memcmp(pub, want, 64) == 0, "recover %s", h);
}

void test_secp(void) {
    test_field();
    test_scalar();
    test_g_tables();
    /* EIP-155's example transaction: signer 0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F. */
    uint8_t h[32], r[32], s[32], pub[64], addr[32], want[20];
    hex_to_bytes("daf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53", h, 32);
    hex_to_bytes("28ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276", r, 32);
    hex_to_bytes("67cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83", s, 32);
    hex_to_bytes("9d8a62f656a8d1615c1294fd71e9cfb3e4855a4f", want, 20);
    CHECK(bg_secp_recover(h, r, s, 0, pub), "EIP-155 example recovers");
    bg_keccak256(pub, 64, addr);
    CHECK(memcmp(addr + 12, want, 20) == 0, "EIP-155 example signer");
    CHECK(bg_secp_s_is_low(s), "EIP-155 s is low");

    const secp_vector *v = SECP_VECTORS;
    for (size_t i = 0; i < SECP_VECTOR_COUNT; i++) recover_hex(v[i].h, v[i].r, v[i].s, v[i].recid, v[i].pub);

    /* The same vectors as one batch, with an invalid signature (r = 5, off the curve) and an
     * out-of-range one (s = 0) in between: each result is independent of the others. */
    enum { COUNT = SECP_VECTOR_COUNT, BATCH = COUNT + 2 };
    static uint8_t hb[BATCH][32], rb[BATCH][32], sb[BATCH][32], pubs[BATCH][64];
    bg_secp_sig sigs[BATCH];
    bool ok[BATCH];
    for (size_t i = 0, j = 0; i < BATCH; i++) {
        if (i == 2 || i == 5) {
            memset(hb[i], 7, 32);
            memset(rb[i], 0, 32);
            memset(sb[i], 0, 32);
            rb[i][31] = 5;
            sb[i][31] = i == 2 ? 9 : 0;
            if (i == 5) rb[i][31] = 9;
        } else {
            hex_to_bytes(v[j].h, hb[i], 32);
            hex_to_bytes(v[j].r, rb[i], 32);
            hex_to_bytes(v[j].s, sb[i], 32);
            j++;
        }
        sigs[i] = (bg_secp_sig){hb[i], rb[i], sb[i], i == 2 || i == 5 ? 0 : v[j - 1].recid};
    }
    bg_secp_recover_batch(sigs, BATCH, pubs, ok);
    for (size_t i = 0, j = 0; i < BATCH; i++) {
        if (i == 2 || i == 5) {
            CHECK(!ok[i], "batch: invalid signature %zu refused", i);
            continue;
        }
        uint8_t want[64];
        hex_to_bytes(v[j++].pub, want, 64);
        CHECK(ok[i] && memcmp(pubs[i], want, 64) == 0, "batch: signature %zu", i);
    }

    /* The wrong parity recovers a different key; out-of-range values are refused. */
    recover_hex(v[0].h, v[0].r, v[0].s, v[0].recid, v[0].pub);
    uint8_t other[64], bad[32];
    hex_to_bytes(v[0].pub, other, 64);
    hex_to_bytes(v[0].h, h, 32);
    hex_to_bytes(v[0].r, r, 32);
    hex_to_bytes(v[0].s, s, 32);
    CHECK(bg_secp_recover(h, r, s, 0, pub) && memcmp(pub, other, 64) != 0, "other parity, other key");
    CHECK(!bg_secp_recover(h, r, s, 2, pub), "recid 2 refused");
    memset(bad, 0, 32);
    CHECK(!bg_secp_recover(h, bad, s, 0, pub), "r = 0 refused");
    CHECK(!bg_secp_recover(h, r, bad, 0, pub), "s = 0 refused");
    limbs_to_be(bad, SC_N.v);
    CHECK(!bg_secp_recover(h, bad, s, 0, pub), "r = n refused");
    CHECK(!bg_secp_recover(h, r, bad, 0, pub), "s = n refused");
    CHECK(!bg_secp_s_is_low(bad), "n is not low");
    limbs_to_be(bad, SC_N_HALF.v);
    CHECK(bg_secp_s_is_low(bad), "n/2 is low");
    bad[31] += 1;
    CHECK(!bg_secp_s_is_low(bad), "n/2 + 1 is high");
    memset(bad, 0, 32);
    bad[31] = 5;
    CHECK(!bg_secp_recover(h, bad, s, 0, pub), "x = 5 is not on the curve");
}
