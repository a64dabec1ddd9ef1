#include "receipt.h"

#include "../keccak.h"
#include "../rlp.h"

void *memcpy(void *dst, const void *src, size_t n);

static void bloom_add(uint8_t bloom[EVM_BLOOM_LEN], const uint8_t *data, size_t len) {
    uint8_t h[32];
    bg_keccak256(data, len, h);
    for (int i = 0; i < 6; i += 2) {
        unsigned bit = ((unsigned)h[i] << 8 | h[i + 1]) & 2047;
        bloom[EVM_BLOOM_LEN - 1 - bit / 8] |= (uint8_t)(1u << (bit % 8));
    }
}

void evm_bloom_add(uint8_t bloom[EVM_BLOOM_LEN], const evm_log *logs, size_t count) {
    for (size_t i = 0; i < count; i++) {
        bloom_add(bloom, logs[i].address, 20);
        for (uint32_t t = 0; t < logs[i].topic_count; t++) bloom_add(bloom, logs[i].topics + 32 * t, 32);
    }
}

static size_t string_len(size_t n, const uint8_t *first) {
    if (n == 1 && first[0] < 0x80) return 1;
    return bg_rlp_header_len(n) + n;
}

/* Payload length of one log: [address, [topics], data]. */
static size_t log_payload(const evm_log *l) {
    size_t topics = 33 * (size_t)l->topic_count;
    return 21 + bg_rlp_header_len(topics) + topics + string_len(l->data_len, l->data);
}

uint8_t *evm_receipt_encode(uint8_t type, bool success, uint64_t cumulative_gas, const uint8_t bloom[EVM_BLOOM_LEN],
                            const evm_log *logs, size_t count, size_t *len) {
    size_t logs_len = 0;
    for (size_t i = 0; i < count; i++) {
        size_t p = log_payload(&logs[i]);
        logs_len += bg_rlp_header_len(p) + p;
    }
    size_t body = 1 + 9 + 3 + EVM_BLOOM_LEN + bg_rlp_header_len(logs_len) + logs_len;
    uint8_t *out = evm_alloc(1 + bg_rlp_header_len(body) + body);
    size_t n = 0;
    if (type != EVM_TX_LEGACY) out[n++] = type;
    uint8_t tmp[16];
    size_t payload = 1 + bg_rlp_put_u64(tmp, cumulative_gas) + 3 + EVM_BLOOM_LEN +
                     bg_rlp_header_len(logs_len) + logs_len;
    n += bg_rlp_put_header(out + n, payload, true);
    out[n++] = success ? 0x01 : 0x80;
    n += bg_rlp_put_u64(out + n, cumulative_gas);
    n += bg_rlp_put_string(out + n, bloom, EVM_BLOOM_LEN);
    n += bg_rlp_put_header(out + n, logs_len, true);
    for (size_t i = 0; i < count; i++) {
        const evm_log *l = &logs[i];
        n += bg_rlp_put_header(out + n, log_payload(l), true);
        n += bg_rlp_put_string(out + n, l->address, 20);
        n += bg_rlp_put_header(out + n, 33 * (size_t)l->topic_count, true);
        for (uint32_t t = 0; t < l->topic_count; t++) n += bg_rlp_put_string(out + n, l->topics + 32 * t, 32);
        n += bg_rlp_put_string(out + n, l->data, l->data_len);
    }
    *len = n;
    return out;
}
