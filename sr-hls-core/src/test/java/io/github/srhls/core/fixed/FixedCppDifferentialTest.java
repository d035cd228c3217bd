package io.github.srhls.core.fixed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random cases evaluated by the Java model and by our C++ headers (compiled with the real g++), compared bit for
 * bit: conversions from double and between types, + - * / and negation with their result types, the six
 * comparisons, the compound assignments, and to_double / to_float / to_int64 / to_int of every result.
 *
 * <p>System properties: {@code srhls.fixed.cases} (default 1000000, the number CI runs), {@code srhls.fixed.seed} (default fixed),
 * {@code srhls.fixed.cxxflags} (more g++ flags, default none).
 */
class FixedCppDifferentialTest {

  private static final int CASES = Integer.getInteger("srhls.fixed.cases", 1_000_000);
  private static final long SEED = Long.getLong("srhls.fixed.seed", 0x5eed_f1edL);
  /** More g++ flags, e.g. "-fsanitize=undefined -fno-sanitize-recover" to look for undefined behaviour. */
  private static final List<String> EXTRA_FLAGS =
      List.of(System.getProperty("srhls.fixed.cxxflags", "").trim().split("\\s+")).stream()
          .filter(f -> !f.isEmpty()).toList();
  private static final int CASTS = 110;
  private static final int PAIRS = 100;
  /**
   * Pairs always among the operands and casts: 64-bit unsigned operands, whose products need 129 bits, and their
   * full-precision results assigned back.
   */
  private static final List<String[]> REQUIRED_PAIRS = List.of(
      new String[] {"ap_uint<64>", "ap_uint<64>"}, new String[] {"ap_ufixed<64,20>", "ap_ufixed<64,20>"},
      new String[] {"ap_ufixed<64,20,AP_RND,AP_WRAP,2>", "ap_uint<64>"},
      new String[] {"ap_ufixed<64,20>", "ap_fixed<64,32,AP_RND,AP_SAT>"},
      new String[] {"ap_uint<64>", "unsigned long long"}, new String[] {"ap_ufixed<64,-10,AP_RND_CONV,AP_SAT>",
          "ap_ufixed<64,70,AP_RND,AP_SAT>"});
  private static final List<String[]> REQUIRED_CASTS = List.of(
      new String[] {"ap_ufixed<128,40>", "ap_ufixed<64,20,AP_RND,AP_WRAP,2>"},
      new String[] {"ap_ufixed<128,40>", "ap_fixed<64,32,AP_RND,AP_SAT>"},
      new String[] {"ap_uint<128>", "ap_uint<64>"}, new String[] {"ap_uint<128>", "ap_int<64>"},
      new String[] {"ap_ufixed<128,40,AP_RND,AP_SAT>", "ap_ufixed<20,10,AP_RND_CONV,AP_SAT>"},
      new String[] {"ap_fixed<200,80,AP_RND,AP_WRAP_SM>", "ap_ufixed<64,20>"});

  /** A type of the test: a fixed/int type, or a C integer type (an operand only). */
  record Entry(String cpp, FixedType type, boolean cInteger) {
  }

  private static final List<Entry> TYPES = types();

