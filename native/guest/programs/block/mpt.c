#include "mpt.h"

#include "keccak.h"
#include "rlp.h"
#include "sys.h"
#include "util.h"

const uint8_t BG_EMPTY_TRIE_ROOT[32] = {0x56, 0xe8, 0x1f, 0x17, 0x1b, 0xcc, 0x55, 0xa6, 0xff, 0x83, 0x45,
                                        0xe6, 0x92, 0xc0, 0xf8, 0x6e, 0x5b, 0x48, 0xe0, 0x1b, 0x99, 0x6c,
                                        0xad, 0xc0, 0x01, 0x62, 0x2f, 0xb5, 0xe3, 0x63, 0xb4, 0x21};

enum { NODE_LEAF, NODE_EXT, NODE_BRANCH, NODE_HASH };

struct bg_node {
    uint8_t kind;
    bool clean;             /* unchanged since decoded: ref is valid */
    uint8_t ref_len;        /* 32: ref is the hash; below 32: ref is the inline encoding */
    uint8_t ref[32];
    uint8_t *path;          /* nibbles, leaf and extension */
    uint32_t path_len;
    const uint8_t *value;   /* leaf value, or branch value (value_len 0 = none) */
    uint32_t value_len;
    bg_node *child;         /* extension */
    bg_node *children[16];  /* branch */
};

typedef struct {
    uint8_t hash[32];
    const uint8_t *data;
    size_t len;
} slot;

/* The table sits behind a pointer so that a lookup through a const bg_witness can still add
 * what the state oracle answers (input version 3). */
typedef struct {
    slot *slots;
    size_t mask;
    size_t count;
} table;

struct bg_witness {
    table *t;
    bool oracle;         /* ask the host's state oracle for what is missing */
    uint32_t oracle_kind; /* BG_ORACLE_NODE or BG_ORACLE_CODE */
};

/* ---- witness index ---- */

static table *table_new(size_t count) {
    size_t cap = 16;
    while (cap < 2 * count + 1) cap <<= 1;
    table *t = bg_alloc(sizeof *t);
    t->slots = bg_calloc(cap * sizeof(slot));
    t->mask = cap - 1;
    t->count = 0;
    return t;
}

bg_witness *bg_witness_new(size_t count) {
    bg_witness *w = bg_calloc(sizeof *w);
    w->t = table_new(count);
    return w;
}

void bg_witness_use_oracle(bg_witness *w, uint32_t kind) {
    w->oracle = true;
    w->oracle_kind = kind;
}

static size_t slot_index(const uint8_t hash[32], size_t mask) { return bg_le32(hash) & mask; }

static slot *table_put(table *t, const uint8_t hash[32], const uint8_t *data, size_t len) {
    if (2 * (t->count + 1) > t->mask + 1) { /* keep it at most half full: double (the old one is not freed) */
        table *bigger = table_new(2 * t->count + 2);
        for (size_t i = 0; i <= t->mask; i++)
            if (t->slots[i].data != NULL) table_put(bigger, t->slots[i].hash, t->slots[i].data, t->slots[i].len);
        *t = *bigger;
    }
    size_t i = slot_index(hash, t->mask);
    while (t->slots[i].data != NULL) {
        if (bg_equal(t->slots[i].hash, hash, 32)) return &t->slots[i]; /* duplicate: harmless */
        i = (i + 1) & t->mask;
    }
    bg_copy(t->slots[i].hash, hash, 32);
    t->slots[i].data = data;
    t->slots[i].len = len;
    t->count++;
    return &t->slots[i];
}

void bg_witness_add(bg_witness *w, const uint8_t *node, size_t len) {
    uint8_t hash[32];
    bg_keccak256(node, len, hash);
    table_put(w->t, hash, node, len);
}

/* Asks the host's state oracle for the item (a witness-recording run); NULL when it does not
 * know it. The answer is checked against its hash: the oracle is the host, not trusted. */
static const slot *oracle_fetch(const bg_witness *w, const uint8_t hash[32]) {
    size_t cap = 600; /* a trie node is at most 532 bytes; a code may need a second call */
    uint8_t *buf = bg_alloc(cap);
    long n = bg_sys_oracle_get(w->oracle_kind, hash, buf, cap);
    if (n > (long)cap) {
        cap = (size_t)n;
        buf = bg_alloc(cap);
        n = bg_sys_oracle_get(w->oracle_kind, hash, buf, cap);
    }
    if (n == -38)
        bg_fail("input: version 3 (a witness-recording run) needs the host's state oracle, which this platform lacks");
    if (n < 0 || n > (long)cap) return NULL;
    uint8_t got[32];
    bg_keccak256(buf, (size_t)n, got);
    if (!bg_equal(got, hash, 32)) bg_fail("state oracle: asked for %x, answered an item of hash %x", hash, got);
    return table_put(w->t, hash, buf, (size_t)n);
}

