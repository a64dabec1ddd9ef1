/* Platform interface of the block guest: the three Linux-numbered syscalls of the guest ABI
 * (DESIGN §4) and the zkVM's phase marker. The guest build maps them to ecalls, the host test
 * build to POSIX calls (and the marker to nothing). */
#ifndef BG_SYS_H
#define BG_SYS_H

#include <stddef.h>
#include <stdint.h>

/* Reads up to len bytes from fd; returns the count (0 at end of stream) or a negative error. */
long bg_sys_read(int fd, void *buf, size_t len);
/* Writes len bytes to fd; returns the count written or a negative error. */
long bg_sys_write(int fd, const void *buf, size_t len);
/* Ends the program with the given exit code. */
_Noreturn void bg_sys_exit(int code);

/* Phase numbers for the zkVM's per-phase cycle accounting (docs/block-guest.md); the Java side
 * (io.l2prover.guest.BlockGuestPhases) names them. */
enum {
    BG_PHASE_NONE = 0,            /* after validation: the journal and the exit */
    BG_PHASE_DECODE = 1,          /* input, headers, body, transactions and withdrawals roots */
    BG_PHASE_SENDER_RECOVERY = 2, /* the batch of signature recoveries */
    BG_PHASE_STATE_UPDATE = 3,    /* transactions and withdrawals applied over the witness */
    BG_PHASE_ROOTS = 4,           /* gas, bloom, receipts root, state write-back and root */
};
/* Marks the start of a phase (the zkVM records the cycle count; elsewhere it does nothing). */
void bg_sys_phase(uint32_t phase);

/* The zkVM's precompiles (docs/executor.md). bg_sys_accel() tells which groups this platform
 * has, probed once: none under qemu-riscv32, with the executor's precompiles off, or in the host
 * build, where the modules run their software paths. Call the others only when it says so. */
enum {
    BG_ACCEL_KECCAK = 1, /* bg_sys_keccak_f */
    BG_ACCEL_SECP = 2,   /* the 256-bit and secp256k1 calls below */
};
uint32_t bg_sys_accel(void);
/* Keccak-f[1600] in place. */
void bg_sys_keccak_f(uint64_t lanes[25]);
/* Numbers are 8 little-endian 32-bit limbs, points 16 words: x then y (each below p). */
void bg_sys_mulmod(uint32_t a[8], const uint32_t b[8], const uint32_t m[8]); /* a = a*b mod m */
int bg_sys_secp_add(uint32_t *p, const uint32_t *q); /* P += Q; 1, P unchanged, if x(P) = x(Q) */
int bg_sys_secp_double(uint32_t *p);                 /* P = 2P; 1, P unchanged, if y(P) = 0 */
/* Hints, unverified: out = a^-1 mod m (1: none); out^2 = a (0) or -a (1) mod p. */
int bg_sys_invmod_hint(uint32_t out[8], const uint32_t a[8], const uint32_t m[8]);
int bg_sys_sqrt_hint(uint32_t out[8], const uint32_t a[8]);

/* The state oracle of a witness-recording run (input version 3; L2VM_SYS_ORACLE_* in l2vm.h).
 * get: copies the node or code whose keccak-256 is hash into buf when it fits cap and returns its
 * length; -2 when the host does not know it, -38 (ENOSYS) when there is no oracle (qemu, the host
 * build, an executor without one). put: hands the host a node, a code or the block's result. */
enum { BG_ORACLE_NODE = 0, BG_ORACLE_CODE = 1, BG_ORACLE_RESULT = 2 };
long bg_sys_oracle_get(uint32_t kind, const uint8_t hash[32], void *buf, size_t cap);
long bg_sys_oracle_put(uint32_t kind, const void *data, size_t len);

#endif
