/* Receipts with logs: the logs bloom and the encoding the receipts trie holds. */
#ifndef EVM_RECEIPT_H
#define EVM_RECEIPT_H

#include "evm.h"

#define EVM_BLOOM_LEN 256

/* ORs the logs' addresses and topics into the bloom (3 bits of 2048 each, per the Yellow Paper). */
void evm_bloom_add(uint8_t bloom[EVM_BLOOM_LEN], const evm_log *logs, size_t count);

/* type || rlp([status, cumulative gas, bloom, logs]) (no type byte for legacy), in a buffer from
 * evm_alloc; *len receives its length. */
uint8_t *evm_receipt_encode(uint8_t type, bool success, uint64_t cumulative_gas, const uint8_t bloom[EVM_BLOOM_LEN],
                            const evm_log *logs, size_t count, size_t *len);

#endif
