/* Host runner of the EVM on blockchain test fixtures (converted to a token stream by
 * fixtures.py): builds the pre-state as in-memory tries, applies each block (beacon root call,
 * transactions, withdrawals) and prints per block either
 *   block N valid <state root> <gas used> <blob gas used> <logs bloom> <receipts root>
 * or
 *   block N invalid <reason>
 * (an invalid block changes nothing). A precompile the EVM leaves out ends the run with
 * "unsupported <what>" and exit code 2. With --dump, the final accounts follow. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../keccak.h"
#include "../../mpt.h"
#include "../../rlp.h"
#include "../evm.h"
#include "../receipt.h"

typedef struct {
    uint8_t address[20];
    bool exists;
    uint64_t nonce;
    u256 balance;
    uint8_t *code;
    size_t code_len;
    uint8_t code_hash[32];
    bg_trie storage;
} account;

typedef struct {
    account *accounts;
    size_t count, cap;
    uint8_t (*hashes)[32];
    size_t hash_count;
    account *current; /* of the write-back */
} world;

/* ---- tokens ---- */
static char *tok(void) {
    static char buf[1 << 22];
    if (scanf("%4194303s", buf) != 1) return NULL;
    return buf;
}

static uint64_t num(void) { return strtoull(tok(), NULL, 10); }

/* Hex (no 0x; "-" is empty) into a fresh buffer. */
static uint8_t *hex(size_t *len) {
    char *t = tok();
    if (strcmp(t, "-") == 0) {
        *len = 0;
        return evm_alloc(1);
    }
    size_t n = strlen(t) / 2;
    uint8_t *b = evm_alloc(n + 1);
    for (size_t i = 0; i < n; i++) {
        unsigned v;
        sscanf(t + 2 * i, "%2x", &v);
        b[i] = (uint8_t)v;
    }
    *len = n;
    return b;
}

static void fixed(uint8_t *out, size_t n) {
    size_t len;
    uint8_t *b = hex(&len);
    memset(out, 0, n);
    if (len > n) len = n;
    memcpy(out + n - len, b, len);
}

static u256 word(void) {
    uint8_t b[32];
    fixed(b, 32);
    return u256_from_be(b);
}

/* ---- state ---- */
static account *find(world *w, const uint8_t a[20], bool create) {
    for (size_t i = 0; i < w->count; i++)
        if (memcmp(w->accounts[i].address, a, 20) == 0) return &w->accounts[i];
    if (!create) return NULL;
    if (w->count == w->cap) {
        w->cap = w->cap ? 2 * w->cap : 64;
        w->accounts = realloc(w->accounts, w->cap * sizeof *w->accounts);
    }
    account *x = &w->accounts[w->count++];
    memset(x, 0, sizeof *x);
    memcpy(x->address, a, 20);
    bg_trie_open(&x->storage, NULL, BG_EMPTY_TRIE_ROOT, "storage");
    bg_keccak256(NULL, 0, x->code_hash);
    return x;
}

static void put_slot(account *x, const uint8_t key[32], const uint8_t value[32]) {
    uint8_t hk[32];
    bg_keccak256(key, 32, hk);
    bool zero = true;
    for (int i = 0; i < 32; i++) zero &= value[i] == 0;
    if (zero) {
        bg_trie_delete(&x->storage, hk, 32);
        return;
    }
    uint8_t *enc = evm_alloc(34);
    size_t n = bg_rlp_put_u256(enc, value);
    bg_trie_put(&x->storage, hk, 32, enc, n);
}

static bool b_account(void *ctx, const uint8_t a[20], evm_account_info *out) {
    account *x = find(ctx, a, false);
    if (!x || !x->exists) return false;
    out->nonce = x->nonce;
    out->balance = x->balance;
    memcpy(out->code_hash, x->code_hash, 32);
    out->has_storage = x->storage.root != NULL;
    return true;
}

static const uint8_t *b_code(void *ctx, const uint8_t a[20], const uint8_t h[32], size_t *len) {
    (void)h;
    account *x = find(ctx, a, false);
    *len = x->code_len;
    return x->code;
}

static void b_storage(void *ctx, const uint8_t a[20], const uint8_t key[32], uint8_t value[32]) {
    account *x = find(ctx, a, false);
    uint8_t hk[32];
    bg_keccak256(key, 32, hk);
    size_t len;
    const uint8_t *v = bg_trie_get(&x->storage, hk, 32, &len);
    memset(value, 0, 32);
    if (!v) return;
    bg_rlp item = bg_rlp_whole(v, len, "storage value");
    bg_rlp_u256(&item, value, "storage value");
}

static void b_block_hash(void *ctx, uint64_t number, uint8_t hash[32]) {
    world *w = ctx;
    if (number < w->hash_count) memcpy(hash, w->hashes[number], 32);
    else memset(hash, 0, 32);
}

