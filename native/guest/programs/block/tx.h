/* Transactions: legacy (with EIP-155 replay protection), EIP-2930, EIP-1559 and EIP-4844 blob
 * envelopes; decoding, signing hash, intrinsic gas, sender recovery (EIP-2 low s). EIP-7702
 * set-code transactions are refused as unsupported. */
#ifndef BG_TX_H
#define BG_TX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rlp.h"
#include "u256.h"

enum { BG_TX_LEGACY = 0, BG_TX_ACCESS_LIST = 1, BG_TX_DYNAMIC_FEE = 2, BG_TX_BLOB = 3, BG_TX_SET_CODE = 4 };

typedef struct {
    uint8_t type;
    const uint8_t *encoding;  /* as it appears in the transactions trie */
    size_t encoding_len;
    uint64_t nonce, gas_limit;
    u256 max_fee_per_gas;      /* gas price for legacy and EIP-2930 */
    u256 max_priority_fee_per_gas; /* equal to the gas price for legacy and EIP-2930 */
    const uint8_t *to;         /* 20 bytes; NULL for a contract creation */
    u256 value;
    const uint8_t *data;       /* calldata or initcode */
    size_t data_len;
    bg_rlp access_list;        /* the EIP-2930 list as decoded (an empty list for legacy) */
    u256 max_fee_per_blob_gas; /* EIP-4844 */
    const uint8_t *blob_hashes; /* blob_count versioned hashes of 32 bytes */
    size_t blob_count;
    uint64_t intrinsic_gas;
    uint8_t signing_hash[32];
    const uint8_t *r, *s;      /* 32 bytes each, left-padded copies */
    int recid;
    uint8_t sender[20];
} bg_tx;

/* Decodes transaction `index` of the block body (an RLP list for legacy, a byte string holding
 * type || payload for typed ones) and computes its signing hash. */
void bg_tx_decode(bg_tx *tx, const bg_rlp *item, uint64_t chain_id, uint32_t index);

/* Recovers every transaction's sender (as one batch); fails at the first transaction with a
 * high-s or otherwise invalid signature. */
void bg_tx_recover_senders(bg_tx *txs, uint32_t count);

#endif
