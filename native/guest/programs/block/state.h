/* World state for value transfers: accounts read from the witnessed state trie into a cache,
 * changed there, and written back (EIP-161: touched empty accounts are removed) to give the
 * new state root. */
#ifndef BG_STATE_H
#define BG_STATE_H

#include <stdbool.h>
#include <stdint.h>

#include "mpt.h"
#include "u256.h"

typedef struct {
    uint8_t address[20];
    uint64_t nonce;
    u256 balance;
    uint8_t storage_root[32];
    uint8_t code_hash[32];
    bool touched;
} bg_account;

typedef struct bg_state bg_state;

/* The state whose root is root, read through the witness; expected sizes its account table,
 * which grows as accounts come. */
bg_state *bg_state_open(const bg_witness *w, const uint8_t root[32], size_t expected);

/* The account at address (an empty one if absent from the trie), for reading only: it is
 * written back only if bg_state_account touches it later. */
bg_account *bg_state_read(bg_state *s, const uint8_t address[20]);

/* The account at address (an empty one if absent from the trie); marks it touched. */
bg_account *bg_state_account(bg_state *s, const uint8_t address[20]);

/* True when the account has code (its code hash is not keccak256 of nothing). */
bool bg_account_has_code(const bg_account *a);

/* Writes every touched account back and returns the new state root. */
void bg_state_commit(bg_state *s, uint8_t root[32]);

/* After bg_state_commit: calls fn with every state trie node referenced by hash that the block
 * resolved or produced (bg_trie_export), for the host's state oracle. */
void bg_state_export(bg_state *s, void (*fn)(void *ctx, const uint8_t *enc, size_t len), void *ctx);

#endif
