/* A guest that misbehaves on purpose, one way per input byte, so tests can check that every
 * kind of fault is reported clearly. Without input it prints the list and exits 0. */
#include "l2vm.h"

static const char *const KINDS[] = {
    "",
    "1 illegal instruction",
    "2 ebreak",
    "3 jump to unmapped memory",
    "4 misaligned word load",
    "5 unknown syscall",
    "6 read past the end of the input",
    "7 endless loop",
    "8 store to read-only data",
    "9 misaligned half-word store",
    "10 jump into non-executable data",
    "11 load from unmapped memory",
};

static const uint32_t read_only_word = 42;
static uint32_t data_words[4] = {0x00000013, 0x00000013, 0, 0}; /* nops, but in a data page */

int main(void) {
  uint8_t kind;
  if (l2vm_read_input(&kind, 1) == 0) {
    for (size_t i = 1; i < sizeof KINDS / sizeof KINDS[0]; i++) l2vm_printf("%s\n", KINDS[i]);
    return 0;
  }
  volatile uint32_t *volatile pointer;
  switch (kind) {
    case 1:
      __asm__ volatile(".word 0xffffffff");
      break;
    case 2:
      __asm__ volatile("ebreak");
      break;
    case 3:
      ((void (*)(void))0x70000000)();
      break;
    case 4:
      pointer = (volatile uint32_t *)((uintptr_t)data_words + 2);
      return (int)*pointer;
    case 5:
      return (int)l2vm_syscall3(0x1234, 0, 0, 0);
    case 6: {
      uint8_t rest[4];
      while (l2vm_read(0, rest, sizeof rest) == 0) {
        /* a guest that ignores the end of its input */
      }
      break;
    }
    case 7:
      for (volatile int spin = 1; spin;) {
      }
      break;
    case 8:
      pointer = (volatile uint32_t *)&read_only_word;
      *pointer = 7;
      break;
    case 9: {
      volatile uint16_t *half = (volatile uint16_t *)((uintptr_t)data_words + 1);
      *half = 1;
      break;
    }
    case 10:
      ((void (*)(void))(uintptr_t)data_words)();
      break;
    case 11:
      pointer = (volatile uint32_t *)0x7fff0000;
      return (int)*pointer;
    default:
      l2vm_panic("unknown fault kind %u", kind);
  }
  return 0;
}
