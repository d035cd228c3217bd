// sr-hls host simulation: the testbench's binary I/O, used only when sr-hls itself compiles the testbench (it defines
// SRHLS_BINARY_IO); the vendor's tools compile the same testbench without it and read the decimal .dat files.
//
// A vector file (tb_data/*.bin; io.github.srhls.core.testbench.BinaryVectors writes and reads them in Java) is a
// 16-byte header, the 8 bytes "SRHLSF64", the number of values per vector as a 32-bit
// little-endian integer and 4 zero bytes, then every vector's values as IEEE-754 binary64, little-endian: the same
// doubles as the decimal files, without parsing. The testbench writes its outputs to the decimal file exactly as
// printf("%.17g") would (people read it), and compares them itself, writing a short summary that sr-hls reads.
#ifndef SRHLS_CSIM_IO_H
#define SRHLS_CSIM_IO_H

#include <cmath>
#include <cstdio>
#include <cstring>

namespace srhls_csim_io {

typedef unsigned long long u64;
__extension__ typedef unsigned __int128 u128;

static const char MAGIC[8] = {'S', 'R', 'H', 'L', 'S', 'F', '6', '4'};
static const int HEADER = 16;

inline bool little_endian() {
  const unsigned one = 1;
  unsigned char first;
  std::memcpy(&first, &one, 1);
  return first == 1;
}

inline u64 swap_if_big(u64 v) { return little_endian() ? v : __builtin_bswap64(v); }

// Reads vectors of `width` doubles.
struct reader {
  FILE *file;
  const char *path;
  int width;
  long vectors;
  char buffer[1 << 16];

  reader() : file(0), path(0), width(0), vectors(0) {}
  ~reader() {
    if (file) std::fclose(file);
  }

  // 0 when the file is open and its header says `width`; otherwise prints why and returns 2.
  int open(const char *name, int values) {
    path = name;
    width = values;
    file = std::fopen(name, "rb");
    if (!file) {
      std::fprintf(stderr, "sr-hls testbench: cannot open %s\n", name);
      return 2;
    }
    std::setvbuf(file, buffer, _IOFBF, sizeof buffer);
    unsigned char header[HEADER];
    if (std::fread(header, 1, HEADER, file) != (size_t)HEADER || std::memcmp(header, MAGIC, 8) != 0) {
      std::fprintf(stderr, "sr-hls testbench: %s is not an sr-hls vector file; run sr-hls:generate again\n", name);
      return 2;
    }
    const long declared = header[8] | (long)header[9] << 8 | (long)header[10] << 16 | (long)header[11] << 24;
    if (declared != values) {
      std::fprintf(stderr, "sr-hls testbench: %s has %ld values per vector, the design %d; run sr-hls:generate "
                   "again\n", name, declared, values);
      return 2;
    }
    return 0;
  }

