#include "tx.h"

#include "keccak.h"
#include "secp256k1.h"
#include "util.h"

#define TX_GAS 21000u
#define TX_DATA_ZERO_GAS 4u
#define TX_DATA_NONZERO_GAS 16u
#define ACCESS_LIST_ADDRESS_GAS 2400u
#define ACCESS_LIST_STORAGE_KEY_GAS 1900u
#define TX_CREATE_GAS 32000u
#define INITCODE_WORD_GAS 2u

static const char *const TX_WHAT = "transaction";

/* An integer field as a u256. */
static u256 field_u256(const bg_rlp *item) {
    uint8_t word[32];
    bg_rlp_u256(item, word, TX_WHAT);
    return u256_from_be(word);
}

/* A signature value (r or s) as 32 big-endian bytes. */
static const uint8_t *field_word(const bg_rlp *item) {
    uint8_t *word = bg_alloc(32);
    bg_rlp_u256(item, word, TX_WHAT);
    return word;
}

static uint64_t data_gas(bg_tx *tx, const bg_rlp *data) {
    bg_rlp_string(data, TX_WHAT);
    tx->data = data->payload;
    tx->data_len = data->len;
    uint64_t gas = 0;
    for (size_t i = 0; i < data->len; i++) gas += data->payload[i] ? TX_DATA_NONZERO_GAS : TX_DATA_ZERO_GAS;
    return gas;
}

/* EIP-2930 access list: [[address, [storage key, ...]], ...]; returns its intrinsic gas. */
static uint64_t access_list_gas(const bg_rlp *list, uint32_t index) {
    if (!list->is_list) bg_fail("transaction %u: access list is not a list", index);
    uint64_t gas = 0;
    size_t at = 0;
    while (at < list->len) {
        bg_rlp entry, fields[2];
        if (!bg_rlp_decode(list->payload + at, list->len - at, &entry)) bg_fail("transaction %u: malformed access list", index);
        at += entry.encoded_len;
        bg_rlp_fields(&entry, fields, 2, "access list entry");
        bg_rlp_bytes(&fields[0], 20, "access list address");
        if (!fields[1].is_list) bg_fail("transaction %u: access list storage keys are not a list", index);
        gas += ACCESS_LIST_ADDRESS_GAS;
        size_t k = 0;
        while (k < fields[1].len) {
            bg_rlp key;
            if (!bg_rlp_decode(fields[1].payload + k, fields[1].len - k, &key)) bg_fail("transaction %u: malformed storage key", index);
            bg_rlp_bytes(&key, 32, "access list storage key");
            k += key.encoded_len;
            gas += ACCESS_LIST_STORAGE_KEY_GAS;
        }
    }
    return gas;
}

static void set_to(bg_tx *tx, const bg_rlp *to) {
    bg_rlp_string(to, TX_WHAT);
    tx->to = to->len == 0 ? NULL : bg_rlp_bytes(to, 20, "transaction recipient");
}

/* A creation pays 32000 and, per EIP-3860, 2 per 32-byte word of initcode. */
static uint64_t creation_gas(const bg_tx *tx) {
    return tx->to != NULL ? 0 : TX_CREATE_GAS + INITCODE_WORD_GAS * ((tx->data_len + 31) / 32);
}

/* EIP-4844 versioned hashes: a list of 32-byte strings, copied into one array. */
static void set_blob_hashes(bg_tx *tx, const bg_rlp *list, uint32_t index) {
    if (!list->is_list) bg_fail("transaction %u: blob versioned hashes are not a list", index);
    size_t count = list->len / 33;
    uint8_t *hashes = bg_alloc(count * 32 + 1);
    size_t at = 0, n = 0;
    while (at < list->len) {
        bg_rlp item;
        if (!bg_rlp_decode(list->payload + at, list->len - at, &item) || n == count)
            bg_fail("transaction %u: malformed blob versioned hashes", index);
        bg_copy(hashes + 32 * n++, bg_rlp_bytes(&item, 32, "blob versioned hash"), 32);
        at += item.encoded_len;
    }
    tx->blob_hashes = hashes;
    tx->blob_count = n;
}

