// sr-hls host simulation of the vendor's arbitrary-precision types, written from the semantics in the project's
// facts (fixed-point.md); the Java model io.github.srhls.core.fixed.Fixed computes the same bits.
//
// Supported, a subset of the vendor's API (code written against it compiles with the vendor's headers too):
//   ap_fixed<W,I,Q,O,N>, ap_ufixed<W,I,Q,O,N>, ap_int<W>, ap_uint<W>; enums ap_q_mode, ap_o_mode.
//   Construction and assignment from these types, from double and float (their exact binary value), and from the
//   C integer types; the destination's Q, O and N act. ap_int/ap_uint convert toward zero, like C.
//   a + b, a - b, a * b, a / b between these types and with C integers (an int acts as ap_int<32>, and so on) at
//   full precision; unary - and +; += -= *= /=; << >> <<= >>= by an integer, keeping the type (raw bit shifts);
//   == != < <= > >= between these types and C integers (exact) and with double (compares to_double()).
//   to_double(), to_float() (correctly rounded, ties to even), to_int(), to_uint(), to_long() and to_ulong() (of
//   ap_int/ap_uint only, as the vendor's), to_int64(), to_uint64() (toward zero, then the low bits), length(), and std::ostream << (prints to_double()).
// Deliberately absent, as in the vendor's headers: operators between a fixed value and float/double (write
// some_t(0.5)). Not provided, each use stopping the compilation with a message naming it: implicit conversions to
// C types, bit and range access, & | ^ ~ % ! && ||, ++ --, to_string, concatenation (a, b), a C integer divided by
// a value and a signed value compared with an unsigned C integer of 32 bits or more (the vendor gives both another
// meaning), to_double/to_float of ap_int wider than 64 bits, integer conversions of a type with I < 0; a rounding
// assignment whose rounding bit lies above the source's most significant bit (the vendor's aborts); and ap_int op=
// ap_fixed (the vendor first converts the right side to an integer; write that conversion).
// ap_int/ap_uint from a double in (-0.5, 0) stops the program: the vendor's header versions disagree there.
// Division where a fixed-point operand is involved follows the vendor's width rule (see operator/).
// Limits: every type, intermediate results included, is at most 1024 bits wide (the vendor's default limit); wider
// ones stop the compilation with a static_assert. Codes of up to 64 and 128 bits (one more if unsigned) are held in
// C integers, wider ones in limbs (srhls::wide), which only the designs that need them instantiate. A comparison
// lines both values up like a subtraction. Division by zero is integer division by zero, as in the vendor's host
// code: the program traps (SIGFPE on x86-64).
// Needs g++ or clang (__int128); C++11 or later.
#ifndef SRHLS_AP_TYPES_H
#define SRHLS_AP_TYPES_H
#define SRHLS_COMMA ,

// Conversions from constants are constant expressions where the language allows it (C++14, and a compiler that can
// read a double's bits at compile time): a function table of ap_fixed initialized from doubles is then built by the
// compiler instead of by thousands of inlined conversions run at start-up, which is what made the host simulation
// slow to compile. The same code runs either way, so the bits are the same.
#if __cplusplus >= 201402L && defined(__has_builtin)
#if __has_builtin(__builtin_bit_cast)
#define SRHLS_BIT_CAST 1
#endif
#endif
#ifdef SRHLS_BIT_CAST
#define SRHLS_CONSTEXPR constexpr
#else
#define SRHLS_CONSTEXPR inline
#endif

#ifndef __cplusplus
#error "ap_fixed.h and ap_int.h need C++"
#endif

#include <cstdio>
#include <cstdlib>
#include <iosfwd>

enum ap_q_mode { AP_RND, AP_RND_ZERO, AP_RND_MIN_INF, AP_RND_INF, AP_RND_CONV, AP_TRN, AP_TRN_ZERO };
enum ap_o_mode { AP_SAT, AP_SAT_ZERO, AP_SAT_SYM, AP_WRAP, AP_WRAP_SM };

template <int W, int I, ap_q_mode Q = AP_TRN, ap_o_mode O = AP_WRAP, int N = 0> struct ap_fixed;
template <int W, int I, ap_q_mode Q = AP_TRN, ap_o_mode O = AP_WRAP, int N = 0> struct ap_ufixed;
template <int W> struct ap_int;
template <int W> struct ap_uint;

