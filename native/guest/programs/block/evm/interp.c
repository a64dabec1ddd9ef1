/* The interpreter: message calls and creations (depth, value transfer, snapshots, code deposit)
 * and the instruction loop with Cancun's gas schedule (EIP-150, 2929, 2200/3529, 3860, 1153,
 * 5656, 6780, 4844). */
#include "internal.h"
#include "profile.h"

#include "../keccak.h"

void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);

enum {
    G_WARM = 100, G_COLD_ACCOUNT = 2600, G_COLD_SLOAD = 2100, G_SSTORE_SET = 20000, G_SSTORE_RESET = 2900,
    G_SSTORE_CLEARS = 4800, G_SSTORE_SENTRY = 2300, G_CALL_VALUE = 9000, G_CALL_STIPEND = 2300,
    G_NEW_ACCOUNT = 25000, G_CREATE = 32000, G_CODE_DEPOSIT = 200, G_SELFDESTRUCT = 5000, G_LOG = 375,
    G_LOG_TOPIC = 375, G_LOG_BYTE = 8, G_COPY_WORD = 3, G_KECCAK_WORD = 6, G_INITCODE_WORD = 2,
    G_EXP_BYTE = 50
};

/* Stack items an instruction takes and leaves, its constant gas, whether it exists. */
typedef struct {
    uint8_t pops, pushes;
    uint16_t gas;
    bool valid;
} op_info;

#define OP(code, p, q, g) [code] = {p, q, g, true}
#define OP16(base, p0, q0, g, step) \
    OP(base + 0, p0 + 0 * step, q0 + 0 * step, g), OP(base + 1, p0 + 1 * step, q0 + 1 * step, g), \
    OP(base + 2, p0 + 2 * step, q0 + 2 * step, g), OP(base + 3, p0 + 3 * step, q0 + 3 * step, g), \
    OP(base + 4, p0 + 4 * step, q0 + 4 * step, g), OP(base + 5, p0 + 5 * step, q0 + 5 * step, g), \
    OP(base + 6, p0 + 6 * step, q0 + 6 * step, g), OP(base + 7, p0 + 7 * step, q0 + 7 * step, g), \
    OP(base + 8, p0 + 8 * step, q0 + 8 * step, g), OP(base + 9, p0 + 9 * step, q0 + 9 * step, g), \
    OP(base + 10, p0 + 10 * step, q0 + 10 * step, g), OP(base + 11, p0 + 11 * step, q0 + 11 * step, g), \
    OP(base + 12, p0 + 12 * step, q0 + 12 * step, g), OP(base + 13, p0 + 13 * step, q0 + 13 * step, g), \
    OP(base + 14, p0 + 14 * step, q0 + 14 * step, g), OP(base + 15, p0 + 15 * step, q0 + 15 * step, g)

static const op_info OPS[256] = {
    OP(0x00, 0, 0, 0), OP(0x01, 2, 1, 3), OP(0x02, 2, 1, 5), OP(0x03, 2, 1, 3), OP(0x04, 2, 1, 5),
    OP(0x05, 2, 1, 5), OP(0x06, 2, 1, 5), OP(0x07, 2, 1, 5), OP(0x08, 3, 1, 8), OP(0x09, 3, 1, 8),
    OP(0x0a, 2, 1, 10), OP(0x0b, 2, 1, 5),
    OP(0x10, 2, 1, 3), OP(0x11, 2, 1, 3), OP(0x12, 2, 1, 3), OP(0x13, 2, 1, 3), OP(0x14, 2, 1, 3),
    OP(0x15, 1, 1, 3), OP(0x16, 2, 1, 3), OP(0x17, 2, 1, 3), OP(0x18, 2, 1, 3), OP(0x19, 1, 1, 3),
    OP(0x1a, 2, 1, 3), OP(0x1b, 2, 1, 3), OP(0x1c, 2, 1, 3), OP(0x1d, 2, 1, 3),
    OP(0x20, 2, 1, 30),
    OP(0x30, 0, 1, 2), OP(0x31, 1, 1, G_WARM), OP(0x32, 0, 1, 2), OP(0x33, 0, 1, 2), OP(0x34, 0, 1, 2),
    OP(0x35, 1, 1, 3), OP(0x36, 0, 1, 2), OP(0x37, 3, 0, 3), OP(0x38, 0, 1, 2), OP(0x39, 3, 0, 3),
    OP(0x3a, 0, 1, 2), OP(0x3b, 1, 1, G_WARM), OP(0x3c, 4, 0, G_WARM), OP(0x3d, 0, 1, 2), OP(0x3e, 3, 0, 3),
    OP(0x3f, 1, 1, G_WARM),
    OP(0x40, 1, 1, 20), OP(0x41, 0, 1, 2), OP(0x42, 0, 1, 2), OP(0x43, 0, 1, 2), OP(0x44, 0, 1, 2),
    OP(0x45, 0, 1, 2), OP(0x46, 0, 1, 2), OP(0x47, 0, 1, 5), OP(0x48, 0, 1, 2), OP(0x49, 1, 1, 3),
    OP(0x4a, 0, 1, 2),
    OP(0x50, 1, 0, 2), OP(0x51, 1, 1, 3), OP(0x52, 2, 0, 3), OP(0x53, 2, 0, 3), OP(0x54, 1, 1, 0),
    OP(0x55, 2, 0, 0), OP(0x56, 1, 0, 8), OP(0x57, 2, 0, 10), OP(0x58, 0, 1, 2), OP(0x59, 0, 1, 2),
    OP(0x5a, 0, 1, 2), OP(0x5b, 0, 0, 1), OP(0x5c, 1, 1, G_WARM), OP(0x5d, 2, 0, G_WARM), OP(0x5e, 3, 0, 3),
    OP(0x5f, 0, 1, 2),
    OP16(0x60, 0, 1, 3, 0), OP16(0x70, 0, 1, 3, 0),
    OP16(0x80, 1, 2, 3, 1),                           /* DUPn: n in, n + 1 out */
    OP16(0x90, 2, 2, 3, 1),                           /* SWAPn: n + 1 in and out */
    OP(0xa0, 2, 0, G_LOG), OP(0xa1, 3, 0, G_LOG), OP(0xa2, 4, 0, G_LOG), OP(0xa3, 5, 0, G_LOG),
    OP(0xa4, 6, 0, G_LOG),
    OP(0xf0, 3, 1, G_CREATE), OP(0xf1, 7, 1, G_WARM), OP(0xf2, 7, 1, G_WARM), OP(0xf3, 2, 0, 0),
    OP(0xf4, 6, 1, G_WARM), OP(0xf5, 4, 1, G_CREATE), OP(0xfa, 6, 1, G_WARM), OP(0xfd, 2, 0, 0),
    OP(0xff, 1, 0, G_SELFDESTRUCT),
};

