/* Shared helpers of the block guest: the rejection path, allocation, byte helpers. */
#ifndef BG_UTIL_H
#define BG_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Exit codes: 1 = the block (or its input) is invalid, 2 = valid input outside the supported
 * scope ("unsupported: ..."), 3 = the guest ran out of memory. */
enum { BG_EXIT_INVALID = 1, BG_EXIT_UNSUPPORTED = 2, BG_EXIT_NO_MEMORY = 3 };

/* Writes "block guest: <message>\n" to fd 2 and exits with code. Formats %s (C string),
 * %u (unsigned), %lu (uint64_t), %x (32 bytes as 0x-hex: pass a const uint8_t *). */
_Noreturn void bg_fail_code(int code, const char *fmt, ...);
#define bg_fail(...) bg_fail_code(BG_EXIT_INVALID, __VA_ARGS__)
#define bg_unsupported(...) bg_fail_code(BG_EXIT_UNSUPPORTED, __VA_ARGS__)

/* Formats like bg_fail into out (always NUL-terminated); returns the length. */
size_t bg_format(char *out, size_t cap, const char *fmt, va_list ap);

/* Allocation that never fails (running out of memory ends the run) and is never freed: a
 * guest run is short-lived and the runtime's allocator is a bump allocator. */
void *bg_alloc(size_t size);
/* Zeroed bg_alloc. */
void *bg_calloc(size_t size);
/* Bytes allocated so far (for the memory figures in the docs). */
size_t bg_allocated(void);

void bg_copy(void *dst, const void *src, size_t n);
void bg_zero(void *dst, size_t n);
bool bg_equal(const void *a, const void *b, size_t n);

/* Little-endian loads and stores (input stream and journal). */
uint32_t bg_le32(const uint8_t *p);
uint64_t bg_le64(const uint8_t *p);
void bg_put_le32(uint8_t *p, uint32_t v);
void bg_put_le64(uint8_t *p, uint64_t v);

#endif
