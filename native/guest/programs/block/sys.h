/* Platform interface of the block guest: the three Linux-numbered syscalls of the guest ABI
 * (DESIGN §4). The guest build maps them to ecalls, the host test build to POSIX calls. */
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

#endif
