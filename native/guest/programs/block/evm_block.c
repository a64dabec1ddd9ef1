#include "evm_block.h"

#include <stdarg.h>

#include "evm/evm.h"
#include "evm/receipt.h"
#include "header.h"
#include "keccak.h"
#include "rlp.h"
#include "sys.h"
#include "util.h"

void *evm_alloc(size_t size) { return bg_calloc(size); }

/* A storage trie opened from the witness at its account's root, changed in place. */
typedef struct {
    uint8_t address[20];
    bg_trie trie;
    bg_account *account; /* set when the write-back changed it */
} storage;

typedef struct {
    bg_state *state;
    const bg_block_input *in;
    const bg_header *h;
    storage *tries;
    size_t trie_count, trie_cap;
    storage *current; /* of the write-back */
    uint8_t (*ancestors)[32]; /* ancestors[k]: the hash of block number - 1 - k, as far as known */
    uint32_t ancestor_count;
} ctx;

static storage *storage_of(ctx *c, const uint8_t address[20], const uint8_t root[32]) {
    for (size_t i = 0; i < c->trie_count; i++)
        if (bg_equal(c->tries[i].address, address, 20)) return &c->tries[i];
    c->tries = evm_grow(c->tries, c->trie_count, &c->trie_cap, sizeof *c->tries, 16);
    storage *s = &c->tries[c->trie_count++];
    bg_copy(s->address, address, 20);
    bg_trie_open(&s->trie, c->in->witness, root, "storage trie");
    s->account = NULL;
    return s;
}

static bool b_account(void *p, const uint8_t address[20], evm_account_info *out) {
    ctx *c = p;
    bg_account *a = bg_state_read(c->state, address);
    out->nonce = a->nonce;
    out->balance = a->balance;
    bg_copy(out->code_hash, a->code_hash, 32);
    out->has_storage = !bg_equal(a->storage_root, BG_EMPTY_TRIE_ROOT, 32);
    return true; /* an absent account reads as empty, which the EVM treats alike */
}

static const uint8_t *b_code(void *p, const uint8_t address[20], const uint8_t code_hash[32], size_t *len) {
    ctx *c = p;
    (void)address;
    const uint8_t *code = bg_witness_get(c->in->codes, code_hash, len);
    if (code == NULL) bg_fail("missing code %x in the witness", code_hash);
    return code;
}

static void b_storage(void *p, const uint8_t address[20], const uint8_t key[32], uint8_t value[32]) {
    ctx *c = p;
    storage *s = storage_of(c, address, bg_state_read(c->state, address)->storage_root);
    uint8_t hashed[32];
    bg_keccak256(key, 32, hashed);
    size_t len;
    const uint8_t *v = bg_trie_get(&s->trie, hashed, 32, &len);
    bg_zero(value, 32);
    if (v == NULL) return;
    bg_rlp item = bg_rlp_whole(v, len, "storage value");
    bg_rlp_u256(&item, value, "storage value");
}

/* The hash of an ancestor (the EVM asks only for the 256 before the block). The parent's comes
 * from the header, the grandparent's from the parent header in the input; older ones from the
 * ancestors' headers in the witness nodes, found by their hash (the block hash is the keccak of
 * the header's RLP, so the index proves each link), walking back once and remembering. */
static void b_block_hash(void *p, uint64_t number, uint8_t hash[32]) {
    ctx *c = p;
    uint64_t k = c->h->number - 1 - number;
    if (c->ancestors == NULL) {
        c->ancestors = bg_alloc(257 * 32);
        bg_copy(c->ancestors[0], c->h->parent_hash, 32);
        bg_header parent;
        bg_header_decode(&parent, c->in->parent_header, c->in->parent_header_len, "parent header");
        bg_copy(c->ancestors[1], parent.parent_hash, 32);
        c->ancestor_count = 2;
    }
    while (c->ancestor_count <= k) {
        const uint8_t *known = c->ancestors[c->ancestor_count - 1];
        uint64_t at = c->h->number - c->ancestor_count;
        size_t len;
        const uint8_t *enc = bg_witness_get(c->in->witness, known, &len);
        if (enc == NULL)
            bg_fail("BLOCKHASH(%lu): missing the header of block %lu (hash %x) in the witness", number, at, known);
        bg_header ancestor;
        bg_header_decode(&ancestor, enc, len, "ancestor header");
        if (ancestor.number != at)
            bg_fail("BLOCKHASH(%lu): the header of hash %x is block %lu, not %lu", number, known, ancestor.number, at);
        bg_copy(c->ancestors[c->ancestor_count++], ancestor.parent_hash, 32);
    }
    bg_copy(hash, c->ancestors[k], 32);
}