static const slot *witness_find(const bg_witness *w, const uint8_t hash[32]) {
    if (w == NULL) return NULL;
    const table *t = w->t;
    size_t i = slot_index(hash, t->mask);
    while (t->slots[i].data != NULL) {
        if (bg_equal(t->slots[i].hash, hash, 32)) return &t->slots[i];
        i = (i + 1) & t->mask;
    }
    return w->oracle ? oracle_fetch(w, hash) : NULL;
}

const uint8_t *bg_witness_get(const bg_witness *w, const uint8_t hash[32], size_t *len) {
    const slot *s = witness_find(w, hash);
    if (s == NULL) return NULL;
    *len = s->len;
    return s->data;
}

/* ---- node construction and decoding ---- */

static bg_node *node_new(uint8_t kind) {
    bg_node *n = bg_calloc(sizeof *n);
    n->kind = kind;
    return n;
}

static uint8_t *nibbles_copy(const uint8_t *src, size_t len) {
    uint8_t *p = bg_alloc(len ? len : 1);
    bg_copy(p, src, len);
    return p;
}

static bg_node *leaf_new(const uint8_t *path, size_t path_len, const uint8_t *value, size_t value_len) {
    bg_node *n = node_new(NODE_LEAF);
    n->path = nibbles_copy(path, path_len);
    n->path_len = (uint32_t)path_len;
    n->value = value;
    n->value_len = (uint32_t)value_len;
    return n;
}

static bg_node *ext_new(const uint8_t *path, size_t path_len, bg_node *child) {
    bg_node *n = node_new(NODE_EXT);
    n->path = nibbles_copy(path, path_len);
    n->path_len = (uint32_t)path_len;
    n->child = child;
    return n;
}

/* Two nibble runs joined (for collapsing a branch into its only child). */
static uint8_t *nibbles_join(const uint8_t *a, size_t a_len, const uint8_t *b, size_t b_len) {
    uint8_t *p = bg_alloc(a_len + b_len + 1);
    bg_copy(p, a, a_len);
    bg_copy(p + a_len, b, b_len);
    return p;
}

static void decode_into(bg_node *n, const uint8_t *enc, size_t len, const char *name);

/* A child reference inside a node: empty, a 32-byte hash, or an inline node (< 32 bytes). */
static bg_node *decode_child(const bg_rlp *item, const char *name) {
    if (!item->is_list) {
        if (item->len == 0) return NULL;
        if (item->len != 32) bg_fail("%s: node reference of %u bytes (expected 32)", name, (unsigned)item->len);
        bg_node *n = node_new(NODE_HASH);
        bg_copy(n->ref, item->payload, 32);
        n->ref_len = 32;
        n->clean = true;
        return n;
    }
    if (item->encoded_len >= 32) bg_fail("%s: inline node of %u bytes (must be below 32)", name, (unsigned)item->encoded_len);
    bg_node *n = node_new(NODE_HASH);
    decode_into(n, item->start, item->encoded_len, name);
    bg_copy(n->ref, item->start, item->encoded_len);
    n->ref_len = (uint8_t)item->encoded_len;
    n->clean = true;
    return n;
}

static void decode_into(bg_node *n, const uint8_t *enc, size_t len, const char *name) {
    bg_rlp node = bg_rlp_whole(enc, len, name);
    bg_rlp items[17];
    size_t count = bg_rlp_list(&node, items, 17, name);
    if (count == 17) {
        n->kind = NODE_BRANCH;
        for (int i = 0; i < 16; i++) n->children[i] = decode_child(&items[i], name);
        bg_rlp_string(&items[16], name);
        n->value = items[16].payload;
        n->value_len = (uint32_t)items[16].len;
        return;
    }
    if (count != 2) bg_fail("%s: node with %u items (expected 2 or 17)", name, (unsigned)count);
    bg_rlp_string(&items[0], name);
    const uint8_t *hp = items[0].payload;
    if (items[0].len == 0) bg_fail("%s: node with an empty path prefix", name);
    uint8_t flag = hp[0] >> 4;
    if (flag > 3 || ((flag & 1) == 0 && (hp[0] & 15) != 0)) bg_fail("%s: bad hex-prefix flag", name);
    size_t nibbles = 2 * items[0].len - ((flag & 1) ? 1 : 2);
    if (nibbles > 64) bg_fail("%s: node path longer than 64 nibbles", name);
    n->path = bg_alloc(nibbles + 1);
    n->path_len = (uint32_t)nibbles;
    size_t at = 0;
    if (flag & 1) n->path[at++] = hp[0] & 15;
    for (size_t i = 1; i < items[0].len; i++) {
        n->path[at++] = hp[i] >> 4;
        n->path[at++] = hp[i] & 15;
    }
    if (flag >= 2) {
        n->kind = NODE_LEAF;
        bg_rlp_string(&items[1], name);
        n->value = items[1].payload;
        n->value_len = (uint32_t)items[1].len;
    } else {
        n->kind = NODE_EXT;
        if (nibbles == 0) bg_fail("%s: extension with an empty path", name);
        n->child = decode_child(&items[1], name);
        if (n->child == NULL) bg_fail("%s: extension without a child", name);
    }
}

