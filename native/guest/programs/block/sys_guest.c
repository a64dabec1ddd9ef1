/* The guest build's syscalls: the runtime's ecall wrappers (DESIGN §4). */
#include "l2vm.h"
#include "sys.h"

long bg_sys_read(int fd, void *buf, size_t len) { return l2vm_read(fd, buf, len); }

long bg_sys_write(int fd, const void *buf, size_t len) { return l2vm_write(fd, buf, len); }

_Noreturn void bg_sys_exit(int code) { l2vm_exit(code); }

void bg_sys_phase(uint32_t phase) { l2vm_phase(phase); }