static void b_unsupported(void *p, const char *what) {
    (void)p;
    bg_unsupported("unsupported: %s", what);
}

static void on_account(void *p, const evm_account_change *ch) {
    ctx *c = p;
    bg_account *a = bg_state_account(c->state, ch->address);
    c->current = NULL;
    if (ch->deleted) {
        a->nonce = 0;
        a->balance = u256_of(0);
        bg_keccak256(NULL, 0, a->code_hash);
        bg_copy(a->storage_root, BG_EMPTY_TRIE_ROOT, 32);
        return;
    }
    if (c->in->oracle && ch->code != NULL) bg_sys_oracle_put(BG_ORACLE_CODE, ch->code, ch->code_len);
    a->nonce = ch->nonce;
    a->balance = ch->balance;
    bg_copy(a->code_hash, ch->code_hash, 32);
    storage *s = storage_of(c, ch->address, a->storage_root);
    if (ch->storage_reset) bg_trie_open(&s->trie, NULL, BG_EMPTY_TRIE_ROOT, "storage trie");
    c->current = s;
    s->account = a;
}

static void on_slot(void *p, const uint8_t key[32], const uint8_t value[32]) {
    ctx *c = p;
    uint8_t hashed[32];
    bg_keccak256(key, 32, hashed);
    bool zero = true;
    for (int i = 0; i < 32; i++) zero &= value[i] == 0;
    if (zero) {
        bg_trie_delete(&c->current->trie, hashed, 32);
        return;
    }
    uint8_t *enc = bg_alloc(34);
    bg_trie_put(&c->current->trie, hashed, 32, enc, bg_rlp_put_u256(enc, value));
}

static bool because(char *why, size_t cap, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    bg_format(why, cap, fmt, ap);
    va_end(ap);
    return true;
}

bool bg_evm_needed(bg_state *state, const bg_header *h, const bg_tx *txs, uint32_t count, char *why, size_t cap) {
    if (h->parent_beacon_block_root != NULL && bg_account_has_code(bg_state_read(state, EVM_BEACON_ROOTS_ADDRESS)))
        return because(why, cap, "the EIP-4788 beacon roots contract is deployed (its system call runs EVM code)");
    for (uint32_t i = 0; i < count; i++) {
        const bg_tx *tx = &txs[i];
        if (tx->to == NULL) return because(why, cap, "transaction %u creates a contract", i);
        if (tx->type == BG_TX_BLOB) return because(why, cap, "transaction %u is an EIP-4844 blob transaction", i);
        bool low = true;
        for (int k = 0; k < 19; k++) low &= tx->to[k] == 0;
        if (low && tx->to[19] >= 1 && tx->to[19] <= 10)
            return because(why, cap, "transaction %u calls the precompile at address %u", i, (unsigned)tx->to[19]);
        if (bg_account_has_code(bg_state_read(state, tx->to)))
            return because(why, cap, "transaction %u calls an account with code", i);
    }
    return false;
}

/* The EIP-2930 list of a transaction as the EVM takes it (keys copied next to each other). */
static void access_list(const bg_tx *tx, evm_tx *e) {
    const bg_rlp *list = &tx->access_list; /* checked by tx.c when it priced the list */
    /* Every entry takes at least 23 bytes (list header, 21-byte address, key list header). */
    evm_access_entry *entries = bg_calloc((list->len / 23 + 1) * sizeof *entries);
    size_t n = 0, at = 0;
    bg_rlp item;
    while (at < list->len && bg_rlp_decode(list->payload + at, list->len - at, &item)) {
        at += item.encoded_len;
        bg_rlp f[2];
        bg_rlp_fields(&item, f, 2, "access list entry");
        size_t keys = f[1].len / 33;
        uint8_t *k = bg_alloc(keys * 32 + 1);
        for (size_t j = 0; j < keys; j++) bg_copy(k + 32 * j, f[1].payload + 33 * j + 1, 32);
        entries[n].address = f[0].payload;
        entries[n].keys = k;
        entries[n++].key_count = keys;
    }
    e->access_list = entries;
    e->access_count = n;
}

