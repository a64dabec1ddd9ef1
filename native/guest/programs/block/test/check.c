#include "check.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int check_failures;
int check_count;

void check_report(const char *file, int line, const char *cond, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "FAIL %s:%d (%s): ", file, line, cond);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

size_t hex_len(const char *hex) {
    if (hex[0] == '0' && hex[1] == 'x') hex += 2;
    return strlen(hex) / 2;
}

void hex_to_bytes(const char *hex, uint8_t *out, size_t n) {
    if (hex[0] == '0' && hex[1] == 'x') hex += 2;
    for (size_t i = 0; i < n; i++) {
        unsigned v;
        sscanf(hex + 2 * i, "%2x", &v);
        out[i] = (uint8_t)v;
    }
}

bool check_rejects(void (*fn)(void *), void *arg, int exit_code, const char *needle) {
    int fds[2];
    if (pipe(fds) != 0) return false;
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        dup2(fds[1], 2);
        fn(arg);
        _exit(0);
    }
    close(fds[1]);
    char buf[1024];
    size_t n = 0;
    ssize_t got;
    while ((got = read(fds[0], buf + n, sizeof buf - 1 - n)) > 0) n += (size_t)got;
    buf[n] = 0;
    close(fds[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    bool ok = WIFEXITED(status) && WEXITSTATUS(status) == exit_code && strstr(buf, needle) != NULL;
    if (!ok) fprintf(stderr, "  expected exit %d with \"%s\", got status %d and: %s", exit_code, needle, status, buf);
    return ok;
}

int main(void) {
    test_keccak();
    test_rlp();
    test_secp();
    test_mpt();
    test_block();
    printf("%d checks, %d failed\n", check_count, check_failures);
    return check_failures == 0 ? 0 : 1;
}
