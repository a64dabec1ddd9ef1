/* SHA-256 in the guest: checks FIPS 180-4 known answers, then hashes the whole input and
 * commits the digest to the journal. Exit code: number of failed known answers. */
#include "../common/hash_guest.h"
#include "sha256.h"

int main(void) {
  static const hash_kat kat[] = {
      {"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
      {"abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
      {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
  };
  return hash_guest_run("sha256", sha256, kat, sizeof kat / sizeof kat[0]);
}