static _Noreturn void b_unsupported(void *ctx, const char *what) {
    (void)ctx;
    printf("unsupported %s\n", what);
    exit(2);
}

static void on_account(void *ctx, const evm_account_change *c) {
    world *w = ctx;
    account *x = find(w, c->address, true);
    w->current = x;
    if (c->deleted || c->storage_reset) bg_trie_open(&x->storage, NULL, BG_EMPTY_TRIE_ROOT, "storage");
    x->exists = !c->deleted;
    if (c->deleted) {
        x->nonce = 0;
        x->balance = u256_of(0);
        x->code_len = 0;
        bg_keccak256(NULL, 0, x->code_hash);
        return;
    }
    x->nonce = c->nonce;
    x->balance = c->balance;
    memcpy(x->code_hash, c->code_hash, 32);
    if (c->code) {
        x->code = evm_alloc(c->code_len + 1);
        memcpy(x->code, c->code, c->code_len);
        x->code_len = c->code_len;
    }
}

static void on_slot(void *ctx, const uint8_t key[32], const uint8_t value[32]) {
    world *w = ctx;
    put_slot(w->current, key, value);
}

static void state_root(world *w, uint8_t root[32]) {
    bg_trie t;
    bg_trie_open(&t, NULL, BG_EMPTY_TRIE_ROOT, "state");
    for (size_t i = 0; i < w->count; i++) {
        account *x = &w->accounts[i];
        if (!x->exists) continue;
        uint8_t body[160], sroot[32], bal[32], key[32];
        bg_trie_root(&x->storage, sroot);
        u256_to_be(&x->balance, bal);
        size_t n = bg_rlp_put_u64(body, x->nonce);
        n += bg_rlp_put_u256(body + n, bal);
        n += bg_rlp_put_string(body + n, sroot, 32);
        n += bg_rlp_put_string(body + n, x->code_hash, 32);
        uint8_t *v = evm_alloc(n + 4);
        size_t h = bg_rlp_put_header(v, n, true);
        memcpy(v + h, body, n);
        bg_keccak256(x->address, 20, key);
        bg_trie_put(&t, key, 32, v, h + n);
    }
    bg_trie_root(&t, root);
}

static void print_hex(const uint8_t *b, size_t n) {
    for (size_t i = 0; i < n; i++) printf("%02x", b[i]);
}

static void put_index(bg_trie *t, uint32_t i, const uint8_t *v, size_t len) {
    uint8_t key[8];
    size_t n = bg_rlp_put_u64(key, i);
    bg_trie_put(t, key, n, v, len);
}

