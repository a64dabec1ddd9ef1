/* RIPEMD-160 and the BLAKE2b compression function F (EIP-152), for precompiles 0x03 and 0x09. */
#ifndef EVM_HASHES_H
#define EVM_HASHES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

void evm_ripemd160(const uint8_t *data, size_t len, uint8_t out[20]);

/* F of BLAKE2b with `rounds` rounds over state h, message block m, offset counters t, final flag. */
void evm_blake2b_f(uint32_t rounds, uint64_t h[8], const uint64_t m[16], const uint64_t t[2], bool final);

#endif