/* keccak(prefix || rlp-list-header || fields[0..count) as encoded || suffix). */
static void hash_fields(uint8_t out[32], int type, const bg_rlp *fields, size_t count, const uint8_t *suffix, size_t suffix_len) {
    const uint8_t *from = fields[0].start;
    size_t body = (size_t)(fields[count - 1].start + fields[count - 1].encoded_len - from);
    uint8_t header[9];
    size_t header_len = bg_rlp_put_header(header, body + suffix_len, true);
    bg_keccak_ctx ctx;
    bg_keccak_init(&ctx);
    if (type != BG_TX_LEGACY) {
        uint8_t t = (uint8_t)type;
        bg_keccak_update(&ctx, &t, 1);
    }
    bg_keccak_update(&ctx, header, header_len);
    bg_keccak_update(&ctx, from, body);
    if (suffix_len) bg_keccak_update(&ctx, suffix, suffix_len);
    bg_keccak_final(&ctx, out);
}

static int parity(const bg_rlp *item, uint32_t index) {
    uint64_t v = bg_rlp_u64(item, TX_WHAT);
    if (v > 1) bg_fail("transaction %u: signature y-parity %lu is not 0 or 1", index, v);
    return (int)v;
}

static void decode_legacy(bg_tx *tx, const bg_rlp *item, uint64_t chain_id, uint32_t index) {
    bg_rlp f[9];
    bg_rlp_fields(item, f, 9, "legacy transaction");
    tx->nonce = bg_rlp_u64(&f[0], TX_WHAT);
    tx->max_fee_per_gas = field_u256(&f[1]);
    tx->max_priority_fee_per_gas = tx->max_fee_per_gas;
    tx->gas_limit = bg_rlp_u64(&f[2], TX_WHAT);
    set_to(tx, &f[3]);
    tx->value = field_u256(&f[4]);
    tx->intrinsic_gas = TX_GAS + data_gas(tx, &f[5]);
    tx->intrinsic_gas += creation_gas(tx);
    bg_rlp_decode((const uint8_t *)"\xc0", 1, &tx->access_list);
    uint64_t v = bg_rlp_u64(&f[6], TX_WHAT);
    tx->r = field_word(&f[7]);
    tx->s = field_word(&f[8]);
    if (v == 27 || v == 28) {
        tx->recid = (int)(v - 27);
        hash_fields(tx->signing_hash, BG_TX_LEGACY, f, 6, NULL, 0);
        return;
    }
    /* EIP-155: v = 2 * chain_id + 35 + parity, and the chain id joins the signed fields. */
    if (v < 35 || (v - 35) / 2 != chain_id)
        bg_fail("transaction %u: legacy v = %lu does not match chain id %lu (EIP-155)", index, v, chain_id);
    tx->recid = (int)((v - 35) & 1);
    uint8_t suffix[16];
    size_t n = bg_rlp_put_u64(suffix, chain_id);
    suffix[n++] = 0x80;
    suffix[n++] = 0x80;
    hash_fields(tx->signing_hash, BG_TX_LEGACY, f, 6, suffix, n);
}

