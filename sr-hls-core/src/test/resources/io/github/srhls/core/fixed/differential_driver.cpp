// Differential test driver: reads cases from stdin, evaluates them with our ap_fixed.h / ap_int.h, and prints one
// line of results per case for the Java model to compare bit for bit (FixedCppDifferentialTest).
// The types and the type pairs come from the generated header "cases.h":
//   typedef ... tK;                      type number K (a fixed/int type, or a C integer type)
//   SRHLS_TARGETS(X)  X(K) ...           the fixed/int types (targets of conversions from double)
//   SRHLS_NEGATIONS(X) X(K) ...          the fixed/int types (all of them: negation is one bit wider)
//   SRHLS_CASTS(X)    X(P, SRC, DST)     conversion pairs
//   SRHLS_PAIRS(X)    X(P, A, B)         operand pairs of + - * / and the comparisons
// Input lines:  D K <double bits, hex>   |  C P <raw>  |  N K <raw>  |  B P <raw a> <raw b>
// A value prints as raw:W:I:S:<to_double bits>:<to_float bits>:<to_int64>:<to_int>.
#include "ap_fixed.h"
#include "ap_int.h"
#include "cases.h"
#include "print_i128.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>

// Raw codes of the operands, up to 320 bits: in a C integer while it has room, else in limbs.
typedef srhls::wide<5, true> big;
static big parse(const char* s) {
  const bool neg = *s == '-';
  if (neg) ++s;
  u128 v = 0;
  int digits = 0;
  for (; *s >= '0' && *s <= '9' && digits < 38; ++s, ++digits) v = v * 10 + (u128)(*s - '0');
  big r(v);
  for (; *s >= '0' && *s <= '9'; ++s) r = r * big(10) + big(*s - '0');
  return neg ? -r : r;
}

// to_double() and to_float() of ap_int/ap_uint wider than 64 bits do not compile: 0 there.
template <bool Ok> struct floating {
  template <class T> static double dbl(const T& x) { return x.to_double(); }
  template <class T> static float flt(const T& x) { return x.to_float(); }
};
template <> struct floating<false> {
  template <class T> static double dbl(const T&) { return 0; }
  template <class T> static float flt(const T&) { return 0; }
};

// to_int64() and to_int() of a type with I < 0 do not compile: "-:-" there.
template <bool Ok> struct integral {
  template <class T> static void put(const T& x) { std::printf("%lld:%d", x.to_int64(), x.to_int()); }
};
template <> struct integral<false> {
  template <class T> static void put(const T&) { std::printf("-:-"); }
};

template <class T> static void put(const T& x) {
  typedef floating<!T::srhls_int || T::srhls_w <= 64> fl;
  const double d = fl::dbl(x);
  const float f = fl::flt(x);
  unsigned long long db;
  unsigned fb;
  std::memcpy(&db, &d, sizeof db);
  std::memcpy(&fb, &f, sizeof fb);
  print(x.srhls_raw);
  std::printf(":%d:%d:%d:%llx:%x:", T::srhls_w, T::srhls_i, T::srhls_s ? 1 : 0, db, fb);
  integral<(T::srhls_i >= 0)>::put(x);
}

template <bool IsValue> struct maker;
template <> struct maker<true> {
  template <class T> static T make(const big& raw) {
    T x;
    x.srhls_raw = (typename T::raw_type)raw;
    return x;
  }
};
template <> struct maker<false> {
  template <class T> static T make(const big& raw) { return (T)raw; }
};
template <class T> static T make(const big& raw) { return maker<srhls::is_value<T>::value>::template make<T>(raw); }

// x op= y exists only for a fixed/int left side, and not as ap_int op= ap_fixed.
template <bool Ok> struct compound {
  template <class A, class B> static void run(const A& a, const B& b, bool divisible) {
    A r = a;
    r += b;
    std::putchar(' ');
    put(r);
    r = a;
    r -= b;
    std::putchar(' ');
    put(r);
    r = a;
    r *= b;
    std::putchar(' ');
    put(r);
    std::putchar(' ');
    if (divisible) {
      r = a;
      r /= b;
      put(r);
    } else {
      std::putchar('-');
    }
  }
};
template <> struct compound<false> {
  template <class A, class B> static void run(const A&, const B&, bool) { std::printf(" x x x x"); }
};

