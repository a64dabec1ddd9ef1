/* Hex printing and digest checks shared by the test guests (header-only: guests link only their
 * own directory and the runtime). */
#ifndef GUEST_COMMON_HEX_H
#define GUEST_COMMON_HEX_H
#include "l2vm.h"

static inline void print_hex(const char *label, const uint8_t *bytes, size_t len) {
  l2vm_printf("%s = ", label);
  for (size_t i = 0; i < len; i++) l2vm_printf("%02x", bytes[i]);
  l2vm_printf("\n");
}

/* Prints the digest of message and compares it with the expected hex; returns 1 on mismatch. */
static inline int check_digest(const char *name, const char *message, const uint8_t digest[32], const char *want) {
  char hex[65];
  for (int i = 0; i < 32; i++) l2vm_snprintf(hex + 2 * i, 3, "%02x", digest[i]);
  int ok = strcmp(hex, want) == 0;
  l2vm_printf("%s(\"%s\") = %s %s\n", name, message, hex, ok ? "ok" : "MISMATCH");
  return ok ? 0 : 1;
}

#endif
