/* Guest runtime of the l2-prover zkVM: system calls, input/journal helpers and the few libc
 * pieces guests need. The ABI is Linux's RISC-V one (read 63, write 64, exit 93), so every
 * guest also runs unchanged under qemu-riscv32:
 *   fd 0  private input (read)        fd 1, 2  host stdout / stderr (write)
 *   fd 3  journal, the public output (write)
 * zkVM-only calls (precompiles, host hints) use numbers >= 0x1000; qemu answers -ENOSYS to them.
 */
#ifndef L2VM_H
#define L2VM_H

#include <stddef.h>
#include <stdint.h>

#define L2VM_FD_INPUT   0
#define L2VM_FD_STDOUT  1
#define L2VM_FD_STDERR  2
#define L2VM_FD_JOURNAL 3

#define L2VM_SYS_READ   63
#define L2VM_SYS_WRITE  64
#define L2VM_SYS_EXIT   93
#define L2VM_SYS_PHASE  0x1000 /* zkVM only: cycle accounting marker */

/* Exit code of l2vm_panic, so a failed guest is told apart from one that returned an error. */
#define L2VM_PANIC_EXIT 101

#ifdef __cplusplus
extern "C" {
#endif

/* Raw system calls. */
long l2vm_syscall3(long n, long a0, long a1, long a2);
long l2vm_read(int fd, void *buf, size_t len);
long l2vm_write(int fd, const void *buf, size_t len);
_Noreturn void l2vm_exit(int code);
/* Marks the start of the guest's phase `id` (its own numbering): the zkVM records (id, cycles
 * retired so far) for per-phase cycle accounting. Does nothing else; under qemu the call fails
 * with -ENOSYS, which is ignored, so the guest runs unchanged there. Costs a few cycles. */
void l2vm_phase(uint32_t id);

/* Input (fd 0). */
/* Reads up to len bytes; returns how many were read (fewer only at the end of the input). */
size_t l2vm_read_input(void *buf, size_t len);
/* Reads exactly len bytes or panics. */
void l2vm_read_input_exact(void *buf, size_t len);
/* Reads the whole remaining input into a malloc'd buffer; stores its length in *len. */
uint8_t *l2vm_read_input_all(size_t *len);
/* Reads a little-endian u32 / u64 (exactly 4 / 8 bytes) or panics. */
uint32_t l2vm_read_u32(void);
uint64_t l2vm_read_u64(void);

/* Journal (fd 3): the public output that receipts commit to. */
void l2vm_commit(const void *buf, size_t len);
void l2vm_commit_u32(uint32_t v); /* little-endian */
void l2vm_commit_u64(uint64_t v); /* little-endian */

/* Host output. */
void l2vm_print(const char *s);          /* fd 1 */
void l2vm_eprint(const char *s);         /* fd 2 */
/* printf subset: %d %i %u %x %X %c %s %p %%, the l and ll modifiers, a width, the 0 and - flags. */
int l2vm_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int l2vm_eprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int l2vm_snprintf(char *out, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Prints "panic: <message>" on stderr and exits with L2VM_PANIC_EXIT. */
_Noreturn void l2vm_panic(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#define L2VM_ASSERT(cond) \
  do { if (!(cond)) l2vm_panic("%s:%d: assertion failed: %s", __FILE__, __LINE__, #cond); } while (0)

/* Memory: a bump allocator over the linker script's heap region. free() is a no-op (a guest runs
 * once and exits; a proven cycle spent on bookkeeping is a wasted cycle). Out of memory panics. */
void *malloc(size_t size);
void *calloc(size_t count, size_t size);
void *realloc(void *ptr, size_t size);
void free(void *ptr);
size_t l2vm_heap_used(void);

/* string.h pieces (clang also emits calls to memcpy/memset/memmove for struct copies). */
void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);

/* stdlib.h pieces. */
void qsort(void *base, size_t count, size_t size, int (*cmp)(const void *, const void *));

#ifdef __cplusplus
}
#endif

#endif
