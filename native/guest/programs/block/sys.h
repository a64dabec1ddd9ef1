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
 * (io.l2prover.proving.BlockGuestPhases) names them. */
enum {
    BG_PHASE_NONE = 0,            /* after validation: the journal and the exit */
    BG_PHASE_DECODE = 1,          /* input, headers, body, transactions and withdrawals roots */
    BG_PHASE_SENDER_RECOVERY = 2, /* the batch of signature recoveries */
    BG_PHASE_STATE_UPDATE = 3,    /* transactions and withdrawals applied over the witness */
    BG_PHASE_ROOTS = 4,           /* gas, bloom, receipts root, state write-back and root */
};
/* Marks the start of a phase (the zkVM records the cycle count; elsewhere it does nothing). */
void bg_sys_phase(uint32_t phase);

#endif
