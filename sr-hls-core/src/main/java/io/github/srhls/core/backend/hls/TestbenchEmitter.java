package io.github.srhls.core.backend.hls;

import io.github.srhls.core.design.Design;
import io.github.srhls.core.testbench.TestbenchData;
import java.nio.file.Path;
import java.util.List;

/**
 * Emits {@code <name>_test.cpp}: reads {@code tb_data/tb_input_features.dat}, runs the top function on every
 * vector, writes the outputs (argv[1], default {@code csim_results.dat}), compares each value bit for bit with
 * {@code tb_data/tb_output_predictions.dat}, prints a summary and returns non-zero on any mismatch. It uses only
 * the C library and the types' common API, so the vendor's C simulation and co-simulation run it unchanged.
 */
public final class TestbenchEmitter {
  private final Design design;
  private final Provenance provenance;
  private final double tolerance;

  /**
   * @param tolerance 0 for a bit-accurate comparison; otherwise the largest difference accepted, for designs whose
   *     expected outputs are approximate (vendor math)
   */
  public TestbenchEmitter(Design design, Provenance provenance, double tolerance) {
    this.design = design;
    this.provenance = provenance;
    this.tolerance = tolerance;
  }

  public String fileName() {
    return design.name() + "_test.cpp";
  }

  public String emit() {
    String name = design.name();
    List<String> outputs = design.graph().outputNames();
    StringBuilder names = new StringBuilder();
    for (int k = 0; k < outputs.size(); k++) {
      names.append(k == 0 ? "" : ", ").append('"').append(outputs.get(k)).append('"');
    }
    return provenance.header(name, "Testbench") + """
        #include <cmath>
        #include <cstdio>
        #include <cstdlib>
        #include <cstring>

        #include "firmware/%1$s.h"

        // One vector per line: the longest line we accept, in characters.
        static const int TB_LINE_CAP = 1 << 16;
        static const int MAX_REPORTED = 10;
        static const char *const OUTPUT_NAMES[N_OUTPUTS] = {%2$s};

        // Reads n numbers from the next non-blank line; returns 0 at end of file, -1 on a malformed line.
        static int read_vector(FILE *f, char *line, double *values, int n, long *line_no) {
          while (fgets(line, TB_LINE_CAP, f)) {
            ++*line_no;
            if (!strchr(line, '\\n') && !feof(f)) return -1;
            char *p = line;
            while (*p == ' ' || *p == '\\t' || *p == '\\r' || *p == '\\n') p++;
            if (*p == '\\0') continue;
            for (int i = 0; i < n; i++) {
              char *end;
              values[i] = strtod(p, &end);
              if (end == p) return -1;
              p = end;
            }
            while (*p == ' ' || *p == '\\t' || *p == '\\r' || *p == '\\n') p++;
            return *p == '\\0' ? 1 : -1;
          }
          return 0;
        }

        int main(int argc, char **argv) {
          const char *results_path = argc > 1 ? argv[1] : "%6$s";
          FILE *fin = fopen("%4$s", "r");
          FILE *fexp = fopen("%5$s", "r");
          if (!fin || !fexp) {
            fprintf(stderr, "sr-hls testbench: cannot open %4$s or %7$s\\n");
            return 2;
          }
          FILE *fout = fopen(results_path, "w");
          if (!fout) {
            fprintf(stderr, "sr-hls testbench: cannot write %%s\\n", results_path);
            return 2;
          }
          static char line[TB_LINE_CAP];
          double in[N_INPUTS];
          double expected[N_OUTPUTS];
          long vectors = 0, mismatches = 0, in_line = 0, exp_line = 0;
          for (;;) {
            int got = read_vector(fin, line, in, N_INPUTS, &in_line);
            if (got == 0) break;
            if (got < 0) {
              fprintf(stderr, "sr-hls testbench: %4$s line %%ld: expected %%d numbers\\n",
                      in_line, N_INPUTS);
              return 2;
            }
            if (read_vector(fexp, line, expected, N_OUTPUTS, &exp_line) != 1) {
              fprintf(stderr, "sr-hls testbench: %5$s line %%ld: expected %%d numbers\\n",
                      exp_line, N_OUTPUTS);
              return 2;
            }
            input_t x[N_INPUTS];
            result_t y[N_OUTPUTS];
            for (int i = 0; i < N_INPUTS; i++) x[i] = in[i];
            %1$s(x, y);
            for (int k = 0; k < N_OUTPUTS; k++) {
              double value = y[k].to_double();
              fprintf(fout, k ? " %%.17g" : "%%.17g", value);
              if (%3$s) {
                if (++mismatches <= MAX_REPORTED) {
                  printf("MISMATCH vector %%ld output %%s: expected %%.17g, got %%.17g\\n", vectors, OUTPUT_NAMES[k],
                         expected[k], value);
                }
              }
            }
            fputc('\\n', fout);
            vectors++;
          }
          fclose(fin);
          fclose(fexp);
          if (fclose(fout) != 0) {
            fprintf(stderr, "sr-hls testbench: error writing %%s\\n", results_path);
            return 2;
          }
          printf("sr-hls testbench: %%ld vectors, %%ld mismatches\\n", vectors, mismatches);
          return mismatches == 0 && vectors > 0 ? 0 : 1;
        }
        """.formatted(name, names, tolerance == 0
            ? "value != expected[k]"
            : "std::fabs(value - expected[k]) > " + tolerance + "  /* vendor math: approximate expectation */",
            TestbenchData.INPUTS, TestbenchData.EXPECTED, TestbenchData.RESULTS,
            Path.of(TestbenchData.EXPECTED).getFileName());
  }
}