static void run_block(world *w, const evm_backend *be, uint64_t chain_id) {
    evm_block_env env = {0};
    env.chain_id = chain_id;
    uint64_t number = num();
    env.number = number;
    env.timestamp = num();
    env.gas_limit = num();
    fixed(env.coinbase, 20);
    fixed(env.prev_randao, 32);
    env.base_fee = word();
    env.blob_base_fee = evm_blob_base_fee(num());
    size_t rl;
    uint8_t *beacon = hex(&rl);
    size_t ntx = num(), nwd = num();
    evm_world *ew = evm_world_new(be, &env);
    if (rl == 32) evm_beacon_root_call(ew, beacon);
    uint64_t gas_used = 0, blob_gas_used = 0;
    const char *invalid = NULL;
    uint32_t invalid_index = 0;
    uint8_t bloom[EVM_BLOOM_LEN] = {0};
    bg_trie receipts;
    bg_trie_open(&receipts, NULL, BG_EMPTY_TRIE_ROOT, "receipts");
    for (size_t i = 0; i < ntx; i++) {
        evm_tx tx = {0};
        if (strcmp(tok(), "tx") != 0) exit(4);
        tx.type = (uint8_t)num();
        fixed(tx.sender, 20);
        size_t tl;
        uint8_t *to = hex(&tl);
        tx.to = tl == 20 ? to : NULL;
        tx.nonce = num();
        tx.gas_limit = num();
        tx.value = word();
        tx.data = hex(&tx.data_len);
        tx.max_fee_per_gas = word();
        tx.max_priority_fee_per_gas = word();
        tx.max_fee_per_blob_gas = word();
        tx.blob_count = num();
        uint8_t *blobs = evm_alloc(32 * tx.blob_count + 1);
        for (size_t k = 0; k < tx.blob_count; k++) fixed(blobs + 32 * k, 32);
        tx.blob_hashes = blobs;
        tx.access_count = num();
        evm_access_entry *al = evm_alloc(sizeof *al * (tx.access_count + 1));
        for (size_t k = 0; k < tx.access_count; k++) {
            uint8_t *a = evm_alloc(20);
            fixed(a, 20);
            al[k].address = a;
            al[k].key_count = num();
            uint8_t *keys = evm_alloc(32 * al[k].key_count + 1);
            for (size_t j = 0; j < al[k].key_count; j++) fixed(keys + 32 * j, 32);
            al[k].keys = keys;
        }
        tx.access_list = al;
        if (invalid) continue;
        evm_tx_result r;
        evm_tx_apply(ew, &tx, env.gas_limit - gas_used, EVM_MAX_BLOB_GAS_PER_BLOCK - blob_gas_used, &r);
        if (r.invalid) {
            invalid = r.invalid;
            invalid_index = (uint32_t)i;
            continue;
        }
        gas_used += r.gas_used;
        blob_gas_used += r.blob_gas_used;
        uint8_t tx_bloom[EVM_BLOOM_LEN] = {0};
        evm_bloom_add(tx_bloom, r.logs, r.log_count);
        for (int k = 0; k < EVM_BLOOM_LEN; k++) bloom[k] |= tx_bloom[k];
        size_t len;
        uint8_t *enc = evm_receipt_encode(tx.type, r.success, gas_used, tx_bloom, r.logs, r.log_count, &len);
        put_index(&receipts, (uint32_t)i, enc, len);
    }
    for (size_t i = 0; i < nwd; i++) {
        if (strcmp(tok(), "wd") != 0) exit(4);
        uint8_t a[20];
        fixed(a, 20);
        uint64_t amount = num();
        if (!invalid) evm_withdraw(ew, a, amount);
    }
    if (invalid) {
        printf("block %llu invalid transaction %u: %s\n", (unsigned long long)number, invalid_index, invalid);
        return;
    }
    evm_world_changes(ew, on_account, on_slot, w);
    uint8_t root[32], rroot[32];
    state_root(w, root);
    bg_trie_root(&receipts, rroot);
    evm_stats st = evm_world_stats(ew);
    printf("block %llu valid ", (unsigned long long)number);
    print_hex(root, 32);
    printf(" %llu %llu ", (unsigned long long)gas_used, (unsigned long long)blob_gas_used);
    print_hex(bloom, EVM_BLOOM_LEN);
    printf(" ");
    print_hex(rroot, 32);
    printf(" %llu %llu\n", (unsigned long long)st.instructions, (unsigned long long)st.gas);
    fflush(stdout);
}

int main(int argc, char **argv) {
    bool dump = argc > 1 && strcmp(argv[1], "--dump") == 0;
    world w = {0};
    evm_backend be = {&w, b_account, b_code, b_storage, b_block_hash, b_unsupported};
    uint64_t chain_id = 1;
    char *t;
    while ((t = tok()) != NULL) {
        if (strcmp(t, "chain") == 0) {
            chain_id = num();
        } else if (strcmp(t, "hash") == 0) {
            uint64_t n = num();
            if (n >= w.hash_count) {
                w.hashes = realloc(w.hashes, (n + 1) * 32);
                memset(w.hashes + w.hash_count, 0, (n + 1 - w.hash_count) * 32);
                w.hash_count = n + 1;
            }
            fixed(w.hashes[n], 32);
        } else if (strcmp(t, "account") == 0) {
            uint8_t a[20];
            fixed(a, 20);
            account *x = find(&w, a, true);
            x->exists = true;
            x->nonce = num();
            x->balance = word();
            x->code = hex(&x->code_len);
            bg_keccak256(x->code, x->code_len, x->code_hash);
            size_t slots = num();
            for (size_t i = 0; i < slots; i++) {
                uint8_t k[32], v[32];
                fixed(k, 32);
                fixed(v, 32);
                put_slot(x, k, v);
            }
        } else if (strcmp(t, "genesis") == 0) {
            uint8_t root[32];
            state_root(&w, root);
            printf("genesis ");
            print_hex(root, 32);
            printf("\n");
        } else if (strcmp(t, "block") == 0) {
            run_block(&w, &be, chain_id);
        } else {
            fprintf(stderr, "unexpected token %s\n", t);
            return 4;
        }
    }
    if (dump) {
        for (size_t i = 0; i < w.count; i++) {
            account *x = &w.accounts[i];
            if (!x->exists) continue;
            uint8_t bal[32], sroot[32];
            u256_to_be(&x->balance, bal);
            bg_trie_root(&x->storage, sroot);
            printf("account ");
            print_hex(x->address, 20);
            printf(" %llu ", (unsigned long long)x->nonce);
            print_hex(bal, 32);
            printf(" ");
            print_hex(x->code_hash, 32);
            printf(" ");
            print_hex(sroot, 32);
            printf("\n");
        }
    }
    return 0;
}
