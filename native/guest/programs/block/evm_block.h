/* The state transition of a block through the EVM (evm/): the EIP-4788 system call, every
 * transaction, the withdrawals, over the witnessed parent state (accounts, storage tries and
 * codes of the input), with receipts carrying logs and their bloom. block.c uses it for blocks
 * that need it and keeps its own path for blocks of plain value transfers. */
#ifndef BG_EVM_BLOCK_H
#define BG_EVM_BLOCK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "block.h"
#include "header.h"
#include "state.h"
#include "tx.h"

typedef struct {
    const uint8_t *encoding;
    size_t len;
    const uint8_t *address;
    uint64_t amount_gwei;
} bg_withdrawal;

typedef struct {
    uint64_t gas_used, blob_gas_used;
    uint8_t logs_bloom[256];
} bg_evm_totals;

/* Why the block needs the EVM ("transaction 0 creates a contract", ...: a creation, a blob
 * transaction, a call to a precompile or to an account with code, a beacon roots contract with
 * code for the EIP-4788 call), into why[cap]; false when it is all value transfers. */
bool bg_evm_needed(bg_state *state, const bg_header *h, const bg_tx *txs, uint32_t count, char *why, size_t cap);

/* Runs the block's transactions and withdrawals, puts the receipts into `receipts`, and writes
 * the changed accounts (with their new storage roots) into state; a transaction the EVM finds
 * invalid rejects the block. */
void bg_evm_transition(const bg_block_input *in, bg_state *state, const bg_header *h, const bg_tx *txs,
                       uint32_t count, const bg_withdrawal *withdrawals, size_t withdrawal_count, bg_trie *receipts,
                       bg_evm_totals *totals);

#endif
