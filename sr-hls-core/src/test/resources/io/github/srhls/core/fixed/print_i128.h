// What both test drivers print raw codes with: a signed 128-bit integer in decimal, which printf cannot write.
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

#endif