void evm_reserve(uint8_t **buf, size_t *cap, size_t need) {
    if (need <= *cap) return;
    size_t cap2 = *cap ? *cap : 1024;
    while (cap2 < need) cap2 *= 2;
    uint8_t *b = evm_alloc(cap2);
    if (*cap) memcpy(b, *buf, *cap);
    *buf = b;
    *cap = cap2;
}

static evm_depth_buffers *depth_buffers(evm_world *w, int depth) {
    if (w->depths == 0) w->depths = evm_alloc((EVM_MAX_DEPTH + 1) * sizeof *w->depths);
    evm_depth_buffers *d = &w->depths[depth];
    if (d->stack == 0) d->stack = evm_alloc(EVM_STACK_LIMIT * sizeof(u256));
    return d;
}

static uint8_t *jumpdest_map(const uint8_t *code, size_t len) {
    uint8_t *map = evm_alloc(len / 8 + 1);
    for (size_t pc = 0; pc < len; pc++) {
        uint8_t op = code[pc];
        if (op == 0x5b) map[pc >> 3] |= (uint8_t)(1u << (pc & 7));
        else if (op >= 0x60 && op <= 0x7f) pc += op - 0x5f;
    }
    return map;
}

typedef struct {
    evm_world *w;
    const evm_message *m;
    const uint8_t *code;
    size_t code_len;
    const uint8_t *jumpdests;
    evm_depth_buffers *buf;
    size_t mem_len; /* bytes, a multiple of 32 */
    int64_t gas;
    const uint8_t *ret_data;
    size_t ret_len;
} frame;

static uint64_t mem_cost(uint64_t words) { return 3 * words + words * words / 512; }

/* Limit on memory offsets and sizes: beyond it, expansion costs more gas than any block has. */
#define MEM_LIMIT 0x100000000ull

/* Expands memory to cover [offset, offset + len) and charges for it; false when out of gas. */
static bool mem_expand(frame *f, uint64_t offset, uint64_t len) {
    if (len == 0) return true;
    uint64_t end = offset + len;
    if (end <= f->mem_len) return true;
    uint64_t words = (end + 31) / 32, old = f->mem_len / 32;
    int64_t cost = (int64_t)(mem_cost(words) - mem_cost(old));
    if (f->gas < cost) return false;
    f->gas -= cost;
    size_t new_len = (size_t)words * 32;
    evm_reserve(&f->buf->memory, &f->buf->memory_cap, new_len);
    memset(f->buf->memory + f->mem_len, 0, new_len - f->mem_len);
    f->mem_len = new_len;
    return true;
}

/* A memory range from stack words: false (out of gas) when it cannot be paid for. */
static bool mem_range(frame *f, const u256 *off, const u256 *len, uint64_t *o, uint64_t *l) {
    uint64_t lv, ov;
    if (!evm_fits_u64(len, &lv) || lv >= MEM_LIMIT) return false;
    if (lv == 0) {
        *o = 0;
        *l = 0;
        return true;
    }
    if (!evm_fits_u64(off, &ov) || ov >= MEM_LIMIT) return false;
    *o = ov;
    *l = lv;
    return mem_expand(f, ov, lv);
}

