/* Block headers: decoding (London to Cancun field sets) and the checks of a header against its
 * parent (EIP-1559 base fee, gas limit bounds, EIP-4844 blob gas, post-merge constants). */
#ifndef BG_HEADER_H
#define BG_HEADER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "u256.h"

#define BG_HEADER_FIELDS_LONDON 16
#define BG_HEADER_FIELDS_SHANGHAI 17
#define BG_HEADER_FIELDS_CANCUN 20

typedef struct {
    uint8_t hash[32];
    size_t field_count;
    const uint8_t *parent_hash, *ommers_hash, *coinbase, *state_root, *transactions_root, *receipts_root;
    const uint8_t *logs_bloom; /* 256 bytes */
    u256 difficulty;
    uint64_t number, gas_limit, gas_used, timestamp;
    size_t extra_data_len;
    const uint8_t *prev_randao; /* 32 bytes, the PREVRANDAO opcode's value (EIP-4399) */
    const uint8_t *nonce; /* 8 bytes */
    u256 base_fee;
    const uint8_t *withdrawals_root;             /* from Shanghai on, else NULL */
    uint64_t blob_gas_used, excess_blob_gas;     /* from Cancun on, else 0 */
    const uint8_t *parent_beacon_block_root;     /* from Cancun on, else NULL */
} bg_header;

/* Decodes a header; what names it in errors ("parent header", "block header"). Accepts London
 * (16 fields) to Cancun (20 fields); other field counts are unsupported. */
void bg_header_decode(bg_header *h, const uint8_t *rlp, size_t len, const char *what);

/* Checks h against its parent; fails with the first violated rule. The block must be a Cancun
 * block. */
void bg_header_check(const bg_header *h, const bg_header *parent);

/* EIP-1559 base fee of the child of parent (elasticity 2, change denominator 8). */
u256 bg_base_fee_after(const bg_header *parent);

/* EIP-4844 excess blob gas of the child of parent (target 3 blobs of 2^17 gas). */
uint64_t bg_excess_blob_gas_after(const bg_header *parent);

#endif
