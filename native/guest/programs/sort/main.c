/* Sorting: fills an array from a xorshift generator (count and seed from the input, or 10000 and
 * 1), sorts it with a bottom-up merge sort and with the runtime's qsort, checks both are ordered
 * and agree, prints and commits a checksum. Exit code 1 if anything is out of order. */
#include "l2vm.h"

static uint32_t xorshift(uint32_t *s) {
  uint32_t x = *s;
  x ^= x << 13;
  x ^= x >> 17;
  x ^= x << 5;
  return *s = x;
}

static void merge_sort(int32_t *a, int32_t *tmp, size_t n) {
  for (size_t width = 1; width < n; width *= 2) {
    for (size_t lo = 0; lo < n; lo += 2 * width) {
      size_t mid = lo + width < n ? lo + width : n;
      size_t hi = lo + 2 * width < n ? lo + 2 * width : n;
      size_t i = lo, j = mid, k = lo;
      while (i < mid && j < hi) tmp[k++] = a[i] <= a[j] ? a[i++] : a[j++];
      while (i < mid) tmp[k++] = a[i++];
      while (j < hi) tmp[k++] = a[j++];
    }
    memcpy(a, tmp, n * sizeof *a);
  }
}

static int compare(const void *x, const void *y) {
  int32_t a = *(const int32_t *)x, b = *(const int32_t *)y;
  return (a > b) - (a < b);
}

int main(void) {
  uint32_t params[2] = {10000, 1};
  size_t got = l2vm_read_input(params, sizeof params);
  if (got != 0 && got != sizeof params) l2vm_panic("input: want 8 bytes (count, seed) or none, got %u", (unsigned)got);
  size_t n = params[0];
  uint32_t seed = params[1] ? params[1] : 1;
  int32_t *a = malloc(n * sizeof *a), *b = malloc(n * sizeof *b), *tmp = malloc(n * sizeof *tmp);
  for (size_t i = 0; i < n; i++) a[i] = b[i] = (int32_t)xorshift(&seed);
  merge_sort(a, tmp, n);
  qsort(b, n, sizeof *b, compare);
  uint32_t checksum = 0;
  int bad = 0;
  for (size_t i = 0; i < n; i++) {
    if (i > 0 && a[i - 1] > a[i]) bad = 1;
    if (a[i] != b[i]) bad = 1;
    checksum = checksum * 16777619u ^ (uint32_t)a[i];
  }
  l2vm_printf("sorted %u values: min %d max %d checksum %08x %s\n", (unsigned)n, n ? a[0] : 0, n ? a[n - 1] : 0,
              checksum, bad ? "OUT OF ORDER" : "ok");
  l2vm_commit_u32(checksum);
  return bad;
}