static bool charge(frame *f, uint64_t cost) {
    if ((uint64_t)f->gas < cost) return false;
    f->gas -= (int64_t)cost;
    return true;
}

static uint64_t words(uint64_t len) { return (len + 31) / 32; }

/* Copies src[offset..offset + len) into dst, zero-filling past the end of src. */
static void copy_padded(uint8_t *dst, const uint8_t *src, size_t src_len, const u256 *offset, uint64_t len) {
    uint64_t o;
    size_t avail = 0;
    if (evm_fits_u64(offset, &o) && o < src_len) avail = src_len - (size_t)o;
    size_t n = avail < len ? avail : (size_t)len;
    if (n) memcpy(dst, src + o, n);
    memset(dst + n, 0, (size_t)len - n);
}

static u256 address_word(const uint8_t a[20]) {
    uint8_t b[32] = {0};
    memcpy(b + 12, a, 20);
    return u256_from_be(b);
}

static void word_address(const u256 *v, uint8_t a[20]) {
    uint8_t b[32];
    u256_to_be(v, b);
    memcpy(a, b + 12, 20);
}

static u256 bytes_word(const uint8_t b[32]) { return u256_from_be(b); }

static u256 u64_word(uint64_t v) { return u256_of(v); }

/* SSTORE's gas and refund (EIP-2200 with EIP-2929 and EIP-3529), after the cold surcharge. */
static uint64_t sstore_cost(evm_world *w, const evm_slot *s, const u256 *value) {
    const u256 *orig = &s->original, *cur = &s->current;
    bool orig_zero = u256_is_zero(orig), cur_zero = u256_is_zero(cur), new_zero = u256_is_zero(value);
    if (u256_compare(cur, value) == 0) return G_WARM;
    if (u256_compare(orig, cur) == 0) {
        if (orig_zero) return G_SSTORE_SET;
        if (new_zero) evm_add_refund(w, G_SSTORE_CLEARS);
        return G_SSTORE_RESET;
    }
    if (!orig_zero) {
        if (cur_zero) evm_add_refund(w, -G_SSTORE_CLEARS);
        else if (new_zero) evm_add_refund(w, G_SSTORE_CLEARS);
    }
    if (u256_compare(orig, value) == 0) {
        evm_add_refund(w, orig_zero ? G_SSTORE_SET - G_WARM : G_SSTORE_RESET - G_WARM);
    }
    return G_WARM;
}

static void push_log(evm_world *w, const uint8_t address[20], const u256 *topics, unsigned n, const uint8_t *data,
                     size_t len) {
    w->logs = evm_grow(w->logs, w->log_count, &w->log_cap, sizeof *w->logs, 16);
    evm_log *l = &w->logs[w->log_count++];
    memcpy(l->address, address, 20);
    uint8_t *t = evm_alloc(n * 32 + len + 1);
    for (unsigned i = 0; i < n; i++) u256_to_be(&topics[i], t + 32 * i);
    if (len) memcpy(t + n * 32, data, len);
    l->topics = t;
    l->topic_count = n;
    l->data = t + n * 32;
    l->data_len = len;
    evm_journal_log(w);
}

static evm_result run(evm_world *w, const evm_message *m, const uint8_t *code, size_t code_len,
                      const uint8_t *jumpdests);

/* CALL, CALLCODE, DELEGATECALL, STATICCALL from frame f; pops its arguments, pushes success. */
static bool op_call(frame *f, u256 *st, int *sp, uint8_t op) {
    evm_world *w = f->w;
    int s = *sp;
    u256 gas_req = st[s - 1], to_word = st[s - 2], value = u256_of(0);
    int k = 3;
    if (op == 0xf1 || op == 0xf2) value = st[s - k++];
    u256 in_off = st[s - k], in_len = st[s - k - 1], out_off = st[s - k - 2], out_len = st[s - k - 3];
    *sp = s - (k + 3) + 1;
    u256 *result = &st[*sp - 1];
    bool has_value = !u256_is_zero(&value);
    if (op == 0xf1 && has_value && f->m->is_static) return false;
    uint8_t to[20];
    word_address(&to_word, to);
    evm_account *target = evm_account_get(w, to);
    uint64_t cost = 0;
    if (evm_warm_account(w, target)) cost += G_COLD_ACCOUNT - G_WARM;
    uint64_t io, il, oo, ol;
    if (!mem_range(f, &in_off, &in_len, &io, &il) || !mem_range(f, &out_off, &out_len, &oo, &ol)) return false;
    if (has_value) {
        cost += G_CALL_VALUE;
        if (op == 0xf1 && evm_account_empty(w, target)) cost += G_NEW_ACCOUNT;
    }
    if (!charge(f, cost)) return false;
    uint64_t avail = (uint64_t)f->gas - (uint64_t)f->gas / 64, req;
    if (!evm_fits_u64(&gas_req, &req) || req > avail) req = avail;
    f->gas -= (int64_t)req;
    if (has_value) req += G_CALL_STIPEND;

    evm_message msg = {0};
    msg.depth = f->m->depth + 1;
    msg.gas = (int64_t)req;
    msg.input = f->buf->memory + io;
    msg.input_len = (size_t)il;
    msg.is_static = f->m->is_static;
    memcpy(msg.code_address, to, 20);
    switch (op) {
    case 0xf1:
        msg.kind = EVM_CALL;
        memcpy(msg.caller, f->m->recipient, 20);
        memcpy(msg.recipient, to, 20);
        msg.value = value;
        break;
    case 0xf2:
        msg.kind = EVM_CALLCODE;
        memcpy(msg.caller, f->m->recipient, 20);
        memcpy(msg.recipient, f->m->recipient, 20);
        msg.value = value;
        break;
    case 0xf4:
        msg.kind = EVM_DELEGATECALL;
        memcpy(msg.caller, f->m->caller, 20);
        memcpy(msg.recipient, f->m->recipient, 20);
        msg.value = f->m->value;
        break;
    default:
        msg.kind = EVM_STATICCALL;
        memcpy(msg.caller, f->m->recipient, 20);
        memcpy(msg.recipient, to, 20);
        msg.is_static = true;
        break;
    }
    if (il == 0) msg.input = 0;
    evm_result r = evm_execute(w, &msg);
    if ((r.success || r.reverted) && ol != 0) {
        size_t n = r.output_len < ol ? r.output_len : (size_t)ol;
        if (n) memcpy(f->buf->memory + oo, r.output, n);
    }
    f->gas += r.gas_left;
    f->ret_data = r.output;
    f->ret_len = r.output_len;
    *result = u256_of(r.success ? 1 : 0);
    return true;
}