namespace srhls {

__extension__ typedef __int128 i128;
__extension__ typedef unsigned __int128 u128;
typedef long long i64;
typedef unsigned long long u64;

template <bool C, class T, class F> struct pick { typedef T type; };
template <class T, class F> struct pick<false, T, F> { typedef F type; };
template <bool C, class T = void> struct enable_if {};
template <class T> struct enable_if<true, T> { typedef T type; };
template <class A, class B> struct same { static const bool value = false; };
template <class A> struct same<A, A> { static const bool value = true; };

constexpr int imax(int a, int b) { return a > b ? a : b; }
// False, but only once T is known: a static_assert on it fires only where the template is used.
template <class T> struct unsupported { static const bool value = false; };

SRHLS_CONSTEXPR int bit_length(u64 a) { return a == 0 ? 0 : 64 - __builtin_clzll(a); }
inline int bit_length(u128 a) {
  const u64 high = (u64)(a >> 64);
  return high != 0 ? 128 - __builtin_clzll(high) : bit_length((u64)a);
}

// Division by zero traps like the CPU's 64-bit division does (SIGFPE on x86-64); the 128-bit library routine
// would raise a different signal.
inline i64 division_by_zero() {
  volatile i64 one = 1, zero = 0;  // both volatile: the compiler turns 1 / x into compares
  return one / zero;
}

// The C integer types (__int128 included, which std::is_integral leaves out in strict modes), with signedness.
template <class T> struct integral { static const bool value = false, is_signed = false; };
template <class T, bool Signed> struct integral_is { static const bool value = true, is_signed = Signed; };
template <> struct integral<bool> : integral_is<bool, false> {};
template <> struct integral<char> : integral_is<char, ((char)-1 < 0)> {};
template <> struct integral<signed char> : integral_is<signed char, true> {};
template <> struct integral<unsigned char> : integral_is<unsigned char, false> {};
template <> struct integral<short> : integral_is<short, true> {};
template <> struct integral<unsigned short> : integral_is<unsigned short, false> {};
template <> struct integral<int> : integral_is<int, true> {};
template <> struct integral<unsigned> : integral_is<unsigned, false> {};
template <> struct integral<long> : integral_is<long, true> {};
template <> struct integral<unsigned long> : integral_is<unsigned long, false> {};
template <> struct integral<long long> : integral_is<long long, true> {};
template <> struct integral<unsigned long long> : integral_is<unsigned long long, false> {};
template <> struct integral<i128> : integral_is<i128, true> {};
template <> struct integral<u128> : integral_is<u128, false> {};

// Codes wider than 128 bits (a 64-bit unsigned product needs 129, a sum of types with far apart binary points
// more): L 64-bit limbs, least significant first, two's complement, arithmetic modulo 2^(64L) like the C types it
// stands in for; S says whether >> and the comparisons read the top bit as a sign. Only what the code below uses.
template <int L, bool S> struct wide {
  static_assert(L >= 3, "sr-hls headers: up to 128 bits are held in C integers");
  u64 w[L];

  wide() {
    for (int i = 0; i < L; ++i) w[i] = 0;
  }
  // From any C integer, sign-extended if it is signed (implicit, as between C integers).
  template <class T>
  wide(T x, typename enable_if<integral<T>::value, int>::type = 0) {
    const u128 u = (u128)x;  // modular: a negative x arrives sign-extended to 128 bits
    const u64 fill = integral<T>::is_signed && (i128)u < 0 ? ~0ULL : 0;
    w[0] = (u64)u;
    w[1] = (u64)(u >> 64);
    for (int i = 2; i < L; ++i) w[i] = fill;
  }
  // From another width or signedness, sign-extended if the source is signed; truncated if it is wider.
  template <int L2, bool S2>
  explicit wide(const wide<L2, S2>& x) {
    const u64 fill = x.negative() ? ~0ULL : 0;
    for (int i = 0; i < L; ++i) w[i] = i < L2 ? x.w[i] : fill;
  }
  // To a C integer: the low bits, as a cast between C integers does.
  template <class T, class = typename enable_if<integral<T>::value>::type>
  explicit operator T() const {
    return (T)(((u128)w[1] << 64) | w[0]);
  }

  bool negative() const { return S && (w[L - 1] >> 63) != 0; }

  wide operator~() const {
    wide r;
    for (int i = 0; i < L; ++i) r.w[i] = ~w[i];
    return r;
  }
  wide operator-() const { return ~*this + wide(1); }
  wide& operator+=(const wide& b) { return *this = *this + b; }
  wide& operator|=(const wide& b) { return *this = *this | b; }
  wide& operator++() { return *this = *this + wide(1); }

  friend wide operator+(const wide& a, const wide& b) {
    wide r;
    u64 carry = 0;
    for (int i = 0; i < L; ++i) {
      const u128 s = (u128)a.w[i] + b.w[i] + carry;
      r.w[i] = (u64)s;
      carry = (u64)(s >> 64);
    }
    return r;
  }
  friend wide operator-(const wide& a, const wide& b) { return a + -b; }
  friend wide operator*(const wide& a, const wide& b) {
    wide r;
    for (int i = 0; i < L; ++i) {
      if (a.w[i] == 0) continue;
      u64 carry = 0;
      for (int j = 0; i + j < L; ++j) {
        const u128 p = (u128)a.w[i] * b.w[j] + r.w[i + j] + carry;
        r.w[i + j] = (u64)p;
        carry = (u64)(p >> 64);
      }
    }
    return r;
  }
  // Toward zero, as C's; by zero it traps like the C types.
  friend wide operator/(const wide& a, const wide& b) {
    if (b == wide(0)) return wide(division_by_zero());
    const bool minus = a.negative() != b.negative();
    const wide<L, false> q = quotient(wide<L, false>(a.negative() ? -a : a), wide<L, false>(b.negative() ? -b : b));
    return minus ? -wide(q) : wide(q);
  }
  friend wide operator&(const wide& a, const wide& b) {
    wide r;
    for (int i = 0; i < L; ++i) r.w[i] = a.w[i] & b.w[i];
    return r;
  }
  friend wide operator|(const wide& a, const wide& b) {
    wide r;
    for (int i = 0; i < L; ++i) r.w[i] = a.w[i] | b.w[i];
    return r;
  }
  friend wide operator<<(const wide& a, int k) {
    wide r;
    const int q = k / 64, m = k % 64;
    for (int i = q; i < L; ++i) {
      r.w[i] = (a.w[i - q] << m) | (m != 0 && i > q ? a.w[i - q - 1] >> (64 - m) : 0);
    }
    return r;
  }
  // Arithmetic (sign-filling) if S, logical otherwise.
  friend wide operator>>(const wide& a, int k) {
    const u64 fill = a.negative() ? ~0ULL : 0;
    wide r;
    const int q = k / 64, m = k % 64;
    for (int i = 0; i < L; ++i) {
      const u64 low = i + q < L ? a.w[i + q] : fill;
      const u64 high = i + q + 1 < L ? a.w[i + q + 1] : fill;
      r.w[i] = m == 0 ? low : (low >> m) | (high << (64 - m));
    }
    return r;
  }
  friend bool operator==(const wide& a, const wide& b) {
    for (int i = 0; i < L; ++i) {
      if (a.w[i] != b.w[i]) return false;
    }
    return true;
  }
  friend bool operator!=(const wide& a, const wide& b) { return !(a == b); }
  friend bool operator<(const wide& a, const wide& b) {
    if (a.negative() != b.negative()) return a.negative();
    for (int i = L - 1; i >= 0; --i) {
      if (a.w[i] != b.w[i]) return a.w[i] < b.w[i];
    }
    return false;
  }
  friend bool operator>(const wide& a, const wide& b) { return b < a; }
  friend bool operator<=(const wide& a, const wide& b) { return !(b < a); }
  friend bool operator>=(const wide& a, const wide& b) { return !(a < b); }
};

template <int L> wide<L, false> quotient(const wide<L, false>& x, const wide<L, false>& y);

template <int L> inline int bit_length(const wide<L, false>& a) {
  for (int i = L - 1; i >= 0; --i) {
    if (a.w[i] != 0) return 64 * i + bit_length(a.w[i]);
  }
  return 0;
}

// x / y of magnitudes, y != 0: limb by limb when y fits 64 bits (a divisor of at most 64 bits is the common case),
// else bit by bit.
template <int L> wide<L, false> quotient(const wide<L, false>& x, const wide<L, false>& y) {
  wide<L, false> q;
  if (bit_length(y) <= 64) {
    u128 rest = 0;
    for (int i = L - 1; i >= 0; --i) {
      rest = (rest << 64) | x.w[i];
      q.w[i] = (u64)(rest / y.w[0]);
      rest %= y.w[0];
    }
    return q;
  }
  wide<L, false> rest;
  for (int i = bit_length(x) - 1; i >= 0; --i) {
    rest = rest << 1;
    rest.w[0] |= (x.w[i / 64] >> (i % 64)) & 1;
    if (rest >= y) {
      rest = rest - y;
      q.w[i / 64] |= 1ULL << (i % 64);
    }
  }
  return q;
}

// A raw value is the exact integer code, held in a signed type with room for it: W bits, one more if unsigned.
template <int Bits> struct store {
  typedef typename pick<(Bits <= 64), i64,
                        typename pick<(Bits <= 128), i128, wide<(Bits + 63) / 64, true> >::type>::type type;
};
template <class C> struct uns;
template <> struct uns<i64> { typedef u64 type; };
template <> struct uns<i128> { typedef u128 type; };
template <int L> struct uns<wide<L, true> > { typedef wide<L, false> type; };
template <class A, class B> struct wider { typedef typename pick<(sizeof(A) >= sizeof(B)), A, B>::type type; };

// Left shift without signed overflow: the bits above the type drop out.
template <class C> SRHLS_CONSTEXPR C shl(C v, int k) { return (C)((typename uns<C>::type)v << k); }

// The low W bits of p. (Shift counts are taken modulo the width so that the branches a type does not take hold no
// constant shift the compiler would warn about.)
template <int W, class U> SRHLS_CONSTEXPR U low_bits(U p) {
  const int B = sizeof(U) * 8;
  return W >= B ? p : (p & (((U)1 << (W % B)) - 1));
}
// Reads the low W bits of p as a W-bit signed (or unsigned) number.
template <int W, bool S, class C> SRHLS_CONSTEXPR C from_pattern(typename uns<C>::type p) {
  const int B = sizeof(C) * 8;
  const int k = (B - W) % B;
  return S ? (C)(p << k) >> k : (C)low_bits<W>(p);
}

// The overflow step, for a rounded code t outside the range [lo, hi]. v is the source code (for AP_WRAP_SM's bit
// of weight 2^I, at index W + s), neg its sign.
template <int W, bool S, ap_o_mode O, int N, class C>
SRHLS_CONSTEXPR C overflow(C v, C t, int s, bool neg, C lo, C hi) {
  typedef typename uns<C>::type U;
  const int B = sizeof(C) * 8;
  if (O == AP_SAT || O == AP_SAT_SYM) return neg ? lo : hi;
  if (O == AP_SAT_ZERO) return 0;
  const U all = low_bits<W>(~(U)0);
  const U msb = (U)1 << (W - 1);
  const U top = all & ~(((U)1 << ((W - N) % B)) - 1);  // bits W-N .. W-1
  U p = (U)t & all;
  if (O == AP_WRAP) {
    if (N > 0) {
      if (S) {
        // the sign bit follows the source, the N-1 bits below it are its complement
        p = neg ? ((p & ~top) | msb) : ((p & ~top) | (top & ~msb));
      } else {
        p |= top;
      }
    }
  } else {  // AP_WRAP_SM (signed only)
    const int pos = W + s;
    const bool lD = pos < 0 ? false : (pos >= B ? neg : ((v >> (pos % B)) & 1) != 0);
    const bool ro = (p & msb) != 0;
    if (N == 0) {
      if (lD != ro) p = ((~p & all) & ~msb) | (lD ? msb : 0);
    } else {
      // N > 0 is not in the facts file; this follows the vendor's public (Apache-2.0, 2019) headers
      if (N == 1) {
        if (neg != ro) p = ~p & all;
      } else {
        if ((((p >> ((W - N) % B)) & 1) != 0) == neg) p = ~p & all;
        const U mid = top & ~msb;
        p = neg ? (p & ~mid) : (p | mid);
      }
      p = neg ? (p | msb) : (p & ~msb);
    }
  }
  return from_pattern<W, S, C>(p);
}

// Assignment of the exact value v * 2^-(F + s) to a type with F fractional bits, W bits, signedness S: quantize
// (Q) to a code t, then handle overflow (O, N). C is at least as wide as the destination's raw type.
template <int W, bool S, ap_q_mode Q, ap_o_mode O, int N, class R, class C>
SRHLS_CONSTEXPR R convert(C v, int s) {
  typedef typename uns<C>::type U;
  const int B = sizeof(C) * 8;
  const C hi = S ? (C)(((U)1 << (W - 1)) - 1) : (C)(((U)1 << (W % B)) - 1);
  const C lo = !S ? 0 : (O == AP_SAT_SYM ? -hi : -hi - 1);  // AP_SAT_SYM: the most negative code is -max too
  const bool neg = v < 0;
  C t = 0;
  bool exact = true;
  if (s <= 0) {
    const int e = -s;
    if (e < B) {
      t = shl(v, e);
      exact = (t >> e) == v;
    } else {
      t = 0;
      exact = v == 0;
    }
  } else {
    t = s < B ? (v >> s) : (neg ? (C)-1 : (C)0);  // floor
    if (Q != AP_TRN) {
      const bool half = s - 1 < B ? ((v >> ((s - 1) % B)) & 1) != 0 : neg;
      const bool rest = s > 1 && (s - 1 < B ? ((U)v & (((U)1 << ((s - 1) % B)) - 1)) != 0 : v != 0);
      bool up = false;
      switch (Q) {
        case AP_RND: up = half; break;
        case AP_RND_ZERO: up = half && (rest || neg); break;
        case AP_RND_MIN_INF: up = half && rest; break;
        case AP_RND_INF: up = half && (rest || !neg); break;
        case AP_RND_CONV: up = half && (rest || (t & 1) != 0); break;
        case AP_TRN_ZERO: up = neg && (half || rest); break;
        default: up = false; break;
      }
      t += up;
    }
  }
  if (__builtin_expect(exact && t >= lo && t <= hi, 1)) return (R)t;
  return (R)overflow<W, S, O, N, C>(v, t, s, neg, lo, hi);
}

// v * 2^-f rounded once to nearest, ties to even, to a binary format with p significand bits whose smallest
// normal number is 2^emin; the result is exact in that format (or infinite).
template <class C> double round_binary(C v, int f, int p, int emin) {
  typedef typename uns<C>::type U;
  const int B = sizeof(C) * 8;
  if (v == 0) return 0.0;
  const bool neg = v < 0;
  const U a = neg ? (U)0 - (U)v : (U)v;
  const int n = bit_length(a);
  const int q = imax(n - f - p, emin - p + 1);  // weight of the last significand bit kept
  const int sh = f + q;
  U m = 0;
  if (sh <= 0) {
    m = a << -sh;
  } else if (sh <= B) {
    m = sh < B ? a >> sh : 0;
    const bool half = ((a >> (sh - 1)) & 1) != 0;
    const bool sticky = (a & (((U)1 << (sh - 1)) - 1)) != 0;
    if (half && (sticky || (m & 1) != 0)) ++m;
  }
  const double d = __builtin_ldexp((double)(u64)m, q);
  return neg ? -d : d;
}

// |v| <= 2^bits, for bits < 64.
template <class C> inline bool fits_bits(C v, int bits) {
  const C limit = (C)1 << bits;
  return v >= -limit && v <= limit;
}

// v * 2^-f truncated toward zero, in its low 64 bits. (f is a parameter, so that no shift count is a constant
// the compiler would warn about in the branches a type does not take.)
template <class C> u64 truncate_toward_zero(C v, int f) {
  typedef typename uns<C>::type U;
  const int B = sizeof(C) * 8;
  if (f <= 0) return -f < B ? (u64)((U)v << -f) : 0;
  if (f >= B) return 0;
  const U magnitude = (v < 0 ? (U)0 - (U)v : (U)v) >> f;
  return (u64)(v < 0 ? (U)0 - magnitude : magnitude);
}

struct tag {};

template <class T> struct is_value {
  static char test(const tag*);
  static long test(...);
  static const bool value = sizeof(test(static_cast<const T*>(0))) == 1;
};

// C integer operands: width and signedness (bool is ap_uint<1>).
template <class T> struct cint { static const bool ok = false; static const int w = 1; static const bool s = false; };
template <class T, bool Signed> struct cint_is {
  static const bool ok = true;
  static const int w = sizeof(T) * 8;
  static const bool s = Signed;
};
template <> struct cint<bool> { static const bool ok = true; static const int w = 1; static const bool s = false; };
template <> struct cint<char> : cint_is<char, ((char)-1 < 0)> {};
template <> struct cint<signed char> : cint_is<signed char, true> {};
template <> struct cint<unsigned char> : cint_is<unsigned char, false> {};
template <> struct cint<short> : cint_is<short, true> {};
template <> struct cint<unsigned short> : cint_is<unsigned short, false> {};
template <> struct cint<int> : cint_is<int, true> {};
template <> struct cint<unsigned int> : cint_is<unsigned int, false> {};
template <> struct cint<long> : cint_is<long, true> {};
template <> struct cint<unsigned long> : cint_is<unsigned long, false> {};
template <> struct cint<long long> : cint_is<long long, true> {};
template <> struct cint<unsigned long long> : cint_is<unsigned long long, false> {};

// What an arithmetic operand is: a fixed/int value, or a C integer acting as ap_int<w>/ap_uint<w>.
template <class T, bool V = is_value<T>::value> struct operand {
  static const bool ok = cint<T>::ok;
  static const int W = cint<T>::w, I = W, F = 0;
  static const bool S = cint<T>::s, INT = true;
  typedef typename store<W + !S>::type raw_type;
  static SRHLS_CONSTEXPR raw_type raw(const T& x) { return (raw_type)x; }
};
template <class T> struct operand<T, true> {
  static const bool ok = true;
  static const int W = T::srhls_w, I = T::srhls_i, F = W - I;
  static const bool S = T::srhls_s, INT = T::srhls_int;
  typedef typename T::raw_type raw_type;
  static SRHLS_CONSTEXPR raw_type raw(const T& x) { return x.srhls_raw; }
};

template <class T> struct source {
  static const bool ok = operand<T>::ok || same<T, double>::value || same<T, float>::value;
};

template <int W, int I, bool S, bool INT> struct make;
template <int W, int I> struct make<W, I, true, false> { typedef ::ap_fixed<W, I> type; };
template <int W, int I> struct make<W, I, false, false> { typedef ::ap_ufixed<W, I> type; };
template <int W, int I> struct make<W, I, true, true> { typedef ::ap_int<W> type; };
template <int W, int I> struct make<W, I, false, true> { typedef ::ap_uint<W> type; };

// Full-precision result types (facts: fixed-point.md, "Result types of operators").
template <class A, class B> struct arith {
  typedef operand<A> a;
  typedef operand<B> b;
  static const bool S = a::S || b::S, INT = a::INT && b::INT;
  static const int I1 = a::I + (b::S && !a::S), I2 = b::I + (a::S && !b::S);
  static const int ADD_I = imax(I1, I2) + 1, ADD_W = ADD_I + imax(a::F, b::F);
  static const int DIV_W = b::S + a::W + imax(b::F, 0), DIV_I = b::S + a::I + b::F;
  typedef typename make<ADD_W, ADD_I, S, INT>::type add_type;
  typedef typename make<ADD_W, ADD_I, true, INT>::type sub_type;
  typedef typename make<a::W + b::W, a::I + b::I, S, INT>::type mul_type;
  typedef typename make<DIV_W, DIV_I, S, INT>::type div_type;
};
// Empty unless the operands qualify, so that the operators drop out of overload resolution otherwise.
template <bool Ok, class A, class B> struct binop {};
template <class A, class B> struct binop<true, A, B> : arith<A, B> {};
template <class A, class B> struct pair_ok {
  static const bool value = operand<A>::ok && operand<B>::ok && (is_value<A>::value || is_value<B>::value);
};
template <bool Ok, class A> struct unop {};
template <class A> struct unop<true, A> {
  typedef typename make<A::srhls_w + 1, A::srhls_i + 1, true, A::srhls_int>::type neg_type;
};

// An operand's code scaled to the fractional bits of R (never fewer).
template <class R, class A> inline typename R::raw_type aligned(const A& x) {
  return shl((typename R::raw_type)operand<A>::raw(x), R::srhls_f - operand<A>::F);
}

// Whether assigning a T to a type with F fractional bits and rounding Q reads the rounding bit (weight 2^-(F+1)) above
// T's most significant bit (F2 - F > W2): the vendor's fixed-point assignment reads it as a bit of the source's
// code and aborts there, whatever the value, so these headers refuse it (issue 14, item 3). ap_int/ap_uint
// targets take the integer part without rounding.
template <int F, ap_q_mode Q, bool INT, class T> struct reads_past_source {
  static const bool value = !INT && Q != AP_TRN && !(Q == AP_TRN_ZERO && !operand<T>::S) &&
                            operand<T>::F - F > operand<T>::W;
};

template <int W, int I, bool S, ap_q_mode Q, ap_o_mode O, int N, bool INT>
struct value : tag {
  static_assert(W >= 1, "ap_[u]fixed / ap_[u]int: the width W must be at least 1");
  static_assert(W <= 1024,
                "sr-hls host headers: types and intermediate results are limited to 1024 bits, as the vendor's by "
                "default; assign intermediate results to narrower types");
  static_assert(N >= 0 && N <= W, "ap_[u]fixed: the saturation bits N must be between 0 and W");
  static_assert(S || O != AP_WRAP_SM, "ap_ufixed cannot use AP_WRAP_SM; it needs a signed type");

