// Runs a generated model ("model.h": typedef in_t, SRHLS_INPUTS, and template <class Out> void model(const in_t*,
// Out&) that passes every node's value to out) on input vectors read from stdin, one line of SRHLS_INPUTS hex
// double bit patterns each (FixedCppModelTest).
//   model_driver        prints every node's raw code, one line per vector
//   model_driver N      evaluates N vectors (cycling through the input) and prints a checksum: the timing run
#include "ap_fixed.h"
#include "ap_int.h"
#include "model.h"
#include "print_i128.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

struct printer {
  bool first = true;
  template <class T> void operator()(const T& v) {
    if (!first) std::putchar(' ');
    first = false;
    print(v.srhls_raw);
  }
};

struct checksum {
  unsigned long long sum = 0;
  template <class T> void operator()(const T& v) { sum = sum * 31 + (unsigned long long)v.srhls_raw; }
};

int main(int argc, char** argv) {
  std::vector<double> inputs;
  unsigned long long bits;
  while (std::scanf("%llx", &bits) == 1) {
    double d;
    std::memcpy(&d, &bits, sizeof d);
    inputs.push_back(d);
  }
  const size_t vectors = inputs.size() / SRHLS_INPUTS;
  if (vectors == 0) return 2;
  in_t x[SRHLS_INPUTS];
  const long long runs = argc > 1 ? std::atoll(argv[1]) : 0;
  if (runs == 0) {
    for (size_t v = 0; v < vectors; ++v) {
      for (int i = 0; i < SRHLS_INPUTS; ++i) x[i] = inputs[v * SRHLS_INPUTS + i];
      printer out;
      model(x, out);
      std::putchar('\n');
    }
    return 0;
  }
  checksum out;
  for (long long r = 0; r < runs; ++r) {
    const double* in = &inputs[(size_t)(r % (long long)vectors) * SRHLS_INPUTS];
    for (int i = 0; i < SRHLS_INPUTS; ++i) x[i] = in[i];
    model(x, out);
  }
  std::printf("%llu\n", out.sum);
  return 0;
}
