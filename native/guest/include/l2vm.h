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

/* zkVM-only precompiles (docs/executor.md has their exact semantics and cycle costs). Operands
 * are 4-byte aligned; a 256-bit number is 8 little-endian 32-bit words (least significant
 * first), a secp256k1 point its x then its y (16 words, each coordinate below p). */
#define L2VM_SYS_PRECOMPILES      0x1001 /* probe: bit mask of the calls below (bit n - 0x1000) */
#define L2VM_SYS_KECCAK_F         0x1002 /* Keccak-f[1600] in place on 25 lanes (200 bytes) */
#define L2VM_SYS_MULMOD256        0x1003 /* a = a * b mod m (m != 0) */
#define L2VM_SYS_SECP256K1_ADD    0x1004 /* P = P + Q; 1 (nothing written) when x(P) = x(Q) */
#define L2VM_SYS_SECP256K1_DOUBLE 0x1005 /* P = 2P; 1 (nothing written) when y(P) = 0 */
#define L2VM_SYS_INVMOD256_HINT   0x1006 /* hint: out = a^-1 mod m; 1 when there is none */
#define L2VM_SYS_SECP256K1_SQRT_HINT 0x1007 /* hint: out^2 = a (0) or out^2 = -a (1) mod p */

/* Host-only calls of a witness-recording run (the block guest's input version 3, docs/guest-input.md):
 * the executor answers them from the server's state only when it runs with a state oracle, and
 * refuses them in a traced (proven) run; without an oracle, and under qemu, they answer -ENOSYS.
 * A proven run never makes them: its input carries the witness the recording run collected. */
#define L2VM_SYS_ORACLE_NODE 0x1100 /* a0 = 32-byte keccak hash, a1 = buffer, a2 = its size:
                                       copies the trie node when it fits; returns its length, -2 if unknown */
#define L2VM_SYS_ORACLE_CODE 0x1101 /* the same for a contract code */
#define L2VM_SYS_ORACLE_PUT  0x1102 /* a0 = kind (0 node, 1 code, 2 block result), a1 = data, a2 = length:
                                       hands the host what the block produced; returns 0 */

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

/* The precompiles the machine offers, as L2VM_PRECOMPILE(call) bits: probed with one call the
 * first time, then remembered. 0 under qemu-riscv32 (it answers -ENOSYS) and in the executor
 * with precompiles off: the guest then takes its software path, so one ELF runs everywhere. */
uint32_t l2vm_precompiles(void);
#define L2VM_PRECOMPILE(call) (1u << ((call) - 0x1000))
/* True when every call in the mask `bits` (L2VM_PRECOMPILE values or-ed together) is available. */
static inline int l2vm_has_precompiles(uint32_t bits) { return (l2vm_precompiles() & bits) == bits; }

/* ecall n with a0..a2, inline (l2vm_syscall3 is the same as a function). */
static inline long l2vm_ecall3(long n, long a0, long a1, long a2) {
  register long r_a0 __asm__("a0") = a0;
  register long r_a1 __asm__("a1") = a1;
  register long r_a2 __asm__("a2") = a2;
  register long r_a7 __asm__("a7") = n;
  __asm__ volatile("ecall" : "+r"(r_a0) : "r"(r_a1), "r"(r_a2), "r"(r_a7) : "memory");
  return r_a0;
}
/* The precompile calls, inline (they are used in hot loops). Call them only when available. The
 * two hints are the host's unverified answers: check them before use. */
static inline void l2vm_keccak_f(uint64_t lanes[25]) {
  (void)l2vm_ecall3(L2VM_SYS_KECCAK_F, (long)lanes, 0, 0);
}
static inline void l2vm_mulmod256(uint32_t a[8], const uint32_t b[8], const uint32_t m[8]) {
  (void)l2vm_ecall3(L2VM_SYS_MULMOD256, (long)a, (long)b, (long)m);
}
static inline long l2vm_secp256k1_add(uint32_t p[16], const uint32_t q[16]) {
  return l2vm_ecall3(L2VM_SYS_SECP256K1_ADD, (long)p, (long)q, 0);
}
static inline long l2vm_secp256k1_double(uint32_t p[16]) {
  return l2vm_ecall3(L2VM_SYS_SECP256K1_DOUBLE, (long)p, 0, 0);
}
static inline long l2vm_invmod256_hint(uint32_t out[8], const uint32_t a[8], const uint32_t m[8]) {
  return l2vm_ecall3(L2VM_SYS_INVMOD256_HINT, (long)out, (long)a, (long)m);
}
static inline long l2vm_secp256k1_sqrt_hint(uint32_t out[8], const uint32_t a[8]) {
  return l2vm_ecall3(L2VM_SYS_SECP256K1_SQRT_HINT, (long)out, (long)a, 0);
}

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
