/* Transactions and the block's system operations over the EVM: validity (nonce, fees, balance,
 * intrinsic gas, EIP-3607, EIP-3860, EIP-4844), gas purchase, execution, refund (EIP-3529),
 * the coinbase's tip; the EIP-4788 beacon roots call and EIP-4895 withdrawals. */
#include "internal.h"

void *memcpy(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);

enum {
    G_TX = 21000, G_TX_CREATE = 32000, G_TX_DATA_ZERO = 4, G_TX_DATA_NONZERO = 16, G_ACCESS_ADDRESS = 2400,
    G_ACCESS_KEY = 1900, G_INITCODE_WORD_TX = 2
};

const uint8_t EVM_BEACON_ROOTS_ADDRESS[20] = {0x00, 0x0F, 0x3d, 0xf6, 0xD7, 0x32, 0x80, 0x7E, 0xf1, 0x31,
                                         0x9f, 0xB7, 0xB8, 0xbB, 0x85, 0x22, 0xd0, 0xBe, 0xac, 0x02};
static const uint8_t SYSTEM_ADDRESS[20] = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
                                           0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe};

static uint64_t intrinsic_gas(const evm_tx *tx) {
    uint64_t gas = G_TX;
    for (size_t i = 0; i < tx->data_len; i++) gas += tx->data[i] ? G_TX_DATA_NONZERO : G_TX_DATA_ZERO;
    if (tx->to == 0) gas += G_TX_CREATE + G_INITCODE_WORD_TX * ((tx->data_len + 31) / 32);
    for (size_t i = 0; i < tx->access_count; i++) gas += G_ACCESS_ADDRESS + G_ACCESS_KEY * tx->access_list[i].key_count;
    return gas;
}

/* r = a * b for a 64-bit b; false on overflow. */
static bool mul_u64(u256 *r, const u256 *a, uint64_t b) {
    u256 bb = u256_of(b);
    return !u256_mul(r, a, &bb);
}

static const char *validate(evm_world *w, const evm_tx *tx, evm_account *sender, uint64_t block_gas_left,
                            uint64_t block_blob_gas_left, u256 *upfront) {
    const evm_block_env *env = &w->env;
    if (tx->gas_limit > block_gas_left) return "transaction gas limit above the block's gas left";
    if (tx->nonce == UINT64_MAX) return "nonce at its maximum (EIP-2681)";
    evm_account_load(w, sender);
    if (tx->nonce != sender->nonce) return tx->nonce > sender->nonce ? "nonce too high" : "nonce too low";
    if (memcmp(sender->code_hash, EVM_EMPTY_CODE_HASH, 32) != 0) return "sender has code (EIP-3607)";
    if (u256_compare(&tx->max_priority_fee_per_gas, &tx->max_fee_per_gas) > 0)
        return "max priority fee per gas above the max fee per gas";
    if (u256_compare(&tx->max_fee_per_gas, &env->base_fee) < 0) return "max fee per gas below the block's base fee";
    if (tx->to == 0 && tx->data_len > EVM_MAX_INITCODE_SIZE) return "initcode larger than 49152 bytes (EIP-3860)";
    uint64_t blob_gas = 0;
    if (tx->type == EVM_TX_BLOB) {
        if (tx->to == 0) return "blob transaction creating a contract";
        if (tx->blob_count == 0) return "blob transaction without blobs";
        for (size_t i = 0; i < tx->blob_count; i++)
            if (tx->blob_hashes[32 * i] != 0x01) return "blob versioned hash of a version other than 1";
        if (u256_compare(&tx->max_fee_per_blob_gas, &env->blob_base_fee) < 0)
            return "max fee per blob gas below the block's blob base fee";
        if (tx->blob_count > EVM_MAX_BLOB_GAS_PER_BLOCK / EVM_BLOB_GAS_PER_BLOB) return "too many blobs";
        blob_gas = (uint64_t)tx->blob_count * EVM_BLOB_GAS_PER_BLOB;
        if (blob_gas > block_blob_gas_left) return "blob gas above the block's blob gas left";
    }
    /* Balance check at the fee caps; the purchase below is at the effective prices. */
    u256 need, t;
    if (!mul_u64(&need, &tx->max_fee_per_gas, tx->gas_limit)) return "insufficient balance for gas and value";
    if (u256_add(&need, &need, &tx->value)) return "insufficient balance for gas and value";
    if (blob_gas) {
        if (!mul_u64(&t, &tx->max_fee_per_blob_gas, blob_gas) || u256_add(&need, &need, &t))
            return "insufficient balance for gas and value";
    }
    if (u256_compare(&sender->balance, &need) < 0) return "insufficient balance for gas and value";
    if (intrinsic_gas(tx) > tx->gas_limit) return "gas limit below the intrinsic gas";
    mul_u64(upfront, &w->gas_price, tx->gas_limit);
    if (blob_gas) {
        mul_u64(&t, &env->blob_base_fee, blob_gas);
        u256_add(upfront, upfront, &t);
    }
    return 0;
}

static u256 effective_gas_price(const evm_tx *tx, const u256 *base_fee) {
    u256 p;
    if (u256_add(&p, base_fee, &tx->max_priority_fee_per_gas) || u256_compare(&p, &tx->max_fee_per_gas) > 0)
        return tx->max_fee_per_gas;
    return p;
}

