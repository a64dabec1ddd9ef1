/* Internal structures of the EVM shared by its translation units (world state, journal,
 * interpreter); nothing here is part of the API in evm.h. */
#ifndef EVM_INTERNAL_H
#define EVM_INTERNAL_H

#include "evm.h"
#include "word.h"

#define EVM_STACK_LIMIT 1024
#define EVM_MAX_DEPTH 1024
#define EVM_MAX_CODE_SIZE 24576
#define EVM_MAX_INITCODE_SIZE 49152

typedef struct {
    uint8_t key[32]; /* big-endian, as the trie and the backend see it */
    u256 base;       /* the backend's value (or zero after a storage reset) */
    u256 original;   /* the value when the transaction began (EIP-2200) */
    u256 current;
    bool loaded;     /* base, original and current are known */
    bool warm;       /* EIP-2929, this transaction */
} evm_slot;

typedef struct {
    evm_slot **table; /* open addressing */
    uint32_t mask, count;
} evm_slot_map;

typedef struct evm_account {
    uint8_t address[20];
    bool loaded; /* the fields below hold the backend's values or later ones */
    uint64_t nonce;
    u256 balance;
    uint8_t code_hash[32];
    const uint8_t *code; /* valid when code_loaded */
    size_t code_len;
    bool code_loaded, code_new;
    uint8_t *jumpdests;   /* bitmap of valid jump destinations, computed on first jump */
    bool backend_storage; /* slots not yet read come from the backend (else they are zero) */
    bool storage_reset;   /* the block destroyed the account: storage restarts empty */
    bool dirty;           /* changed by the block: written back */
    /* Per transaction, journaled: */
    bool warm, touched, created, destructed;
    evm_slot_map slots;
} evm_account;

typedef struct {
    uint8_t address[20];
    u256 key, value;
} evm_tslot;

enum {
    J_BALANCE, J_NONCE, J_CODE, J_STORAGE, J_TSTORAGE, J_TOUCH, J_WARM_ACCOUNT, J_WARM_SLOT,
    J_CREATED, J_DESTRUCT, J_REFUND, J_LOG
};

typedef struct {
    uint8_t kind;
    evm_account *account;
    void *item; /* evm_slot or evm_tslot */
    u256 prev;
    uint64_t prev_u64;
} evm_journal_entry;

/* Buffers of one call depth, reused by every frame at that depth. */
typedef struct {
    u256 *stack;
    uint8_t *memory;
    size_t memory_cap;
    uint8_t *output; /* a precompile's output */
    size_t output_cap;
} evm_depth_buffers;

struct evm_world {
    const evm_backend *backend;
    evm_block_env env;
    /* accounts: open addressing */
    evm_account **accounts;
    uint32_t account_mask, account_count;
    /* transient storage (EIP-1153), cleared after each transaction */
    evm_tslot **tslots;
    uint32_t tslot_mask, tslot_count;
    /* journal */
    evm_journal_entry *journal;
    size_t journal_len, journal_cap;
    /* the transaction being executed */
    const evm_tx *tx;
    u256 gas_price;
    uint64_t refund;
    evm_log *logs;
    size_t log_count, log_cap;
    evm_depth_buffers *depths; /* EVM_MAX_DEPTH + 1, allocated on first use */
    evm_stats stats;
};

/* The account at address, created (not yet loaded) on first sight. */
evm_account *evm_account_get(evm_world *w, const uint8_t address[20]);
/* Reads the account from the backend once. */
void evm_account_load(evm_world *w, evm_account *a);
/* The account's code, read from the backend once. */
void evm_account_code(evm_world *w, evm_account *a, const uint8_t **code, size_t *len);
/* EIP-161: no nonce, no balance, no code (loads the account). */
bool evm_account_empty(evm_world *w, evm_account *a);
/* The slot of account a, created on first sight; load_value makes its value known. */
evm_slot *evm_slot_get(evm_world *w, evm_account *a, const u256 *key, bool load_value);

/* Journaled changes. */
size_t evm_snapshot(evm_world *w);
void evm_revert(evm_world *w, size_t snapshot);
void evm_set_balance(evm_world *w, evm_account *a, const u256 *balance);
void evm_set_nonce(evm_world *w, evm_account *a, uint64_t nonce);
void evm_set_code(evm_world *w, evm_account *a, const uint8_t *code, size_t len);
void evm_set_storage(evm_world *w, evm_account *a, evm_slot *s, const u256 *value);
void evm_touch(evm_world *w, evm_account *a);
/* Marks warm; returns true when the account or slot was cold. */
bool evm_warm_account(evm_world *w, evm_account *a);
bool evm_warm_slot(evm_world *w, evm_slot *s, evm_account *a);
void evm_mark_created(evm_world *w, evm_account *a);
void evm_mark_destructed(evm_world *w, evm_account *a);
void evm_add_refund(evm_world *w, int64_t delta);
/* Journals an appended log, so that a revert drops it. */
void evm_journal_log(evm_world *w);
u256 evm_tload(evm_world *w, const uint8_t address[20], const u256 *key);
void evm_tstore(evm_world *w, const uint8_t address[20], const u256 *key, const u256 *value);
/* Balance moves (touching both accounts); false when from lacks the funds. */
bool evm_transfer(evm_world *w, evm_account *from, evm_account *to, const u256 *value);
void evm_add_balance(evm_world *w, evm_account *a, const u256 *amount);

/* End of a transaction: removes destructed and touched empty accounts, marks what changed,
 * and clears the per-transaction state (warm sets, transient storage, journal). */
void evm_finalize_tx(evm_world *w);

/* Executes a message call or creation (interp.c). */
typedef enum { EVM_CALL, EVM_CALLCODE, EVM_DELEGATECALL, EVM_STATICCALL, EVM_CREATE, EVM_CREATE2 } evm_call_kind;

typedef struct {
    evm_call_kind kind;
    int depth;
    bool is_static;
    int64_t gas;
    uint8_t caller[20];
    uint8_t recipient[20];    /* whose storage and balance; the new address for creations */
    uint8_t code_address[20]; /* whose code runs */
    u256 value;               /* transferred (CALL, CALLCODE, creations) or apparent (DELEGATECALL) */
    const uint8_t *input;     /* calldata or initcode */
    size_t input_len;
    u256 salt;                /* CREATE2 */
} evm_message;

typedef struct {
    bool success;      /* false for an exceptional halt and for REVERT */
    bool reverted;
    int64_t gas_left;  /* what the caller gets back */
    const uint8_t *output; /* return or revert data, valid until the next call at the same depth */
    size_t output_len;
    uint8_t created[20];
} evm_result;

evm_result evm_execute(evm_world *w, const evm_message *m);

/* The address of a creation: keccak(rlp([sender, nonce])) or CREATE2's. */
void evm_create_address(const uint8_t sender[20], uint64_t nonce, uint8_t out[20]);
void evm_create2_address(const uint8_t sender[20], const u256 *salt, const uint8_t *initcode, size_t len,
                         uint8_t out[20]);

/* Precompiles (precompile.c): true when address is one (0x01..0x0a); runs it on the input,
 * returning false when it fails (all gas consumed). */
bool evm_is_precompile(const uint8_t address[20]);
bool evm_precompile_run(evm_world *w, const uint8_t address[20], const uint8_t *input, size_t len, int64_t *gas,
                        evm_depth_buffers *buf, const uint8_t **output, size_t *output_len);

/* Grows a depth buffer (keeping its contents). */
void evm_reserve(uint8_t **buf, size_t *cap, size_t need);

extern const uint8_t EVM_EMPTY_CODE_HASH[32];

#endif