/* Replaces a hash reference by the decoded node from the witness. */
static void resolve(bg_trie *t, bg_node *n) {
    if (n->kind != NODE_HASH) return;
    const slot *s = witness_find(t->witness, n->ref);
    if (s == NULL) bg_fail("%s: missing witness node %x", t->name, n->ref);
    decode_into(n, s->data, s->len, t->name);
}

/* ---- operations ---- */

static size_t to_nibbles(const uint8_t *key, size_t len, uint8_t *out) {
    for (size_t i = 0; i < len; i++) {
        out[2 * i] = key[i] >> 4;
        out[2 * i + 1] = key[i] & 15;
    }
    return 2 * len;
}

static size_t common_prefix(const uint8_t *a, size_t a_len, const uint8_t *b, size_t b_len) {
    size_t i = 0;
    while (i < a_len && i < b_len && a[i] == b[i]) i++;
    return i;
}

void bg_trie_open(bg_trie *t, const bg_witness *w, const uint8_t root[32], const char *name) {
    t->witness = w;
    t->name = name;
    if (bg_equal(root, BG_EMPTY_TRIE_ROOT, 32)) {
        t->root = NULL;
        return;
    }
    t->root = node_new(NODE_HASH);
    bg_copy(t->root->ref, root, 32);
    t->root->ref_len = 32;
    t->root->clean = true;
}

const uint8_t *bg_trie_get(bg_trie *t, const uint8_t *key, size_t key_len, size_t *value_len) {
    uint8_t stack_nibbles[128];
    uint8_t *nib = 2 * key_len <= sizeof stack_nibbles ? stack_nibbles : bg_alloc(2 * key_len);
    size_t len = to_nibbles(key, key_len, nib), at = 0;
    bg_node *n = t->root;
    while (n != NULL) {
        resolve(t, n);
        if (n->kind == NODE_BRANCH) {
            if (at == len) {
                if (n->value_len == 0) return NULL;
                *value_len = n->value_len;
                return n->value;
            }
            n = n->children[nib[at++]];
        } else {
            size_t c = common_prefix(n->path, n->path_len, nib + at, len - at);
            if (c != n->path_len) return NULL;
            at += c;
            if (n->kind == NODE_LEAF) {
                if (at != len) return NULL;
                *value_len = n->value_len;
                return n->value;
            }
            n = n->child;
        }
    }
    return NULL;
}

static bg_node *insert(bg_trie *t, bg_node *n, const uint8_t *key, size_t len, const uint8_t *value, size_t value_len);

static bg_node *insert(bg_trie *t, bg_node *n, const uint8_t *key, size_t len, const uint8_t *value, size_t value_len) {
    if (n == NULL) return leaf_new(key, len, value, value_len);
    resolve(t, n);
    n->clean = false;
    if (n->kind == NODE_BRANCH) {
        if (len == 0) {
            n->value = value;
            n->value_len = (uint32_t)value_len;
        } else {
            n->children[key[0]] = insert(t, n->children[key[0]], key + 1, len - 1, value, value_len);
        }
        return n;
    }
    size_t c = common_prefix(n->path, n->path_len, key, len);
    if (n->kind == NODE_LEAF && c == n->path_len && c == len) {
        n->value = value;
        n->value_len = (uint32_t)value_len;
        return n;
    }
    if (n->kind == NODE_EXT && c == n->path_len) {
        n->child = insert(t, n->child, key + c, len - c, value, value_len);
        return n;
    }
    /* Paths diverge at c: a branch there holds the old node's rest and the new entry. */
    bg_node *b = node_new(NODE_BRANCH);
    if (n->kind == NODE_LEAF) {
        b = insert(t, b, n->path + c, n->path_len - c, n->value, n->value_len);
    } else if (n->path_len - c == 1) {
        b->children[n->path[c]] = n->child;
    } else {
        b->children[n->path[c]] = ext_new(n->path + c + 1, n->path_len - c - 1, n->child);
    }
    b = insert(t, b, key + c, len - c, value, value_len);
    return c == 0 ? b : ext_new(key, c, b);
}

