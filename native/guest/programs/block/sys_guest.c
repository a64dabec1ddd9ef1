/* The guest build's syscalls: the runtime's ecall wrappers (DESIGN §4). */
#include "l2vm.h"
#include "sys.h"

long bg_sys_read(int fd, void *buf, size_t len) { return l2vm_read(fd, buf, len); }

long bg_sys_write(int fd, const void *buf, size_t len) { return l2vm_write(fd, buf, len); }

_Noreturn void bg_sys_exit(int code) { l2vm_exit(code); }

void bg_sys_phase(uint32_t phase) { l2vm_phase(phase); }

uint32_t bg_sys_accel(void) {
    static const uint32_t SECP = L2VM_PRECOMPILE(L2VM_SYS_MULMOD256) | L2VM_PRECOMPILE(L2VM_SYS_SECP256K1_ADD) |
                                 L2VM_PRECOMPILE(L2VM_SYS_SECP256K1_DOUBLE) |
                                 L2VM_PRECOMPILE(L2VM_SYS_INVMOD256_HINT) |
                                 L2VM_PRECOMPILE(L2VM_SYS_SECP256K1_SQRT_HINT);
    return (l2vm_has_precompiles(L2VM_PRECOMPILE(L2VM_SYS_KECCAK_F)) ? BG_ACCEL_KECCAK : 0) |
           (l2vm_has_precompiles(SECP) ? BG_ACCEL_SECP : 0);
}

void bg_sys_keccak_f(uint64_t lanes[25]) { l2vm_keccak_f(lanes); }

void bg_sys_mulmod(uint32_t a[8], const uint32_t b[8], const uint32_t m[8]) { l2vm_mulmod256(a, b, m); }

int bg_sys_secp_add(uint32_t *p, const uint32_t *q) { return (int)l2vm_secp256k1_add(p, q); }

int bg_sys_secp_double(uint32_t *p) { return (int)l2vm_secp256k1_double(p); }

int bg_sys_invmod_hint(uint32_t out[8], const uint32_t a[8], const uint32_t m[8]) {
    return (int)l2vm_invmod256_hint(out, a, m);
}

int bg_sys_sqrt_hint(uint32_t out[8], const uint32_t a[8]) { return (int)l2vm_secp256k1_sqrt_hint(out, a); }

long bg_sys_oracle_get(uint32_t kind, const uint8_t hash[32], void *buf, size_t cap) {
    long number = kind == BG_ORACLE_CODE ? L2VM_SYS_ORACLE_CODE : L2VM_SYS_ORACLE_NODE;
    return l2vm_ecall3(number, (long)hash, (long)buf, (long)cap);
}

long bg_sys_oracle_put(uint32_t kind, const void *data, size_t len) {
    return l2vm_ecall3(L2VM_SYS_ORACLE_PUT, (long)kind, (long)data, (long)len);
}
