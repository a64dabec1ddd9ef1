/* A minimal test harness for the host build: named checks, failure counting, and running a
 * function in a child process to assert that it is rejected with a given message. */
#ifndef BG_CHECK_H
#define BG_CHECK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

extern int check_failures;
extern int check_count;

#define CHECK(cond, ...)                                          \
    do {                                                          \
        check_count++;                                            \
        if (!(cond)) {                                            \
            check_failures++;                                     \
            check_report(__FILE__, __LINE__, #cond, __VA_ARGS__); \
        }                                                         \
    } while (0)

void check_report(const char *file, int line, const char *cond, const char *fmt, ...);
void hex_to_bytes(const char *hex, uint8_t *out, size_t n);
size_t hex_len(const char *hex);
/* Runs fn(arg) in a child; passes when it exits with exit_code and its stderr contains needle. */
bool check_rejects(void (*fn)(void *), void *arg, int exit_code, const char *needle);

void test_keccak(void);
void test_rlp(void);
void test_secp(void);
void test_mpt(void);
void test_block(void);

#endif
