package io.github.srhls.core.backend.rtl;

import io.github.srhls.core.fixed.Fixed;
import io.github.srhls.core.fixed.FixedType;
import io.github.srhls.core.fixed.Overflow;
import io.github.srhls.core.fixed.Quantization;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The ap_fixed assignment in cells, the steps of {@code fixed.Conversion}: with s = F(source) - F(target) bits
 * dropped, the floor f = v >> s and a rounding increment r (from the half bit, the bits below it, the floor's LSB and
 * the sign, by Q) give t = f + r; then the overflow mode acts when t is outside the target's range.
 *
 * <p>Only the low W bits of t are added (cell {@code <name>_rnd}: W + 1 bits, the carry on top): with H the floor's
 * bits above those W (sign-extended), t's bits above are H + carry, so t fits a signed target exactly when
 * {@code carry ? H == -1 : (T[W-1] ? H == -1 : H == 0)} and an unsigned one when {@code carry ? H == -1 : H == 0}
 * (H == -1 only for a signed source). Whether H is all zeros or all ones is reduced from the source directly (cell
 * {@code <name>_hi}, beside the adder); the last cell detects the overflow and selects the saturated, zeroed or
 * wrapped code. A wide source into a narrow target so costs a W-bit adder and an OR tree, never a wide adder. Casts
 * whose source range cannot overflow the target (checked with {@link Fixed} on the source's extremes: quantization
 * is monotonic) and plain AP_WRAP skip the detection.
 */
final class Casts {
  private Casts() {}