  private static List<Entry> types() {
    List<Entry> list = new ArrayList<>();
    for (String spelling : List.of(
        "ap_fixed<8,3>", "ap_fixed<8,3,AP_RND,AP_SAT>", "ap_fixed<8,3,AP_RND_ZERO,AP_SAT_SYM>",
        "ap_fixed<8,3,AP_RND_MIN_INF,AP_SAT_ZERO>", "ap_fixed<8,3,AP_RND_INF,AP_WRAP_SM>",
        "ap_fixed<8,3,AP_RND_CONV,AP_WRAP>", "ap_fixed<8,3,AP_TRN_ZERO,AP_SAT>", "ap_fixed<3,2,AP_RND,AP_SAT>",
        "ap_fixed<4,4,AP_RND,AP_WRAP_SM>", "ap_fixed<4,4,AP_TRN,AP_WRAP,2>", "ap_fixed<6,2,AP_RND_CONV,AP_WRAP,1>",
        "ap_fixed<10,4,AP_RND_INF,AP_WRAP_SM,1>", "ap_fixed<10,4,AP_RND_ZERO,AP_WRAP_SM,3>",
        "ap_fixed<12,-2,AP_RND,AP_SAT>", "ap_fixed<6,10>", "ap_fixed<6,10,AP_RND_CONV,AP_SAT_SYM>",
        "ap_fixed<16,6>", "ap_fixed<16,6,AP_RND,AP_SAT>", "ap_fixed<18,8,AP_RND_CONV,AP_SAT>",
        "ap_fixed<24,12,AP_TRN_ZERO,AP_WRAP_SM,2>", "ap_fixed<32,16,AP_RND,AP_SAT_SYM>",
        "ap_fixed<1,1,AP_RND,AP_SAT>", "ap_fixed<48,20,AP_RND_MIN_INF,AP_WRAP,5>", "ap_fixed<64,32,AP_RND,AP_SAT>",
        "ap_fixed<64,-10,AP_RND_CONV,AP_WRAP_SM>", "ap_fixed<64,70,AP_TRN_ZERO,AP_SAT_SYM>",
        "ap_fixed<100,40,AP_RND,AP_SAT>", "ap_fixed<128,60,AP_RND_CONV,AP_WRAP,3>",
        "ap_ufixed<8,3>", "ap_ufixed<8,3,AP_RND,AP_SAT>", "ap_ufixed<4,4,AP_RND,AP_WRAP>",
        "ap_ufixed<4,4,AP_TRN,AP_WRAP,1>", "ap_ufixed<10,2,AP_RND_ZERO,AP_SAT_SYM>",
        "ap_ufixed<12,-3,AP_RND_INF,AP_SAT_ZERO>", "ap_ufixed<9,12,AP_TRN_ZERO,AP_WRAP,3>",
        "ap_ufixed<20,10,AP_RND_CONV,AP_SAT>", "ap_ufixed<64,20,AP_RND,AP_WRAP,2>", "ap_ufixed<1,0,AP_RND,AP_SAT>",
        "ap_ufixed<127,50,AP_RND_MIN_INF,AP_SAT>",
        "ap_int<8>", "ap_int<1>", "ap_int<33>", "ap_int<64>", "ap_uint<8>", "ap_uint<17>", "ap_uint<64>",
        // wider than 128 bits (129 unsigned), as the products and sums of 64-bit types are (issue 14, item 2)
        "ap_ufixed<64,20>", "ap_ufixed<64,-10,AP_RND_CONV,AP_SAT>", "ap_ufixed<64,70,AP_RND,AP_SAT>",
        "ap_ufixed<128,40>", "ap_ufixed<128,40,AP_RND,AP_SAT>", "ap_uint<128>", "ap_int<130>",
        "ap_fixed<129,60,AP_RND_CONV,AP_SAT_SYM>", "ap_fixed<200,80,AP_RND,AP_WRAP_SM>",
        "ap_ufixed<193,65,AP_RND_INF,AP_WRAP,3>")) {
      list.add(new Entry(spelling, FixedType.parse(spelling), false));
    }
    list.add(new Entry("int", FixedType.apInt(32), true));
    list.add(new Entry("unsigned", FixedType.apUint(32), true));
    list.add(new Entry("long long", FixedType.apInt(64), true));
    list.add(new Entry("unsigned long long", FixedType.apUint(64), true));
    list.add(new Entry("short", FixedType.apInt(16), true));
    list.add(new Entry("unsigned char", FixedType.apUint(8), true));
    list.add(new Entry("bool", FixedType.apUint(1), true));
    return List.copyOf(list);
  }

  @TempDir
  Path work;

  private final Random random = new Random(SEED);
  /** Cases where the vendor's division wraps (most negative / -1 LSB with both signed). */
  private int divisionWraps;

