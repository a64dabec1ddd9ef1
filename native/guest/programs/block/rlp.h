/* RLP (Ethereum's recursive length prefix) decoding with canonical-form checks, and the few
 * encoders the guest needs. */
#ifndef BG_RLP_H
#define BG_RLP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct {
    const uint8_t *start;   /* first byte of the encoding (prefix included) */
    size_t encoded_len;     /* prefix + payload */
    const uint8_t *payload; /* string bytes or list body */
    size_t len;             /* payload length */
    bool is_list;
} bg_rlp;

/* Decodes one item at the start of data[0..avail). Returns false when the item is truncated or
 * not in canonical form (a single byte below 0x80 with a prefix, a long form for a short
 * payload, a length with leading zeros). */
bool bg_rlp_decode(const uint8_t *data, size_t avail, bg_rlp *item);

/* Decodes exactly one item spanning all of data[0..len), or fails with "<what>: ...". */
bg_rlp bg_rlp_whole(const uint8_t *data, size_t len, const char *what);

/* Splits a list into its items; fails with "<what>: ..." unless the item is a list of at most
 * max items. Returns the count. */
size_t bg_rlp_list(const bg_rlp *list, bg_rlp *items, size_t max, const char *what);

/* Splits a list of exactly n items. */
void bg_rlp_fields(const bg_rlp *list, bg_rlp *items, size_t n, const char *what);

/* A canonical unsigned integer (no leading zero byte) of at most 8 bytes. */
uint64_t bg_rlp_u64(const bg_rlp *item, const char *what);
/* A canonical unsigned integer of at most 32 bytes, as 32 big-endian bytes. */
void bg_rlp_u256(const bg_rlp *item, uint8_t out[32], const char *what);
/* A string of exactly n bytes. */
const uint8_t *bg_rlp_bytes(const bg_rlp *item, size_t n, const char *what);
/* Any string (not a list). */
void bg_rlp_string(const bg_rlp *item, const char *what);

/* Encoders write into out and return the number of bytes written. */
size_t bg_rlp_put_header(uint8_t *out, size_t payload_len, bool list);
size_t bg_rlp_put_string(uint8_t *out, const uint8_t *data, size_t len);
size_t bg_rlp_put_u64(uint8_t *out, uint64_t v);
/* A 32-byte big-endian integer without its leading zeros. */
size_t bg_rlp_put_u256(uint8_t *out, const uint8_t v[32]);
/* Length of the header for a payload of this size. */
size_t bg_rlp_header_len(size_t payload_len);

#endif
