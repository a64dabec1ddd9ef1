/* EVM word arithmetic on the block guest's u256 (eight 32-bit limbs, little-endian): every
 * operation of the Cancun instruction set, with the EVM's conventions (division by zero gives
 * zero, two's complement for the signed operations, shifts of 256 or more give 0 or -1). */
#ifndef EVM_WORD_H
#define EVM_WORD_H

#include <stdbool.h>
#include <stdint.h>

#include "../u256.h"

u256 evm_add(const u256 *a, const u256 *b);
u256 evm_sub(const u256 *a, const u256 *b);
u256 evm_mul(const u256 *a, const u256 *b);
u256 evm_div(const u256 *a, const u256 *b);
u256 evm_mod(const u256 *a, const u256 *b);
u256 evm_sdiv(const u256 *a, const u256 *b);
u256 evm_smod(const u256 *a, const u256 *b);
u256 evm_addmod(const u256 *a, const u256 *b, const u256 *n);
u256 evm_mulmod(const u256 *a, const u256 *b, const u256 *n);
u256 evm_exp(const u256 *base, const u256 *exponent);
u256 evm_signextend(const u256 *bytes, const u256 *x);
bool evm_slt(const u256 *a, const u256 *b);
u256 evm_byte(const u256 *i, const u256 *x);
u256 evm_shl(const u256 *shift, const u256 *x);
u256 evm_shr(const u256 *shift, const u256 *x);
u256 evm_sar(const u256 *shift, const u256 *x);
u256 evm_neg(const u256 *a);

/* Bytes in the minimal big-endian form of a (0 for zero): EXP's gas. */
unsigned evm_byte_len(const u256 *a);
/* True when a fits 64 bits; *v is then its value. */
bool evm_fits_u64(const u256 *a, uint64_t *v);

/* Remainder of the little-endian number u (m limbs) by v (n limbs, v[n-1] != 0, m >= n), into
 * r (n limbs); the quotient into q (m limbs) unless q is NULL. scratch holds m + n + 1 limbs. */
void evm_divmod_limbs(const uint32_t *u, int m, const uint32_t *v, int n, uint32_t *q, uint32_t *r,
                      uint32_t *scratch);

#endif
