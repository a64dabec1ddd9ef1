/* Keccak-256 in the guest: checks Ethereum's known answers, then hashes the whole input (tests
 * feed inputs of several 136-byte blocks and compare with the host's Keccak) and commits the
 * digest. Exit code: number of failed known answers. */
#include "../common/hash_guest.h"
#include "keccak.h"

int main(void) {
  static const hash_kat kat[] = {
      {"", "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"},
      {"abc", "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45"},
      {"testing", "5f16f4c7f149ac4f9510d9cf8cf384038ad348b3bcdc01915f95de12df9d1b02"},
  };
  return hash_guest_run("keccak256", keccak256, kat, sizeof kat / sizeof kat[0]);
}
