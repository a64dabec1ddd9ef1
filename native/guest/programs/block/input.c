#include "input.h"

#include "sys.h"
#include "util.h"

#define INPUT_VERSION 1u
/* Bounds that keep a corrupt length from turning into an allocation the heap (128 MiB) cannot
 * serve: each item is read right after its allocation, so a wrong length fails as truncated
 * input, and node lists grow only as nodes actually arrive. */
#define MAX_ITEM_LEN (64u << 20)
#define MAX_ITEM_COUNT (16u << 20)

typedef struct {
    const uint8_t *data;
    size_t len;
} blob;

static size_t read_some(int fd, uint8_t *buf, size_t len) {
    size_t done = 0;
    while (done < len) {
        long n = bg_sys_read(fd, buf + done, len - done);
        if (n < 0) bg_fail("input: read failed (error %u)", (unsigned)-n);
        if (n == 0) break;
        done += (size_t)n;
    }
    return done;
}

static void read_exact(int fd, uint8_t *buf, size_t len, const char *what) {
    size_t got = read_some(fd, buf, len);
    if (got != len) bg_fail("input: truncated in %s (wanted %u more bytes, got %u)", what, (unsigned)len, (unsigned)got);
}

static uint32_t read_u32(int fd, const char *what) {
    uint8_t b[4];
    read_exact(fd, b, 4, what);
    return bg_le32(b);
}

static const uint8_t *read_blob(int fd, size_t *len, const char *what) {
    uint32_t n = read_u32(fd, what);
    if (n > MAX_ITEM_LEN) bg_fail("input: %s of %u bytes is over the limit", what, (unsigned)n);
    uint8_t *p = bg_alloc(n);
    read_exact(fd, p, n, what);
    *len = n;
    return p;
}

void bg_input_read(int fd, bg_block_input *in) {
    uint8_t head[16];
    read_exact(fd, head, 16, "the stream header");
    if (head[0] != 'L' || head[1] != '2' || head[2] != 'B' || head[3] != 'I')
        bg_fail("input: bad magic (expected \"L2BI\"): this is not a block guest input stream");
    uint32_t version = bg_le32(head + 4);
    if (version != INPUT_VERSION) bg_fail("input: version %u, this guest reads version %u", version, INPUT_VERSION);
    in->chain_id = bg_le64(head + 8);
    in->parent_header = read_blob(fd, &in->parent_header_len, "the parent header");
    in->block = read_blob(fd, &in->block_len, "the block");

    uint32_t nodes = read_u32(fd, "the witness node count");
    if (nodes > MAX_ITEM_COUNT) bg_fail("input: %u witness nodes is over the limit", nodes);
    blob *list = NULL;
    size_t cap = 0;
    for (uint32_t i = 0; i < nodes; i++) {
        if (i == cap) {
            cap = cap ? 2 * cap : 256;
            blob *bigger = bg_alloc(cap * sizeof *bigger);
            if (i) bg_copy(bigger, list, i * sizeof *list);
            list = bigger;
        }
        list[i].data = read_blob(fd, &list[i].len, "a witness node");
    }
    bg_witness *w = bg_witness_new(nodes);
    for (uint32_t i = 0; i < nodes; i++) bg_witness_add(w, list[i].data, list[i].len);
    in->witness = w;

    /* Codes are part of the format for the EVM to come; value transfers never run code (calls
     * to accounts with code are refused), so they are read and not kept. */
    uint32_t codes = read_u32(fd, "the code count");
    if (codes > MAX_ITEM_COUNT) bg_fail("input: %u codes is over the limit", codes);
    for (uint32_t i = 0; i < codes; i++) {
        size_t len;
        read_blob(fd, &len, "a contract code");
    }
    uint8_t extra;
    if (read_some(fd, &extra, 1) != 0) bg_fail("input: trailing bytes after the codes");
}