  @Test
  void javaModelAndCppHeadersAgreeBitForBit() throws IOException {
    Assumptions.assumeTrue(Gpp.available(), "no g++ on the PATH");
    // the headers refuse converting a type with I < 0 to ap_int/ap_uint (the vendor's result is undefined)
    List<int[]> casts = pick(CASTS, (s, d) -> !TYPES.get(d).cInteger() && s != d
        && !(TYPES.get(d).type().integer() && !TYPES.get(s).type().integer() && TYPES.get(s).type().intBits() < 0)
        && !readsPastSource(TYPES.get(s).type(), TYPES.get(d).type()), REQUIRED_CASTS);
    List<int[]> pairs = pick(PAIRS, (a, b) -> !(TYPES.get(a).cInteger() && TYPES.get(b).cInteger()) && fits(a, b),
        REQUIRED_PAIRS);
    writeCasesHeader(casts, pairs);

    long start = System.nanoTime();
    Path driver = FixedCppHeadersTest.resource(work, "differential_driver.cpp");
    FixedCppHeadersTest.resource(work, "print_i128.h");
    List<String> flags = new ArrayList<>(List.of("-std=c++14", "-O1", "-I" + work));
    flags.addAll(EXTRA_FLAGS);
    Path exe = Gpp.compile(work, driver, flags);
    long compiled = System.nanoTime();

    Map<Character, Integer> counts = new LinkedHashMap<>();
    List<String> expected = new ArrayList<>(CASES);
    Path input = work.resolve("cases.txt");
    try (BufferedWriter in = Files.newBufferedWriter(input, StandardCharsets.US_ASCII)) {
      for (int k = 0; k < CASES; k++) {
        int kind = random.nextInt(20);
        String[] c = kind < 5 ? fromDouble() : kind < 10 ? cast(casts) : kind < 18 ? binary(pairs) : negation();
        in.write(c[0]);
        in.newLine();
        expected.add(c[1]);
        counts.merge(c[0].charAt(0), 1, Integer::sum);
      }
    }
    Gpp.Outcome run = Gpp.run(List.of(exe.toString()), input, 300);
    long ran = System.nanoTime();
    assertEquals(0, run.exitCode(), () -> tail(run.output()));

    List<String> inputs = Files.readAllLines(input, StandardCharsets.US_ASCII);
    String[] actual = run.output().split("\n", -1);
    assertTrue(actual.length >= CASES, "the driver printed " + actual.length + " lines for " + CASES + " cases");
    List<String> mismatches = new ArrayList<>();
    int mismatchCount = 0;
    for (int k = 0; k < CASES; k++) {
      if (!expected.get(k).equals(actual[k])) {
        if (++mismatchCount <= 15) {
          mismatches.add(describe(inputs.get(k), casts, pairs) + "\n    java: " + expected.get(k) + "\n    c++:  "
              + actual[k]);
        }
      }
    }
    System.out.printf("fixed-point differential test: %d cases (from double %d, casts %d, binary %d, negation %d)"
            + " over %d types, %d cast pairs, %d operand pairs, %d wrapping divisions; seed %d; g++ %.1f s,"
            + " run %.1f s; %d mismatches%n",
        CASES, counts.getOrDefault('D', 0), counts.getOrDefault('C', 0), counts.getOrDefault('B', 0),
        counts.getOrDefault('N', 0), TYPES.size(), casts.size(), pairs.size(), divisionWraps, SEED,
        (compiled - start) / 1e9, (ran - compiled) / 1e9, mismatchCount);
    assertTrue(CASES < 10_000 || divisionWraps > 0, "no case reached the division corner");
    assertTrue(mismatches.isEmpty(), mismatchCount + " of " + CASES + " cases differ:\n" + String.join("\n",
        mismatches));
  }

  // ---- the C++ side's type table ----------------------------------------------------------------------------------

