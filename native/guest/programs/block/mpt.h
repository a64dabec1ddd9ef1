/* Merkle Patricia Trie over witness nodes: nodes are found by their Keccak-256 hash, decoded
 * only when a path goes through them, updated in memory, and re-hashed only where changed. */
#ifndef BG_MPT_H
#define BG_MPT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The witness: RLP node encodings indexed by their hash. */
typedef struct bg_witness bg_witness;

/* An in-memory trie node; kinds and layout are private to mpt.c. */
typedef struct bg_node bg_node;

typedef struct {
    bg_node *root;            /* NULL for the empty trie */
    const bg_witness *witness;
    const char *name;         /* "state trie" etc., for error messages */
} bg_trie;

extern const uint8_t BG_EMPTY_TRIE_ROOT[32];

/* Indexes the node encodings (hashing each once). */
bg_witness *bg_witness_new(size_t count);
void bg_witness_add(bg_witness *w, const uint8_t *node, size_t len);
/* From now on a lookup that misses asks the host's state oracle for an item of kind
 * (BG_ORACLE_NODE or BG_ORACLE_CODE, sys.h) and keeps the answer: input version 3 only. */
void bg_witness_use_oracle(bg_witness *w, uint32_t kind);
/* The item whose Keccak-256 hash is hash (*len receives its length), or NULL. */
const uint8_t *bg_witness_get(const bg_witness *w, const uint8_t hash[32], size_t *len);

/* A trie whose root is the node with this hash; it is resolved from the witness on first
 * use (so a wrong root shows up as a missing witness node). witness may be NULL for tries
 * built from scratch. */
void bg_trie_open(bg_trie *t, const bg_witness *w, const uint8_t root[32], const char *name);

/* Value under key (len bytes, hashed by the caller where the trie is "secure"), or NULL. */
const uint8_t *bg_trie_get(bg_trie *t, const uint8_t *key, size_t key_len, size_t *value_len);
/* Inserts or replaces; value must stay valid until the root is computed, and be non-empty. */
void bg_trie_put(bg_trie *t, const uint8_t *key, size_t key_len, const uint8_t *value, size_t value_len);
/* Removes key if present (collapsing branches left with a single entry). */
void bg_trie_delete(bg_trie *t, const uint8_t *key, size_t key_len);
/* The root hash after all changes. */
void bg_trie_root(bg_trie *t, uint8_t out[32]);

/* Calls fn with the encoding of every resolved node that is referenced by hash (the root
 * included): the witness of the paths visited so far. */
void bg_trie_export(bg_trie *t, void (*fn)(void *ctx, const uint8_t *enc, size_t len), void *ctx);

#endif
