#ifndef KECCAK_H
#define KECCAK_H
#include <stddef.h>
#include <stdint.h>

/* Keccak-256 as Ethereum uses it: Keccak-f[1600], rate 136 bytes, padding 0x01 ... 0x80
 * (the original Keccak padding, not SHA3-256's 0x06). */
void keccak256(const void *data, size_t len, uint8_t digest[32]);

#endif
