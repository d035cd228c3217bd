// Stand-in testbench following the generated-project contract. Test hooks (compiler flags):
// STANDIN_SKIP_CHECK never compares (exits 0), STANDIN_CRASH aborts after writing, STANDIN_HANG never ends.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>
#ifdef STANDIN_HANG
#include <unistd.h>
#endif
#include "firmware/affine.h"

static bool read_vector(std::ifstream &in, std::vector<double> &values, size_t width) {
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    values.clear();
    std::string token;
    while (fields >> token) values.push_back(std::strtod(token.c_str(), nullptr));
    if (!values.empty()) return values.size() == width;
  }
  return false;
}

int main(int argc, char **argv) {
  const char *results_name = argc > 1 ? argv[1] : "csim_results.dat";
  std::ifstream inputs("tb_data/tb_input_features.dat");
  std::ifstream expected("tb_data/tb_output_predictions.dat");
  FILE *results = std::fopen(results_name, "w");
  if (!inputs || !expected || !results) {
    std::fprintf(stderr, "cannot open the test data or %s\n", results_name);
    return 2;
  }
  std::vector<double> x, want;
  long vectors = 0, mismatches = 0;
  while (read_vector(inputs, x, N_INPUTS)) {
    input_t in[N_INPUTS];
    result_t out[N_OUTPUTS];
    for (int i = 0; i < N_INPUTS; i++) in[i] = x[i];
    affine(in, out);
    for (int o = 0; o < N_OUTPUTS; o++) std::fprintf(results, o ? " %.17g" : "%.17g", (double)out[o]);
    std::fprintf(results, "\n");
    if (!read_vector(expected, want, N_OUTPUTS)) {
      mismatches++;
    } else {
      for (int o = 0; o < N_OUTPUTS; o++) {
        double got = out[o];
        if (std::memcmp(&got, &want[o], sizeof got) != 0) mismatches++;
      }
    }
    vectors++;
  }
  std::fclose(results);
  std::printf("affine: %ld vectors, %ld mismatches\n", vectors, mismatches);
#ifdef STANDIN_CRASH
  std::abort();
#endif
#ifdef STANDIN_HANG
  for (;;) pause();
#endif
#ifdef STANDIN_SKIP_CHECK
  return 0;
#else
  return mismatches == 0 ? 0 : 1;
#endif
}
