#include <stdarg.h>

#include "l2vm.h"

/* Output of the formatter: a bounded string, or a buffer flushed to a file descriptor. */
typedef struct {
  char *buf;
  size_t cap;
  size_t len;   /* characters kept in buf */
  size_t total; /* characters produced */
  int fd;       /* -1: string output */
} sink_t;

static void sink_flush(sink_t *s) {
  if (s->fd >= 0 && s->len > 0) {
    l2vm_write(s->fd, s->buf, s->len);
    s->len = 0;
  }
}

static void sink_put(sink_t *s, char c) {
  s->total++;
  if (s->fd >= 0) {
    if (s->len == s->cap) sink_flush(s);
    s->buf[s->len++] = c;
  } else if (s->len + 1 < s->cap) {
    s->buf[s->len++] = c;
  }
}

/* width < 0 means left-justified in -width columns. */
static void put_number(sink_t *s, unsigned long long v, unsigned base, int upper, int negative,
                       int width, char pad) {
  char digits[24];
  const char *set = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  int n = 0;
  do {
    digits[n++] = set[v % base];
    v /= base;
  } while (v != 0);
  int len = n + (negative ? 1 : 0);
  if (negative && pad == '0') sink_put(s, '-');
  for (; width > len; width--) sink_put(s, pad);
  if (negative && pad != '0') sink_put(s, '-');
  while (n > 0) sink_put(s, digits[--n]);
  for (; -width > len; width++) sink_put(s, ' ');
}

static void format(sink_t *s, const char *fmt, va_list ap) {
  for (; *fmt; fmt++) {
    if (*fmt != '%') {
      sink_put(s, *fmt);
      continue;
    }
    fmt++;
    char pad = ' ';
    int width = 0, longs = 0, left = 0;
    for (;; fmt++) {
      if (*fmt == '0') {
        pad = '0';
      } else if (*fmt == '-') {
        left = 1;
      } else {
        break;
      }
    }
    if (left) pad = ' ';
    while (*fmt >= '0' && *fmt <= '9') width = width * 10 + (*fmt++ - '0');
    if (left) width = -width;
    while (*fmt == 'l') {
      longs++;
      fmt++;
    }
    switch (*fmt) {
      case 'd':
      case 'i': {
        long long v = longs >= 2 ? va_arg(ap, long long) : longs ? va_arg(ap, long) : va_arg(ap, int);
        unsigned long long mag = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
        put_number(s, mag, 10, 0, v < 0, width, pad);
        break;
      }
      case 'u':
      case 'x':
      case 'X': {
        unsigned long long v = longs >= 2 ? va_arg(ap, unsigned long long)
                               : longs    ? va_arg(ap, unsigned long)
                                          : va_arg(ap, unsigned);
        put_number(s, v, *fmt == 'u' ? 10 : 16, *fmt == 'X', 0, width, pad);
        break;
      }
      case 'p':
        sink_put(s, '0');
        sink_put(s, 'x');
        put_number(s, (uintptr_t)va_arg(ap, void *), 16, 0, 0, 8, '0');
        break;
      case 'c':
        sink_put(s, (char)va_arg(ap, int));
        break;
      case 's': {
        const char *str = va_arg(ap, const char *);
        if (!str) str = "(null)";
        int len = (int)strlen(str);
        for (; width > len; width--) sink_put(s, ' ');
        while (*str) sink_put(s, *str++);
        for (; -width > len; width++) sink_put(s, ' ');
        break;
      }
      case '%':
        sink_put(s, '%');
        break;
      case '\0':
        return;
      default: /* unknown conversion: print it as written */
        sink_put(s, '%');
        sink_put(s, *fmt);
    }
  }
}

static int vfdprintf(int fd, const char *fmt, va_list ap) {
  char buf[256];
  sink_t s = {buf, sizeof buf, 0, 0, fd};
  format(&s, fmt, ap);
  sink_flush(&s);
  return (int)s.total;
}

int l2vm_printf(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vfdprintf(L2VM_FD_STDOUT, fmt, ap);
  va_end(ap);
  return n;
}

int l2vm_eprintf(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vfdprintf(L2VM_FD_STDERR, fmt, ap);
  va_end(ap);
  return n;
}

int l2vm_snprintf(char *out, size_t size, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  sink_t s = {out, size, 0, 0, -1};
  format(&s, fmt, ap);
  va_end(ap);
  if (size > 0) out[s.len] = '\0';
  return (int)s.total;
}

_Noreturn void l2vm_panic(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  l2vm_eprint("panic: ");
  vfdprintf(L2VM_FD_STDERR, fmt, ap);
  l2vm_eprint("\n");
  va_end(ap);
  l2vm_exit(L2VM_PANIC_EXIT);
}
