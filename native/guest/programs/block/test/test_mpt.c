/* Merkle Patricia Trie: known roots, order independence, updates over a witness compared with
 * a trie built from scratch, and missing witness nodes. */
#include <string.h>

#include "../keccak.h"
#include "../mpt.h"
#include "../util.h"
#include "check.h"

typedef struct {
    uint8_t key[32];
    size_t key_len;
    uint8_t value[40];
    size_t value_len;
} entry;

#define MAX_ENTRIES 300
static entry entries[MAX_ENTRIES];
static size_t entry_count;

/* The same data set as the Python reference that produced the expected roots below:
 * keys keccak(le32(i)) or one/two short bytes (so some keys are prefixes of others and some
 * repeat), values of 1..37 bytes (so some nodes are inlined). */
static void build_entries(void) {
    entry_count = 0;
    for (uint32_t i = 0; i < MAX_ENTRIES; i++) {
        entry e;
        if (i % 3) {
            uint8_t le[4];
            bg_put_le32(le, i);
            bg_keccak256(le, 4, e.key);
            e.key_len = 32;
        } else {
            e.key[0] = (uint8_t)(i % 7);
            e.key[1] = (uint8_t)(i % 5);
            e.key_len = 1 + (i % 2);
        }
        e.value_len = 1 + (i % 37);
        for (size_t j = 0; j < e.value_len; j++) e.value[j] = (uint8_t)(i * 13 + j);
        size_t k = 0;
        while (k < entry_count && !(entries[k].key_len == e.key_len && memcmp(entries[k].key, e.key, e.key_len) == 0)) k++;
        if (k == entry_count) {
            entries[entry_count++] = e;
        } else {
            memcpy(entries[k].value, e.value, e.value_len);
            entries[k].value_len = e.value_len;
        }
    }
}

static void root_hex(bg_trie *t, const char *expect, const char *what) {
    uint8_t root[32], want[32];
    bg_trie_root(t, root);
    hex_to_bytes(expect, want, 32);
    CHECK(memcmp(root, want, 32) == 0, "%s", what);
}

typedef struct {
    bg_witness *w;
    size_t count;
    size_t skip; /* node index to leave out, or SIZE_MAX */
} collect;

static void collect_node(void *ctx, const uint8_t *enc, size_t len) {
    collect *c = ctx;
    if (c->w != NULL && c->count != c->skip) bg_witness_add(c->w, enc, len);
    c->count++;
}

static bg_witness *export_witness(bg_trie *t, size_t skip) {
    collect c = {NULL, 0, skip};
    bg_trie_export(t, collect_node, &c);
    c.w = bg_witness_new(c.count);
    c.count = 0;
    bg_trie_export(t, collect_node, &c);
    return c.w;
}

static bg_trie full_trie;

static void get_all_without_node(void *arg) {
    bg_witness *w = export_witness(&full_trie, *(size_t *)arg);
    uint8_t root[32];
    bg_trie_root(&full_trie, root);
    bg_trie t;
    bg_trie_open(&t, w, root, "test trie");
    for (size_t i = 0; i < entry_count; i++) {
        size_t n;
        bg_trie_get(&t, entries[i].key, entries[i].key_len, &n);
    }
}

static void open_wrong_root(void *arg) {
    (void)arg;
    bg_witness *w = export_witness(&full_trie, SIZE_MAX);
    uint8_t root[32] = {1};
    bg_trie t;
    bg_trie_open(&t, w, root, "test trie");
    size_t n;
    bg_trie_get(&t, entries[0].key, entries[0].key_len, &n);
}

