/* The world state of the EVM: accounts and storage slots read lazily from the backend, changed
 * through a journal that calls and creations revert to, and per-transaction sets (warm
 * accounts and slots, transient storage, touched and destructed accounts). */
#include "internal.h"

#include "../keccak.h"

void *memcpy(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);

const uint8_t EVM_EMPTY_CODE_HASH[32] = {0xc5, 0xd2, 0x46, 0x01, 0x86, 0xf7, 0x23, 0x3c, 0x92, 0x7e, 0x7d,
                                         0xb2, 0xdc, 0xc7, 0x03, 0xc0, 0xe5, 0x00, 0xb6, 0x53, 0xca, 0x82,
                                         0x27, 0x3b, 0x7b, 0xfa, 0xd8, 0x04, 0x5d, 0x85, 0xa4, 0x70};

static uint32_t hash_bytes(const uint8_t *p, size_t n) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) h = (h ^ p[i]) * 16777619u;
    return h ^ (h >> 15);
}

static uint32_t hash_word(const u256 *k) {
    uint32_t h = 0;
    for (int i = 0; i < 8; i++) h = (h ^ k->w[i]) * 0x9e3779b1u;
    return h ^ (h >> 16);
}

evm_world *evm_world_new(const evm_backend *backend, const evm_block_env *env) {
    evm_world *w = evm_alloc(sizeof *w);
    w->backend = backend;
    w->env = *env;
    w->account_mask = 63;
    w->accounts = evm_alloc(64 * sizeof(evm_account *));
    w->tslot_mask = 15;
    w->tslots = evm_alloc(16 * sizeof(evm_tslot *));
    return w;
}

evm_account *evm_account_get(evm_world *w, const uint8_t address[20]) {
    uint32_t i = hash_bytes(address, 20) & w->account_mask;
    while (w->accounts[i] != 0) {
        if (memcmp(w->accounts[i]->address, address, 20) == 0) return w->accounts[i];
        i = (i + 1) & w->account_mask;
    }
    evm_account *a = evm_alloc(sizeof *a);
    memcpy(a->address, address, 20);
    w->accounts[i] = a;
    if (++w->account_count * 2 > w->account_mask) {
        uint32_t mask = w->account_mask * 2 + 1;
        evm_account **table = evm_alloc(((size_t)mask + 1) * sizeof *table);
        for (uint32_t j = 0; j <= w->account_mask; j++) {
            evm_account *b = w->accounts[j];
            if (b == 0) continue;
            uint32_t k = hash_bytes(b->address, 20) & mask;
            while (table[k] != 0) k = (k + 1) & mask;
            table[k] = b;
        }
        w->accounts = table;
        w->account_mask = mask;
    }
    return a;
}

void evm_account_load(evm_world *w, evm_account *a) {
    if (a->loaded) return;
    a->loaded = true;
    evm_account_info info;
    if (w->backend->account(w->backend->ctx, a->address, &info)) {
        a->nonce = info.nonce;
        a->balance = info.balance;
        memcpy(a->code_hash, info.code_hash, 32);
        a->backend_storage = info.has_storage;
    } else {
        memcpy(a->code_hash, EVM_EMPTY_CODE_HASH, 32);
    }
}

void evm_account_code(evm_world *w, evm_account *a, const uint8_t **code, size_t *len) {
    evm_account_load(w, a);
    if (!a->code_loaded) {
        a->code_loaded = true;
        if (memcmp(a->code_hash, EVM_EMPTY_CODE_HASH, 32) == 0) {
            a->code = 0;
            a->code_len = 0;
        } else {
            a->code = w->backend->code(w->backend->ctx, a->address, a->code_hash, &a->code_len);
        }
    }
    *code = a->code;
    *len = a->code_len;
}

bool evm_account_empty(evm_world *w, evm_account *a) {
    evm_account_load(w, a);
    return a->nonce == 0 && u256_is_zero(&a->balance) && memcmp(a->code_hash, EVM_EMPTY_CODE_HASH, 32) == 0;
}