  typedef typename store<W + !S>::type raw_type;
  static const int srhls_w = W, srhls_i = I, srhls_f = W - I;
  static const bool srhls_s = S, srhls_int = INT;
  static const ap_q_mode srhls_q = Q;

  raw_type srhls_raw;  // the exact code: the value is srhls_raw * 2^-(W-I)

  SRHLS_CONSTEXPR value() : srhls_raw(0) {}
  template <class T>
  SRHLS_CONSTEXPR value(const T& x, typename enable_if<source<T>::ok, int>::type = 0) : srhls_raw(from(x)) {}

  int length() const { return W; }

  double to_double() const {
    static_assert(!INT || W <= 64, "sr-hls headers: to_double() of an ap_int/ap_uint wider than 64 bits is not "
                                   "supported (the vendor's headers convert only its low 64 bits); convert to "
                                   "ap_fixed<W,W> first");
    // fast and exact when the code fits the significand and the scale is a normal power of two
    if (W - I <= 1022 && W - I >= -971 && fits_bits(srhls_raw, 53)) {
      return (double)(i64)srhls_raw * __builtin_ldexp(1.0, I - W);
    }
    return round_binary(srhls_raw, W - I, 53, -1022);
  }
  float to_float() const {
    static_assert(!INT || W <= 64, "sr-hls headers: to_float() of an ap_int/ap_uint wider than 64 bits is not "
                                   "supported (the vendor's headers convert only its low 64 bits); convert to "
                                   "ap_fixed<W,W> first");
    if (W - I <= 126 && W - I >= -104 && fits_bits(srhls_raw, 24)) {
      return (float)(i64)srhls_raw * __builtin_ldexpf(1.0f, I - W);
    }
    return (float)round_binary(srhls_raw, W - I, 24, -126);
  }
  int to_int() const { return (int)(unsigned)truncated(); }
  unsigned to_uint() const { return (unsigned)truncated(); }
  // The vendor's ap_fixed has no to_long()/to_ulong() (its ap_int has): refused there, so that code written against
  // these headers compiles with the vendor's too.
  long to_long() const {
    static_assert(INT, "sr-hls headers: to_long() of ap_fixed/ap_ufixed is not supported (the vendor's ap_fixed has "
                       "none); use to_int64()");
    return (long)(unsigned long)truncated();
  }
  unsigned long to_ulong() const {
    static_assert(INT, "sr-hls headers: to_ulong() of ap_fixed/ap_ufixed is not supported (the vendor's ap_fixed "
                       "has none); use to_uint64()");
    return (unsigned long)truncated();
  }
  long long to_int64() const { return (long long)truncated(); }
  unsigned long long to_uint64() const { return truncated(); }

