/* secp256k1 public-key recovery (ecrecover) with 32-bit limb arithmetic. */
#ifndef BG_SECP256K1_H
#define BG_SECP256K1_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Recovers the public key (64 bytes, x || y big-endian) of the signature (r, s) over the
 * 32-byte message hash with y-parity recid (0 or 1). Returns false for r or s outside
 * [1, n-1], a recid other than 0/1, an r that is no curve x-coordinate, or a result at
 * infinity. The EIP-2 low-s rule is the caller's (ecrecover itself accepts high s). */
bool bg_secp_recover(const uint8_t hash[32], const uint8_t r[32], const uint8_t s[32], int recid,
                     uint8_t pubkey[64]);

/* One signature to recover: 32-byte big-endian hash, r and s, and the y-parity. */
typedef struct {
    const uint8_t *hash, *r, *s;
    int recid;
} bg_secp_sig;

/* Recovers many public keys at once: the same result as bg_secp_recover for each, with the two
 * modular inversions of every signature shared across the batch (Montgomery's trick). ok[i]
 * tells whether signature i was valid; pubkeys[i] is only written when it was. */
void bg_secp_recover_batch(const bg_secp_sig *sigs, size_t count, uint8_t (*pubkeys)[64], bool *ok);

/* True when the big-endian 32-byte s is at most n/2 (EIP-2). */
bool bg_secp_s_is_low(const uint8_t s[32]);

#endif