static void slot_load(evm_world *w, evm_account *a, evm_slot *s) {
    if (s->loaded) return;
    s->loaded = true;
    evm_account_load(w, a);
    if (a->backend_storage) {
        uint8_t value[32];
        w->backend->storage(w->backend->ctx, a->address, s->key, value);
        s->base = u256_from_be(value);
    }
    s->original = s->base;
    s->current = s->base;
}

evm_slot *evm_slot_get(evm_world *w, evm_account *a, const u256 *key, bool load_value) {
    evm_slot_map *m = &a->slots;
    if (m->table == 0) {
        m->mask = 15;
        m->table = evm_alloc(16 * sizeof(evm_slot *));
    }
    uint8_t kb[32];
    u256_to_be(key, kb);
    uint32_t i = hash_word(key) & m->mask;
    evm_slot *s;
    while ((s = m->table[i]) != 0) {
        if (memcmp(s->key, kb, 32) == 0) {
            if (load_value) slot_load(w, a, s);
            return s;
        }
        i = (i + 1) & m->mask;
    }
    s = evm_alloc(sizeof *s);
    memcpy(s->key, kb, 32);
    m->table[i] = s;
    if (++m->count * 2 > m->mask) {
        uint32_t mask = m->mask * 2 + 1;
        evm_slot **table = evm_alloc(((size_t)mask + 1) * sizeof *table);
        for (uint32_t j = 0; j <= m->mask; j++) {
            evm_slot *t = m->table[j];
            if (t == 0) continue;
            u256 k = u256_from_be(t->key);
            uint32_t h = hash_word(&k) & mask;
            while (table[h] != 0) h = (h + 1) & mask;
            table[h] = t;
        }
        m->table = table;
        m->mask = mask;
    }
    if (load_value) slot_load(w, a, s);
    return s;
}

/* ---- journal ---- */

void *evm_grow(void *items, size_t count, size_t *cap, size_t size, size_t first) {
    if (count < *cap) return items;
    *cap = *cap ? 2 * *cap : first;
    void *bigger = evm_alloc(*cap * size);
    if (count) memcpy(bigger, items, count * size);
    return bigger;
}

static evm_journal_entry *journal_push(evm_world *w, uint8_t kind, evm_account *a) {
    w->journal = evm_grow(w->journal, w->journal_len, &w->journal_cap, sizeof *w->journal, 256);
    evm_journal_entry *e = &w->journal[w->journal_len++];
    e->kind = kind;
    e->account = a;
    e->item = 0;
    return e;
}

size_t evm_snapshot(evm_world *w) { return w->journal_len; }

void evm_revert(evm_world *w, size_t snapshot) {
    while (w->journal_len > snapshot) {
        evm_journal_entry *e = &w->journal[--w->journal_len];
        evm_account *a = e->account;
        switch (e->kind) {
        case J_BALANCE: a->balance = e->prev; break;
        case J_NONCE: a->nonce = e->prev_u64; break;
        case J_CODE:
            a->code = 0;
            a->code_len = 0;
            a->code_new = false;
            a->jumpdests = 0;
            memcpy(a->code_hash, EVM_EMPTY_CODE_HASH, 32);
            break;
        case J_STORAGE: ((evm_slot *)e->item)->current = e->prev; break;
        case J_TSTORAGE: ((evm_tslot *)e->item)->value = e->prev; break;
        case J_TOUCH: a->touched = false; break;
        case J_WARM_ACCOUNT: a->warm = false; break;
        case J_WARM_SLOT: ((evm_slot *)e->item)->warm = false; break;
        case J_CREATED: a->created = false; break;
        case J_DESTRUCT: a->destructed = false; break;
        case J_REFUND: w->refund = e->prev_u64; break;
        case J_LOG: w->log_count--; break;
        }
    }
}