/* CREATE and CREATE2 from frame f. */
static bool op_create(frame *f, u256 *st, int *sp, uint8_t op) {
    evm_world *w = f->w;
    int s = *sp;
    if (f->m->is_static) return false;
    u256 value = st[s - 1], off = st[s - 2], len = st[s - 3], salt = u256_of(0);
    if (op == 0xf5) salt = st[s - 4];
    *sp = s - (op == 0xf5 ? 4 : 3) + 1;
    u256 *result = &st[*sp - 1];
    uint64_t o, l;
    if (!mem_range(f, &off, &len, &o, &l)) return false;
    if (l > EVM_MAX_INITCODE_SIZE) return false;
    uint64_t cost = G_INITCODE_WORD * words(l);
    if (op == 0xf5) cost += G_KECCAK_WORD * words(l);
    if (!charge(f, cost)) return false;
    uint64_t gas = (uint64_t)f->gas - (uint64_t)f->gas / 64;
    f->gas -= (int64_t)gas;
    evm_message msg = {0};
    msg.kind = op == 0xf5 ? EVM_CREATE2 : EVM_CREATE;
    msg.depth = f->m->depth + 1;
    msg.gas = (int64_t)gas;
    memcpy(msg.caller, f->m->recipient, 20);
    msg.value = value;
    msg.input = l ? f->buf->memory + o : 0;
    msg.input_len = (size_t)l;
    msg.salt = salt;
    evm_result r = evm_execute(w, &msg);
    f->gas += r.gas_left;
    /* Return data: the revert reason of a reverted creation, else nothing. */
    f->ret_data = r.reverted ? r.output : 0;
    f->ret_len = r.reverted ? r.output_len : 0;
    *result = r.success ? address_word(r.created) : u256_of(0);
    return true;
}

static evm_result halt(frame *f, bool success, bool reverted, const uint8_t *out, size_t len) {
    evm_result r = {0};
    r.success = success;
    r.reverted = reverted;
    r.gas_left = success || reverted ? f->gas : 0;
    r.output = out;
    r.output_len = len;
    return r;
}

