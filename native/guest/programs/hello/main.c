/* Reads the whole input, greets on stdout, logs on stderr and commits the input's length and
 * a checksum to the journal: the smallest guest that uses every stream of the ABI. It marks two
 * phases (1: input and checksum, 2: output) with the zkVM-only phase call, which qemu refuses
 * with -ENOSYS and the runtime ignores. */
#include "l2vm.h"

int main(void) {
  l2vm_phase(1);
  size_t len;
  uint8_t *input = l2vm_read_input_all(&len);
  uint32_t sum = 0;
  for (size_t i = 0; i < len; i++) sum = sum * 31u + input[i];
  l2vm_phase(2);
  l2vm_printf("hello from the guest: %u input bytes, checksum %08x\n", (unsigned)len, sum);
  l2vm_eprintf("hello on stderr\n");
  l2vm_commit_u32((uint32_t)len);
  l2vm_commit_u32(sum);
  return len == 0 ? 0 : input[0];
}