 private:
  // ap_int/ap_uint convert like C, toward zero.
  static const ap_q_mode QE = INT ? AP_TRN_ZERO : Q;

  template <class T>
  static SRHLS_CONSTEXPR typename enable_if<operand<T>::ok, raw_type>::type from(const T& x) {
    typedef typename wider<raw_type, typename operand<T>::raw_type>::type C;
    static_assert(!INT || operand<T>::INT || operand<T>::I >= 0,
                  "sr-hls headers: converting a type with I < 0 to ap_int/ap_uint is not supported (the vendor's "
                  "headers leave the result undefined)");
    static_assert(!reads_past_source<W - I, Q, INT, T>::value,
                  "sr-hls headers: rounding into a type whose rounding bit lies above the source's most significant "
                  "bit (F2 - F > W2) is not supported (the vendor's headers abort there); convert the source to a "
                  "type with the same fractional bits and at least F2 - F bits first");
    // the vendor takes the integer part of a signed type without integer bits (I == 0) as -1 when negative
    const bool minus_one = INT && !operand<T>::INT && operand<T>::S && operand<T>::I <= 0 && operand<T>::raw(x) < 0;
    return minus_one ? convert<W, S, QE, O, N, raw_type, C>((C)-1, 0)
                     : convert<W, S, QE, O, N, raw_type, C>((C)operand<T>::raw(x), operand<T>::F - (W - I));
  }
  static SRHLS_CONSTEXPR raw_type from(float x) { return from((double)x); }
  static SRHLS_CONSTEXPR raw_type from(double x) {
#ifdef SRHLS_BIT_CAST
    const u64 bits = __builtin_bit_cast(u64, x);
#else
    u64 bits = 0;
    __builtin_memcpy(&bits, &x, sizeof bits);
#endif
    const int biased = (int)((bits >> 52) & 0x7ff);
    const u64 mantissa = bits & ((1ULL << 52) - 1);
    if (biased == 0 && mantissa == 0) return 0;
    if (INT && (bits >> 63) && biased < 1022) not_portable(x);
    // subnormals have no hidden bit; infinity (and NaN, unsupported) read as exponent 1024, like the vendor's
    const i64 m = (i64)(biased == 0 ? mantissa : mantissa | (1ULL << 52));
    const int exponent = (biased == 0 ? 1 : biased) - 1075;
    typedef typename wider<raw_type, i64>::type C;
    return convert<W, S, QE, O, N, raw_type, C>((C)((bits >> 63) ? -m : m), -exponent - (W - I));
  }