static void decode_typed(bg_tx *tx, const uint8_t *payload, size_t len, uint64_t chain_id, uint32_t index) {
    bg_rlp body = bg_rlp_whole(payload, len, "typed transaction");
    bg_rlp f[14];
    size_t n = tx->type == BG_TX_ACCESS_LIST ? 11 : tx->type == BG_TX_DYNAMIC_FEE ? 12 : 14;
    bg_rlp_fields(&body, f, n,
                  tx->type == BG_TX_ACCESS_LIST    ? "EIP-2930 transaction"
                  : tx->type == BG_TX_DYNAMIC_FEE ? "EIP-1559 transaction"
                                                  : "EIP-4844 transaction");
    uint64_t id = bg_rlp_u64(&f[0], TX_WHAT);
    if (id != chain_id) bg_fail("transaction %u: chain id %lu, expected %lu", index, id, chain_id);
    tx->nonce = bg_rlp_u64(&f[1], TX_WHAT);
    size_t at = 2;
    if (tx->type == BG_TX_ACCESS_LIST) {
        tx->max_fee_per_gas = field_u256(&f[at++]);
        tx->max_priority_fee_per_gas = tx->max_fee_per_gas;
    } else {
        tx->max_priority_fee_per_gas = field_u256(&f[at++]);
        tx->max_fee_per_gas = field_u256(&f[at++]);
    }
    tx->gas_limit = bg_rlp_u64(&f[at++], TX_WHAT);
    set_to(tx, &f[at++]);
    if (tx->type == BG_TX_BLOB && tx->to == NULL) bg_fail("transaction %u: a blob transaction cannot create a contract", index);
    tx->value = field_u256(&f[at++]);
    tx->intrinsic_gas = TX_GAS + data_gas(tx, &f[at++]);
    tx->intrinsic_gas += creation_gas(tx);
    tx->access_list = f[at];
    tx->intrinsic_gas += access_list_gas(&f[at++], index);
    if (tx->type == BG_TX_BLOB) {
        tx->max_fee_per_blob_gas = field_u256(&f[at++]);
        set_blob_hashes(tx, &f[at++], index);
    }
    tx->recid = parity(&f[at++], index);
    tx->r = field_word(&f[at++]);
    tx->s = field_word(&f[at++]);
    hash_fields(tx->signing_hash, tx->type, f, n - 3, NULL, 0);
}

void bg_tx_decode(bg_tx *tx, const bg_rlp *item, uint64_t chain_id, uint32_t index) {
    bg_zero(tx, sizeof *tx);
    tx->encoding = item->is_list ? item->start : item->payload;
    tx->encoding_len = item->is_list ? item->encoded_len : item->len;
    if (item->is_list) {
        tx->type = BG_TX_LEGACY;
        decode_legacy(tx, item, chain_id, index);
        return;
    }
    if (item->len == 0) bg_fail("transaction %u: empty typed transaction", index);
    tx->type = item->payload[0];
    if (tx->type == BG_TX_SET_CODE) bg_unsupported("unsupported: transaction %u is an EIP-7702 set-code transaction", index);
    if (tx->type != BG_TX_ACCESS_LIST && tx->type != BG_TX_DYNAMIC_FEE && tx->type != BG_TX_BLOB)
        bg_fail("transaction %u: unknown transaction type %u", index, (unsigned)tx->type);
    decode_typed(tx, item->payload + 1, item->len - 1, chain_id, index);
}

void bg_tx_recover_senders(bg_tx *txs, uint32_t count) {
    if (count == 0) return;
    bg_secp_sig *sigs = bg_alloc(count * sizeof *sigs);
    uint8_t(*pubs)[64] = bg_alloc(count * sizeof *pubs);
    bool *ok = bg_alloc(count * sizeof *ok);
    for (uint32_t i = 0; i < count; i++) {
        if (!bg_secp_s_is_low(txs[i].s)) bg_fail("transaction %u: invalid signature: s is above n/2 (EIP-2)", i);
        sigs[i].hash = txs[i].signing_hash;
        sigs[i].r = txs[i].r;
        sigs[i].s = txs[i].s;
        sigs[i].recid = txs[i].recid;
    }
    bg_secp_recover_batch(sigs, count, pubs, ok);
    for (uint32_t i = 0; i < count; i++) {
        if (!ok[i]) bg_fail("transaction %u: invalid signature: no public key recovers from it", i);
        uint8_t hash[32];
        bg_keccak256(pubs[i], 64, hash);
        bg_copy(txs[i].sender, hash + 12, 20);
    }
}