/* A node standing for `prefix` followed by node m (used when a branch or extension loses all
 * but one entry). */
static bg_node *prefixed(bg_trie *t, const uint8_t *prefix, size_t prefix_len, bg_node *m) {
    resolve(t, m);
    if (m->kind == NODE_LEAF) {
        bg_node *l = node_new(NODE_LEAF);
        l->path = nibbles_join(prefix, prefix_len, m->path, m->path_len);
        l->path_len = (uint32_t)(prefix_len + m->path_len);
        l->value = m->value;
        l->value_len = m->value_len;
        return l;
    }
    if (m->kind == NODE_EXT) {
        bg_node *e = node_new(NODE_EXT);
        e->path = nibbles_join(prefix, prefix_len, m->path, m->path_len);
        e->path_len = (uint32_t)(prefix_len + m->path_len);
        e->child = m->child;
        return e;
    }
    return ext_new(prefix, prefix_len, m);
}

/* Deletes key below n; *changed tells whether anything was removed. */
static bg_node *remove_key(bg_trie *t, bg_node *n, const uint8_t *key, size_t len, bool *changed) {
    if (n == NULL) return NULL;
    resolve(t, n);
    if (n->kind == NODE_LEAF) {
        if (n->path_len == len && common_prefix(n->path, n->path_len, key, len) == len) {
            *changed = true;
            return NULL;
        }
        return n;
    }
    if (n->kind == NODE_EXT) {
        if (common_prefix(n->path, n->path_len, key, len) != n->path_len) return n;
        bg_node *child = remove_key(t, n->child, key + n->path_len, len - n->path_len, changed);
        if (!*changed) return n;
        if (child == NULL) return NULL;
        return prefixed(t, n->path, n->path_len, child);
    }
    if (len == 0) {
        if (n->value_len == 0) return n;
        n->value_len = 0;
        *changed = true;
    } else {
        n->children[key[0]] = remove_key(t, n->children[key[0]], key + 1, len - 1, changed);
        if (!*changed) return n;
    }
    n->clean = false;
    int left = n->value_len ? 1 : 0, only = -1;
    for (int i = 0; i < 16; i++) {
        if (n->children[i] != NULL) {
            left++;
            only = i;
        }
    }
    if (left >= 2) return n;
    if (left == 0) return NULL;
    if (only < 0) return leaf_new(NULL, 0, n->value, n->value_len);
    uint8_t nib = (uint8_t)only;
    return prefixed(t, &nib, 1, n->children[only]);
}

void bg_trie_put(bg_trie *t, const uint8_t *key, size_t key_len, const uint8_t *value, size_t value_len) {
    if (value_len == 0) bg_fail("%s: internal: empty value stored", t->name);
    uint8_t *nib = bg_alloc(2 * key_len + 1);
    size_t len = to_nibbles(key, key_len, nib);
    t->root = insert(t, t->root, nib, len, value, value_len);
}

void bg_trie_delete(bg_trie *t, const uint8_t *key, size_t key_len) {
    uint8_t stack_nibbles[128];
    uint8_t *nib = 2 * key_len <= sizeof stack_nibbles ? stack_nibbles : bg_alloc(2 * key_len);
    size_t len = to_nibbles(key, key_len, nib);
    bool changed = false;
    t->root = remove_key(t, t->root, nib, len, &changed);
}

/* ---- hashing ---- */

static size_t hex_prefix(uint8_t *out, const uint8_t *path, size_t len, bool leaf) {
    uint8_t flag = leaf ? 2 : 0;
    size_t at = 0, i = 0;
    if (len & 1) {
        out[at++] = (uint8_t)((flag + 1) << 4 | path[0]);
        i = 1;
    } else {
        out[at++] = (uint8_t)(flag << 4);
    }
    for (; i < len; i += 2) out[at++] = (uint8_t)(path[i] << 4 | path[i + 1]);
    return at;
}

static void update_ref(bg_node *n);

