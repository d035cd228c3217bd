// What both test drivers print raw codes with: a signed 128-bit integer, or a wider code (srhls::wide), in decimal,
// which printf cannot write. Include after ap_fixed.h.
#ifndef SRHLS_PRINT_I128_H
#define SRHLS_PRINT_I128_H

#include <cstdio>

__extension__ typedef __int128 i128;
__extension__ typedef unsigned __int128 u128;

static void print(i128 v) {
  char buf[48];
  int n = 0;
  u128 a = v < 0 ? (u128)0 - (u128)v : (u128)v;
  do {
    buf[n++] = (char)('0' + (int)(a % 10));
    a /= 10;
  } while (a != 0);
  if (v < 0) std::putchar('-');
  while (n > 0) std::putchar(buf[--n]);
}
static void print(long long v) { print((i128)v); }

template <int L, bool S> static void print(const srhls::wide<L, S>& v) {
  typedef srhls::wide<L, false> U;
  U a = v.negative() ? U(-v) : U(v);
  const U ten(10);
  char buf[64 * L / 3 + 2];
  int n = 0;
  do {
    const U q = a / ten;
    buf[n++] = (char)('0' + (int)(a - q * ten));
    a = q;
  } while (a != U(0));
  if (v.negative()) std::putchar('-');
  while (n > 0) std::putchar(buf[--n]);
}

#endif