  /**
   * The {@code required} pairs, then up to {@code n} index pairs allowed by {@code ok}, each type used on both
   * sides where possible.
   */
  private List<int[]> pick(int n, BiPredicate<Integer, Integer> ok, List<String[]> required) {
    List<int[]> chosen = new ArrayList<>();
    for (String[] r : required) {
      int[] p = {index(r[0]), index(r[1])};
      assertTrue(ok.test(p[0], p[1]), r[0] + ", " + r[1]);
      chosen.add(p);
    }
    List<int[]> all = new ArrayList<>();
    for (int a = 0; a < TYPES.size(); a++) {
      for (int b = 0; b < TYPES.size(); b++) {
        if (ok.test(a, b)) {
          all.add(new int[] {a, b});
        }
      }
    }
    Collections.shuffle(all, random);
    boolean[] left = new boolean[TYPES.size()];
    boolean[] right = new boolean[TYPES.size()];
    for (int[] p : all) {
      if (!left[p[0]] || !right[p[1]]) {
        chosen.add(p);
        left[p[0]] = true;
        right[p[1]] = true;
      }
    }
    for (int[] p : all) {
      if (chosen.size() >= n + required.size()) {
        break;
      }
      if (!chosen.contains(p)) {
        chosen.add(p);
      }
    }
    return chosen;
  }

  private static int index(String cpp) {
    for (int k = 0; k < TYPES.size(); k++) {
      if (TYPES.get(k).cpp().equals(cpp)) {
        return k;
      }
    }
    throw new IllegalArgumentException(cpp);
  }

  private static boolean negatable(int k) {
    return !TYPES.get(k).cInteger();
  }

  /** Every result type of a op b stays within the header's limit, the vendor's default 1024 bits. */
  private static boolean fits(int a, int b) {
    for (FixedOp op : FixedOp.values()) {
      FixedType r = op.resultType(TYPES.get(a).type(), TYPES.get(b).type());
      if (r.width() > 1024) {
        return false;
      }
    }
    return true;
  }

  private void writeCasesHeader(List<int[]> casts, List<int[]> pairs) throws IOException {
    StringBuilder h = new StringBuilder("// generated by FixedCppDifferentialTest\n");
    StringBuilder targets = new StringBuilder("#define SRHLS_TARGETS(X)");
    StringBuilder negations = new StringBuilder("#define SRHLS_NEGATIONS(X)");
    for (int k = 0; k < TYPES.size(); k++) {
      h.append("typedef ").append(TYPES.get(k).cpp()).append(" t").append(k).append(";\n");
      if (!TYPES.get(k).cInteger()) {
        targets.append(" X(").append(k).append(')');
      }
      if (negatable(k)) {
        negations.append(" X(").append(k).append(')');
      }
    }
    h.append(targets).append('\n').append(negations).append('\n').append("#define SRHLS_CASTS(X)");
    for (int k = 0; k < casts.size(); k++) {
      h.append(" X(").append(k).append(", ").append(casts.get(k)[0]).append(", ").append(casts.get(k)[1]).append(')');
    }
    h.append('\n').append("#define SRHLS_PAIRS(X)");
    for (int k = 0; k < pairs.size(); k++) {
      h.append(" X(").append(k).append(", ").append(pairs.get(k)[0]).append(", ").append(pairs.get(k)[1]).append(')');
    }
    h.append('\n');
    Files.writeString(work.resolve("cases.h"), h.toString(), StandardCharsets.US_ASCII);
  }

  // ---- cases: the input line for the driver and the line the Java model expects -----------------------------------

  private int randomTarget() {
    int k;
    do {
      k = random.nextInt(TYPES.size());
    } while (TYPES.get(k).cInteger());
    return k;
  }

  private String[] fromDouble() {
    int k = randomTarget();
    FixedType t = TYPES.get(k).type();
    double v = randomDouble(t);
    if (t.integer() && v < 0 && v > -0.5) {
      v = -v; // the headers stop there: the vendor's header versions disagree (FixedCppHeadersTest checks the stop)
    }
    return new String[] {"D " + k + " " + Long.toHexString(Double.doubleToRawLongBits(v)),
        show(Fixed.fromDouble(v, t))};
  }

  private String[] cast(List<int[]> casts) {
    int p = random.nextInt(casts.size());
    Fixed x = randomValue(TYPES.get(casts.get(p)[0]).type());
    return new String[] {"C " + p + " " + x.raw(), show(x.cast(TYPES.get(casts.get(p)[1]).type()))};
  }