void evm_touch(evm_world *w, evm_account *a) {
    if (a->touched) return;
    journal_push(w, J_TOUCH, a);
    a->touched = true;
}

void evm_set_balance(evm_world *w, evm_account *a, const u256 *balance) {
    evm_account_load(w, a);
    journal_push(w, J_BALANCE, a)->prev = a->balance;
    a->balance = *balance;
    evm_touch(w, a);
}

void evm_set_nonce(evm_world *w, evm_account *a, uint64_t nonce) {
    evm_account_load(w, a);
    journal_push(w, J_NONCE, a)->prev_u64 = a->nonce;
    a->nonce = nonce;
    evm_touch(w, a);
}

void evm_set_code(evm_world *w, evm_account *a, const uint8_t *code, size_t len) {
    /* Only creations set code, and only on accounts without any. */
    evm_account_load(w, a);
    journal_push(w, J_CODE, a);
    a->code = code;
    a->code_len = len;
    a->code_loaded = true;
    a->code_new = true;
    a->jumpdests = 0;
    bg_keccak256(code, len, a->code_hash);
    evm_touch(w, a);
}

void evm_set_storage(evm_world *w, evm_account *a, evm_slot *s, const u256 *value) {
    evm_journal_entry *e = journal_push(w, J_STORAGE, a);
    e->item = s;
    e->prev = s->current;
    s->current = *value;
}

bool evm_warm_account(evm_world *w, evm_account *a) {
    if (a->warm) return false;
    journal_push(w, J_WARM_ACCOUNT, a);
    a->warm = true;
    return true;
}

bool evm_warm_slot(evm_world *w, evm_slot *s, evm_account *a) {
    if (s->warm) return false;
    journal_push(w, J_WARM_SLOT, a)->item = s;
    s->warm = true;
    return true;
}

void evm_mark_created(evm_world *w, evm_account *a) {
    journal_push(w, J_CREATED, a);
    a->created = true;
}

void evm_mark_destructed(evm_world *w, evm_account *a) {
    if (a->destructed) return;
    journal_push(w, J_DESTRUCT, a);
    a->destructed = true;
}

void evm_add_refund(evm_world *w, int64_t delta) {
    journal_push(w, J_REFUND, 0)->prev_u64 = w->refund;
    w->refund = (uint64_t)((int64_t)w->refund + delta);
}

void evm_journal_log(evm_world *w) { journal_push(w, J_LOG, 0); }

static evm_tslot *tslot_find(evm_world *w, const uint8_t address[20], const u256 *key, bool create) {
    uint32_t i = (hash_bytes(address, 20) ^ hash_word(key)) & w->tslot_mask;
    evm_tslot *t;
    while ((t = w->tslots[i]) != 0) {
        if (memcmp(t->address, address, 20) == 0 && u256_compare(&t->key, key) == 0) return t;
        i = (i + 1) & w->tslot_mask;
    }
    if (!create) return 0;
    t = evm_alloc(sizeof *t);
    memcpy(t->address, address, 20);
    t->key = *key;
    w->tslots[i] = t;
    if (++w->tslot_count * 2 > w->tslot_mask) {
        uint32_t mask = w->tslot_mask * 2 + 1;
        evm_tslot **table = evm_alloc(((size_t)mask + 1) * sizeof *table);
        for (uint32_t j = 0; j <= w->tslot_mask; j++) {
            evm_tslot *u = w->tslots[j];
            if (u == 0) continue;
            uint32_t h = (hash_bytes(u->address, 20) ^ hash_word(&u->key)) & mask;
            while (table[h] != 0) h = (h + 1) & mask;
            table[h] = u;
        }
        w->tslots = table;
        w->tslot_mask = mask;
    }
    return t;
}

u256 evm_tload(evm_world *w, const uint8_t address[20], const u256 *key) {
    evm_tslot *t = tslot_find(w, address, key, false);
    return t ? t->value : u256_of(0);
}

