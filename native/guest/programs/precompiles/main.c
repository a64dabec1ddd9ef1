/* The zkVM's precompiles (docs/executor.md) against known answers. Where the machine has them
 * (our executor), every call is checked directly, edge cases included; where it has none
 * (qemu-riscv32, or the executor with precompiles off), a call must answer -ENOSYS. Either way
 * the block guest's Keccak-256 and sender recovery run on known vectors, through the
 * precompiles or through their software paths, and commit the same journal: the digests, then
 * per signature its validity and public key. Exit code: the number of failed checks. */
#include "l2vm.h"

#include "../block/keccak.h"
#include "../block/secp256k1.h"
#include "../block/test/secp_vectors.h"

#define ENOSYS 38

static int failures;

static void check(int ok, const char *what) {
  if (!ok) {
    failures++;
    l2vm_eprintf("FAILED: %s\n", what);
  }
}

static void hex_be(const char *hex, uint8_t *out, size_t n) {
  for (size_t i = 0; i < n; i++) {
    uint8_t b = 0;
    for (int k = 0; k < 2; k++) {
      char c = hex[2 * i + k];
      b = (uint8_t)(b << 4 | (c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10));
    }
    out[i] = b;
  }
}

/* A 256-bit number from big-endian hex into the calls' limb order (least significant first). */
static void limbs(const char *hex, uint32_t out[8]) {
  uint8_t b[32];
  hex_be(hex, b, 32);
  for (int i = 0; i < 8; i++) {
    const uint8_t *p = b + 28 - 4 * i;
    out[i] = (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
  }
}

static int equal(const uint32_t *a, const uint32_t *b, int words) { return memcmp(a, b, 4u * (unsigned)words) == 0; }

static const char P[] = "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f";
static const char N[] = "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141";
static const char P_MINUS_1[] = "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2e";
static const char ONES[] = "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff";
static const char GX[] = "79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798";
static const char GY[] = "483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8";
static const char G2X[] = "c6047f9441ed7d6d3045406e95c07cd85c778e4b8cef3ca7abac09b95c709ee5";
static const char G2Y[] = "1ae168fea63dc339a3c58419466ceaeef7f632653266d0e1236431a950cfe52a";
static const char G3X[] = "f9308a019258c31049344f85f89d5229b531c845836f99b08601f113bce036f9";
static const char G3Y[] = "388f7b0f632de8140fe337e62a37f3566500a99934c2231b6cb9fd7584b8e672";

static void point(const char *x, const char *y, uint32_t out[16]) {
  limbs(x, out);
  limbs(y, out + 8);
}

static void check_keccak_f(void) {
  uint64_t lanes[25] = {0};
  l2vm_keccak_f(lanes);
  /* Keccak-f[1600] of the zero state (the Keccak team's intermediate values). */
  check(lanes[0] == 0xf1258f7940e1dde7ull && lanes[1] == 0x84d5ccf933c0478aull && lanes[24] == 0xeaf1ff7b5ceca249ull,
        "keccak_f of the zero state");
}

static void check_mulmod(void) {
  uint32_t a[8], b[8], m[8], want[8], zero[8] = {0}, one[8] = {1};
  limbs(P_MINUS_1, a);
  limbs(P_MINUS_1, b);
  limbs(P, m);
  l2vm_mulmod256(a, b, m);
  check(equal(a, one, 8), "(p - 1)^2 mod p = 1");
  limbs(N, m);
  limbs(ONES, a);
  limbs(ONES, b);
  l2vm_mulmod256(a, b, m); /* (2^256 - 1)^2 mod n, inputs above the modulus */
  limbs("9d671cd581c69bc5e697f5e45bcd07c3e972508f6d0e38f00911af2e084453c3", want);
  check(equal(a, want, 8), "(2^256 - 1)^2 mod n");
  limbs(GX, a);
  l2vm_mulmod256(a, zero, m);
  check(equal(a, zero, 8), "x * 0 = 0");
  limbs(GX, a);
  limbs(GY, b);
  l2vm_mulmod256(a, b, one);
  check(equal(a, zero, 8), "mod 1 = 0");
}

static void check_points(void) {
  uint32_t p[16], q[16], want[16], saved[16];
  point(GX, GY, p);
  check(l2vm_secp256k1_double(p) == 0, "double G answers 0");
  point(G2X, G2Y, want);
  check(equal(p, want, 16), "2G");
  point(GX, GY, q);
  check(l2vm_secp256k1_add(p, q) == 0, "2G + G answers 0");
  point(G3X, G3Y, want);
  check(equal(p, want, 16), "3G");
  /* Same x: P + P and P + (-P) are left to the guest (doubling, infinity). */
  point(GX, GY, p);
  memcpy(saved, p, sizeof saved);
  check(l2vm_secp256k1_add(p, q) == 1 && equal(p, saved, 16), "G + G answers 1, P unchanged");
  limbs(P, q + 8);
  for (int i = 0, borrow = 0; i < 8; i++) { /* q = -G: y = p - y(G) */
    uint32_t y = saved[8 + i], d = q[8 + i] - y - (uint32_t)borrow;
    borrow = q[8 + i] < y || (q[8 + i] == y && borrow);
    q[8 + i] = d;
  }
  check(l2vm_secp256k1_add(p, q) == 1 && equal(p, saved, 16), "G + (-G) answers 1, P unchanged");
  uint32_t two_torsion[16] = {5}; /* (5, 0): y = 0, the tangent is vertical */
  memcpy(saved, two_torsion, sizeof saved);
  check(l2vm_secp256k1_double(two_torsion) == 1 && equal(two_torsion, saved, 16), "double with y = 0 answers 1");
}

static void check_hints(void) {
  uint32_t a[8] = {3}, m[8], out[8], prod[8], one[8] = {1}, zero[8] = {0};
  limbs(P, m);
  check(l2vm_invmod256_hint(out, a, m) == 0, "1/3 mod p exists");
  memcpy(prod, out, sizeof prod);
  l2vm_mulmod256(prod, a, m);
  check(equal(prod, one, 8), "3 * (1/3) = 1 mod p");
  limbs(P_MINUS_1, a);
  check(l2vm_invmod256_hint(out, a, m) == 0 && equal(out, a, 8), "1/(p - 1) = p - 1");
  check(l2vm_invmod256_hint(out, zero, m) == 1, "0 has no inverse");
  uint32_t two[8] = {2}, four[8] = {4};
  check(l2vm_invmod256_hint(out, two, four) == 1, "2 has no inverse mod 4");

  check(l2vm_secp256k1_sqrt_hint(out, four) == 0, "4 is a square");
  memcpy(prod, out, sizeof prod);
  l2vm_mulmod256(prod, out, m);
  check(equal(prod, four, 8), "sqrt(4)^2 = 4");
  check(l2vm_secp256k1_sqrt_hint(out, zero) == 0 && equal(out, zero, 8), "sqrt(0) = 0");
  limbs(P_MINUS_1, a); /* -1 is no square mod p (p = 3 mod 4): the hint proves it with sqrt(1) */
  check(l2vm_secp256k1_sqrt_hint(out, a) == 1, "p - 1 is no square");
  memcpy(prod, out, sizeof prod);
  l2vm_mulmod256(prod, out, m);
  check(equal(prod, one, 8), "the non-square's witness squares to -(p - 1) = 1");
}

static void hash_and_commit(const char *message, size_t len, const char *want_hex) {
  uint8_t digest[32], want[32];
  bg_keccak256((const uint8_t *)message, len, digest);
  hex_be(want_hex, want, 32);
  check(memcmp(digest, want, 32) == 0, "keccak-256 known answer");
  l2vm_commit(digest, 32);
}

static void recover_and_commit(const uint8_t h[32], const uint8_t r[32], const uint8_t s[32], int recid) {
  uint8_t pub[64] = {0};
  uint8_t ok = bg_secp_recover(h, r, s, recid, pub);
  l2vm_commit(&ok, 1);
  l2vm_commit(pub, 64);
}

static void check_recovery(void) {
  uint8_t h[32], r[32], s[32], pub[64], want[64];
  for (size_t i = 0; i < SECP_VECTOR_COUNT; i++) {
    const secp_vector *v = &SECP_VECTORS[i];
    hex_be(v->h, h, 32);
    hex_be(v->r, r, 32);
    hex_be(v->s, s, 32);
    hex_be(v->pub, want, 64);
    check(bg_secp_recover(h, r, s, v->recid, pub) && memcmp(pub, want, 64) == 0, "recovery vector");
    recover_and_commit(h, r, s, v->recid);
  }
  /* Invalid signatures: r = 0, s = n, recid 2, r off the curve (x = 5), r = n. */
  uint8_t zero[32] = {0}, n[32], five[32] = {0};
  hex_be(N, n, 32);
  five[31] = 5;
  const uint8_t *bad[][2] = {{zero, s}, {r, n}, {five, s}, {n, s}};
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    check(!bg_secp_recover(h, bad[i][0], bad[i][1], 0, pub), "invalid signature refused");
    recover_and_commit(h, bad[i][0], bad[i][1], 0);
  }
  check(!bg_secp_recover(h, r, s, 2, pub), "recid 2 refused");
}

int main(void) {
  uint32_t available = l2vm_precompiles();
  if (available != 0) {
    check(available == 0xfe, "the probe names calls 0x1001..0x1007");
    check_keccak_f();
    check_mulmod();
    check_points();
    check_hints();
  } else {
    uint32_t a[8] = {1}, m[8] = {7};
    check(l2vm_ecall3(L2VM_SYS_MULMOD256, (long)a, (long)a, (long)m) == -ENOSYS, "without precompiles, -ENOSYS");
  }
  hash_and_commit("", 0, "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
  hash_and_commit("abc", 3, "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45");
  check_recovery();
  return failures;
}
