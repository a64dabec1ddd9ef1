/* The body the hash test guests (keccak, sha256) share: check the known answers, then hash the
 * whole private input, print the digest and commit it to the journal. */
#ifndef GUEST_COMMON_HASH_GUEST_H
#define GUEST_COMMON_HASH_GUEST_H
#include "hex.h"

typedef struct {
  const char *message;
  const char *digest; /* lower-case hex */
} hash_kat;

typedef void (*hash_fn)(const void *data, size_t len, uint8_t digest[32]);

/* Returns the number of failed known answers (the guest's exit code). */
static inline int hash_guest_run(const char *name, hash_fn hash, const hash_kat *kat, size_t count) {
  int failures = 0;
  for (size_t i = 0; i < count; i++) {
    uint8_t digest[32];
    hash(kat[i].message, strlen(kat[i].message), digest);
    failures += check_digest(name, kat[i].message, digest, kat[i].digest);
  }
  size_t len;
  uint8_t *input = l2vm_read_input_all(&len);
  uint8_t digest[32];
  hash(input, len, digest);
  char label[64];
  l2vm_snprintf(label, sizeof label, "%s(input)", name);
  print_hex(label, digest, 32);
  l2vm_commit(digest, 32);
  return failures;
}

#endif
