#include "state.h"

#include "keccak.h"
#include "rlp.h"
#include "util.h"

static const uint8_t EMPTY_CODE_HASH[32] = {0xc5, 0xd2, 0x46, 0x01, 0x86, 0xf7, 0x23, 0x3c, 0x92, 0x7e, 0x7d,
                                            0xb2, 0xdc, 0xc7, 0x03, 0xc0, 0xe5, 0x00, 0xb6, 0x53, 0xca, 0x82,
                                            0x27, 0x3b, 0x7b, 0xfa, 0xd8, 0x04, 0x5d, 0x85, 0xa4, 0x70};

struct bg_state {
    bg_trie trie;
    bg_account **slots; /* open addressing by address, at most half full */
    size_t mask;
    size_t count;
};

bg_state *bg_state_open(const bg_witness *w, const uint8_t root[32], size_t expected) {
    bg_state *s = bg_calloc(sizeof *s);
    bg_trie_open(&s->trie, w, root, "state trie");
    size_t cap = 16;
    while (cap < 2 * expected + 1) cap <<= 1;
    s->slots = bg_calloc(cap * sizeof(bg_account *));
    s->mask = cap - 1;
    return s;
}

static size_t slot_of(const bg_state *s, const uint8_t address[20]) {
    size_t i = bg_le32(address + 16) & s->mask;
    while (s->slots[i] != NULL && !bg_equal(s->slots[i]->address, address, 20)) i = (i + 1) & s->mask;
    return i;
}

/* Doubles the table (the EVM may touch more accounts than the transactions name; the old
 * table is not freed, as nothing is in the guest). */
static void grow(bg_state *s) {
    bg_account **old = s->slots;
    size_t old_cap = s->mask + 1;
    s->slots = bg_calloc(2 * old_cap * sizeof(bg_account *));
    s->mask = 2 * old_cap - 1;
    for (size_t i = 0; i < old_cap; i++)
        if (old[i] != NULL) s->slots[slot_of(s, old[i]->address)] = old[i];
}

bool bg_account_has_code(const bg_account *a) { return !bg_equal(a->code_hash, EMPTY_CODE_HASH, 32); }

static void load(bg_state *s, bg_account *a) {
    uint8_t key[32];
    bg_keccak256(a->address, 20, key);
    size_t len;
    const uint8_t *value = bg_trie_get(&s->trie, key, 32, &len);
    if (value == NULL) {
        a->nonce = 0;
        a->balance = u256_of(0);
        bg_copy(a->storage_root, BG_EMPTY_TRIE_ROOT, 32);
        bg_copy(a->code_hash, EMPTY_CODE_HASH, 32);
        return;
    }
    bg_rlp item = bg_rlp_whole(value, len, "account"), f[4];
    bg_rlp_fields(&item, f, 4, "account");
    a->nonce = bg_rlp_u64(&f[0], "account nonce");
    uint8_t word[32];
    bg_rlp_u256(&f[1], word, "account balance");
    a->balance = u256_from_be(word);
    bg_copy(a->storage_root, bg_rlp_bytes(&f[2], 32, "account storage root"), 32);
    bg_copy(a->code_hash, bg_rlp_bytes(&f[3], 32, "account code hash"), 32);
}

bg_account *bg_state_read(bg_state *s, const uint8_t address[20]) {
    size_t i = slot_of(s, address);
    if (s->slots[i] != NULL) return s->slots[i];
    if (2 * (s->count + 1) > s->mask + 1) {
        grow(s);
        i = slot_of(s, address);
    }
    bg_account *a = bg_calloc(sizeof *a);
    bg_copy(a->address, address, 20);
    load(s, a);
    s->slots[i] = a;
    s->count++;
    return a;
}

bg_account *bg_state_account(bg_state *s, const uint8_t address[20]) {
    bg_account *a = bg_state_read(s, address);
    a->touched = true;
    return a;
}

static bool is_empty(const bg_account *a) {
    return a->nonce == 0 && u256_is_zero(&a->balance) && !bg_account_has_code(a);
}

void bg_state_commit(bg_state *s, uint8_t root[32]) {
    for (size_t i = 0; i <= s->mask; i++) {
        bg_account *a = s->slots[i];
        if (a == NULL || !a->touched) continue;
        uint8_t key[32];
        bg_keccak256(a->address, 20, key);
        if (is_empty(a)) {
            bg_trie_delete(&s->trie, key, 32);
            continue;
        }
        uint8_t balance[32];
        u256_to_be(&a->balance, balance);
        uint8_t body[120];
        size_t n = bg_rlp_put_u64(body, a->nonce);
        n += bg_rlp_put_u256(body + n, balance);
        n += bg_rlp_put_string(body + n, a->storage_root, 32);
        n += bg_rlp_put_string(body + n, a->code_hash, 32);
        uint8_t *value = bg_alloc(n + 3);
        size_t h = bg_rlp_put_header(value, n, true);
        bg_copy(value + h, body, n);
        bg_trie_put(&s->trie, key, 32, value, h + n);
    }
    bg_trie_root(&s->trie, root);
}

void bg_state_export(bg_state *s, void (*fn)(void *ctx, const uint8_t *enc, size_t len), void *ctx) {
    bg_trie_export(&s->trie, fn, ctx);
}