static void put_indexed(bg_trie *t, uint32_t index, const uint8_t *value, size_t len) {
    uint8_t key[9];
    bg_trie_put(t, key, bg_rlp_put_u64(key, index), value, len);
}

void bg_evm_transition(const bg_block_input *in, bg_state *state, const bg_header *h, const bg_tx *txs,
                       uint32_t count, const bg_withdrawal *withdrawals, size_t withdrawal_count, bg_trie *receipts,
                       bg_evm_totals *totals) {
    ctx c = {0};
    c.state = state;
    c.in = in;
    c.h = h;
    evm_backend be = {&c, b_account, b_code, b_storage, b_block_hash, b_unsupported};
    evm_block_env env = {0};
    env.chain_id = in->chain_id;
    env.number = h->number;
    env.timestamp = h->timestamp;
    env.gas_limit = h->gas_limit;
    bg_copy(env.coinbase, h->coinbase, 20);
    bg_copy(env.prev_randao, h->prev_randao, 32);
    env.base_fee = h->base_fee;
    env.blob_base_fee = evm_blob_base_fee(h->excess_blob_gas);
    evm_world *w = evm_world_new(&be, &env);
    if (h->parent_beacon_block_root != NULL) evm_beacon_root_call(w, h->parent_beacon_block_root);

    bg_zero(totals, sizeof *totals);
    for (uint32_t i = 0; i < count; i++) {
        const bg_tx *tx = &txs[i];
        evm_tx e = {0};
        e.type = tx->type;
        bg_copy(e.sender, tx->sender, 20);
        e.to = tx->to;
        e.nonce = tx->nonce;
        e.gas_limit = tx->gas_limit;
        e.value = tx->value;
        e.data = tx->data;
        e.data_len = tx->data_len;
        e.max_fee_per_gas = tx->max_fee_per_gas;
        e.max_priority_fee_per_gas = tx->max_priority_fee_per_gas;
        access_list(tx, &e);
        e.max_fee_per_blob_gas = tx->max_fee_per_blob_gas;
        e.blob_hashes = tx->blob_hashes;
        e.blob_count = tx->blob_count;
        evm_tx_result r;
        evm_tx_apply(w, &e, h->gas_limit - totals->gas_used, EVM_MAX_BLOB_GAS_PER_BLOCK - totals->blob_gas_used, &r);
        if (r.invalid != NULL) bg_fail("transaction %u: %s", i, r.invalid);
        totals->gas_used += r.gas_used;
        totals->blob_gas_used += r.blob_gas_used;
        uint8_t bloom[EVM_BLOOM_LEN] = {0};
        evm_bloom_add(bloom, r.logs, r.log_count);
        for (int k = 0; k < EVM_BLOOM_LEN; k++) totals->logs_bloom[k] |= bloom[k];
        size_t len;
        uint8_t *receipt = evm_receipt_encode(tx->type, r.success, totals->gas_used, bloom, r.logs, r.log_count, &len);
        put_indexed(receipts, i, receipt, len);
    }
    for (size_t i = 0; i < withdrawal_count; i++) evm_withdraw(w, withdrawals[i].address, withdrawals[i].amount_gwei);

    evm_world_changes(w, on_account, on_slot, &c);
    for (size_t i = 0; i < c.trie_count; i++)
        if (c.tries[i].account != NULL) {
            bg_trie_root(&c.tries[i].trie, c.tries[i].account->storage_root);
            if (in->oracle) bg_trie_export(&c.tries[i].trie, bg_oracle_put_node, NULL);
        }
}
