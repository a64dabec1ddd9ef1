#include "block.h"

#include "evm_block.h"
#include "header.h"
#include "keccak.h"
#include "rlp.h"
#include "state.h"
#include "sys.h"
#include "tx.h"
#include "util.h"

#define GWEI 1000000000u
#define BLOOM_LEN 256

typedef bg_withdrawal withdrawal;

/* The trie of items under keys rlp(index), as transactions, receipts and withdrawals use. */
static void put_indexed(bg_trie *t, uint32_t index, const uint8_t *value, size_t len) {
    uint8_t key[9];
    size_t key_len = bg_rlp_put_u64(key, index);
    bg_trie_put(t, key, key_len, value, len);
}

static void expect_root(const char *what, const uint8_t *header_root, bg_trie *t) {
    uint8_t root[32];
    bg_trie_root(t, root);
    if (!bg_equal(root, header_root, 32)) bg_fail("%s root mismatch: the header has %x, the block gives %x", what, header_root, root);
}

static size_t decode_withdrawals(const bg_rlp *list, withdrawal **out) {
    if (!list->is_list) bg_fail("block withdrawals: expected a list");
    size_t count = 0, at = 0;
    bg_rlp item;
    while (at < list->len) {
        if (!bg_rlp_decode(list->payload + at, list->len - at, &item)) bg_fail("block withdrawals: malformed RLP");
        at += item.encoded_len;
        count++;
    }
    withdrawal *w = bg_alloc((count ? count : 1) * sizeof *w);
    at = 0;
    for (size_t i = 0; i < count; i++) {
        bg_rlp_decode(list->payload + at, list->len - at, &item);
        at += item.encoded_len;
        bg_rlp f[4];
        bg_rlp_fields(&item, f, 4, "withdrawal");
        bg_rlp_u64(&f[0], "withdrawal index");
        bg_rlp_u64(&f[1], "withdrawal validator index");
        w[i].address = bg_rlp_bytes(&f[2], 20, "withdrawal address");
        w[i].amount_gwei = bg_rlp_u64(&f[3], "withdrawal amount");
        w[i].encoding = item.start;
        w[i].len = item.encoded_len;
    }
    *out = w;
    return count;
}

static void credit(bg_account *a, const u256 *amount, const char *what) {
    if (u256_add(&a->balance, &a->balance, amount)) bg_fail("%s: balance overflows 256 bits", what);
}

/* Applies value transfer i (sender already recovered; bg_evm_needed has ruled out creations,
 * code and precompiles); returns the gas it used. */
static uint64_t apply_tx(bg_state *state, const bg_tx *tx, uint32_t i, const bg_header *h, uint64_t gas_left) {
    if (tx->gas_limit > gas_left)
        bg_fail("transaction %u: gas limit %lu exceeds the block's remaining gas %lu", i, tx->gas_limit, gas_left);
    if (u256_compare(&tx->max_priority_fee_per_gas, &tx->max_fee_per_gas) > 0)
        bg_fail("transaction %u: max priority fee per gas is above max fee per gas", i);
    if (u256_compare(&tx->max_fee_per_gas, &h->base_fee) < 0)
        bg_fail("transaction %u: max fee per gas (gas price) is below the block's base fee", i);
    if (tx->intrinsic_gas > tx->gas_limit)
        bg_fail("transaction %u: gas limit %lu is below the intrinsic gas %lu", i, tx->gas_limit, tx->intrinsic_gas);

    bg_account *sender = bg_state_account(state, tx->sender);
    if (bg_account_has_code(sender)) bg_fail("transaction %u: the sender has code (EIP-3607)", i);
    if (sender->nonce != tx->nonce)
        bg_fail("transaction %u: nonce %lu, but the sender's account nonce is %lu", i, tx->nonce, sender->nonce);
    if (sender->nonce == UINT64_MAX) bg_fail("transaction %u: the sender's nonce is at its maximum (EIP-2681)", i);

    /* Up-front check with the maximum fee (EIP-1559): gas_limit * max_fee + value. */
    u256 gas_limit = u256_of(tx->gas_limit), max_cost, total;
    bool overflow = u256_mul(&max_cost, &gas_limit, &tx->max_fee_per_gas);
    overflow |= u256_add(&total, &max_cost, &tx->value);
    if (overflow || u256_compare(&sender->balance, &total) < 0)
        bg_fail("transaction %u: insufficient balance for gas limit * max fee + value", i);

    bg_account *recipient = bg_state_account(state, tx->to);

    /* A plain transfer runs no code: it uses exactly its intrinsic gas and refunds nothing. */
    uint64_t gas_used = tx->intrinsic_gas;
    u256 priority, price, used = u256_of(gas_used), fee, tip;
    u256_sub(&priority, &tx->max_fee_per_gas, &h->base_fee);
    if (u256_compare(&priority, &tx->max_priority_fee_per_gas) > 0) priority = tx->max_priority_fee_per_gas;
    u256_add(&price, &h->base_fee, &priority);
    u256_mul(&fee, &used, &price);   /* below max_cost: no overflow */
    u256_mul(&tip, &used, &priority);

    sender->nonce++;
    u256_sub(&sender->balance, &sender->balance, &fee);
    u256_sub(&sender->balance, &sender->balance, &tx->value);
    credit(recipient, &tx->value, "transfer recipient");
    /* The coinbase is touched even by a zero tip: an empty coinbase account is then removed. */
    credit(bg_state_account(state, h->coinbase), &tip, "coinbase");
    return gas_used;
}

