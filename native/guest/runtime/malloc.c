#include "l2vm.h"

extern char __heap_start[];
extern char __heap_end[];

/* Every block is preceded by its size, so realloc knows how much to copy. */
typedef struct {
  size_t size;
  size_t pad; /* keeps the payload 8-byte aligned */
} header_t;

static char *heap_next = __heap_start;

void *malloc(size_t size) {
  size_t need = (sizeof(header_t) + size + 7u) & ~(size_t)7u;
  if (need < size || (size_t)(__heap_end - heap_next) < need) {
    l2vm_panic("out of memory: malloc(%u) with %u of %u heap bytes used", (unsigned)size,
               (unsigned)(heap_next - __heap_start), (unsigned)(__heap_end - __heap_start));
  }
  header_t *h = (header_t *)heap_next;
  heap_next += need;
  h->size = size;
  return h + 1;
}

void *calloc(size_t count, size_t size) {
  size_t total = count * size;
  if (size != 0 && total / size != count) l2vm_panic("calloc(%u, %u) overflows", (unsigned)count, (unsigned)size);
  /* The heap is fresh bss that nothing reuses (free is a no-op), so it is already zero. */
  return malloc(total);
}

void *realloc(void *ptr, size_t size) {
  if (!ptr) return malloc(size);
  header_t *h = (header_t *)ptr - 1;
  if (size <= h->size) return ptr;
  void *fresh = malloc(size);
  memcpy(fresh, ptr, h->size);
  return fresh;
}

void free(void *ptr) { (void)ptr; }

size_t l2vm_heap_used(void) { return (size_t)(heap_next - __heap_start); }