  static Signal cast(Arith arith, String name, Signal a, FixedType to) {
    Netlist net = arith.net();
    DelayModel delays = arith.delays();
    FixedType from = a.type();
    int wa = a.width();
    int w = to.width();
    long s = (long) from.fracBits() - to.fracBits();
    Quantization q = to.integer() ? Quantization.AP_TRN_ZERO : to.quantization();
    boolean rounds = s > 0 && q != Quantization.AP_TRN;

    // the vendor takes a negative value of a type without integer bits, assigned to an integer type, as -1
    boolean minusOne = to.integer() && !from.integer() && from.intBits() <= 0 && from.signed();
    BigInteger minusOneRaw = minusOne ? Fixed.ofCInt(-1).cast(to).raw() : null;

    boolean maxOverflows = Fixed.max(from).castReporting(to).overflowed();
    boolean minOverflows = !minusOne && Fixed.min(from).castReporting(to).overflowed();
    boolean plainWrap = to.overflow() == Overflow.AP_WRAP && to.saturationBits() == 0;
    boolean detects = (maxOverflows || minOverflows) && !plainWrap;

    Signal rnd = null;
    if (rounds) {
      int belowBits = (int) Math.min(s - 1, wa); // bits under the half bit that exist in the source
      boolean needsBelow = q != Quantization.AP_RND;
      // a wide OR of the bits under the half bit gets a cell of its own, beside nothing else on its path
      Signal sticky = needsBelow && belowBits > 6 ? net.cell(name + "_st", FixedType.apUint(1), List.of(a),
          delays.luts(Bits.reductionLevels(belowBits)), "sticky bit of " + belowBits + " bits",
          Resource.of(Resource.Kind.REDUCE, belowBits), (out, in) -> "assign " + out + " = |" + in.get(0) + "[" + (belowBits - 1) + ":0];") : null;
      int levels = 1 + (sticky == null && needsBelow ? Bits.reductionLevels(belowBits) : 0);
      // the increment r in a cell of LUTs, then the W + 1-bit incrementer on the carry chain
      Signal r = net.cell(name + "_r", FixedType.apUint(1), sticky == null ? List.of(a) : List.of(a, sticky),
          delays.luts(levels), "rounding increment (" + q + ")", Resource.of(Resource.Kind.LOGIC_BIT, 1),
          (out, in) -> {
            String v = in.get(0);
            String half = Bits.bitOf(a, v, s - 1);
            String below = in.size() > 1 ? in.get(1) : belowBits <= 0 ? "1'b0" : belowBits == 1 ? v + "[0]"
                : "|" + v + "[" + (belowBits - 1) + ":0]";
            String odd = Bits.bitOf(a, v, s);
            String negative = Bits.sign(a, v);
            String e = switch (q) {
              case AP_TRN -> "1'b0";
              case AP_TRN_ZERO -> negative + " & (" + half + " | " + below + ")";
              case AP_RND -> half;
              case AP_RND_ZERO -> half + " & (" + below + " | " + negative + ")";
              case AP_RND_MIN_INF -> half + " & " + below;
              case AP_RND_INF -> half + " & (" + below + " | ~" + negative + ")";
              case AP_RND_CONV -> half + " & (" + below + " | " + odd + ")";
            };
            return "assign " + out + " = " + e + ";";
          });
      rnd = net.cell(name + "_rnd", FixedType.apUint(w + 1), List.of(a, r), delays.carryChain(w + 1),
          "rounding adder " + (w + 1) + " bits", Resource.prefix(Resource.Kind.INCREMENT, w + 1, -s, Resource.ALL),
          (out, in) -> "assign " + out + " = {1'b0, "
              + Bits.field(a, in.get(0), s, s + w - 1) + "} + {" + Bits.zeros(w) + ", " + in.get(1) + "};");
    }

    // H: the floor's bits from s + W up; above the source's MSB they only repeat its sign
    long hLo = s + w;
    long hHi = Math.max(wa - 1, hLo);
    long hBits = Math.min(hHi, wa - 1) - Math.max(hLo, 0) + 1; // real source bits in H (may be <= 0)
    boolean hasZerosBelow = hLo < 0; // H then holds bits under the source's LSB: never all ones
    Signal hi = null;
    if (detects && hBits >= 2) {
      hi = net.cell(name + "_hi", FixedType.apUint(2), List.of(a), delays.luts(Bits.reductionLevels(hBits)),
          "range check " + hBits + " bits",
          new Resource(Resource.Kind.REDUCE, hBits, 0, 0, List.of(Resource.from((int) Math.max(0, hLo)))), (out, in) -> "assign " + out + " = {"
              + allOnes(a, in.get(0), hLo, hasZerosBelow) + ", " + allZeros(a, in.get(0), hLo) + "};");
    }

    List<Signal> inputs = new ArrayList<>(List.of(a));
    if (rnd != null) {
      inputs.add(rnd);
    }
    if (hi != null) {
      inputs.add(hi);
    }
    boolean symmetric = to.overflow() == Overflow.AP_SAT_SYM && to.signed();
    int levels = 0;
    if (detects) {
      levels = 2 + (symmetric ? Bits.reductionLevels(w) : 0);
    }
    if (minusOne) {
      levels++;
    }
    boolean hasHi = hi != null;
    boolean hasRnd = rnd != null;
    String what = detects ? "overflow " + to.overflow() + (to.saturationBits() > 0 ? " N=" + to.saturationBits() : "")
        + " " + w + " bits" : "wiring " + w + " bits";
    // without detection: the low W bits of the rounded or truncated source (and its sign for the -1 case)
    // with the rounded bits and the range check in cells of their own, the source's sign is all the last one reads
    // (and without rounding, the W bits it keeps: from bit s up, its sign aside)
    int readsSource = hasRnd && (hasHi || !detects) ? (a.signed() ? Resource.bit(wa - 1) : Resource.UNREAD)
        : detects && hasHi ? (int) Math.max(-Resource.UNREAD, -s) : Resource.ALL;
    Resource resource = detects ? Resource.prefix(Resource.Kind.OVERFLOW, w, readsSource, Resource.ALL, Resource.ALL)
        : Resource.prefix(minusOne ? Resource.Kind.MUX : Resource.Kind.WIRING, w,
            minusOne ? (hasRnd ? readsSource : Resource.ALL) : hasRnd ? Resource.UNREAD : -s, 0);
    return net.cell(name, to, inputs, delays.luts(levels), what, resource, (out, in) -> {
      String v = in.get(0);
      StringBuilder b = new StringBuilder();
      String t = hasRnd ? in.get(1) + "[" + (w - 1) + ":0]" : Bits.field(a, v, s, s + w - 1);
      String carry = hasRnd ? in.get(1) + "[" + w + "]" : "1'b0";
      String result = t;
      if (detects) {
        String hz;
        String ho;
        if (hasHi) {
          String h = in.get(in.size() - 1);
          ho = h + "[1]";
          hz = h + "[0]";
        } else {
          ho = allOnes(a, v, hLo, hasZerosBelow);
          hz = allZeros(a, v, hLo);
        }
        String tw = out + "_t";
        b.append("wire [").append(w - 1).append(":0] ").append(tw).append(" = ").append(t).append(";\n");
        String fits = to.signed()
            ? carry + " ? " + ho + " : (" + tw + "[" + (w - 1) + "] ? " + ho + " : " + hz + ")"
            : carry + " ? " + ho + " : " + hz;
        String ovf = "~(" + fits + ")";
        if (symmetric) {
          ovf += " | (" + tw + " == " + Bits.literal(BigInteger.ONE.shiftLeft(w - 1), w) + ")";
        }
        b.append("wire ").append(out).append("_o = ").append(ovf).append(";\n");
        String neg = Bits.sign(a, v);
        String handled = overflowed(out, to, tw, neg, a, v, s);
        result = out + "_o ? " + handled + " : " + tw;
      }
      if (minusOne) {
        result = Bits.sign(a, v) + " ? " + Bits.literal(minusOneRaw, w) + " : "
            + (detects ? "(" + result + ")" : result);
      }
      b.append("assign ").append(out).append(" = ").append(result).append(";");
      return b.toString();
    });
  }

