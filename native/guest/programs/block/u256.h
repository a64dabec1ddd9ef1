/* Unsigned 256-bit integers for balances and fees (EVM words), on eight 32-bit limbs. */
#ifndef BG_U256_H
#define BG_U256_H

#include <stdbool.h>
#include <stdint.h>

typedef struct { uint32_t w[8]; } u256; /* little-endian limbs */

u256 u256_of(uint64_t v);
u256 u256_from_be(const uint8_t b[32]);
void u256_to_be(const u256 *a, uint8_t b[32]);
bool u256_is_zero(const u256 *a);
int u256_compare(const u256 *a, const u256 *b);
/* These return true on overflow (carry out, borrow, product >= 2^256). */
bool u256_add(u256 *r, const u256 *a, const u256 *b);
bool u256_sub(u256 *r, const u256 *a, const u256 *b);
bool u256_mul(u256 *r, const u256 *a, const u256 *b);
/* r = a / d (d > 0), rounding down. */
u256 u256_div(const u256 *a, const u256 *d);
/* The value if it fits 64 bits; *fits tells. */
uint64_t u256_low64(const u256 *a, bool *fits);

#endif