  // ap_int/ap_uint from a double in (-0.5, 0): the vendor's header versions disagree (+1 in 2019, 0 later), so the
  // host simulation stops rather than pick one.
  static void not_portable(double x) {
    std::fflush(stdout);
    std::fprintf(stderr,
                 "sr-hls headers: ap_int<%d>/ap_uint<%d> from %.17g, a value in (-0.5, 0), is not supported: the "
                 "vendor's header versions give +1 or 0; convert through ap_fixed<%d,%d,AP_TRN_ZERO> instead\n",
                 W, W, x, W, W);
    std::abort();
  }

  // The value truncated toward zero, in its low 64 bits; like the vendor's, -1 for a negative value of a signed type
  // without integer bits (I <= 0).
  // With I < 0 the vendor's result is undefined (an uninitialized variable), so these headers refuse it.
  u64 truncated() const {
    static_assert(I >= 0, "sr-hls headers: to_int() and the other integer conversions of a type with I < 0 are not "
                          "supported (the vendor's headers leave the result undefined)");
    return S && I <= 0 && srhls_raw < 0 ? ~(u64)0 : truncate_toward_zero(srhls_raw, W - I);
  }

 public:
  // ---- what the vendor's types offer and these headers do not: each use stops the compilation with its name ----
  template <class... T> void range(T...) const {
    static_assert(sizeof...(T) < 0, "sr-hls headers: range() (bit slices) is not supported");
  }
  template <class... T> void get_bit(T...) const {
    static_assert(sizeof...(T) < 0, "sr-hls headers: get_bit() is not supported");
  }
  template <class... T> void set_bit(T...) {
    static_assert(sizeof...(T) < 0, "sr-hls headers: set_bit() is not supported");
  }
  template <class... T> void to_string(T...) const {
    static_assert(sizeof...(T) < 0, "sr-hls headers: to_string() is not supported");
  }
  template <class T> void operator[](const T&) const {
    static_assert(unsupported<T>::value, "sr-hls headers: operator[] (bit access) is not supported");
  }
  template <class T = int> value& operator++() {
    static_assert(unsupported<T>::value, "sr-hls headers: ++ is not supported; write x = x + 1");
    return *this;
  }
  template <class T = int> value& operator--() {
    static_assert(unsupported<T>::value, "sr-hls headers: -- is not supported; write x = x - 1");
    return *this;
  }
  template <class T = int> value operator++(int) {
    static_assert(unsupported<T>::value, "sr-hls headers: ++ is not supported; write x = x + 1");
    return *this;
  }
  template <class T = int> value operator--(int) {
    static_assert(unsupported<T>::value, "sr-hls headers: -- is not supported; write x = x - 1");
    return *this;
  }
  // Implicit conversions to C types (the vendor's ap_int converts to an integer, its ap_fixed to double, and both
  // to bool): write to_double(), to_int() and so on, or compare with 0.
  template <class T, class = typename enable_if<!is_value<T>::value>::type> operator T() const {
    static_assert(unsupported<T>::value,
                  "sr-hls headers: implicit conversion of ap_fixed/ap_int to a C type (or to bool, as in if (x)) is "
                  "not supported; call to_double(), to_int(), ... or compare, e.g. x != 0");
    return T();
  }
};

// ---- arithmetic: full precision, no rounding, no overflow ------------------------------------------------------

template <class A, class B>
inline typename binop<pair_ok<A, B>::value, A, B>::add_type operator+(const A& a, const B& b) {
  typedef typename arith<A, B>::add_type R;
  R r;
  r.srhls_raw = aligned<R>(a) + aligned<R>(b);
  return r;
}

template <class A, class B>
inline typename binop<pair_ok<A, B>::value, A, B>::sub_type operator-(const A& a, const B& b) {
  typedef typename arith<A, B>::sub_type R;
  R r;
  r.srhls_raw = aligned<R>(a) - aligned<R>(b);
  return r;
}

template <class A, class B>
inline typename binop<pair_ok<A, B>::value, A, B>::mul_type operator*(const A& a, const B& b) {
  typedef typename arith<A, B>::mul_type R;
  typedef typename R::raw_type C;
  R r;
  r.srhls_raw = (C)operand<A>::raw(a) * (C)operand<B>::raw(b);
  return r;
}

template <class D> inline D divide(D a, D b) { return a / b; }
template <> inline i128 divide(i128 a, i128 b) { return __builtin_expect(b == 0, 0) ? division_by_zero() : a / b; }

// The quotient trunc(A * 2^max(F2,0) / B) in the result's LSBs. Where a fixed-point operand is involved, the
// vendor divides in WD = max(W1 + max(F2,0) + (S2 && !S1), W2 + (S1 && !S2)) bits and keeps the low WD bits of the
// quotient: "most negative / -1 LSB" of two signed operands wraps back to the dividend when the dividend fills WD.
// Here the dividend gets one spare bit in D, so that the division itself cannot trap, and the quotient is then
// reduced to WD bits like the vendor's. Between two integer types the quotient is exact, as the vendor's.
template <class A, class B>
inline typename binop<pair_ok<A, B>::value, A, B>::div_type operator/(const A& a, const B& b) {
  static_assert(is_value<A>::value,
                "sr-hls headers: a C integer divided by ap_fixed/ap_int is not supported (the vendor's headers give "
                "it the result type of the reverse division); write ap_int<32>(i) / x");
  typedef typename arith<A, B>::div_type R;
  typedef typename wider<typename R::raw_type,
                         typename wider<typename operand<A>::raw_type, typename operand<B>::raw_type>::type>::type D;
  typedef operand<A> oa;
  typedef operand<B> ob;
  static const int WD = imax(oa::W + imax(ob::F, 0) + (ob::S && !oa::S), ob::W + (oa::S && !ob::S));
  static const bool WRAPS = oa::S && ob::S && !(oa::INT && ob::INT);
  R r;
  const D dividend = shl((D)oa::raw(a), imax(ob::F, 0));
  const D q = divide<D>(dividend, (D)ob::raw(b));
  r.srhls_raw = (typename R::raw_type)(WRAPS ? from_pattern<WD, true, D>((typename uns<D>::type)q) : q);
  return r;
}

template <class A>
inline typename unop<is_value<A>::value, A>::neg_type operator-(const A& a) {
  typedef typename unop<true, A>::neg_type R;
  R r;
  r.srhls_raw = -(typename R::raw_type)a.srhls_raw;
  return r;
}

template <class A>
inline typename enable_if<is_value<A>::value, A>::type operator+(const A& a) {
  return a;
}

// x op= y is x = x op y with x's modes.
template <class A, class B> struct assign_ok {
  static const bool value = is_value<A>::value && operand<B>::ok && (!operand<A>::INT || operand<B>::INT);
};
#define SRHLS_COMPOUND(OP)                                                                       \
  template <class A, class B>                                                                   \
  inline typename enable_if<assign_ok<A, B>::value, A&>::type operator OP##=(A& a, const B& b) { \
    a = A(a OP b);                                                                              \
    return a;                                                                                   \
  }
