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
      "ap_fixed<1025, 10> w; (void)w;| limited to 1024 bits",
      "ap_fixed<600, 10> a, b; (void)(a * b);| limited to 1024 bits"})
  void whatTheVendorRefusesDoesNotCompile(String statement, String diagnostic) throws IOException {
    Gpp.Outcome o = compileSnippet(statement);
    assertNotEquals(0, o.exitCode(), statement + " compiled");
    if (diagnostic != null) {
      assertTrue(o.output().contains(diagnostic.strip()), o.output());
    }
  }

  /**
   * What the vendor's types have and these headers do not implement, or where the vendor's meaning is not the
   * obvious one (issue 13, item 22): each use stops the compilation with a message naming the construct, instead
   * of compiling to something else (C++'s comma operator for the vendor's concatenation).
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '#', value = {
      "ap_int<16> c = (i, i); (void)c;# the concatenation (a, b)",
      "(void)(x, x);# the concatenation (a, b)",
      "(void)x.range(3, 0);# range()",
      "(void)x[2];# operator[]",
      "(void)i.get_bit(1);# get_bit()",
      "i.set_bit(1, true);# set_bit()",
      "(void)x.to_string();# to_string()",
      "(void)(i & i);# the bitwise operator &",
      "(void)(i | 1);# the bitwise operator |",
      "(void)(x ^ x);# the bitwise operator ^",
      "(void)~i;# the bitwise operator ~",
      "i &= i;# the bitwise operator &=",
      "(void)(i % 3);# the remainder operator %",
      "i %= 3;# the remainder operator %=",
      "i++;# ++ is not supported",
      "++x;# ++ is not supported",
      "i--;# -- is not supported",
      "--x;# -- is not supported",
      "(void)!x;# the operator !",
      "(void)(x && i);# the logical operator &&",
      "int n = i; (void)n;# implicit conversion",
      "double d = x; (void)d;# implicit conversion",
      "if (x) {}# implicit conversion",
      "(void)(x < 0U);# comparing a signed ap_fixed/ap_int with an unsigned C integer",
      "(void)(i >= 0UL);# comparing a signed ap_fixed/ap_int with an unsigned C integer",
      "(void)(0ULL == x);# comparing a signed ap_fixed/ap_int with an unsigned C integer",
      "(void)(3 / x);# a C integer divided by ap_fixed/ap_int",
      "(void)(3 / i);# a C integer divided by ap_fixed/ap_int",
      "ap_uint<70> u = 1; (void)u.to_double();# to_double() of an ap_int/ap_uint wider than 64 bits",
      "ap_int<65> u = 1; (void)u.to_float();# to_float() of an ap_int/ap_uint wider than 64 bits",
      "(void)ap_fixed<8, -2>(-0.1).to_int();# to_int() and the other integer conversions of a type with I < 0",
      "(void)ap_ufixed<8, -1>(0.1).to_uint64();# to_int() and the other integer conversions of a type with I < 0",
      "ap_uint<8> u = ap_fixed<8, -2>(-0.1); (void)u;# converting a type with I < 0 to ap_int/ap_uint",
      "ap_fixed<6, 14, AP_RND, AP_SAT> c = x; (void)c;# rounding into a type whose rounding bit lies above",
      "ap_fixed<8, -2, AP_RND_CONV> c = ap_fixed<8, -12>(0); (void)c;# rounding into a type whose rounding bit",
      "ap_fixed<8, 44, AP_RND> c = 1; (void)c;# rounding into a type whose rounding bit lies above",
      "ap_fixed<6, 14, AP_TRN_ZERO> c = x; (void)c;# rounding into a type whose rounding bit lies above",
      "(void)x.to_long();# to_long() of ap_fixed/ap_ufixed",
      "(void)x.to_ulong();# to_ulong() of ap_fixed/ap_ufixed"})
  void unimplementedConstructsFailToCompileNamingThem(String statement, String construct) throws IOException {
    Gpp.Outcome o = compileSnippet(statement);
    assertNotEquals(0, o.exitCode(), statement + " compiled");
    assertTrue(o.output().contains("sr-hls headers: " + construct.strip()), o.output());
  }

  /** The same uses that stay allowed: comparisons with signed or narrow unsigned integers, value / C integer. */
  @Test
  void theNeighboursOfTheRefusedConstructsCompile() throws IOException {
    Gpp.Outcome o = compileSnippet("""
          bool b = x < 0 && i >= (unsigned short)0 && ap_ufixed<8, 4>(1) < 0U && x != 0LL;
          (void)b;
          ap_fixed<16, 6> q = x / 3 + x / i + ap_int<32>(3) / x + i / 2u;
          (void)q;
          ap_fixed<6, 14, AP_RND, AP_SAT> c = ap_fixed<18, 8>(x);
          ap_fixed<6, 14, AP_TRN, AP_SAT> d = x;
          ap_ufixed<6, 14, AP_TRN_ZERO> e = ap_ufixed<8, 4>(3);
          (void)c;
          (void)d;
          (void)e;
        """);
    assertEquals(0, o.exitCode(), o.output());
  }

  /** ap_int/ap_uint from a double in (-0.5, 0): the vendor's header versions disagree, so the program stops. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"'ap_int<8>(-0.2)'", "'ap_uint<16>(-1e-300)'", "'ap_int<8>(-0.49f)'"})
  void anIntegerFromADoubleBetweenMinusOneHalfAndZeroStops(String expression) throws IOException {
    Path source = work.resolve("stop.cpp");
    Files.writeString(source, "#include \"ap_int.h\"\n#include <cstdio>\n"
        + "int main() {\n  std::printf(\"%d\\n\", (int)" + expression + ".to_int());\n  return 0;\n}\n");
    Path exe = Gpp.compile(work, source, List.of("-std=c++14", "-O2"));
    Gpp.Outcome o = Gpp.run(List.of(exe.toString()), null, 60);
    assertNotEquals(0, o.exitCode(), o.output());
    assertTrue(o.output().contains("is not supported: the vendor's header versions give +1 or 0"), o.output());
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


  /**
   * A table of fixed-point values initialized from doubles, as the firmware's function tables are, is built by the
   * compiler (a constant expression) in C++14: no start-up code, which is what made the host simulation slow to
   * compile. The constants are the bits a conversion at run time gives, rounding, saturation and wrapping included.
   */
  @Test
  void tablesInitializedFromDoublesAreConstantExpressions() throws IOException {
    String[][] cases = {
        {"ap_fixed<8,3,AP_RND,AP_SAT>", "2.71828", "0x57"}, {"ap_fixed<8,3,AP_RND,AP_SAT>", "-5.0", "-128"},
        {"ap_fixed<8,3>", "2.71828", "0x56"}, {"ap_fixed<8,3>", "5.0", "-96"}, {"ap_fixed<8,3>", "-0.1", "-4"},
        {"ap_fixed<4,4,AP_RND,AP_WRAP_SM>", "19", "-4"}, {"ap_fixed<4,4,AP_RND,AP_WRAP_SM>", "-19", "2"},
        {"ap_ufixed<4,4,AP_RND,AP_WRAP>", "-19", "13"}, {"ap_fixed<4,4,AP_TRN,AP_WRAP,2>", "19", "7"},
        {"ap_ufixed<4,4,AP_TRN,AP_WRAP,1>", "-9", "15"}, {"ap_fixed<4,4,AP_TRN,AP_SAT_SYM>", "-8", "-7"},
        {"ap_int<8>", "-3.7", "-3"}, {"ap_uint<70>", "1e20", "100000000000000000000.0"},
        {"ap_fixed<100,60,AP_RND_CONV>", "-1234.5678", "(srhls::i128)-1234.5678 * 1099511627776"},
        {"ap_fixed<18,8>", "0.0029296875", "3"}, {"ap_fixed<18,8,AP_RND>", "1e-300", "0"}};
    StringBuilder source = new StringBuilder("#include \"ap_fixed.h\"\n#include \"ap_int.h\"\n#include <cstdio>\n");
    StringBuilder checks = new StringBuilder();
    for (int i = 0; i < cases.length; i++) {
      String type = cases[i][0];
      String value = cases[i][1];
      source.append("constexpr ").append(type).append(" c").append(i).append("[] = {").append(value)
          .append(", -0.0};\n");
      if (!cases[i][2].contains("*") && !cases[i][2].contains(".")) {
        source.append("static_assert(c").append(i).append("[0].srhls_raw == ").append(cases[i][2])
            .append(", \"").append(type).append("(").append(value).append(")\");\n");
      }
      checks.append("  { volatile double d = ").append(value).append("; ").append(type).append(" r((double)d); if (r.srhls_raw")
          .append(" != c").append(i).append("[0].srhls_raw) { std::printf(\"differs: %d\\n\", ").append(i)
          .append("); bad++; } }\n");
    }
    source.append("int main() {\n  int bad = 0;\n").append(checks).append("  std::printf(\"%d differ\\n\", bad);\n")
        .append("  return bad;\n}\n");
    Path file = work.resolve("tables.cpp");
    Files.writeString(file, source);
    Path exe = Gpp.compile(work, file, List.of("-std=c++14", "-O1"));
    Gpp.Outcome o = Gpp.run(List.of(exe.toString()), null, 60);
    assertEquals(0, o.exitCode(), o.output());
    assertEquals("0 differ", o.output().strip());
  }
}