static evm_result run(evm_world *w, const evm_message *m, const uint8_t *code, size_t code_len,
                      const uint8_t *jumpdests) {
    frame fr = {0};
    frame *f = &fr;
    f->w = w;
    f->m = m;
    f->code = code;
    f->code_len = code_len;
    f->jumpdests = jumpdests;
    f->buf = depth_buffers(w, m->depth);
    f->gas = m->gas;
    u256 *st = f->buf->stack;
    int sp = 0;
    size_t pc = 0;
    evm_account *self = evm_account_get(w, m->recipient);
    uint64_t steps = 0;
#define FAIL() goto fail
#define NEED(cond) \
    do {           \
        if (!(cond)) FAIL(); \
    } while (0)
#define A (st[sp - 1])
#define B (st[sp - 2])
#define C (st[sp - 3])
    for (;;) {
        uint8_t op = pc < code_len ? code[pc] : 0;
        EVM_PROFILE_DISPATCH(op);
        const op_info *oi = &OPS[op];
        steps++;
        NEED(oi->valid);
        NEED(sp >= oi->pops);
        NEED(sp - oi->pops + oi->pushes <= EVM_STACK_LIMIT);
        NEED(f->gas >= oi->gas);
        f->gas -= oi->gas;
        pc++;
        switch (op) {
        case 0x00: goto stop;
        case 0x01: B = evm_add(&A, &B); sp--; break;
        case 0x02: B = evm_mul(&A, &B); sp--; break;
        case 0x03: B = evm_sub(&A, &B); sp--; break;
        case 0x04: B = evm_div(&A, &B); sp--; break;
        case 0x05: B = evm_sdiv(&A, &B); sp--; break;
        case 0x06: B = evm_mod(&A, &B); sp--; break;
        case 0x07: B = evm_smod(&A, &B); sp--; break;
        case 0x08: C = evm_addmod(&A, &B, &C); sp -= 2; break;
        case 0x09: C = evm_mulmod(&A, &B, &C); sp -= 2; break;
        case 0x0a:
            NEED(charge(f, (uint64_t)G_EXP_BYTE * evm_byte_len(&B)));
            B = evm_exp(&A, &B);
            sp--;
            break;
        case 0x0b: B = evm_signextend(&A, &B); sp--; break;
        case 0x10: B = u256_of(u256_compare(&A, &B) < 0); sp--; break;
        case 0x11: B = u256_of(u256_compare(&A, &B) > 0); sp--; break;
        case 0x12: B = u256_of(evm_slt(&A, &B)); sp--; break;
        case 0x13: B = u256_of(evm_slt(&B, &A)); sp--; break;
        case 0x14: B = u256_of(u256_compare(&A, &B) == 0); sp--; break;
        case 0x15: A = u256_of(u256_is_zero(&A)); break;
        case 0x16: for (int i = 0; i < 8; i++) B.w[i] &= A.w[i]; sp--; break;
        case 0x17: for (int i = 0; i < 8; i++) B.w[i] |= A.w[i]; sp--; break;
        case 0x18: for (int i = 0; i < 8; i++) B.w[i] ^= A.w[i]; sp--; break;
        case 0x19: for (int i = 0; i < 8; i++) A.w[i] = ~A.w[i]; break;
        case 0x1a: B = evm_byte(&A, &B); sp--; break;
        case 0x1b: B = evm_shl(&A, &B); sp--; break;
        case 0x1c: B = evm_shr(&A, &B); sp--; break;
        case 0x1d: B = evm_sar(&A, &B); sp--; break;
        case 0x20: {
            uint64_t o, l;
            NEED(mem_range(f, &A, &B, &o, &l));
            NEED(charge(f, G_KECCAK_WORD * words(l)));
            uint8_t h[32];
            bg_keccak256(l ? f->buf->memory + o : 0, (size_t)l, h);
            sp--;
            A = bytes_word(h);
            break;
        }
        case 0x30: st[sp++] = address_word(m->recipient); break;
        case 0x31: {
            uint8_t a[20];
            word_address(&A, a);
            evm_account *acc = evm_account_get(w, a);
            if (evm_warm_account(w, acc)) NEED(charge(f, G_COLD_ACCOUNT - G_WARM));
            evm_account_load(w, acc);
            A = acc->balance;
            break;
        }
        case 0x32: st[sp++] = address_word(w->tx->sender); break;
        case 0x33: st[sp++] = address_word(m->caller); break;
        case 0x34: st[sp++] = m->value; break;
        case 0x35: {
            uint8_t b[32];
            copy_padded(b, m->input, m->input_len, &A, 32);
            A = bytes_word(b);
            break;
        }
        case 0x36: st[sp++] = u64_word(m->input_len); break;
        case 0x37:
        case 0x39:
        case 0x3e: {
            uint64_t o, l;
            NEED(mem_range(f, &A, &C, &o, &l));
            NEED(charge(f, G_COPY_WORD * words(l)));
            if (op == 0x3e) {
                uint64_t src, end;
                NEED(evm_fits_u64(&B, &src) && src <= f->ret_len);
                end = src + l;
                NEED(end >= src && end <= f->ret_len);
            }
            if (l) {
                const uint8_t *src = op == 0x37 ? m->input : op == 0x39 ? code : f->ret_data;
                size_t src_len = op == 0x37 ? m->input_len : op == 0x39 ? code_len : f->ret_len;
                copy_padded(f->buf->memory + o, src, src_len, &B, l);
            }
            sp -= 3;
            break;
        }
        case 0x38: st[sp++] = u64_word(code_len); break;
        case 0x3a: st[sp++] = w->gas_price; break;
        case 0x3b:
        case 0x3f: {
            uint8_t a[20];
            word_address(&A, a);
            evm_account *acc = evm_account_get(w, a);
            if (evm_warm_account(w, acc)) NEED(charge(f, G_COLD_ACCOUNT - G_WARM));
            if (op == 0x3b) {
                const uint8_t *c;
                size_t n;
                evm_account_code(w, acc, &c, &n);
                A = u64_word(n);
            } else {
                A = evm_account_empty(w, acc) ? u256_of(0) : bytes_word(acc->code_hash);
            }
            break;
        }
        case 0x3c: {
            uint8_t a[20];
            word_address(&A, a);
            evm_account *acc = evm_account_get(w, a);
            uint64_t o, l;
            NEED(mem_range(f, &B, &st[sp - 4], &o, &l));
            NEED(charge(f, G_COPY_WORD * words(l)));
            if (evm_warm_account(w, acc)) NEED(charge(f, G_COLD_ACCOUNT - G_WARM));
            const uint8_t *c;
            size_t n;
            evm_account_code(w, acc, &c, &n);
            if (l) copy_padded(f->buf->memory + o, c, n, &C, l);
            sp -= 4;
            break;
        }
        case 0x3d: st[sp++] = u64_word(f->ret_len); break;
        case 0x40: {
            uint64_t n;
            if (evm_fits_u64(&A, &n) && n < w->env.number && n + 256 >= w->env.number) {
                uint8_t h[32];
                w->backend->block_hash(w->backend->ctx, n, h);
                A = bytes_word(h);
            } else {
                A = u256_of(0);
            }
            break;
        }
        case 0x41: st[sp++] = address_word(w->env.coinbase); break;
        case 0x42: st[sp++] = u64_word(w->env.timestamp); break;
        case 0x43: st[sp++] = u64_word(w->env.number); break;
        case 0x44: st[sp++] = bytes_word(w->env.prev_randao); break;
        case 0x45: st[sp++] = u64_word(w->env.gas_limit); break;
        case 0x46: st[sp++] = u64_word(w->env.chain_id); break;
        case 0x47: evm_account_load(w, self); st[sp++] = self->balance; break;
        case 0x48: st[sp++] = w->env.base_fee; break;
        case 0x49: {
            uint64_t i;
            if (evm_fits_u64(&A, &i) && i < w->tx->blob_count) A = bytes_word(w->tx->blob_hashes + 32 * i);
            else A = u256_of(0);
            break;
        }
        case 0x4a: st[sp++] = w->env.blob_base_fee; break;
        case 0x50: sp--; break;
        case 0x51: {
            uint64_t o, l;
            u256 n32 = u256_of(32);
            NEED(mem_range(f, &A, &n32, &o, &l));
            A = bytes_word(f->buf->memory + o);
            break;
        }
        case 0x52: {
            uint64_t o, l;
            u256 n32 = u256_of(32);
            NEED(mem_range(f, &A, &n32, &o, &l));
            u256_to_be(&B, f->buf->memory + o);
            sp -= 2;
            break;
        }
        case 0x53: {
            uint64_t o, l;
            u256 n1 = u256_of(1);
            NEED(mem_range(f, &A, &n1, &o, &l));
            f->buf->memory[o] = (uint8_t)B.w[0];
            sp -= 2;
            break;
        }
        case 0x54: {
            evm_slot *slot = evm_slot_get(w, self, &A, true);
            NEED(charge(f, evm_warm_slot(w, slot, self) ? G_COLD_SLOAD : G_WARM));
            A = slot->current;
            break;
        }
        case 0x55: {
            NEED(!m->is_static);
            NEED(f->gas > G_SSTORE_SENTRY);
            evm_slot *slot = evm_slot_get(w, self, &A, true);
            uint64_t cost = evm_warm_slot(w, slot, self) ? G_COLD_SLOAD : 0;
            cost += sstore_cost(w, slot, &B);
            NEED(charge(f, cost));
            if (u256_compare(&slot->current, &B) != 0) evm_set_storage(w, self, slot, &B);
            sp -= 2;
            break;
        }
        case 0x56: {
            uint64_t d;
            NEED(evm_fits_u64(&A, &d) && d < code_len && (jumpdests[d >> 3] >> (d & 7) & 1));
            pc = (size_t)d;
            sp--;
            break;
        }
        case 0x57: {
            if (!u256_is_zero(&B)) {
                uint64_t d;
                NEED(evm_fits_u64(&A, &d) && d < code_len && (jumpdests[d >> 3] >> (d & 7) & 1));
                pc = (size_t)d;
            }
            sp -= 2;
            break;
        }
        case 0x58: st[sp++] = u64_word(pc - 1); break;
        case 0x59: st[sp++] = u64_word(f->mem_len); break;
        case 0x5a: st[sp++] = u64_word((uint64_t)f->gas); break;
        case 0x5b: break;
        case 0x5c: A = evm_tload(w, m->recipient, &A); break;
        case 0x5d:
            NEED(!m->is_static);
            evm_tstore(w, m->recipient, &A, &B);
            sp -= 2;
            break;
        case 0x5e: {
            uint64_t dst, src, l;
            NEED(mem_range(f, &A, &C, &dst, &l));
            NEED(mem_range(f, &B, &C, &src, &l));
            NEED(charge(f, G_COPY_WORD * words(l)));
            if (l) memmove(f->buf->memory + dst, f->buf->memory + src, (size_t)l);
            sp -= 3;
            break;
        }
        case 0x5f: st[sp++] = u256_of(0); break;
        case 0x60: case 0x61: case 0x62: case 0x63: case 0x64: case 0x65: case 0x66: case 0x67:
        case 0x68: case 0x69: case 0x6a: case 0x6b: case 0x6c: case 0x6d: case 0x6e: case 0x6f:
        case 0x70: case 0x71: case 0x72: case 0x73: case 0x74: case 0x75: case 0x76: case 0x77:
        case 0x78: case 0x79: case 0x7a: case 0x7b: case 0x7c: case 0x7d: case 0x7e: case 0x7f: {
            unsigned n = op - 0x5f;
            uint8_t b[32] = {0};
            size_t avail = pc < code_len ? code_len - pc : 0;
            memcpy(b + 32 - n, code + pc, avail < n ? avail : n);
            if (avail < n) memset(b + 32 - n + avail, 0, n - avail);
            st[sp++] = bytes_word(b);
            pc += n;
            break;
        }
        case 0x80: case 0x81: case 0x82: case 0x83: case 0x84: case 0x85: case 0x86: case 0x87:
        case 0x88: case 0x89: case 0x8a: case 0x8b: case 0x8c: case 0x8d: case 0x8e: case 0x8f:
            st[sp] = st[sp - 1 - (op - 0x80)];
            sp++;
            break;
        case 0x90: case 0x91: case 0x92: case 0x93: case 0x94: case 0x95: case 0x96: case 0x97:
        case 0x98: case 0x99: case 0x9a: case 0x9b: case 0x9c: case 0x9d: case 0x9e: case 0x9f: {
            u256 t = A;
            A = st[sp - 2 - (op - 0x90)];
            st[sp - 2 - (op - 0x90)] = t;
            break;
        }
        case 0xa0: case 0xa1: case 0xa2: case 0xa3: case 0xa4: {
            NEED(!m->is_static);
            unsigned n = op - 0xa0;
            uint64_t o, l;
            NEED(mem_range(f, &A, &B, &o, &l));
            NEED(charge(f, (uint64_t)G_LOG_TOPIC * n + G_LOG_BYTE * l));
            u256 topics[4];
            for (unsigned i = 0; i < n; i++) topics[i] = st[sp - 3 - i];
            push_log(w, m->recipient, topics, n, f->buf->memory + o, (size_t)l);
            sp -= 2 + n;
            break;
        }
        case 0xf0:
        case 0xf5:
            NEED(op_create(f, st, &sp, op));
            break;
        case 0xf1:
        case 0xf2:
        case 0xf4:
        case 0xfa:
            NEED(op_call(f, st, &sp, op));
            break;
        case 0xf3:
        case 0xfd: {
            uint64_t o, l;
            NEED(mem_range(f, &A, &B, &o, &l));
            w->stats.instructions += steps;
            return halt(f, op == 0xf3, op == 0xfd, l ? f->buf->memory + o : 0, (size_t)l);
        }
        case 0xff: {
            NEED(!m->is_static);
            uint8_t a[20];
            word_address(&A, a);
            evm_account *ben = evm_account_get(w, a);
            uint64_t cost = evm_warm_account(w, ben) ? G_COLD_ACCOUNT : 0;
            evm_account_load(w, self);
            if (!u256_is_zero(&self->balance) && evm_account_empty(w, ben)) cost += G_NEW_ACCOUNT;
            NEED(charge(f, cost));
            u256 balance = self->balance, zero = u256_of(0);
            evm_set_balance(w, self, &zero);
            evm_add_balance(w, ben, &balance);
            if (self->created) evm_mark_destructed(w, self);
            goto stop;
        }
        default:
            FAIL();
        }
    }
stop:
    w->stats.instructions += steps;
    return halt(f, true, false, 0, 0);
fail:
    w->stats.instructions += steps;
    return halt(f, false, false, 0, 0);
#undef A
#undef B
#undef C
}