SRHLS_COMPOUND(+)
SRHLS_COMPOUND(-)
SRHLS_COMPOUND(*)
SRHLS_COMPOUND(/)
#undef SRHLS_COMPOUND

// ---- shifts: raw bit shifts keeping the type, no quantization or overflow handling -----------------------------

template <class A, class T> struct shift_ok {
  static const bool value = is_value<A>::value && (cint<T>::ok || (is_value<T>::value && operand<T>::INT));
};
template <class T> inline int shift_count(const T& n) {
  typename operand<T>::raw_type k = operand<T>::raw(n);
  return k > 4096 ? 4096 : (k < -4096 ? -4096 : (int)k);  // beyond any width: everything shifts out
}
template <class A> inline A shifted(const A& a, int k) {
  typedef typename A::raw_type C;
  typedef typename uns<C>::type U;
  const int B = sizeof(C) * 8;
  A r;
  if (k >= 0) {
    r.srhls_raw = k < B ? from_pattern<A::srhls_w, A::srhls_s, C>((U)a.srhls_raw << k) : 0;
  } else {
    r.srhls_raw = a.srhls_raw >> (-k < B ? -k : B - 1);
  }
  return r;
}
template <class A, class T>
inline typename enable_if<shift_ok<A, T>::value, A>::type operator<<(const A& a, const T& n) {
  return shifted(a, shift_count(n));
}
template <class A, class T>
inline typename enable_if<shift_ok<A, T>::value, A>::type operator>>(const A& a, const T& n) {
  return shifted(a, -shift_count(n));
}
template <class A, class T>
inline typename enable_if<shift_ok<A, T>::value, A&>::type operator<<=(A& a, const T& n) {
  return a = shifted(a, shift_count(n));
}
template <class A, class T>
inline typename enable_if<shift_ok<A, T>::value, A&>::type operator>>=(A& a, const T& n) {
  return a = shifted(a, -shift_count(n));
}