void evm_tstore(evm_world *w, const uint8_t address[20], const u256 *key, const u256 *value) {
    evm_tslot *t = tslot_find(w, address, key, true);
    evm_journal_entry *e = journal_push(w, J_TSTORAGE, 0);
    e->item = t;
    e->prev = t->value;
    t->value = *value;
}

void evm_add_balance(evm_world *w, evm_account *a, const u256 *amount) {
    evm_account_load(w, a);
    u256 b;
    u256_add(&b, &a->balance, amount);
    evm_set_balance(w, a, &b);
}

bool evm_transfer(evm_world *w, evm_account *from, evm_account *to, const u256 *value) {
    evm_account_load(w, from);
    if (u256_compare(&from->balance, value) < 0) return false;
    u256 b;
    u256_sub(&b, &from->balance, value);
    evm_set_balance(w, from, &b);
    evm_add_balance(w, to, value);
    return true;
}

static void reset_account(evm_account *a) {
    a->nonce = 0;
    a->balance = u256_of(0);
    memcpy(a->code_hash, EVM_EMPTY_CODE_HASH, 32);
    a->code = 0;
    a->code_len = 0;
    a->code_loaded = true;
    a->code_new = false;
    a->jumpdests = 0;
    a->backend_storage = false;
    a->storage_reset = true;
    for (uint32_t j = 0; a->slots.table && j <= a->slots.mask; j++) {
        evm_slot *s = a->slots.table[j];
        if (s == 0) continue;
        s->loaded = true;
        s->base = u256_of(0);
        s->original = s->base;
        s->current = s->base;
    }
}

void evm_finalize_tx(evm_world *w) {
    for (uint32_t i = 0; i <= w->account_mask; i++) {
        evm_account *a = w->accounts[i];
        if (a == 0) continue;
        if (a->destructed || (a->touched && evm_account_empty(w, a))) {
            reset_account(a);
            a->dirty = true;
        } else if (a->touched) {
            a->dirty = true;
        }
        a->warm = a->touched = a->created = a->destructed = false;
        for (uint32_t j = 0; a->slots.table && j <= a->slots.mask; j++) {
            evm_slot *s = a->slots.table[j];
            if (s == 0) continue;
            s->warm = false;
            s->original = s->current;
            if (u256_compare(&s->current, &s->base) != 0) a->dirty = true;
        }
    }
    if (w->tslot_count != 0) {
        memset(w->tslots, 0, ((size_t)w->tslot_mask + 1) * sizeof *w->tslots);
        w->tslot_count = 0;
    }
    w->journal_len = 0;
    w->refund = 0;
}

void evm_world_changes(evm_world *w, void (*account)(void *ctx, const evm_account_change *c),
                       void (*slot)(void *ctx, const uint8_t key[32], const uint8_t value[32]), void *ctx) {
    for (uint32_t i = 0; i <= w->account_mask; i++) {
        evm_account *a = w->accounts[i];
        if (a == 0 || !a->dirty) continue;
        evm_account_change c = {0};
        c.address = a->address;
        c.deleted = evm_account_empty(w, a);
        c.nonce = a->nonce;
        c.balance = a->balance;
        c.code_hash = a->code_hash;
        if (a->code_new) {
            c.code = a->code;
            c.code_len = a->code_len;
        }
        c.storage_reset = a->storage_reset;
        account(ctx, &c);
        if (c.deleted) continue;
        for (uint32_t j = 0; a->slots.table && j <= a->slots.mask; j++) {
            evm_slot *s = a->slots.table[j];
            if (s == 0 || !s->loaded) continue;
            if (u256_compare(&s->current, &s->base) == 0 && !(a->storage_reset && !u256_is_zero(&s->current))) continue;
            uint8_t value[32];
            u256_to_be(&s->current, value);
            slot(ctx, s->key, value);
        }
    }
}

evm_stats evm_world_stats(const evm_world *w) { return w->stats; }
