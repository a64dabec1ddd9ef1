/* Host implementation of the guest syscalls, for the native test build. */
#include <stdlib.h>
#include <unistd.h>

#include "../sys.h"

long bg_sys_read(int fd, void *buf, size_t len) { return (long)read(fd, buf, len); }

long bg_sys_write(int fd, const void *buf, size_t len) { return (long)write(fd, buf, len); }

_Noreturn void bg_sys_exit(int code) { _exit(code); }

void bg_sys_phase(uint32_t phase) { (void)phase; }
