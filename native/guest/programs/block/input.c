#include "input.h"

#include "sys.h"
#include "util.h"

/* Version 1: a witness for value transfers; version 2: an execution witness for the EVM (every
 * trie node and code the block's execution reads). The layout is the same. */
#define INPUT_VERSION_TRANSFERS 1u
#define INPUT_VERSION_EVM 2u
/* Version 3: a witness-recording run (docs/guest-input.md): what the witness lacks is asked of
 * the host's state oracle, and the block's result and new nodes and codes are handed to it. */
#define INPUT_VERSION_ORACLE 3u
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

/* A counted list of items (witness nodes or codes), indexed by hash once all have arrived: the
 * list grows as items come, so a corrupt count fails as truncated input, not as a huge index. */
static bg_witness *read_indexed(int fd, const char *what, const char *item) {
    uint32_t count = read_u32(fd, what);
    if (count > MAX_ITEM_COUNT) bg_fail("input: %u %s is over the limit", count, what);
    blob *list = NULL;
    size_t cap = 0;
    for (uint32_t i = 0; i < count; i++) {
        if (i == cap) {
            cap = cap ? 2 * cap : 256;
            blob *bigger = bg_alloc(cap * sizeof *bigger);
            if (i) bg_copy(bigger, list, i * sizeof *list);
            list = bigger;
        }
        list[i].data = read_blob(fd, &list[i].len, item);
    }
    bg_witness *w = bg_witness_new(count);
    for (uint32_t i = 0; i < count; i++) bg_witness_add(w, list[i].data, list[i].len);
    return w;
}

void bg_input_read(int fd, bg_block_input *in) {
    uint8_t head[16];
    read_exact(fd, head, 16, "the stream header");
    if (head[0] != 'L' || head[1] != '2' || head[2] != 'B' || head[3] != 'I')
        bg_fail("input: bad magic (expected \"L2BI\"): this is not a block guest input stream");
    uint32_t version = bg_le32(head + 4);
    if (version != INPUT_VERSION_TRANSFERS && version != INPUT_VERSION_EVM && version != INPUT_VERSION_ORACLE)
        bg_fail("input: version %u, this guest reads versions 1, 2 and 3", version);
    in->evm_witness = version != INPUT_VERSION_TRANSFERS;
    in->oracle = version == INPUT_VERSION_ORACLE;
    in->chain_id = bg_le64(head + 8);
    in->parent_header = read_blob(fd, &in->parent_header_len, "the parent header");
    in->block = read_blob(fd, &in->block_len, "the block");

    bg_witness *nodes = read_indexed(fd, "witness nodes", "a witness node");
    /* Codes are indexed by their hash like the nodes, for the EVM (evm_block.c). */
    bg_witness *codes = read_indexed(fd, "codes", "a contract code");
    if (in->oracle) {
        bg_witness_use_oracle(nodes, BG_ORACLE_NODE);
        bg_witness_use_oracle(codes, BG_ORACLE_CODE);
    }
    in->witness = nodes;
    in->codes = codes;
    uint8_t extra;
    if (read_some(fd, &extra, 1) != 0) bg_fail("input: trailing bytes after the codes");
}
