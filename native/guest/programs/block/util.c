#include "util.h"
#include "sys.h"

/* From the runtime (guest) or libc (host tests). */
void *malloc(size_t size);
void *memcpy(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);

static size_t allocated;

static size_t append(char *out, size_t cap, size_t at, const char *s, size_t n) {
    for (size_t i = 0; i < n && at + 1 < cap; i++) out[at++] = s[i];
    return at;
}

static size_t append_u64(char *out, size_t cap, size_t at, uint64_t v) {
    char digits[24];
    size_t n = 0;
    do {
        digits[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v != 0);
    while (n > 0 && at + 1 < cap) out[at++] = digits[--n];
    return at;
}

size_t bg_format(char *out, size_t cap, const char *fmt, va_list ap) {
    static const char hex[] = "0123456789abcdef";
    size_t at = 0;
    for (const char *f = fmt; *f; f++) {
        if (*f != '%') {
            at = append(out, cap, at, f, 1);
            continue;
        }
        f++;
        if (*f == 's') {
            const char *s = va_arg(ap, const char *);
            size_t n = 0;
            while (s[n]) n++;
            at = append(out, cap, at, s, n);
        } else if (*f == 'u') {
            at = append_u64(out, cap, at, va_arg(ap, unsigned));
        } else if (*f == 'l' && f[1] == 'u') {
            f++;
            at = append_u64(out, cap, at, va_arg(ap, uint64_t));
        } else if (*f == 'x') {
            const uint8_t *b = va_arg(ap, const uint8_t *);
            at = append(out, cap, at, "0x", 2);
            for (int i = 0; i < 32; i++) {
                at = append(out, cap, at, &hex[b[i] >> 4], 1);
                at = append(out, cap, at, &hex[b[i] & 15], 1);
            }
        } else if (*f == '%') {
            at = append(out, cap, at, "%", 1);
        } else {
            break;
        }
    }
    if (cap > 0) out[at] = 0;
    return at;
}

_Noreturn void bg_fail_code(int code, const char *fmt, ...) {
    char line[512];
    static const char prefix[] = "block guest: ";
    va_list ap;
    va_start(ap, fmt);
    size_t n = bg_format(line, sizeof line - 1, fmt, ap);
    va_end(ap);
    line[n++] = '\n';
    bg_sys_write(2, prefix, sizeof prefix - 1);
    bg_sys_write(2, line, n);
    bg_sys_exit(code);
}

void *bg_alloc(size_t size) {
    void *p = malloc(size ? size : 1);
    if (p == NULL) bg_fail_code(BG_EXIT_NO_MEMORY, "out of memory after %u bytes", (unsigned)allocated);
    allocated += size;
    return p;
}

void *bg_calloc(size_t size) {
    void *p = bg_alloc(size);
    memset(p, 0, size);
    return p;
}

size_t bg_allocated(void) { return allocated; }

void bg_copy(void *dst, const void *src, size_t n) {
    if (n) memcpy(dst, src, n);
}

void bg_zero(void *dst, size_t n) {
    if (n) memset(dst, 0, n);
}

bool bg_equal(const void *a, const void *b, size_t n) {
    const uint8_t *x = a, *y = b;
    uint8_t diff = 0;
    for (size_t i = 0; i < n; i++) diff |= (uint8_t)(x[i] ^ y[i]);
    return diff == 0;
}

uint32_t bg_le32(const uint8_t *p) {
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

uint64_t bg_le64(const uint8_t *p) { return (uint64_t)bg_le32(p) | (uint64_t)bg_le32(p + 4) << 32; }

void bg_put_le32(uint8_t *p, uint32_t v) {
    for (int i = 0; i < 4; i++) p[i] = (uint8_t)(v >> (8 * i));
}

void bg_put_le64(uint8_t *p, uint64_t v) {
    bg_put_le32(p, (uint32_t)v);
    bg_put_le32(p + 4, (uint32_t)(v >> 32));
}
