#include "rlp.h"

#include "util.h"

static bool read_length(const uint8_t *p, size_t n, size_t *out) {
    if (n == 0 || n > 4 || p[0] == 0) return false; /* no leading zeros; payloads stay < 4 GiB */
    size_t v = 0;
    for (size_t i = 0; i < n; i++) v = (v << 8) | p[i];
    *out = v;
    return v > 55;
}

bool bg_rlp_decode(const uint8_t *data, size_t avail, bg_rlp *item) {
    if (avail == 0) return false;
    uint8_t b = data[0];
    size_t header, len;
    bool list = false;
    if (b < 0x80) {
        header = 0;
        len = 1;
    } else if (b < 0xb8) {
        header = 1;
        len = b - 0x80u;
        if (len == 1 && (avail < 2 || data[1] < 0x80)) return false;
    } else if (b < 0xc0) {
        size_t n = b - 0xb7u;
        if (avail < 1 + n || !read_length(data + 1, n, &len)) return false;
        header = 1 + n;
    } else if (b < 0xf8) {
        header = 1;
        len = b - 0xc0u;
        list = true;
    } else {
        size_t n = b - 0xf7u;
        if (avail < 1 + n || !read_length(data + 1, n, &len)) return false;
        header = 1 + n;
        list = true;
    }
    if (len > avail - header) return false;
    item->start = data;
    item->encoded_len = header + len;
    item->payload = data + header;
    item->len = len;
    item->is_list = list;
    return true;
}

bg_rlp bg_rlp_whole(const uint8_t *data, size_t len, const char *what) {
    bg_rlp item;
    if (!bg_rlp_decode(data, len, &item)) bg_fail("%s: malformed RLP", what);
    if (item.encoded_len != len) bg_fail("%s: trailing bytes after the RLP item", what);
    return item;
}

size_t bg_rlp_list(const bg_rlp *list, bg_rlp *items, size_t max, const char *what) {
    if (!list->is_list) bg_fail("%s: expected an RLP list", what);
    size_t count = 0, at = 0;
    while (at < list->len) {
        if (count == max) bg_fail("%s: more than %u list items", what, (unsigned)max);
        if (!bg_rlp_decode(list->payload + at, list->len - at, &items[count]))
            bg_fail("%s: malformed RLP in item %u", what, (unsigned)count);
        at += items[count].encoded_len;
        count++;
    }
    return count;
}

void bg_rlp_fields(const bg_rlp *list, bg_rlp *items, size_t n, const char *what) {
    if (!list->is_list) bg_fail("%s: expected an RLP list", what);
    size_t count = 0, at = 0;
    while (at < list->len && count < n) {
        if (!bg_rlp_decode(list->payload + at, list->len - at, &items[count]))
            bg_fail("%s: malformed RLP in field %u", what, (unsigned)count);
        at += items[count].encoded_len;
        count++;
    }
    if (count != n || at != list->len) bg_fail("%s: expected exactly %u fields", what, (unsigned)n);
}

void bg_rlp_string(const bg_rlp *item, const char *what) {
    if (item->is_list) bg_fail("%s: expected a byte string, got a list", what);
}

static void check_integer(const bg_rlp *item, size_t max, const char *what) {
    bg_rlp_string(item, what);
    if (item->len > max) bg_fail("%s: integer wider than %u bytes", what, (unsigned)max);
    if (item->len > 0 && item->payload[0] == 0) bg_fail("%s: integer with a leading zero byte", what);
}

uint64_t bg_rlp_u64(const bg_rlp *item, const char *what) {
    check_integer(item, 8, what);
    uint64_t v = 0;
    for (size_t i = 0; i < item->len; i++) v = (v << 8) | item->payload[i];
    return v;
}

void bg_rlp_u256(const bg_rlp *item, uint8_t out[32], const char *what) {
    check_integer(item, 32, what);
    bg_zero(out, 32);
    bg_copy(out + 32 - item->len, item->payload, item->len);
}

const uint8_t *bg_rlp_bytes(const bg_rlp *item, size_t n, const char *what) {
    bg_rlp_string(item, what);
    if (item->len != n) bg_fail("%s: expected %u bytes, got %u", what, (unsigned)n, (unsigned)item->len);
    return item->payload;
}

size_t bg_rlp_header_len(size_t payload_len) {
    if (payload_len <= 55) return 1;
    size_t n = 0;
    for (size_t v = payload_len; v != 0; v >>= 8) n++;
    return 1 + n;
}

size_t bg_rlp_put_header(uint8_t *out, size_t payload_len, bool list) {
    uint8_t base = list ? 0xc0 : 0x80;
    if (payload_len <= 55) {
        out[0] = (uint8_t)(base + payload_len);
        return 1;
    }
    size_t n = bg_rlp_header_len(payload_len) - 1;
    out[0] = (uint8_t)(base + 55 + n);
    for (size_t i = 0; i < n; i++) out[1 + i] = (uint8_t)(payload_len >> (8 * (n - 1 - i)));
    return 1 + n;
}

size_t bg_rlp_put_string(uint8_t *out, const uint8_t *data, size_t len) {
    if (len == 1 && data[0] < 0x80) {
        out[0] = data[0];
        return 1;
    }
    size_t h = bg_rlp_put_header(out, len, false);
    bg_copy(out + h, data, len);
    return h + len;
}

size_t bg_rlp_put_u64(uint8_t *out, uint64_t v) {
    uint8_t be[8];
    size_t n = 0;
    for (int i = 7; i >= 0; i--) {
        uint8_t b = (uint8_t)(v >> (8 * i));
        if (n == 0 && b == 0) continue;
        be[n++] = b;
    }
    return bg_rlp_put_string(out, be, n);
}

size_t bg_rlp_put_u256(uint8_t *out, const uint8_t v[32]) {
    size_t skip = 0;
    while (skip < 32 && v[skip] == 0) skip++;
    return bg_rlp_put_string(out, v + skip, 32 - skip);
}
