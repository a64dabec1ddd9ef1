/* Known-answer tests of the EVM on the host: the 256-bit operations against values computed in
 * Python (word_vectors.h, from gen_word_vectors.py), the gas of single instructions and of the
 * rules around them (memory expansion, cold and warm access, SSTORE with refunds, the call
 * stipend, the 63/64 rule, intrinsic gas of creations), and the precompiles' hash functions. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../evm.h"
#include "../hashes.h"
#include "../receipt.h"
#include "../word.h"
#include "word_vectors.h"

static int failures, checks;

#define CHECK(cond, ...)                                                  \
    do {                                                                  \
        checks++;                                                         \
        if (!(cond)) {                                                    \
            failures++;                                                   \
            fprintf(stderr, "FAIL %s:%d (%s): ", __FILE__, __LINE__, #cond); \
            fprintf(stderr, __VA_ARGS__);                                 \
            fputc('\n', stderr);                                          \
        }                                                                 \
    } while (0)

static void unhex(const char *h, uint8_t *out, size_t n) {
    for (size_t i = 0; i < n; i++) {
        unsigned v;
        sscanf(h + 2 * i, "%2x", &v);
        out[i] = (uint8_t)v;
    }
}

static u256 w(const char *h) {
    uint8_t b[32];
    unhex(h, b, 32);
    return u256_from_be(b);
}

static void test_words(void) {
    size_t n = sizeof WORD_VECTORS / sizeof WORD_VECTORS[0];
    for (size_t i = 0; i < n; i++) {
        const char *op = WORD_VECTORS[i][0];
        u256 a = w(WORD_VECTORS[i][1]), b = w(WORD_VECTORS[i][2]), c = w(WORD_VECTORS[i][3]);
        u256 want = w(WORD_VECTORS[i][4]), got;
        if (!strcmp(op, "add")) got = evm_add(&a, &b);
        else if (!strcmp(op, "sub")) got = evm_sub(&a, &b);
        else if (!strcmp(op, "mul")) got = evm_mul(&a, &b);
        else if (!strcmp(op, "div")) got = evm_div(&a, &b);
        else if (!strcmp(op, "mod")) got = evm_mod(&a, &b);
        else if (!strcmp(op, "sdiv")) got = evm_sdiv(&a, &b);
        else if (!strcmp(op, "smod")) got = evm_smod(&a, &b);
        else if (!strcmp(op, "addmod")) got = evm_addmod(&a, &b, &c);
        else if (!strcmp(op, "mulmod")) got = evm_mulmod(&a, &b, &c);
        else if (!strcmp(op, "exp")) got = evm_exp(&a, &b);
        else if (!strcmp(op, "signextend")) got = evm_signextend(&a, &b);
        else if (!strcmp(op, "byte")) got = evm_byte(&a, &b);
        else if (!strcmp(op, "shl")) got = evm_shl(&a, &b);
        else if (!strcmp(op, "shr")) got = evm_shr(&a, &b);
        else if (!strcmp(op, "sar")) got = evm_sar(&a, &b);
        else got = u256_of(evm_slt(&a, &b));
        CHECK(u256_compare(&got, &want) == 0, "%s(%s, %s, %s)", op, WORD_VECTORS[i][1], WORD_VECTORS[i][2],
              WORD_VECTORS[i][3]);
    }
    u256 e = w("00000000000000000000000000000000000000000000000000000000000100ff");
    CHECK(evm_byte_len(&e) == 3, "byte length of 0x100ff");
}

/* ---- a small in-memory state for instruction tests ---- */

typedef struct {
    uint8_t address[20];
    uint64_t nonce;
    u256 balance;
    const uint8_t *code;
    size_t code_len;
    uint8_t code_hash[32];
    uint8_t slot0[32]; /* storage: key 0 only */
} mock_account;

typedef struct {
    mock_account accounts[4];
    int count;
    uint8_t changed[32]; /* slot 0 of the contract after the block */
    bool slot_written;
} mock;

static bool m_account(void *ctx, const uint8_t a[20], evm_account_info *out) {
    mock *m = ctx;
    for (int i = 0; i < m->count; i++) {
        mock_account *x = &m->accounts[i];
        if (memcmp(x->address, a, 20) != 0) continue;
        out->nonce = x->nonce;
        out->balance = x->balance;
        memcpy(out->code_hash, x->code_hash, 32);
        out->has_storage = false;
        for (int k = 0; k < 32; k++) out->has_storage |= x->slot0[k] != 0;
        return true;
    }
    return false;
}