void evm_tx_apply(evm_world *w, const evm_tx *tx, uint64_t block_gas_left, uint64_t block_blob_gas_left,
                  evm_tx_result *out) {
    memset(out, 0, sizeof *out);
    w->tx = tx;
    w->log_count = 0;
    w->gas_price = effective_gas_price(tx, &w->env.base_fee);
    evm_account *sender = evm_account_get(w, tx->sender);
    u256 upfront;
    out->invalid = validate(w, tx, sender, block_gas_left, block_blob_gas_left, &upfront);
    if (out->invalid) {
        evm_finalize_tx(w);
        return;
    }
    u256 balance;
    u256_sub(&balance, &sender->balance, &upfront);
    evm_set_balance(w, sender, &balance);
    out->blob_gas_used = tx->type == EVM_TX_BLOB ? (uint64_t)tx->blob_count * EVM_BLOB_GAS_PER_BLOB : 0;

    /* EIP-2929 and EIP-3651: sender, recipient, precompiles and coinbase start warm; then the access list. */
    evm_warm_account(w, sender);
    if (tx->to) evm_warm_account(w, evm_account_get(w, tx->to));
    for (uint8_t i = 1; i <= 10; i++) {
        uint8_t a[20] = {0};
        a[19] = i;
        evm_warm_account(w, evm_account_get(w, a));
    }
    evm_warm_account(w, evm_account_get(w, w->env.coinbase));
    for (size_t i = 0; i < tx->access_count; i++) {
        evm_account *a = evm_account_get(w, tx->access_list[i].address);
        evm_warm_account(w, a);
        for (size_t k = 0; k < tx->access_list[i].key_count; k++) {
            u256 key = u256_from_be(tx->access_list[i].keys + 32 * k);
            evm_warm_slot(w, evm_slot_get(w, a, &key, false), a);
        }
    }

    evm_message m = {0};
    m.depth = 0;
    m.gas = (int64_t)(tx->gas_limit - intrinsic_gas(tx));
    memcpy(m.caller, tx->sender, 20);
    m.value = tx->value;
    m.input = tx->data;
    m.input_len = tx->data_len;
    if (tx->to) {
        m.kind = EVM_CALL;
        memcpy(m.recipient, tx->to, 20);
        memcpy(m.code_address, tx->to, 20);
        evm_set_nonce(w, sender, sender->nonce + 1);
    } else {
        m.kind = EVM_CREATE;
    }
    evm_result r = evm_execute(w, &m);

    uint64_t gas_left = (uint64_t)r.gas_left;
    uint64_t used = tx->gas_limit - gas_left;
    uint64_t refund = w->refund < used / 5 ? w->refund : used / 5;
    gas_left += refund;
    used -= refund;
    u256 t;
    mul_u64(&t, &w->gas_price, gas_left);
    evm_add_balance(w, sender, &t);
    u256 tip;
    u256_sub(&tip, &w->gas_price, &w->env.base_fee);
    mul_u64(&t, &tip, used);
    evm_add_balance(w, evm_account_get(w, w->env.coinbase), &t);

    out->success = r.success;
    out->gas_used = used;
    w->stats.gas += used;
    out->logs = w->logs;
    out->log_count = w->log_count;
    evm_finalize_tx(w);
}

void evm_beacon_root_call(evm_world *w, const uint8_t root[32]) {
    evm_tx sys = {0};
    memcpy(sys.sender, SYSTEM_ADDRESS, 20);
    sys.to = EVM_BEACON_ROOTS_ADDRESS;
    sys.data = root;
    sys.data_len = 32;
    w->tx = &sys;
    w->log_count = 0;
    w->gas_price = u256_of(0);
    evm_account *contract = evm_account_get(w, EVM_BEACON_ROOTS_ADDRESS);
    evm_warm_account(w, contract);
    evm_message m = {0};
    m.kind = EVM_CALL;
    m.gas = 30000000;
    memcpy(m.caller, SYSTEM_ADDRESS, 20);
    memcpy(m.recipient, EVM_BEACON_ROOTS_ADDRESS, 20);
    memcpy(m.code_address, EVM_BEACON_ROOTS_ADDRESS, 20);
    m.input = root;
    m.input_len = 32;
    evm_execute(w, &m);
    evm_finalize_tx(w);
    w->tx = 0;
}

void evm_withdraw(evm_world *w, const uint8_t address[20], uint64_t amount_gwei) {
    u256 amount;
    mul_u64(&amount, &(u256){{1000000000u, 0, 0, 0, 0, 0, 0, 0}}, amount_gwei);
    evm_add_balance(w, evm_account_get(w, address), &amount);
    evm_finalize_tx(w);
}

u256 evm_blob_base_fee(uint64_t excess_blob_gas) {
    /* fake_exponential(1, excess, 3338477) of EIP-4844, a Taylor series in integers. */
    const u256 denominator = u256_of(3338477), numerator = u256_of(excess_blob_gas);
    u256 output = u256_of(0), acc = denominator;
    for (uint64_t i = 1; !u256_is_zero(&acc); i++) {
        u256_add(&output, &output, &acc);
        u256 d = u256_of(3338477 * i);
        acc = evm_mul(&acc, &numerator);
        acc = evm_div(&acc, &d);
    }
    return evm_div(&output, &denominator);
}