void evm_create_address(const uint8_t sender[20], uint64_t nonce, uint8_t out[20]) {
    uint8_t buf[32];
    size_t n = 1;
    buf[n++] = 0x94;
    memcpy(buf + n, sender, 20);
    n += 20;
    if (nonce == 0) {
        buf[n++] = 0x80;
    } else if (nonce < 0x80) {
        buf[n++] = (uint8_t)nonce;
    } else {
        int len = 0;
        for (uint64_t v = nonce; v; v >>= 8) len++;
        buf[n++] = (uint8_t)(0x80 + len);
        for (int i = len - 1; i >= 0; i--) buf[n++] = (uint8_t)(nonce >> (8 * i));
    }
    buf[0] = (uint8_t)(0xc0 + n - 1);
    uint8_t h[32];
    bg_keccak256(buf, n, h);
    memcpy(out, h + 12, 20);
}

void evm_create2_address(const uint8_t sender[20], const u256 *salt, const uint8_t *initcode, size_t len,
                         uint8_t out[20]) {
    uint8_t buf[85], h[32];
    buf[0] = 0xff;
    memcpy(buf + 1, sender, 20);
    u256_to_be(salt, buf + 21);
    bg_keccak256(initcode, len, buf + 53);
    bg_keccak256(buf, 85, h);
    memcpy(out, h + 12, 20);
}