/* Size of a child reference inside its parent's encoding. */
static size_t child_ref_len(bg_node *c) {
    if (c == NULL) return 1;
    update_ref(c);
    return c->ref_len == 32 ? 33 : c->ref_len;
}

static size_t put_child_ref(uint8_t *out, const bg_node *c) {
    if (c == NULL) {
        out[0] = 0x80;
        return 1;
    }
    if (c->ref_len == 32) {
        out[0] = 0xa0;
        bg_copy(out + 1, c->ref, 32);
        return 33;
    }
    bg_copy(out, c->ref, c->ref_len);
    return c->ref_len;
}

/* The node's RLP encoding (children's refs must be up to date); returns its length. */
static size_t encode_node(const bg_node *n, uint8_t *out, size_t payload) {
    size_t at = bg_rlp_put_header(out, payload, true);
    uint8_t hp[40];
    if (n->kind == NODE_BRANCH) {
        for (int i = 0; i < 16; i++) at += put_child_ref(out + at, n->children[i]);
        at += bg_rlp_put_string(out + at, n->value, n->value_len);
    } else {
        size_t hp_len = hex_prefix(hp, n->path, n->path_len, n->kind == NODE_LEAF);
        at += bg_rlp_put_string(out + at, hp, hp_len);
        if (n->kind == NODE_LEAF) {
            at += bg_rlp_put_string(out + at, n->value, n->value_len);
        } else {
            at += put_child_ref(out + at, n->child);
        }
    }
    return at;
}

static size_t string_len(size_t len, const uint8_t *data) {
    if (len == 1 && data[0] < 0x80) return 1;
    return bg_rlp_header_len(len) + len;
}

/* Length of the node's payload, refreshing the children's refs on the way. */
static size_t payload_len(bg_node *n) {
    if (n->kind == NODE_BRANCH) {
        size_t p = 0;
        for (int i = 0; i < 16; i++) p += child_ref_len(n->children[i]);
        return p + string_len(n->value_len, n->value);
    }
    size_t hp_len = n->path_len / 2 + 1;
    uint8_t first = n->path_len & 1 ? (uint8_t)((n->kind == NODE_LEAF ? 3 : 1) << 4 | n->path[0]) : (uint8_t)(n->kind == NODE_LEAF ? 0x20 : 0);
    size_t p = string_len(hp_len, &first);
    if (n->kind == NODE_LEAF) return p + string_len(n->value_len, n->value);
    return p + child_ref_len(n->child);
}

/* Brings ref up to date: the hash of the encoding, or the encoding itself when below 32 bytes. */
static void update_ref(bg_node *n) {
    if (n->clean) return;
    size_t payload = payload_len(n);
    size_t total = bg_rlp_header_len(payload) + payload;
    uint8_t stack_buf[600];
    uint8_t *buf = total <= sizeof stack_buf ? stack_buf : bg_alloc(total);
    size_t len = encode_node(n, buf, payload);
    if (len < 32) {
        bg_copy(n->ref, buf, len);
        n->ref_len = (uint8_t)len;
    } else {
        bg_keccak256(buf, len, n->ref);
        n->ref_len = 32;
    }
    n->clean = true;
}

void bg_trie_root(bg_trie *t, uint8_t out[32]) {
    if (t->root == NULL) {
        bg_copy(out, BG_EMPTY_TRIE_ROOT, 32);
        return;
    }
    update_ref(t->root);
    if (t->root->ref_len == 32) {
        bg_copy(out, t->root->ref, 32);
    } else {
        bg_keccak256(t->root->ref, t->root->ref_len, out);
    }
}

static void export_node(bg_node *n, bool is_root, void (*fn)(void *, const uint8_t *, size_t), void *ctx) {
    if (n == NULL || n->kind == NODE_HASH) return;
    if (n->ref_len == 32 || is_root) {
        size_t payload = payload_len(n);
        size_t total = bg_rlp_header_len(payload) + payload;
        uint8_t *buf = bg_alloc(total);
        fn(ctx, buf, encode_node(n, buf, payload));
    }
    if (n->kind == NODE_BRANCH) {
        for (int i = 0; i < 16; i++) export_node(n->children[i], false, fn, ctx);
    } else if (n->kind == NODE_EXT) {
        export_node(n->child, false, fn, ctx);
    }
}

void bg_trie_export(bg_trie *t, void (*fn)(void *ctx, const uint8_t *enc, size_t len), void *ctx) {
    uint8_t root[32];
    bg_trie_root(t, root);
    export_node(t->root, true, fn, ctx);
}