// ---- comparisons: exact between these types and C integers; with double through to_double() -------------------

// A signed value against an unsigned C integer of 32 bits or more: the vendor's headers compare the bit patterns as
// unsigned numbers there (ap_fixed<16,6>(-1.5) < 0U is false), so these headers refuse it.
template <class A, class B> struct unsigned_mix {
  static const bool value = (is_value<A>::value && operand<A>::S && cint<B>::ok && !cint<B>::s && cint<B>::w >= 32) ||
                            (is_value<B>::value && operand<B>::S && cint<A>::ok && !cint<A>::s && cint<A>::w >= 32);
};

template <class A, class B> inline int compare(const A& a, const B& b) {
  static_assert(!unsigned_mix<A, B>::value,
                "sr-hls headers: comparing a signed ap_fixed/ap_int with an unsigned C integer (e.g. x < 0U) is not "
                "supported (the vendor's headers compare the bit patterns unsigned); compare with a signed integer");
  typedef typename arith<A, B>::sub_type R;
  const typename R::raw_type x = aligned<R>(a), y = aligned<R>(b);
  return x < y ? -1 : (x > y ? 1 : 0);
}
#define SRHLS_COMPARE(OP)                                                                                  \
  template <class A, class B>                                                                              \
  inline typename enable_if<pair_ok<A, B>::value, bool>::type operator OP(const A& a, const B& b) {        \
    return compare(a, b) OP 0;                                                                             \
  }                                                                                                        \
  template <class A>                                                                                       \
  inline typename enable_if<is_value<A>::value, bool>::type operator OP(const A& a, double d) {            \
    return a.to_double() OP d;                                                                             \
  }                                                                                                        \
  template <class A>                                                                                       \
  inline typename enable_if<is_value<A>::value, bool>::type operator OP(double d, const A& a) {            \
    return d OP a.to_double();                                                                             \
  }