  // 1 with the next vector in `v`, 0 at the end, 2 (printed) when the file ends inside a vector.
  int next(double *v) {
    const size_t got = std::fread(v, sizeof(double), (size_t)width, file);
    if (got == (size_t)width) {
      if (!little_endian()) {
        for (int i = 0; i < width; i++) {
          u64 bits;
          std::memcpy(&bits, &v[i], 8);
          bits = swap_if_big(bits);
          std::memcpy(&v[i], &bits, 8);
        }
      }
      vectors++;
      return 1;
    }
    if (got == 0 && std::feof(file)) return 0;
    std::fprintf(stderr, "sr-hls testbench: %s ends inside vector %ld; run sr-hls:generate again\n", path, vectors);
    return 2;
  }
};

// 5^k for k <= 55 (5^55 < 2^128).
inline const u128 *powers_of_five() {
  static u128 table[56];
  static bool ready = false;
  if (!ready) {
    table[0] = 1;
    for (int k = 1; k < 56; k++) table[k] = table[k - 1] * 5;
    ready = true;
  }
  return table;
}

inline int bit_length(u128 v) {
  const u64 high = (u64)(v >> 64);
  return high ? 128 - __builtin_clzll(high) : (v ? 64 - __builtin_clzll((u64)v) : 0);
}

// The decimal digits of v, most significant first, without leading zeros (v > 0); returns their count. Two digits
// per division, from a table.
inline int digits(u128 v, char *out) {
  static const char pairs[] =
      "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
      "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
      "8081828384858687888990919293949596979899";
  char reversed[48];
  int end = 48;
  while (v >> 64) {  // 19 digits at a time until the rest fits 64 bits
    const u128 q = v / 10000000000000000000ULL;
    u64 low = (u64)(v - q * 10000000000000000000ULL);
    for (int i = 0; i < 19; i++, low /= 10) reversed[--end] = (char)('0' + low % 10);
    v = q;
  }
  u64 low = (u64)v;
  while (low >= 100) {
    const unsigned r = (unsigned)(low % 100);
    low /= 100;
    end -= 2;
    reversed[end] = pairs[2 * r];
    reversed[end + 1] = pairs[2 * r + 1];
  }
  if (low >= 10) {
    end -= 2;
    reversed[end] = pairs[2 * low];
    reversed[end + 1] = pairs[2 * low + 1];
  } else {
    reversed[--end] = (char)('0' + low);
  }
  std::memcpy(out, reversed + end, (size_t)(48 - end));
  return 48 - end;
}

// Writes x exactly as printf("%.17g", x) does with glibc (round to nearest, ties to even, on the exact binary
// value) and returns the length. Every finite double m * 2^e whose exact decimal expansion fits 128 bits, which
// includes every fixed-point value of up to 53 significant bits and 55 fractional bits, is converted here from its
// exact digits; the others (zeros, infinities, NaN, very small or large values) go to snprintf itself.
inline int g17(double x, char *out) {
  u64 bits;
  std::memcpy(&bits, &x, 8);
  const int biased = (int)((bits >> 52) & 0x7ff);
  const u64 fraction = bits & ((1ULL << 52) - 1);
  if (biased == 0x7ff || biased == 0) return std::snprintf(out, 32, "%.17g", x);
  u64 m = fraction | (1ULL << 52);
  int e = biased - 1075;
  const int zeros = __builtin_ctzll(m);
  m >>= zeros;
  e += zeros;
  u128 exact;  // x = exact * 10^-scale
  int scale;
  if (e >= 0) {
    if (bit_length(m) + e > 127) return std::snprintf(out, 32, "%.17g", x);
    exact = (u128)m << e;
    scale = 0;
  } else {
    if (-e > 55) return std::snprintf(out, 32, "%.17g", x);
    const u128 five = powers_of_five()[-e];
    if (bit_length(m) + bit_length(five) > 128) return std::snprintf(out, 32, "%.17g", x);
    exact = (u128)m * five;
    scale = -e;
  }
  char d[48];
  int n = digits(exact, d);
  int exponent = n - 1 - scale;  // of the first digit
  if (n > 17) {
    bool up;
    if (d[17] != '5') {
      up = d[17] > '5';
    } else {
      bool rest = false;
      for (int i = 18; i < n; i++) rest = rest || d[i] != '0';
      up = rest || ((d[16] - '0') & 1) != 0;
    }
    n = 17;
    if (up) {
      int i = 16;
      while (i >= 0 && d[i] == '9') d[i--] = '0';
      if (i < 0) {
        d[0] = '1';
        exponent++;
      } else {
        d[i]++;
      }
    }
  }
  while (n > 1 && d[n - 1] == '0') n--;
  char *p = out;
  if (bits >> 63) *p++ = '-';
  if (exponent < -4 || exponent >= 17) {
    *p++ = d[0];
    if (n > 1) {
      *p++ = '.';
      std::memcpy(p, d + 1, (size_t)(n - 1));
      p += n - 1;
    }
    *p++ = 'e';
    *p++ = exponent < 0 ? '-' : '+';
    int a = exponent < 0 ? -exponent : exponent;
    if (a >= 100) {
      *p++ = (char)('0' + a / 100);
      a %= 100;
    }
    *p++ = (char)('0' + a / 10);
    *p++ = (char)('0' + a % 10);
  } else if (exponent >= 0) {
    for (int i = 0; i <= exponent; i++) *p++ = i < n ? d[i] : '0';
    if (n > exponent + 1) {
      *p++ = '.';
      std::memcpy(p, d + exponent + 1, (size_t)(n - exponent - 1));
      p += n - exponent - 1;
    }
  } else {
    *p++ = '0';
    *p++ = '.';
    for (int i = 0; i < -exponent - 1; i++) *p++ = '0';
    std::memcpy(p, d, (size_t)n);
    p += n;
  }
  return (int)(p - out);
}

inline u64 bits_of(double x) {
  u64 bits;
  std::memcpy(&bits, &x, 8);
  return bits;
}

// The index of the largest value, the first on ties (NaN is never larger): a classifier's predicted class.
inline int argmax(const double *values, int n) {
  int best = 0;
  for (int k = 1; k < n; k++) {
    if (values[k] > values[best]) best = k;
  }
  return best;
}

// The comparison sr-hls makes, done here as the vectors come instead of in Java over files: for each output the
// values that are not bit-identical to the expectation (NaN equals NaN, 0.0 and -0.0 differ) and the first ten of
// them, the largest and the summed absolute error against the float64 reference (in vector order, so the sum is
// the same double as Java's), and how often the largest output is the reference's largest. Written as text with
// every double as its bits in hexadecimal, so nothing is rounded on the way.
struct comparison {
  static const int SHOWN = 10;
  int width;
  long compared, agree;
  long *mismatches;
  double *max_error, *sum_error;
  FILE *first;  // the shown mismatches, as they come

