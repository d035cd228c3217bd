package io.github.srhls.core.fixed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Our C++ headers compiled by the real g++: the facts' worked examples, and what must not compile. */
class FixedCppHeadersTest {

  @TempDir
  Path work;

  @BeforeAll
  static void needsGpp() {
    Assumptions.assumeTrue(Gpp.available(), "no g++ on the PATH");
  }

  static Path resource(Path dir, String name) throws IOException {
    try (InputStream in = FixedCppHeadersTest.class.getResourceAsStream(name)) {
      Path file = dir.resolve(name);
      Files.write(file, in.readAllBytes());
      return file;
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"-std=c++14, -O2", "-std=c++11, -O0"})
  void workedExamplesHoldInCpp(String standard, String optimization) throws IOException {
    Path exe = Gpp.compile(work, resource(work, "worked_examples.cpp"), List.of(standard, optimization));
    Gpp.Outcome o = Gpp.run(List.of(exe.toString()), null, 60);
    assertEquals(0, o.exitCode(), o.output());
    assertTrue(o.output().matches("all \\d+ checks passed\\s*"), o.output());
  }

  private Gpp.Outcome compileSnippet(String body) throws IOException {
    Path source = work.resolve("snippet.cpp");
    Files.writeString(source, "#include \"ap_fixed.h\"\n#include \"ap_int.h\"\n"
        + "int main() {\n  ap_fixed<16, 6> x(1.5);\n  ap_int<8> i(3);\n  (void)x;\n  (void)i;\n" + body
        + "\n  return 0;\n}\n");
    return Gpp.tryCompile(work, source);
  }

  @Test
  void theAllowedSpellingsCompile() throws IOException {
    Gpp.Outcome o = compileSnippet("""
          typedef ap_fixed<16, 6> t;
          t y = x + t(0.5);
          y += 1;
          y = y * 2u - i;
          y <<= 1;
          bool b = y > 0.25 && 1 < y && y != i;
          (void)b;
          ap_int<9> j = i + 1;
          j /= i;
        """);
    assertEquals(0, o.exitCode(), o.output());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "x + 0.5;|",
      "0.5 * x;|",
      "x - 1.0f;|",
      "x / 2.0;|",
      "x += 0.5;|",
      "i *= 0.5;|",
      "i += x;|",
      "ap_ufixed<8, 3, AP_TRN, AP_WRAP_SM> u; (void)u;| AP_WRAP_SM",
      "ap_fixed<129, 10> w; (void)w;| limited to 128 bits",
      "ap_fixed<100, 10> a, b; (void)(a * b);| limited to 128 bits"})
  void whatTheVendorRefusesDoesNotCompile(String statement, String diagnostic) throws IOException {
    Gpp.Outcome o = compileSnippet(statement);
    assertNotEquals(0, o.exitCode(), statement + " compiled");
    if (diagnostic != null) {
      assertTrue(o.output().contains(diagnostic.strip()), o.output());
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"'ap_fixed<16,6>'", "'ap_fixed<64,6>'"})
  void divisionByZeroTraps(String type) throws IOException {
    Path source = work.resolve("zero.cpp");
    Files.writeString(source, "#include \"ap_fixed.h\"\n#include <cstdio>\n"
        + "int main(int argc, char**) {\n  " + type + " a(1.5), zero(argc - 1);\n"
        + "  std::printf(\"%g\\n\", (a / zero).to_double());\n  return 0;\n}\n");
    Path exe = Gpp.compile(work, source, List.of("-std=c++14", "-O2"));
    Gpp.Outcome o = Gpp.run(List.of(exe.toString()), null, 60);
    assertEquals(128 + 8, o.exitCode(), "SIGFPE expected: " + o.output());
  }

}
