/* The EVM of the block guest (Cancun): transactions executed over a journaled view of the state,
 * which is read through an abstract backend (the block guest's witnessed tries, or the host
 * test runner's in-memory accounts) and handed back as a list of changes to write. */
#ifndef EVM_H
#define EVM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../u256.h"

/* An account as the backend holds it before the block. */
typedef struct {
    uint64_t nonce;
    u256 balance;
    uint8_t code_hash[32];
    bool has_storage; /* its storage root is not that of the empty trie */
} evm_account_info;

/* The state before the block, read-only. Every function may end the run (a witness lacking a
 * node is the backend's error to report). */
typedef struct {
    void *ctx;
    /* Fills *out and returns true, or returns false for an account absent from the state. */
    bool (*account)(void *ctx, const uint8_t address[20], evm_account_info *out);
    /* The code whose hash is code_hash (of the account at address). */
    const uint8_t *(*code)(void *ctx, const uint8_t address[20], const uint8_t code_hash[32], size_t *len);
    /* The value of a storage slot (32 zero bytes when absent). */
    void (*storage)(void *ctx, const uint8_t address[20], const uint8_t key[32], uint8_t value[32]);
    /* The hash of block `number`, one of the 256 before the current one. */
    void (*block_hash)(void *ctx, uint64_t number, uint8_t hash[32]);
    /* A valid input outside what this EVM supports (a precompile it leaves out): must not return. */
    void (*unsupported)(void *ctx, const char *what);
} evm_backend;

/* Allocation, provided by the program linking the EVM: zeroed memory, never NULL (running out
 * ends the run). Nothing is freed: the EVM reuses its buffers across calls and transactions. */
void *evm_alloc(size_t size);
/* A growing array of count items of `size` bytes with room for *cap: the array itself while
 * there is room, else a copy with twice the room (first items' room at the start). */
void *evm_grow(void *items, size_t count, size_t *cap, size_t size, size_t first);

typedef struct {
    uint64_t chain_id, number, timestamp, gas_limit;
    uint8_t coinbase[20];
    uint8_t prev_randao[32];
    u256 base_fee;
    u256 blob_base_fee;
} evm_block_env;

typedef struct {
    const uint8_t *address; /* 20 bytes */
    const uint8_t *keys;    /* key_count keys of 32 bytes */
    size_t key_count;
} evm_access_entry;

enum { EVM_TX_LEGACY = 0, EVM_TX_ACCESS_LIST = 1, EVM_TX_DYNAMIC_FEE = 2, EVM_TX_BLOB = 3 };

typedef struct {
    uint8_t type;
    uint8_t sender[20];
    const uint8_t *to; /* NULL: contract creation */
    uint64_t nonce, gas_limit;
    u256 value;
    const uint8_t *data;
    size_t data_len;
    u256 max_fee_per_gas;          /* the gas price for legacy and EIP-2930 */
    u256 max_priority_fee_per_gas; /* the gas price for legacy and EIP-2930 */
    const evm_access_entry *access_list;
    size_t access_count;
    u256 max_fee_per_blob_gas;
    const uint8_t *blob_hashes; /* blob_count hashes of 32 bytes */
    size_t blob_count;
} evm_tx;

typedef struct {
    uint8_t address[20];
    const uint8_t *topics; /* topic_count * 32 bytes */
    uint32_t topic_count;
    const uint8_t *data;
    size_t data_len;
} evm_log;

typedef struct {
    const char *invalid; /* NULL for a valid transaction, else why the block is invalid */
    bool success;        /* the receipt's status */
    uint64_t gas_used;   /* after the refund */
    uint64_t blob_gas_used;
    const evm_log *logs; /* valid until the next transaction */
    size_t log_count;
} evm_tx_result;

typedef struct evm_world evm_world;

#define EVM_MAX_BLOB_GAS_PER_BLOCK 786432u
#define EVM_BLOB_GAS_PER_BLOB 131072u

/* A fresh view of the backend's state for one block. */
evm_world *evm_world_new(const evm_backend *backend, const evm_block_env *env);

/* Validates and applies one transaction. block_gas_left is the block's gas limit less the gas
 * used so far (a transaction asking for more is invalid), block_blob_gas_left likewise. An
 * invalid transaction changes nothing. */
void evm_tx_apply(evm_world *w, const evm_tx *tx, uint64_t block_gas_left, uint64_t block_blob_gas_left,
                  evm_tx_result *out);

/* EIP-4844: the blob base fee for a block with this excess blob gas. */
u256 evm_blob_base_fee(uint64_t excess_blob_gas);

/* EIP-4788: the beacon roots contract. */
extern const uint8_t EVM_BEACON_ROOTS_ADDRESS[20];

/* EIP-4788: the system call that stores the parent beacon block root (a no-op without code at
 * the beacon roots contract). */
void evm_beacon_root_call(evm_world *w, const uint8_t root[32]);

/* A withdrawal (EIP-4895): amount_gwei credited to address. */
void evm_withdraw(evm_world *w, const uint8_t address[20], uint64_t amount_gwei);

/* One account changed by the block, for the write-back. */
typedef struct {
    const uint8_t *address;
    bool deleted;      /* remove it from the state trie (the fields below are then unused) */
    uint64_t nonce;
    u256 balance;
    const uint8_t *code_hash;
    const uint8_t *code; /* non-NULL when the code is new (to store beside the trie) */
    size_t code_len;
    bool storage_reset;  /* its storage starts from the empty trie, not the backend's */
} evm_account_change;

/* Calls account() for every account the block changed, each followed by slot() for every
 * storage slot of it whose value differs from the backend's (a zero value: delete the slot). */
void evm_world_changes(evm_world *w, void (*account)(void *ctx, const evm_account_change *c),
                       void (*slot)(void *ctx, const uint8_t key[32], const uint8_t value[32]), void *ctx);

/* Counters of the block so far, for cycles-per-gas figures: instructions interpreted, and gas
 * used by its transactions (as receipts count it). */
typedef struct {
    uint64_t instructions;
    uint64_t gas;
} evm_stats;
evm_stats evm_world_stats(const evm_world *w);

#endif