static const uint8_t *m_code(void *ctx, const uint8_t a[20], const uint8_t h[32], size_t *len) {
    mock *m = ctx;
    (void)h;
    for (int i = 0; i < m->count; i++)
        if (memcmp(m->accounts[i].address, a, 20) == 0) {
            *len = m->accounts[i].code_len;
            return m->accounts[i].code;
        }
    *len = 0;
    return NULL;
}

static void m_storage(void *ctx, const uint8_t a[20], const uint8_t key[32], uint8_t value[32]) {
    mock *m = ctx;
    memset(value, 0, 32);
    bool zero_key = true;
    for (int k = 0; k < 32; k++) zero_key &= key[k] == 0;
    for (int i = 0; i < m->count; i++)
        if (zero_key && memcmp(m->accounts[i].address, a, 20) == 0) memcpy(value, m->accounts[i].slot0, 32);
}

static void m_block_hash(void *ctx, uint64_t n, uint8_t h[32]) {
    (void)ctx;
    memset(h, 0, 32);
    h[31] = (uint8_t)n;
}

static void m_unsupported(void *ctx, const char *what) {
    (void)ctx;
    fprintf(stderr, "unsupported: %s\n", what);
    exit(2);
}

static void on_account(void *ctx, const evm_account_change *c) { (void)ctx, (void)c; }

static void on_slot(void *ctx, const uint8_t key[32], const uint8_t value[32]) {
    mock *m = ctx;
    (void)key;
    memcpy(m->changed, value, 32);
    m->slot_written = true;
}

static const uint8_t SENDER[20] = {[19] = 0x51};
static const uint8_t CONTRACT[20] = {[19] = 0xc0};
static const uint8_t CALLEE[20] = {[19] = 0xca};

static void add_account(mock *m, const uint8_t a[20], const uint8_t *code, size_t len, uint64_t balance) {
    mock_account *x = &m->accounts[m->count++];
    memset(x, 0, sizeof *x);
    memcpy(x->address, a, 20);
    x->balance = u256_of(balance);
    x->code = code;
    x->code_len = len;
    extern void bg_keccak256(const uint8_t *, size_t, uint8_t *);
    bg_keccak256(code, len, x->code_hash);
}

typedef struct {
    evm_tx_result r;
    mock m;
} run_result;

/* Sends a transaction (gas price 0) from SENDER to CONTRACT running code (slot 0 preset to
 * slot0), with CALLEE holding callee code; to == NULL makes it a creation with data = code. */
static run_result run(const uint8_t *code, size_t len, uint64_t slot0, const uint8_t *callee, size_t callee_len,
                      uint64_t gas_limit, bool create) {
    run_result out;
    memset(&out, 0, sizeof out);
    mock *m = &out.m;
    add_account(m, SENDER, NULL, 0, 1000000);
    add_account(m, CONTRACT, code, len, 10);
    m->accounts[1].slot0[31] = (uint8_t)slot0;
    if (callee) add_account(m, CALLEE, callee, callee_len, 0);
    evm_backend be = {m, m_account, m_code, m_storage, m_block_hash, m_unsupported};
    evm_block_env env = {0};
    env.chain_id = 1;
    env.number = 10;
    env.gas_limit = 30000000;
    env.blob_base_fee = u256_of(1);
    evm_world *wd = evm_world_new(&be, &env);
    evm_tx tx = {0};
    tx.type = EVM_TX_DYNAMIC_FEE;
    memcpy(tx.sender, SENDER, 20);
    tx.to = create ? NULL : CONTRACT;
    tx.gas_limit = gas_limit;
    if (create) {
        tx.data = code;
        tx.data_len = len;
    }
    evm_tx_apply(wd, &tx, env.gas_limit, EVM_MAX_BLOB_GAS_PER_BLOCK, &out.r);
    evm_world_changes(wd, on_account, on_slot, m);
    return out;
}

/* Gas used by the code beyond the 21000 of the transaction. */
static uint64_t code_gas(const uint8_t *code, size_t len) {
    run_result r = run(code, len, 0, NULL, 0, 1000000, false);
    return r.r.gas_used - 21000;
}

#define CODE(...) ((const uint8_t[]){__VA_ARGS__}), sizeof((const uint8_t[]){__VA_ARGS__})