static bool has_storage(evm_world *w, evm_account *a) {
    if (a->backend_storage) return true;
    for (uint32_t j = 0; a->slots.table && j <= a->slots.mask; j++) {
        evm_slot *s = a->slots.table[j];
        if (s != 0 && s->loaded && !u256_is_zero(&s->current)) return true;
    }
    (void)w;
    return false;
}

static evm_result create(evm_world *w, const evm_message *m) {
    evm_result r = {0};
    r.gas_left = m->gas;
    evm_account *caller = evm_account_get(w, m->caller);
    evm_account_load(w, caller);
    if (m->depth > EVM_MAX_DEPTH || u256_compare(&caller->balance, &m->value) < 0) return r;
    if (caller->nonce == UINT64_MAX) return r;
    uint8_t address[20];
    if (m->kind == EVM_CREATE2) evm_create2_address(m->caller, &m->salt, m->input, m->input_len, address);
    else evm_create_address(m->caller, caller->nonce, address);
    evm_set_nonce(w, caller, caller->nonce + 1);
    evm_account *a = evm_account_get(w, address);
    evm_warm_account(w, a);
    evm_account_load(w, a);
    if (a->nonce != 0 || memcmp(a->code_hash, EVM_EMPTY_CODE_HASH, 32) != 0 || has_storage(w, a)) {
        r.gas_left = 0; /* address collision: all gas is consumed */
        return r;
    }
    size_t snap = evm_snapshot(w);
    evm_mark_created(w, a);
    evm_set_nonce(w, a, 1);
    evm_transfer(w, caller, a, &m->value);
    evm_message child = *m;
    memcpy(child.recipient, address, 20);
    memcpy(child.code_address, address, 20);
    child.input = 0; /* initcode runs with empty calldata */
    child.input_len = 0;
    const uint8_t *jd = m->input_len ? jumpdest_map(m->input, m->input_len) : 0;
    evm_result x = m->input_len ? run(w, &child, m->input, m->input_len, jd) : (evm_result){.success = true, .gas_left = m->gas};
    if (x.success) {
        uint64_t deposit = (uint64_t)G_CODE_DEPOSIT * x.output_len;
        if (x.output_len > EVM_MAX_CODE_SIZE || (x.output_len > 0 && x.output[0] == 0xef) ||
            (uint64_t)x.gas_left < deposit) {
            x.success = false;
            x.gas_left = 0;
        } else {
            x.gas_left -= (int64_t)deposit;
            uint8_t *code = evm_alloc(x.output_len + 1);
            if (x.output_len) memcpy(code, x.output, x.output_len);
            evm_set_code(w, a, code, x.output_len);
            memcpy(x.created, address, 20);
            x.output = 0;
            x.output_len = 0;
            return x;
        }
    }
    evm_revert(w, snap);
    if (!x.reverted) {
        x.output = 0;
        x.output_len = 0;
    }
    return x;
}