  private String[] negation() {
    int k;
    do {
      k = random.nextInt(TYPES.size());
    } while (!negatable(k));
    Fixed x = randomValue(TYPES.get(k).type());
    return new String[] {"N " + k + " " + x.raw(), show(x.neg())};
  }

  private String[] binary(List<int[]> pairs) {
    int p = random.nextInt(pairs.size());
    Entry ea = TYPES.get(pairs.get(p)[0]);
    Entry eb = TYPES.get(pairs.get(p)[1]);
    Fixed a = randomValue(ea.type());
    Fixed b = random.nextInt(50) == 0 ? Fixed.zero(eb.type()) : randomValue(eb.type());
    if (random.nextInt(16) == 0 && ea.type().signed() && eb.type().signed()) {
      // the division corner: the most negative dividend over -1 LSB (or +1 LSB)
      a = Fixed.min(ea.type());
      boolean plusOne = random.nextBoolean() && Conversion.maxRaw(eb.type()).signum() > 0;
      b = Fixed.ofRaw(BigInteger.valueOf(plusOne ? 1 : -1), eb.type());
    }
    if (!ea.cInteger() && FixedOp.divisionCanWrap(ea.type(), eb.type()) && a.equals(Fixed.min(ea.type()))
        && b.raw().equals(BigInteger.ONE.negate())) {
      divisionWraps++;
    }
    boolean divisible = b.raw().signum() != 0 && !ea.cInteger(); // the headers refuse C integer / value
    StringBuilder out = new StringBuilder();
    out.append(show(a.add(b))).append(' ').append(show(a.sub(b))).append(' ').append(show(a.mul(b))).append(' ')
        .append(divisible ? show(a.div(b)) : "-");
    int c = a.compareTo(b);
    if (unsignedMix(ea, eb) || unsignedMix(eb, ea)) {
      out.append(" ------"); // refused by the headers: the vendor compares these bit patterns unsigned
    } else {
      out.append(' ').append(bit(c < 0)).append(bit(c <= 0)).append(bit(c == 0)).append(bit(c != 0))
          .append(bit(c >= 0)).append(bit(c > 0));
    }
    // x op= y needs a fixed/int left side, is not offered as ap_int op= ap_fixed, and is refused where the
    // rounding bit of x lies above a result
    boolean compound = !ea.cInteger() && (!ea.type().integer() || eb.type().integer());
    for (FixedOp op : FixedOp.values()) {
      compound = compound && !readsPastSource(op.resultType(ea.type(), eb.type()), ea.type());
    }
    if (compound) {
      FixedType t = ea.type();
      out.append(' ').append(show(a.add(b).cast(t))).append(' ').append(show(a.sub(b).cast(t))).append(' ')
          .append(show(a.mul(b).cast(t))).append(' ').append(divisible ? show(a.div(b).cast(t)) : "-");
    } else {
      out.append(" x x x x");
    }
    return new String[] {"B " + p + " " + a.raw() + " " + b.raw(), out.toString()};
  }

  /**
   * A rounding assignment whose rounding bit lies above the source's most significant bit: the vendor's aborts, the
   * headers refuse it (FixedCppHeadersTest).
   */
  static boolean readsPastSource(FixedType source, FixedType target) {
    Quantization q = target.quantization();
    return !target.integer() && q != Quantization.AP_TRN && !(q == Quantization.AP_TRN_ZERO && !source.signed())
        && source.fracBits() - target.fracBits() > source.width();
  }

  /** A signed value against an unsigned C integer of 32 bits or more: the headers refuse the comparison. */
  private static boolean unsignedMix(Entry value, Entry cInteger) {
    return !value.cInteger() && value.type().signed() && cInteger.cInteger() && !cInteger.type().signed()
        && cInteger.type().width() >= 32;
  }

  private static char bit(boolean b) {
    return b ? '1' : '0';
  }

