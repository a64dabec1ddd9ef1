/* Transactions: legacy (with EIP-155 replay protection), EIP-2930 and EIP-1559 envelopes;
 * decoding, signing hash, intrinsic gas, sender recovery (EIP-2 low s). EIP-4844 blob and
 * EIP-7702 set-code transactions are refused as unsupported. */
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
    const uint8_t *to;         /* 20 bytes; contract creations are refused at decoding */
    u256 value;
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