  comparison() : width(0), compared(0), agree(0), mismatches(0), max_error(0), sum_error(0), first(0) {}
  ~comparison() {
    delete[] mismatches;
    delete[] max_error;
    delete[] sum_error;
  }

  void start(int n, FILE *shown) {
    width = n;
    first = shown;
    mismatches = new long[n];
    max_error = new double[n];
    sum_error = new double[n];
    for (int k = 0; k < n; k++) {
      mismatches[k] = 0;
      max_error[k] = 0.0;
      sum_error[k] = 0.0;
    }
  }

  void add(const double *want, const double *got, const double *reference) {
    agree += argmax(got, width) == argmax(reference, width);
    for (int k = 0; k < width; k++) {
      const bool same = (want[k] != want[k] && got[k] != got[k]) || bits_of(want[k]) == bits_of(got[k]);
      if (!same) {
        if (mismatches[k] < SHOWN) {
          std::fprintf(first, "mismatch %ld %d %016llx %016llx\n", compared, k, bits_of(want[k]), bits_of(got[k]));
        }
        mismatches[k]++;
      }
      const double error = got[k] == reference[k] ? 0.0 : std::fabs(got[k] - reference[k]);
      // as Java's Math.max: NaN wins
      if (max_error[k] == max_error[k] && (error != error || error > max_error[k])) max_error[k] = error;
      sum_error[k] += error;
    }
    compared++;
  }
};

// The testbench's files when sr-hls compiles it: the vectors, expected outputs and float64 reference from the binary
// files, the outputs to the decimal results file (the same bytes as the fprintf path), and the comparison's summary
// (argv[2]). The same calls as the testbench's tb_text_io.
struct tb_binary_io {
  reader inputs, expected, float64;
  const char *inputs_path, *expected_path, *float64_path, *summary_path;
  int n_inputs, n_outputs;
  bool reference_ended;
  FILE *text, *summary;
  char line[1 << 16];
  int used;
  double *want, *got, *reference;
  comparison compare;

