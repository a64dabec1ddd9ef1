/* Host implementation of the guest syscalls, for the native test build. */
#include <stdlib.h>
#include <unistd.h>

#include "../sys.h"

long bg_sys_read(int fd, void *buf, size_t len) { return (long)read(fd, buf, len); }

long bg_sys_write(int fd, const void *buf, size_t len) { return (long)write(fd, buf, len); }

_Noreturn void bg_sys_exit(int code) { _exit(code); }

void bg_sys_phase(uint32_t phase) { (void)phase; }

/* No precompiles on the host: the modules take their software paths, and these are never called. */
uint32_t bg_sys_accel(void) { return 0; }

void bg_sys_keccak_f(uint64_t lanes[25]) { (void)lanes; abort(); }

void bg_sys_mulmod(uint32_t a[8], const uint32_t b[8], const uint32_t m[8]) {
    (void)a, (void)b, (void)m;
    abort();
}

int bg_sys_secp_add(uint32_t *p, const uint32_t *q) {
    (void)p, (void)q;
    abort();
}

int bg_sys_secp_double(uint32_t *p) {
    (void)p;
    abort();
}

int bg_sys_invmod_hint(uint32_t out[8], const uint32_t a[8], const uint32_t m[8]) {
    (void)out, (void)a, (void)m;
    abort();
}

int bg_sys_sqrt_hint(uint32_t out[8], const uint32_t a[8]) {
    (void)out, (void)a;
    abort();
}

/* No state oracle on the host (as under qemu): an input of version 3 is refused. */
long bg_sys_oracle_get(uint32_t kind, const uint8_t hash[32], void *buf, size_t cap) {
    (void)kind, (void)hash, (void)buf, (void)cap;
    return -38;
}

long bg_sys_oracle_put(uint32_t kind, const void *data, size_t len) {
    (void)kind, (void)data, (void)len;
    return -38;
}