static void test_gas(void) {
    /* Memory expansion: MLOAD at 0 costs one word; at 1024, 33 words (3*33 + 33*33/512). */
    CHECK(code_gas(CODE(0x60, 0x00, 0x51)) == 3 + 3 + 3, "MLOAD(0)");
    CHECK(code_gas(CODE(0x61, 0x04, 0x00, 0x51)) == 3 + 3 + 101, "MLOAD(1024)");
    /* EXP: 10 + 50 per exponent byte. */
    CHECK(code_gas(CODE(0x61, 0x01, 0x00, 0x60, 0x02, 0x0a)) == 3 + 3 + 10 + 100, "EXP 2^256");
    /* KECCAK256 of 64 bytes: 30 + 6 per word + memory. */
    CHECK(code_gas(CODE(0x60, 0x40, 0x60, 0x00, 0x20)) == 3 + 3 + 30 + 12 + 6, "KECCAK256 64 bytes");
    /* SLOAD cold then warm (EIP-2929). */
    CHECK(code_gas(CODE(0x60, 0x00, 0x54, 0x60, 0x00, 0x54)) == 3 + 2100 + 3 + 100, "SLOAD cold, warm");
    /* BALANCE of a cold, then warm account; of the (warm) sender. */
    CHECK(code_gas(CODE(0x60, 0xca, 0x31, 0x60, 0xca, 0x31)) == 3 + 2600 + 3 + 100, "BALANCE cold, warm");
    CHECK(code_gas(CODE(0x60, 0x51, 0x31)) == 3 + 100, "BALANCE of the sender");
    /* SSTORE 0 -> 1 on a cold slot: 20000 + 2100. */
    CHECK(code_gas(CODE(0x60, 0x01, 0x60, 0x00, 0x55)) == 3 + 3 + 22100, "SSTORE set");
    /* TSTORE and TLOAD: 100 each (EIP-1153). */
    CHECK(code_gas(CODE(0x60, 0x01, 0x60, 0x00, 0x5d, 0x60, 0x00, 0x5c)) == 3 + 3 + 100 + 3 + 100, "TSTORE, TLOAD");
    /* MCOPY 32 bytes to 32: 3 + 3 per word + expansion to two words (EIP-5656). */
    CHECK(code_gas(CODE(0x60, 0x20, 0x60, 0x00, 0x60, 0x20, 0x5e)) == 9 + 3 + 3 + 6, "MCOPY");
    /* PUSH0, BLOBBASEFEE, BLOBHASH (EIP-3855, 7516, 4844). */
    CHECK(code_gas(CODE(0x5f, 0x4a, 0x49)) == 2 + 2 + 3, "PUSH0 BLOBBASEFEE BLOBHASH");
    /* LOG2 of 32 bytes: 375 + 2 * 375 + 8 * 32 + memory. */
    CHECK(code_gas(CODE(0x60, 0x01, 0x60, 0x02, 0x60, 0x20, 0x60, 0x00, 0xa2)) == 12 + 375 + 750 + 256 + 3, "LOG2");

    /* SSTORE 1 -> 0: 2900 + 2100 cold, refund 4800 capped at a fifth of the gas used (EIP-3529). */
    run_result r = run(CODE(0x60, 0x00, 0x60, 0x00, 0x55), 1, NULL, 0, 100000, false);
    CHECK(r.r.gas_used == 21000 + 6 + 5000 - 4800, "SSTORE clear with refund: %llu", (unsigned long long)r.r.gas_used);
    /* 1 -> 2 -> 1: reset then restore, refund 2800. */
    r = run(CODE(0x60, 0x02, 0x60, 0x00, 0x55, 0x60, 0x01, 0x60, 0x00, 0x55), 1, NULL, 0, 100000, false);
    CHECK(r.r.gas_used == 21000 + 12 + 5000 + 100 - 2800, "SSTORE restore: %llu", (unsigned long long)r.r.gas_used);
    /* SSTORE with at most 2300 gas left fails (EIP-2200 sentry): all gas is used. */
    r = run(CODE(0x60, 0x01, 0x60, 0x00, 0x55), 0, NULL, 0, 21000 + 6 + 2300, false);
    CHECK(!r.r.success && r.r.gas_used == 21000 + 6 + 2300, "SSTORE sentry");

    /* CALL with value 1 to a cold empty account, asking for 0 gas: 100 + 2500 + 9000 + 25000;
     * the 2300 stipend comes back unused. */
    CHECK(code_gas(CODE(0x60, 0, 0x60, 0, 0x60, 0, 0x60, 0, 0x60, 1, 0x60, 0xee, 0x60, 0, 0xf1)) ==
              21 + 36600 - 2300,
          "CALL with value to a new account");
    /* The 63/64 rule: the callee stores the gas it sees (GAS after its own 2). */
    const uint8_t callee[] = {0x5a, 0x60, 0x00, 0x55};
    const uint8_t caller[] = {0x60, 0, 0x60, 0, 0x60, 0, 0x60, 0, 0x60, 0xca, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
                              0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
                              0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfa};
    /* As a DELEGATECALL (asking for all gas), so that the callee's SSTORE lands in CONTRACT. */
    uint8_t dcall[sizeof caller];
    memcpy(dcall, caller, sizeof caller);
    dcall[sizeof dcall - 1] = 0xf4;
    r = run(dcall, sizeof dcall, 0, callee, sizeof callee, 200000, false);
    uint64_t left = 200000 - 21000 - 5 * 3 - 3 - 100 - 2500; /* after 6 pushes, warm 100, cold 2500 */
    uint64_t seen = left - left / 64 - 2;
    CHECK(r.m.slot_written && r.m.changed[29] == (uint8_t)(seen >> 16) && r.m.changed[30] == (uint8_t)(seen >> 8) &&
              r.m.changed[31] == (uint8_t)seen,
          "63/64 rule: expected the callee to see %llu", (unsigned long long)seen);

    /* A creation transaction: 21000 + 32000 + data + 2 per initcode word (EIP-3860); the
     * initcode returns nothing, so no deposit. */
    r = run(CODE(0x60, 0x00, 0x60, 0x00, 0xf3), 0, NULL, 0, 100000, true);
    CHECK(r.r.success && r.r.gas_used == 53000 + 3 * 16 + 2 * 4 + 2 + 3 + 3,
          "creation intrinsic gas: %llu", (unsigned long long)r.r.gas_used);
    /* Code starting with 0xEF is refused (EIP-3541): PUSH1 0xef PUSH1 0 MSTORE8 PUSH1 1 PUSH1 0 RETURN. */
    r = run(CODE(0x60, 0xef, 0x60, 0x00, 0x53, 0x60, 0x01, 0x60, 0x00, 0xf3), 0, NULL, 0, 100000, true);
    CHECK(!r.r.success && r.r.gas_used == 100000, "0xEF code refused");
    /* Invalid transactions: gas below the intrinsic gas; nonce. */
    r = run(CODE(0x00), 0, NULL, 0, 20999, false);
    CHECK(r.r.invalid != NULL && strstr(r.r.invalid, "intrinsic"), "intrinsic gas");
}