  tb_binary_io(const char *inputs_file, int inputs_width, const char *expected_file, const char *float64_file,
               int outputs_width, const char *summary_file)
      : inputs_path(inputs_file), expected_path(expected_file), float64_path(float64_file),
        summary_path(summary_file), n_inputs(inputs_width), n_outputs(outputs_width), reference_ended(false),
        text(0), summary(0), used(0), want(new double[outputs_width]), got(new double[outputs_width]),
        reference(new double[outputs_width]) {}
  ~tb_binary_io() {
    if (text) std::fclose(text);
    if (summary) std::fclose(summary);
    delete[] want;
    delete[] got;
    delete[] reference;
  }

  // 0, or 2 when a file cannot be opened (printed)
  int tb_open(const char *results_path) {
    if (inputs.open(inputs_path, n_inputs) || expected.open(expected_path, n_outputs) ||
        float64.open(float64_path, n_outputs)) {
      return 2;
    }
    text = std::fopen(results_path, "w");
    if (!text) {
      std::fprintf(stderr, "sr-hls testbench: cannot write %s\n", results_path);
      return 2;
    }
    summary = summary_path ? std::fopen(summary_path, "w") : 0;
    if (!summary) {
      std::fprintf(stderr, "sr-hls testbench: cannot write %s\n", summary_path ? summary_path : "(no file given)");
      return 2;
    }
    compare.start(n_outputs, summary);
    return 0;
  }

  // 1 with the next vector and its expected outputs, 0 at the end of the inputs, 2 on an error (printed)
  int tb_next(double *in, double *expected_out) {
    int got_vector = inputs.next(in);
    if (got_vector != 1) return got_vector;
    got_vector = expected.next(expected_out);
    if (got_vector == 0) {
      std::fprintf(stderr, "sr-hls testbench: %s ends at vector %ld, before %s\n", expected.path,
                   expected.vectors, inputs.path);
      return 2;
    }
    if (got_vector != 1) return got_vector;
    std::memcpy(want, expected_out, sizeof(double) * (size_t)n_outputs);
    if (!reference_ended) {
      const int r = float64.next(reference);
      if (r == 2) return 2;
      reference_ended = r == 0;  // sr-hls reports the shorter file; the vectors after it are not compared
    }
    return 1;
  }

  void tb_put(double value, int k) {
    if (used > (int)sizeof line - 64) flush();
    if (k) line[used++] = ' ';
    used += g17(value, line + used);
    got[k] = value;
  }
  void tb_end_vector() {
    line[used++] = '\n';
    if (!reference_ended) compare.add(want, got, reference);
  }
  void flush() {
    std::fwrite(line, 1, (size_t)used, text);
    used = 0;
  }

  // 0, or 2 when the results could not be written (printed)
  int tb_close(const char *results_path) {
    flush();
    const bool ok = !std::ferror(text);
    const bool closed = std::fclose(text) == 0;
    text = 0;
    if (!ok || !closed) {
      std::fprintf(stderr, "sr-hls testbench: error writing %s\n", results_path);
      return 2;
    }
    std::fprintf(summary, "vectors %ld %ld\n", inputs.vectors, compare.compared);
    for (int k = 0; k < n_outputs; k++) {
      std::fprintf(summary, "output %d %ld %016llx %016llx\n", k, compare.mismatches[k], bits_of(compare.max_error[k]),
                   bits_of(compare.sum_error[k]));
    }
    std::fprintf(summary, "agree %ld\nend\n", compare.agree);
    const bool summary_ok = !std::ferror(summary);
    const bool summary_closed = std::fclose(summary) == 0;
    summary = 0;
    if (!summary_ok || !summary_closed) {
      std::fprintf(stderr, "sr-hls testbench: error writing %s\n", summary_path);
      return 2;
    }
    return 0;
  }
};

}  // namespace srhls_csim_io

#endif  // SRHLS_CSIM_IO_H
