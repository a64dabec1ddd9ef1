/* Stateless validation of one block of value transfers against its parent header and a
 * witness of the parent state, and the journal that commits to the result. */
#ifndef BG_BLOCK_H
#define BG_BLOCK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mpt.h"

#define BG_JOURNAL_LEN 148

typedef struct {
    uint64_t chain_id;
    const uint8_t *parent_header;
    size_t parent_header_len;
    const uint8_t *block;
    size_t block_len;
    const bg_witness *witness;
    const bg_witness *codes; /* contract codes by their hash */
    bool evm_witness;        /* input version 2 or 3: the witness covers EVM execution */
    bool oracle;             /* input version 3: a witness-recording run with the host's state oracle */
} bg_block_input;

typedef struct {
    uint8_t parent_hash[32];
    uint8_t block_hash[32];
    uint8_t parent_state_root[32];
    uint8_t new_state_root[32];
    uint64_t number;
    uint64_t gas_used;
    uint32_t tx_count;
} bg_block_result;

/* Validates the block or ends the run with the reason (see util.h for exit codes). */
void bg_block_validate(const bg_block_input *in, bg_block_result *out);

/* Hands a trie node to the host's state oracle (a witness-recording run); ctx is unused. */
void bg_oracle_put_node(void *ctx, const uint8_t *enc, size_t len);

/* parent hash | block hash | parent state root | new state root | number u64 LE |
 * gas used u64 LE | tx count u32 LE. */
void bg_journal_encode(const bg_block_result *r, uint8_t out[BG_JOURNAL_LEN]);

#endif