  /** raw:W:I:S:to_double bits:to_float bits:to_int64:to_int, as the driver prints a value. */
  private static String show(Fixed x) {
    FixedType t = x.type();
    // to_double() and to_float() of ap_int/ap_uint wider than 64 bits do not compile: the driver prints 0
    boolean floating = !t.integer() || t.width() <= 64;
    return x.raw() + ":" + t.width() + ":" + t.intBits() + ":" + (t.signed() ? 1 : 0) + ":"
        + Long.toHexString(Double.doubleToRawLongBits(floating ? x.toDouble() : 0.0)) + ":"
        + Integer.toHexString(Float.floatToRawIntBits(floating ? x.toFloat() : 0f)) + ":"
        + (t.intBits() < 0 ? "-:-" : x.toInt() + ":" + (int) x.toInt()); // refused by the headers for I < 0
  }

  /** Codes of every size, with the ends of the range and small values often. */
  private Fixed randomValue(FixedType t) {
    BigInteger min = Conversion.minRaw(t);
    BigInteger max = Conversion.maxRaw(t);
    BigInteger raw = switch (random.nextInt(12)) {
      case 0 -> min;
      case 1 -> max;
      case 2 -> BigInteger.valueOf(random.nextInt(5) - 2);
      case 3 -> random.nextBoolean() ? min.add(BigInteger.ONE) : max.subtract(BigInteger.ONE);
      default -> {
        BigInteger r = new BigInteger(1 + random.nextInt(t.width()), random);
        yield t.signed() && random.nextBoolean() ? r.negate() : r;
      }
    };
    return Fixed.ofRaw(raw.max(min).min(max), t);
  }

  /** Doubles around the type's range and grid: exact codes, ties, near misses; and arbitrary doubles. */
  private double randomDouble(FixedType t) {
    int f = t.fracBits();
    return switch (random.nextInt(10)) {
      case 0, 1 -> randomValue(t).toDouble();
      case 2, 3 -> {
        // halfway between two codes (exact while the code has few bits), or a quarter off
        long code = random.nextLong() >> (64 - Math.min(t.width() + 2, 52));
        yield Math.scalb(2.0 * code + (random.nextBoolean() ? 1 : random.nextInt(4) - 1.5), -f - 1);
      }
      case 4, 5 -> Math.scalb(random.nextDouble() * 4 - 2, t.intBits());
      case 6 -> notNan(Double.longBitsToDouble(random.nextLong()));
      case 7 -> Math.scalb((double) (random.nextInt(2001) - 1000), random.nextInt(140) - 70);
      case 8 -> new double[] {0.0, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE,
          -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Math.scalb(1.0, -60), 0.5, -0.5, 1.0, -1.0}
          [random.nextInt(13)];
      default -> {
        double d = Math.scalb(random.nextGaussian(), random.nextInt(16) - 8);
        yield random.nextBoolean() ? d : Math.scalb(Math.rint(Math.scalb(d, f + 3)), -f - 3);
      }
    };
  }

  private static double notNan(double d) {
    return Double.isNaN(d) ? Double.POSITIVE_INFINITY : d;
  }

  private static String describe(String line, List<int[]> casts, List<int[]> pairs) {
    String[] f = line.split(" ");
    int k = Integer.parseInt(f[1]);
    return switch (f[0]) {
      case "D" -> TYPES.get(k).cpp() + "(" + Double.longBitsToDouble(Long.parseUnsignedLong(f[2], 16)) + ")";
      case "N" -> "-" + TYPES.get(k).cpp() + "[raw " + f[2] + "]";
      case "C" -> TYPES.get(casts.get(k)[1]).cpp() + "(" + TYPES.get(casts.get(k)[0]).cpp() + "[raw " + f[2] + "])";
      default -> TYPES.get(pairs.get(k)[0]).cpp() + "[raw " + f[2] + "] op " + TYPES.get(pairs.get(k)[1]).cpp()
          + "[raw " + f[3] + "]";
    } + "   (" + line + ")";
  }

  private static String tail(String output) {
    return output.length() > 4000 ? output.substring(output.length() - 4000) : output;
  }
}