  /** The code when the overflow mode acts, from the low W bits {@code tw} of t and the source's sign. */
  private static String overflowed(String out, FixedType to, String tw, String neg, Signal a, String v, long s) {
    int w = to.width();
    int n = to.saturationBits();
    BigInteger max = BigInteger.ONE.shiftLeft(to.signed() ? w - 1 : w).subtract(BigInteger.ONE);
    BigInteger min = to.signed() ? BigInteger.ONE.shiftLeft(w - 1).negate() : BigInteger.ZERO;
    String maxL = Bits.literal(max, w);
    return switch (to.overflow()) {
      case AP_SAT -> "(" + neg + " ? " + Bits.literal(min, w) + " : " + maxL + ")";
      case AP_SAT_SYM -> "(" + neg + " ? " + Bits.literal(to.signed() ? max.negate() : BigInteger.ZERO, w) + " : "
          + maxL + ")";
      case AP_SAT_ZERO -> Bits.zeros(w);
      case AP_WRAP -> to.signed()
          // the sign bit follows the source, the next N-1 bits are its complement
          ? Bits.concat(neg, n > 1 ? Bits.replicate(n - 1, "~" + neg) : "", low(tw, w - n))
          : Bits.concat(Bits.ones(n), low(tw, w - n));
      case AP_WRAP_SM -> wrapSignMagnitude(out, to, tw, neg, Bits.bitOf(a, v, s + w));
    };
  }

  /** AP_WRAP_SM as fixed.Conversion: with N = 0, lD is the source bit of weight 2^I. */
  private static String wrapSignMagnitude(String out, FixedType to, String tw, String neg, String lD) {
    int w = to.width();
    int n = to.saturationBits();
    String msb = tw + "[" + (w - 1) + "]";
    if (n == 0) {
      return "((" + lD + " != " + msb + ") ? " + Bits.concat(lD, low("~" + tw, w - 1)) + " : " + tw + ")";
    }
    if (n == 1) {
      return "((" + neg + " != " + msb + ") ? " + Bits.concat(neg, low("~" + tw, w - 1)) + " : "
          + Bits.concat(neg, low(tw, w - 1)) + ")";
    }
    String test = tw + "[" + (w - n) + "] == " + neg;
    String rest = Bits.concat(neg, Bits.replicate(n - 1, "~" + neg));
    return "((" + test + ") ? " + Bits.concat(rest, low("~" + tw, w - n)) + " : " + Bits.concat(rest, low(tw, w - n))
        + ")";
  }

  /** The low k bits of a W-bit vector expression (a name or {@code ~name}), or "" for none. */
  private static String low(String vector, int k) {
    if (k <= 0) {
      return "";
    }
    if (vector.startsWith("~")) {
      String name = vector.substring(1);
      return "~" + name + "[" + (k - 1) + ":0]";
    }
    return vector + "[" + (k - 1) + ":0]";
  }

  /** Whether H (source bits from hLo up, sign-extended) is all ones: only a signed source's can be. */
  private static String allOnes(Signal a, String v, long hLo, boolean hasZerosBelow) {
    if (!a.signed() || hasZerosBelow) {
      return "1'b0";
    }
    int wa = a.width();
    return hLo >= wa - 1 ? v + "[" + (wa - 1) + "]" : "&" + v + "[" + (wa - 1) + ":" + hLo + "]";
  }

  /** Whether H is all zeros. */
  private static String allZeros(Signal a, String v, long hLo) {
    int wa = a.width();
    if (hLo > wa - 1) {
      return a.signed() ? "~" + v + "[" + (wa - 1) + "]" : "1'b1";
    }
    long lo = Math.max(hLo, 0);
    return lo == wa - 1 ? "~" + v + "[" + lo + "]" : "~|" + v + "[" + (wa - 1) + ":" + lo + "]";
  }
}