// The headers refuse a C integer divided by a value, and a signed value compared with an unsigned C integer of 32
// bits or more (the vendor's headers give them other meanings): "-" and "------" there.
template <bool Ok> struct quotient {
  template <class A, class B> static void run(const A& a, const B& b, bool divisible) {
    if (divisible) {
      put(a / b);
    } else {
      std::putchar('-');
    }
  }
};
template <> struct quotient<false> {
  template <class A, class B> static void run(const A&, const B&, bool) { std::putchar('-'); }
};
template <bool Ok> struct comparisons {
  template <class A, class B> static void run(const A& a, const B& b) {
    std::printf(" %d%d%d%d%d%d", a < b, a <= b, a == b, a != b, a >= b, a > b);
  }
};
template <> struct comparisons<false> {
  template <class A, class B> static void run(const A&, const B&) { std::printf(" ------"); }
};

// x op= y also needs every result of x op y assignable to x: not when the rounding bit lies above it (the
// headers refuse that, as the vendor's aborts).
template <class A, class T> struct past {
  static const bool value = srhls::reads_past_source<A::srhls_f, A::srhls_q, A::srhls_int, T>::value;
};
template <class A, class B, bool V = srhls::assign_ok<A, B>::value> struct assignable {
  typedef srhls::arith<A, B> r;
  static const bool value = !past<A, typename r::add_type>::value && !past<A, typename r::sub_type>::value &&
                            !past<A, typename r::mul_type>::value && !past<A, typename r::div_type>::value;
};
template <class A, class B> struct assignable<A, B, false> {
  static const bool value = false;
};

template <class A, class B> static void binary(const big& ra, const big& rb) {
  const A a = make<A>(ra);
  const B b = make<B>(rb);
  put(a + b);
  std::putchar(' ');
  put(a - b);
  std::putchar(' ');
  put(a * b);
  std::putchar(' ');
  quotient<srhls::is_value<A>::value>::run(a, b, rb != big(0));
  comparisons<!srhls::unsigned_mix<A, B>::value>::run(a, b);
  compound<assignable<A, B>::value>::run(a, b, rb != big(0));
}

static void fail(const char* line) {
  std::fprintf(stderr, "bad case: %s\n", line);
  std::exit(2);
}

int main() {
  char line[512];
  char raw1[128], raw2[128];
  int k;
  while (std::fgets(line, sizeof line, stdin)) {
    switch (line[0]) {
      case 'D': {
        unsigned long long bits;
        if (std::sscanf(line + 1, "%d %llx", &k, &bits) != 2) fail(line);
        double d;
        std::memcpy(&d, &bits, sizeof d);
        switch (k) {
#define X(K)      \
  case K: {       \
    const t##K x = d; \
    put(x);       \
    break;        \
  }
          SRHLS_TARGETS(X)
#undef X
          default: fail(line);
        }
        break;
      }
      case 'N': {
        if (std::sscanf(line + 1, "%d %127s", &k, raw1) != 2) fail(line);
        switch (k) {
#define X(K)                        \
  case K:                           \
    put(-make<t##K>(parse(raw1)));  \
    break;
          SRHLS_NEGATIONS(X)
#undef X
          default: fail(line);
        }
        break;
      }
      case 'C': {
        if (std::sscanf(line + 1, "%d %127s", &k, raw1) != 2) fail(line);
        switch (k) {
#define X(P, SRC, DST)                              \
  case P: {                                         \
    const t##DST y = make<t##SRC>(parse(raw1));     \
    put(y);                                         \
    break;                                          \
  }
          SRHLS_CASTS(X)
#undef X
          default: fail(line);
        }
        break;
      }
      case 'B': {
        if (std::sscanf(line + 1, "%d %127s %127s", &k, raw1, raw2) != 3) fail(line);
        switch (k) {
#define X(P, A, B)                                    \
  case P:                                             \
    binary<t##A, t##B>(parse(raw1), parse(raw2));     \
    break;
          SRHLS_PAIRS(X)
#undef X
          default: fail(line);
        }
        break;
      }
      default:
        fail(line);
    }
    std::putchar('\n');
  }
  return 0;
}
