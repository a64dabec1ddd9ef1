/* SHA-256 in the guest: checks FIPS 180-4 known answers, then hashes the whole input and
 * commits the digest to the journal. Exit code: number of failed known answers. */
#include "l2vm.h"
#include "sha256.h"
#include "../common/hex.h"

int main(void) {
  static const struct {
    const char *message;
    const char *digest;
  } kat[] = {
      {"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
      {"abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
      {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
  };
  int failures = 0;
  for (size_t i = 0; i < sizeof kat / sizeof kat[0]; i++) {
    uint8_t digest[32];
    sha256(kat[i].message, strlen(kat[i].message), digest);
    failures += check_digest("sha256", kat[i].message, digest, kat[i].digest);
  }
  size_t len;
  uint8_t *input = l2vm_read_input_all(&len);
  uint8_t digest[32];
  sha256(input, len, digest);
  print_hex("sha256(input)", digest, 32);
  l2vm_commit(digest, 32);
  return failures;
}