evm_result evm_execute(evm_world *w, const evm_message *m) {
    if (m->kind == EVM_CREATE || m->kind == EVM_CREATE2) return create(w, m);
    evm_result r = {0};
    r.gas_left = m->gas;
    if (m->depth > EVM_MAX_DEPTH) return r;
    evm_account *to = evm_account_get(w, m->recipient);
    if (m->kind == EVM_CALL || m->kind == EVM_CALLCODE) {
        evm_account *from = evm_account_get(w, m->caller);
        evm_account_load(w, from);
        if (u256_compare(&from->balance, &m->value) < 0) return r;
    }
    size_t snap = evm_snapshot(w);
    if (m->kind == EVM_CALL) {
        if (u256_is_zero(&m->value)) evm_touch(w, to);
        else evm_transfer(w, evm_account_get(w, m->caller), to, &m->value);
    } else if (m->kind == EVM_STATICCALL) {
        evm_touch(w, to);
    }
    if (evm_is_precompile(m->code_address)) {
        evm_depth_buffers *buf = depth_buffers(w, m->depth);
        int64_t gas = m->gas;
        const uint8_t *out = 0;
        size_t out_len = 0;
        if (evm_precompile_run(w, m->code_address, m->input, m->input_len, &gas, buf, &out, &out_len)) {
            r.success = true;
            r.gas_left = gas;
            r.output = out;
            r.output_len = out_len;
        } else {
            evm_revert(w, snap);
            r.gas_left = 0;
        }
        return r;
    }
    evm_account *code_acc = evm_account_get(w, m->code_address);
    const uint8_t *code;
    size_t len;
    evm_account_code(w, code_acc, &code, &len);
    if (len == 0) {
        r.success = true;
        return r;
    }
    if (code_acc->jumpdests == 0) code_acc->jumpdests = jumpdest_map(code, len);
    r = run(w, m, code, len, code_acc->jumpdests);
    if (!r.success) evm_revert(w, snap);
    return r;
}
