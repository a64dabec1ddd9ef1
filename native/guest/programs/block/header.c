#include "header.h"

#include "keccak.h"
#include "rlp.h"
#include "util.h"

#define GAS_LIMIT_ADJUSTMENT_FACTOR 1024u
#define GAS_LIMIT_MINIMUM 5000u
#define ELASTICITY_MULTIPLIER 2u
#define BASE_FEE_CHANGE_DENOMINATOR 8u
#define TARGET_BLOB_GAS_PER_BLOCK 393216u /* Cancun: 3 blobs */
#define MAX_EXTRA_DATA 32u

/* keccak256(rlp([])): the ommers hash of every post-merge block. */
static const uint8_t EMPTY_OMMERS_HASH[32] = {0x1d, 0xcc, 0x4d, 0xe8, 0xde, 0xc7, 0x5d, 0x7a, 0xab, 0x85, 0xb5,
                                              0x67, 0xb6, 0xcc, 0xd4, 0x1a, 0xd3, 0x12, 0x45, 0x1b, 0x94, 0x8a,
                                              0x74, 0x13, 0xf0, 0xa1, 0x42, 0xfd, 0x40, 0xd4, 0x93, 0x47};

void bg_header_decode(bg_header *h, const uint8_t *rlp, size_t len, const char *what) {
    bg_rlp whole = bg_rlp_whole(rlp, len, what);
    bg_rlp f[21];
    size_t n = bg_rlp_list(&whole, f, 21, what);
    if (n < BG_HEADER_FIELDS_LONDON || n > BG_HEADER_FIELDS_CANCUN || n == 18 || n == 19)
        bg_unsupported("unsupported: %s with %u fields (London to Cancun headers have 16, 17 or 20)", what, (unsigned)n);
    bg_keccak256(rlp, len, h->hash);
    h->field_count = n;
    h->parent_hash = bg_rlp_bytes(&f[0], 32, what);
    h->ommers_hash = bg_rlp_bytes(&f[1], 32, what);
    h->coinbase = bg_rlp_bytes(&f[2], 20, what);
    h->state_root = bg_rlp_bytes(&f[3], 32, what);
    h->transactions_root = bg_rlp_bytes(&f[4], 32, what);
    h->receipts_root = bg_rlp_bytes(&f[5], 32, what);
    h->logs_bloom = bg_rlp_bytes(&f[6], 256, what);
    uint8_t word[32];
    bg_rlp_u256(&f[7], word, what);
    h->difficulty = u256_from_be(word);
    h->number = bg_rlp_u64(&f[8], what);
    h->gas_limit = bg_rlp_u64(&f[9], what);
    h->gas_used = bg_rlp_u64(&f[10], what);
    h->timestamp = bg_rlp_u64(&f[11], what);
    bg_rlp_string(&f[12], what);
    h->extra_data_len = f[12].len;
    h->prev_randao = bg_rlp_bytes(&f[13], 32, what); /* the mix hash field */
    h->nonce = bg_rlp_bytes(&f[14], 8, what);
    bg_rlp_u256(&f[15], word, what);
    h->base_fee = u256_from_be(word);
    h->withdrawals_root = n >= BG_HEADER_FIELDS_SHANGHAI ? bg_rlp_bytes(&f[16], 32, what) : NULL;
    h->blob_gas_used = n >= BG_HEADER_FIELDS_CANCUN ? bg_rlp_u64(&f[17], what) : 0;
    h->excess_blob_gas = n >= BG_HEADER_FIELDS_CANCUN ? bg_rlp_u64(&f[18], what) : 0;
    h->parent_beacon_block_root = n >= BG_HEADER_FIELDS_CANCUN ? bg_rlp_bytes(&f[19], 32, what) : NULL;
}

u256 bg_base_fee_after(const bg_header *parent) {
    uint64_t target = parent->gas_limit / ELASTICITY_MULTIPLIER;
    if (parent->gas_used == target || target == 0) return parent->base_fee;
    u256 t = u256_of(target), denom = u256_of(BASE_FEE_CHANGE_DENOMINATOR), delta, fee;
    if (parent->gas_used > target) {
        u256 used_delta = u256_of(parent->gas_used - target);
        u256_mul(&delta, &parent->base_fee, &used_delta);
        delta = u256_div(&delta, &t);
        delta = u256_div(&delta, &denom);
        if (u256_is_zero(&delta)) delta = u256_of(1);
        u256_add(&fee, &parent->base_fee, &delta);
    } else {
        u256 used_delta = u256_of(target - parent->gas_used);
        u256_mul(&delta, &parent->base_fee, &used_delta);
        delta = u256_div(&delta, &t);
        delta = u256_div(&delta, &denom);
        u256_sub(&fee, &parent->base_fee, &delta);
    }
    return fee;
}

uint64_t bg_excess_blob_gas_after(const bg_header *parent) {
    uint64_t total = parent->excess_blob_gas + parent->blob_gas_used;
    return total < TARGET_BLOB_GAS_PER_BLOCK ? 0 : total - TARGET_BLOB_GAS_PER_BLOCK;
}

void bg_header_check(const bg_header *h, const bg_header *parent) {
    if (h->field_count != BG_HEADER_FIELDS_CANCUN)
        bg_unsupported("unsupported: block header with %u fields (only Cancun blocks, 20 fields)", (unsigned)h->field_count);
    if (!bg_equal(h->parent_hash, parent->hash, 32))
        bg_fail("wrong parent hash: the header names %x, the parent header hashes to %x", h->parent_hash, parent->hash);
    if (h->number != parent->number + 1)
        bg_fail("wrong block number %lu: the parent is block %lu", h->number, parent->number);
    if (h->timestamp <= parent->timestamp)
        bg_fail("timestamp %lu is not after the parent's %lu", h->timestamp, parent->timestamp);
    uint64_t max_delta = parent->gas_limit / GAS_LIMIT_ADJUSTMENT_FACTOR;
    uint64_t diff = h->gas_limit > parent->gas_limit ? h->gas_limit - parent->gas_limit : parent->gas_limit - h->gas_limit;
    if (diff >= max_delta || h->gas_limit < GAS_LIMIT_MINIMUM)
        bg_fail("gas limit %lu is out of bounds for the parent's %lu (change below 1/1024, at least 5000)", h->gas_limit, parent->gas_limit);
    if (h->gas_used > h->gas_limit) bg_fail("gas used %lu exceeds the gas limit %lu", h->gas_used, h->gas_limit);
    u256 expected = bg_base_fee_after(parent);
    if (u256_compare(&expected, &h->base_fee) != 0) {
        uint8_t want[32], got[32];
        u256_to_be(&expected, want);
        u256_to_be(&h->base_fee, got);
        bg_fail("wrong base fee %x: the parent implies %x (EIP-1559)", got, want);
    }
    if (!bg_equal(h->ommers_hash, EMPTY_OMMERS_HASH, 32)) bg_fail("ommers hash is not the empty list's hash");
    if (!u256_is_zero(&h->difficulty)) bg_fail("difficulty must be 0 after the merge");
    static const uint8_t zero_nonce[8] = {0};
    if (!bg_equal(h->nonce, zero_nonce, 8)) bg_fail("nonce must be 0 after the merge");
    if (h->extra_data_len > MAX_EXTRA_DATA) bg_fail("extra data of %u bytes (at most 32)", (unsigned)h->extra_data_len);
    uint64_t excess = bg_excess_blob_gas_after(parent);
    if (h->excess_blob_gas != excess)
        bg_fail("wrong excess blob gas %lu: the parent implies %lu (EIP-4844)", h->excess_blob_gas, excess);
}