SRHLS_COMPARE(==)
SRHLS_COMPARE(!=)
SRHLS_COMPARE(<)
SRHLS_COMPARE(<=)
SRHLS_COMPARE(>)
SRHLS_COMPARE(>=)
#undef SRHLS_COMPARE

// ap_int/ap_uint print as integers, like the vendor's (at most 64 bits here); ap_fixed prints to_double().
template <bool INT> struct printer {
  template <class O, class A> static O& put(O& os, const A& a) { return os << a.to_double(); }
};
template <> struct printer<true> {
  template <class O, class A> static O& put(O& os, const A& a) {
    static_assert(A::srhls_w <= 64, "sr-hls headers: printing an ap_int/ap_uint wider than 64 bits is not supported");
    if (A::srhls_s) return os << a.to_int64();
    return os << a.to_uint64();
  }
};
template <class Ch, class Tr, class A>
inline typename enable_if<is_value<A>::value, std::basic_ostream<Ch, Tr>&>::type operator<<(
    std::basic_ostream<Ch, Tr>& os, const A& a) {
  return printer<A::srhls_int>::put(os, a);
}

// ---- operators the vendor's types have and these headers do not: each use stops the compilation with its name ----

template <class A, class B> struct either_value {
  static const bool value = is_value<A>::value || is_value<B>::value;
};
#define SRHLS_UNSUPPORTED_BINARY(OP, TEXT)                                                           \
  template <class A, class B>                                                                        \
  inline typename enable_if<either_value<A, B>::value, A>::type operator OP(const A& a, const B&) { \
    static_assert(unsupported<A>::value, "sr-hls headers: " TEXT " is not supported");               \
    return a;                                                                                        \
  }
SRHLS_UNSUPPORTED_BINARY(&, "the bitwise operator &")
SRHLS_UNSUPPORTED_BINARY(|, "the bitwise operator |")
SRHLS_UNSUPPORTED_BINARY(^, "the bitwise operator ^")
SRHLS_UNSUPPORTED_BINARY(%, "the remainder operator %")
SRHLS_UNSUPPORTED_BINARY(&=, "the bitwise operator &=")
SRHLS_UNSUPPORTED_BINARY(|=, "the bitwise operator |=")
SRHLS_UNSUPPORTED_BINARY(^=, "the bitwise operator ^=")
SRHLS_UNSUPPORTED_BINARY(%=, "the remainder operator %=")
SRHLS_UNSUPPORTED_BINARY(&&, "the logical operator && on ap_fixed/ap_int (compare with 0 first)")
SRHLS_UNSUPPORTED_BINARY(||, "the logical operator || on ap_fixed/ap_int (compare with 0 first)")
// The vendor's (a, b) is bit concatenation, C++'s the comma operator: the same text would mean two things.
SRHLS_UNSUPPORTED_BINARY(SRHLS_COMMA, "the concatenation (a, b) (C++'s comma operator here)")
#undef SRHLS_UNSUPPORTED_BINARY

template <class A>
inline typename enable_if<is_value<A>::value, A>::type operator~(const A& a) {
  static_assert(unsupported<A>::value, "sr-hls headers: the bitwise operator ~ is not supported");
  return a;
}
template <class A>
inline typename enable_if<is_value<A>::value, bool>::type operator!(const A&) {
  static_assert(unsupported<A>::value, "sr-hls headers: the operator ! on ap_fixed/ap_int is not supported; write x == 0");
  return false;
}

}  // namespace srhls

// The vendor's type names. Each converts implicitly from every type above, from double, float and C integers.
template <int W, int I, ap_q_mode Q, ap_o_mode O, int N>
struct ap_fixed : srhls::value<W, I, true, Q, O, N, false> {
  SRHLS_CONSTEXPR ap_fixed() {}
  template <class T>
  SRHLS_CONSTEXPR ap_fixed(const T& x, typename srhls::enable_if<srhls::source<T>::ok, int>::type = 0)
      : srhls::value<W, I, true, Q, O, N, false>(x) {}
};

template <int W, int I, ap_q_mode Q, ap_o_mode O, int N>
struct ap_ufixed : srhls::value<W, I, false, Q, O, N, false> {
  SRHLS_CONSTEXPR ap_ufixed() {}
  template <class T>
  SRHLS_CONSTEXPR ap_ufixed(const T& x, typename srhls::enable_if<srhls::source<T>::ok, int>::type = 0)
      : srhls::value<W, I, false, Q, O, N, false>(x) {}
};

template <int W>
struct ap_int : srhls::value<W, W, true, AP_TRN, AP_WRAP, 0, true> {
  SRHLS_CONSTEXPR ap_int() {}
  template <class T>
  SRHLS_CONSTEXPR ap_int(const T& x, typename srhls::enable_if<srhls::source<T>::ok, int>::type = 0)
      : srhls::value<W, W, true, AP_TRN, AP_WRAP, 0, true>(x) {}
};

template <int W>
struct ap_uint : srhls::value<W, W, false, AP_TRN, AP_WRAP, 0, true> {
  SRHLS_CONSTEXPR ap_uint() {}
  template <class T>
  SRHLS_CONSTEXPR ap_uint(const T& x, typename srhls::enable_if<srhls::source<T>::ok, int>::type = 0)
      : srhls::value<W, W, false, AP_TRN, AP_WRAP, 0, true>(x) {}
};

#undef SRHLS_COMMA
#undef SRHLS_CONSTEXPR
#undef SRHLS_BIT_CAST
#endif  // SRHLS_AP_TYPES_H