static void test_hashes(void) {
    uint8_t out[20], want[20];
    evm_ripemd160((const uint8_t *)"", 0, out);
    unhex("9c1185a5c5e9fc54612808977ee8f548b2258d31", want, 20);
    CHECK(memcmp(out, want, 20) == 0, "ripemd160('')");
    evm_ripemd160((const uint8_t *)"abc", 3, out);
    unhex("8eb208f7e05d987a9b044a8e98c6b087f15a0bfc", want, 20);
    CHECK(memcmp(out, want, 20) == 0, "ripemd160('abc')");
    const char *msg = "12345678901234567890123456789012345678901234567890123456789012345678901234567890";
    evm_ripemd160((const uint8_t *)msg, 80, out);
    unhex("9b752e45573d4b39f4dbd3323cab82bf63326bfb", want, 20);
    CHECK(memcmp(out, want, 20) == 0, "ripemd160(8 x '1234567890')");
    /* EIP-152 test vector 5: BLAKE2b of "abc" through F with 12 rounds. */
    uint64_t h[8] = {0x6a09e667f2bdc948ull, 0xbb67ae8584caa73bull, 0x3c6ef372fe94f82bull, 0xa54ff53a5f1d36f1ull,
                     0x510e527fade682d1ull, 0x9b05688c2b3e6c1full, 0x1f83d9abfb41bd6bull, 0x5be0cd19137e2179ull};
    uint64_t m[16] = {0x636261}, t[2] = {3, 0};
    evm_blake2b_f(12, h, m, t, true);
    CHECK(h[0] == 0x0d4d1c983fa580baull && h[7] == 0x239900d4ed8623b9ull, "blake2b F: %016llx %016llx",
          (unsigned long long)h[0], (unsigned long long)h[7]);
}

int main(void) {
    test_words();
    test_gas();
    test_hashes();
    printf("%d checks, %d failed\n", checks, failures);
    return failures == 0 ? 0 : 1;
}