void test_mpt(void) {
    bg_trie t;
    uint8_t root[32];
    bg_trie_open(&t, NULL, BG_EMPTY_TRIE_ROOT, "test trie");
    bg_trie_root(&t, root);
    CHECK(memcmp(root, BG_EMPTY_TRIE_ROOT, 32) == 0, "empty root");

    /* The Ethereum wiki's example: do, dog, doge, horse. */
    static const char *keys[] = {"do", "dog", "doge", "horse"};
    static const char *values[] = {"verb", "puppy", "coin", "stallion"};
    for (int i = 0; i < 4; i++)
        bg_trie_put(&t, (const uint8_t *)keys[i], strlen(keys[i]), (const uint8_t *)values[i], strlen(values[i]));
    root_hex(&t, "5991bb8c6514148a29db676a14ac506cd2cd5775ace63c30a4fe457715e9ac84", "dogs root");
    bg_trie_delete(&t, (const uint8_t *)"dog", 3);
    bg_trie_put(&t, (const uint8_t *)"dog", 3, (const uint8_t *)"puppy", 5);
    root_hex(&t, "5991bb8c6514148a29db676a14ac506cd2cd5775ace63c30a4fe457715e9ac84", "dogs root after delete+put");
    for (int i = 0; i < 4; i++) bg_trie_delete(&t, (const uint8_t *)keys[i], strlen(keys[i]));
    root_hex(&t, "56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421", "all deleted");

    build_entries();
    bg_trie_open(&full_trie, NULL, BG_EMPTY_TRIE_ROOT, "test trie");
    for (size_t i = 0; i < entry_count; i++)
        bg_trie_put(&full_trie, entries[i].key, entries[i].key_len, entries[i].value, entries[i].value_len);
    root_hex(&full_trie, "304d967fd7cb18c9ce395b37f1d7f3281bc2a9b39d3d92ff09aaf8ed8a5b65b7", "300-entry root (reference)");
    bg_trie rev;
    bg_trie_open(&rev, NULL, BG_EMPTY_TRIE_ROOT, "test trie");
    for (size_t i = entry_count; i-- > 0;)
        bg_trie_put(&rev, entries[i].key, entries[i].key_len, entries[i].value, entries[i].value_len);
    root_hex(&rev, "304d967fd7cb18c9ce395b37f1d7f3281bc2a9b39d3d92ff09aaf8ed8a5b65b7", "reverse insertion order");

    /* From the witness: read everything back, delete every other entry, compare. */
    bg_witness *w = export_witness(&full_trie, SIZE_MAX);
    bg_trie_root(&full_trie, root);
    bg_trie wt;
    bg_trie_open(&wt, w, root, "test trie");
    bool all_found = true;
    for (size_t i = 0; i < entry_count; i++) {
        size_t n = 0;
        const uint8_t *v = bg_trie_get(&wt, entries[i].key, entries[i].key_len, &n);
        all_found &= v != NULL && n == entries[i].value_len && memcmp(v, entries[i].value, n) == 0;
    }
    CHECK(all_found, "every value read back through the witness");
    uint8_t absent[32] = {0xee};
    size_t n;
    CHECK(bg_trie_get(&wt, absent, 32, &n) == NULL, "absent key");
    for (size_t i = 1; i < entry_count; i += 2) bg_trie_delete(&wt, entries[i].key, entries[i].key_len);
    root_hex(&wt, "3cb4157328afcba7be2ce8f5293e31e8eede0906662c881615adcd4e76254c21", "after deleting half (reference)");
    /* Put the deleted half back: the original root returns. */
    for (size_t i = 1; i < entry_count; i += 2) bg_trie_put(&wt, entries[i].key, entries[i].key_len, entries[i].value, entries[i].value_len);
    root_hex(&wt, "304d967fd7cb18c9ce395b37f1d7f3281bc2a9b39d3d92ff09aaf8ed8a5b65b7", "deleted half restored");

    size_t skip = 3;
    CHECK(check_rejects(get_all_without_node, &skip, BG_EXIT_INVALID, "test trie: missing witness node"), "missing node");
    CHECK(check_rejects(open_wrong_root, NULL, BG_EXIT_INVALID, "missing witness node 0x01000000"), "wrong root");
}