/* type || rlp([status 1, cumulative gas, bloom (empty: transfers log nothing), logs []]). */
static size_t encode_receipt(uint8_t *out, uint8_t type, uint64_t cumulative_gas) {
    static const uint8_t empty_bloom[BLOOM_LEN] = {0};
    uint8_t body[300];
    size_t n = 0;
    body[n++] = 0x01;
    n += bg_rlp_put_u64(body + n, cumulative_gas);
    n += bg_rlp_put_string(body + n, empty_bloom, BLOOM_LEN);
    body[n++] = 0xc0;
    size_t at = 0;
    if (type != BG_TX_LEGACY) out[at++] = type;
    at += bg_rlp_put_header(out + at, n, true);
    bg_copy(out + at, body, n);
    return at + n;
}

/* The block's result for the state oracle: gas used u64 LE | blob gas used u64 LE | logs bloom |
 * receipts root | state root (docs/guest-input.md). */
#define ORACLE_RESULT_LEN (16 + BLOOM_LEN + 64)

void bg_oracle_put_node(void *ctx, const uint8_t *enc, size_t len) {
    (void)ctx;
    bg_sys_oracle_put(BG_ORACLE_NODE, enc, len);
}

void bg_block_validate(const bg_block_input *in, bg_block_result *out) {
    /* Phase 1 (BG_PHASE_DECODE, marked in main before the input is read): decode and check
     * the headers, the body shape, the transactions and withdrawals roots. */
    bg_header parent, h;
    bg_header_decode(&parent, in->parent_header, in->parent_header_len, "parent header");
    bg_rlp block = bg_rlp_whole(in->block, in->block_len, "block"), parts[4];
    bg_rlp_fields(&block, parts, 4, "block (header, transactions, ommers, withdrawals)");
    bg_header_decode(&h, parts[0].start, parts[0].encoded_len, "block header");
    bg_header_check(&h, &parent);
    if (!parts[2].is_list || parts[2].len != 0) bg_fail("block has ommers (must be empty after the merge)");

    if (!parts[1].is_list) bg_fail("block transactions: expected a list");
    uint32_t tx_count = 0;
    for (size_t at = 0; at < parts[1].len; tx_count++) {
        bg_rlp item;
        if (!bg_rlp_decode(parts[1].payload + at, parts[1].len - at, &item)) bg_fail("block transactions: malformed RLP");
        at += item.encoded_len;
    }
    bg_tx *txs = bg_alloc((tx_count ? tx_count : 1) * sizeof *txs);
    bg_trie tx_trie;
    bg_trie_open(&tx_trie, NULL, BG_EMPTY_TRIE_ROOT, "transactions trie");
    size_t at = 0;
    for (uint32_t i = 0; i < tx_count; i++) {
        bg_rlp item;
        bg_rlp_decode(parts[1].payload + at, parts[1].len - at, &item);
        at += item.encoded_len;
        bg_tx_decode(&txs[i], &item, in->chain_id, i);
        put_indexed(&tx_trie, i, txs[i].encoding, txs[i].encoding_len);
    }
    expect_root("transactions", h.transactions_root, &tx_trie);

    withdrawal *withdrawals;
    size_t withdrawal_count = decode_withdrawals(&parts[3], &withdrawals);
    bg_trie w_trie;
    bg_trie_open(&w_trie, NULL, BG_EMPTY_TRIE_ROOT, "withdrawals trie");
    for (size_t i = 0; i < withdrawal_count; i++) put_indexed(&w_trie, (uint32_t)i, withdrawals[i].encoding, withdrawals[i].len);
    expect_root("withdrawals", h.withdrawals_root, &w_trie);

    /* Phase 2: sender recovery, one batch for the block. */
    bg_sys_phase(BG_PHASE_SENDER_RECOVERY);
    bg_tx_recover_senders(txs, tx_count);

    /* Phase 3: state transition over the witnessed parent state (receipts are encoded and put
     * into their trie here too; hashing that trie is phase 4). */
    bg_sys_phase(BG_PHASE_STATE_UPDATE);
    bg_state *state = bg_state_open(in->witness, parent.state_root, 2 * (size_t)tx_count + withdrawal_count + 2);
    bg_trie receipts;
    bg_trie_open(&receipts, NULL, BG_EMPTY_TRIE_ROOT, "receipts trie");
    bg_evm_totals totals = {0};
    char why[160];
    if (bg_evm_needed(state, &h, txs, tx_count, why, sizeof why)) {
        /* Creations, calls to code or precompiles, blob transactions, the EIP-4788 call: the
         * EVM, over an execution witness (a version 1 input only covers transfers). */
        if (!in->evm_witness) bg_unsupported("unsupported: %s, and the input (version 1) has no EVM execution witness", why);
        bg_evm_transition(in, state, &h, txs, tx_count, withdrawals, withdrawal_count, &receipts, &totals);
    } else {
        for (uint32_t i = 0; i < tx_count; i++) {
            totals.gas_used += apply_tx(state, &txs[i], i, &h, h.gas_limit - totals.gas_used);
            uint8_t *receipt = bg_alloc(320);
            put_indexed(&receipts, i, receipt, encode_receipt(receipt, txs[i].type, totals.gas_used));
        }
        for (size_t i = 0; i < withdrawal_count; i++) {
            u256 amount = u256_of(withdrawals[i].amount_gwei), gwei = u256_of(GWEI), wei;
            u256_mul(&wei, &amount, &gwei);
            credit(bg_state_account(state, withdrawals[i].address), &wei, "withdrawal");
        }
    }
    uint64_t cumulative = totals.gas_used;

    /* Phase 4: roots and totals against the header. */
    bg_sys_phase(BG_PHASE_ROOTS);
    bool committed = false;
    if (in->oracle) {
        /* A witness-recording run hands the host what the block gives before comparing it with
         * the header, so that a block builder can fill its header in from it. */
        bg_state_commit(state, out->new_state_root);
        committed = true;
        bg_state_export(state, bg_oracle_put_node, NULL);
        uint8_t result[ORACLE_RESULT_LEN];
        bg_put_le64(result, cumulative);
        bg_put_le64(result + 8, totals.blob_gas_used);
        bg_copy(result + 16, totals.logs_bloom, BLOOM_LEN);
        bg_trie_root(&receipts, result + 16 + BLOOM_LEN);
        bg_copy(result + 48 + BLOOM_LEN, out->new_state_root, 32);
        bg_sys_oracle_put(BG_ORACLE_RESULT, result, sizeof result);
    }
    if (cumulative != h.gas_used) bg_fail("gas used mismatch: the header has %lu, the transactions use %lu", h.gas_used, cumulative);
    if (totals.blob_gas_used != h.blob_gas_used)
        bg_fail("blob gas used mismatch: the header has %lu, the transactions use %lu", h.blob_gas_used, totals.blob_gas_used);
    if (!bg_equal(h.logs_bloom, totals.logs_bloom, BLOOM_LEN)) bg_fail("logs bloom mismatch");
    expect_root("receipts", h.receipts_root, &receipts);
    if (!committed) bg_state_commit(state, out->new_state_root);
    if (!bg_equal(out->new_state_root, h.state_root, 32))
        bg_fail("state root mismatch: the header has %x, the block gives %x", h.state_root, out->new_state_root);

    bg_copy(out->parent_hash, parent.hash, 32);
    bg_copy(out->block_hash, h.hash, 32);
    bg_copy(out->parent_state_root, parent.state_root, 32);
    out->number = h.number;
    out->gas_used = cumulative;
    out->tx_count = tx_count;
}

void bg_journal_encode(const bg_block_result *r, uint8_t out[BG_JOURNAL_LEN]) {
    bg_copy(out, r->parent_hash, 32);
    bg_copy(out + 32, r->block_hash, 32);
    bg_copy(out + 64, r->parent_state_root, 32);
    bg_copy(out + 96, r->new_state_root, 32);
    bg_put_le64(out + 128, r->number);
    bg_put_le64(out + 136, r->gas_used);
    bg_put_le32(out + 144, r->tx_count);
}
