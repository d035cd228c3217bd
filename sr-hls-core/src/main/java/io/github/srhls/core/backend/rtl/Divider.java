package io.github.srhls.core.backend.rtl;

import io.github.srhls.core.fixed.FixedOp;
import io.github.srhls.core.fixed.FixedType;
import java.util.ArrayList;
import java.util.List;

/**
 * Division as {@link io.github.srhls.core.fixed.Fixed#div}: the quotient trunc(A * 2^max(F2,0) / B) in the LSBs of
 * {@link FixedOp#DIV}'s type. The magnitudes |A| (W1 bits) and |B| (W2 bits) go through a non-restoring divider,
 * one cell per quotient bit so that the scheduler can put registers between any two bits: each shifts the next
 * dividend bit into the partial remainder and subtracts |B| from it, or adds |B| back when the remainder went
 * negative in the step before (one add/subtract carry chain of W2 + 2 bits, no multiplexer); the quotient bit is
 * the new remainder's sign, inverted, the same bit a restoring divider finds. Cell {@code <name>_q<i>} holds
 * {remainder (W2 + 1 bits, signed), quotient bits so far}. The last cell negates the quotient when exactly one
 * operand is negative; where the vendor divides in as many bits as the shifted dividend
 * ({@link FixedOp#divisionCanWrap}) it negates in those bits and sign-extends, so most negative / -1 LSB wraps to
 * itself. A zero divisor gives some value, which the caller replaces.
 */
final class Divider {
  private Divider() {}

  static Signal divide(Arith arith, String name, Signal a, Signal b) {
    Netlist net = arith.net();
    DelayModel delays = arith.delays();
    FixedType t = FixedOp.DIV.resultType(a.type(), b.type());
    int shift = Math.max(b.type().fracBits(), 0);
    int nw = a.width() + shift; // bits of the shifted dividend's magnitude, and of the quotient's
    int dw = b.width();
    Signal ma = magnitude(arith, name + "_na", a);
    Signal mb = magnitude(arith, name + "_nb", b);
    Signal sign = null;
    if (a.signed() || b.signed()) {
      sign = net.cell(name + "_sg", FixedType.apUint(1), List.of(a, b), delays.luts(1), "quotient sign",
          Resource.of(Resource.Kind.LOGIC_BIT, 1), (out, in) -> "assign " + out + " = " + Bits.sign(a, in.get(0)) + " ^ " + Bits.sign(b, in.get(1)) + ";");
    }
    Signal prev = null;
    for (int i = nw - 1; i >= 0; i--) {
      int done = nw - 1 - i; // quotient bits already known
      int index = i - shift; // the dividend bit brought down, when not one of the shift's zeros
      List<Signal> inputs = new ArrayList<>();
      if (prev != null) {
        inputs.add(prev);
      }
      if (index >= 0) {
        inputs.add(ma);
      }
      inputs.add(mb);
      boolean first = prev == null;
      boolean takes = index >= 0;
      prev = net.cell(name + "_q" + i, FixedType.apUint(dw + done + 2), inputs,
          delays.carryChain(dw + 2) + delays.luts(1),
          "divider step " + (dw + 1) + " bits", stepResource(dw, done, prev != null, takes ? index : -1), (out, in) -> {
            int k = 0;
            String p = first ? null : in.get(k++);
            String n = takes ? in.get(k++) + "[" + index + "]" : "1'b0";
            String d = in.get(k);
            String x = out + "_x";
            String r = out + "_r";
            String q = first ? "" : p + "[" + (done - 1) + ":0]";
            if (first) {
              // the remainder so far is 0: subtract
              return "wire [" + dw + ":0] " + r + " = {" + Bits.zeros(dw) + ", " + n + "} - {1'b0, " + d + "};\n"
                  + "assign " + out + " = {" + r + ", ~" + r + "[" + dw + "]};";
            }
            // a negative partial remainder (its sign at the top) adds the divisor back in this step instead
            // one carry chain adds or subtracts: x + (D ^ m) + c with m all ones and c = 1 to subtract, the carry
            // in as an extra low bit: ({x, 1} + {D ^ m, c}) >> 1
            String sub = out + "_m";
            String sum = out + "_s";
            return "wire " + sub + " = ~" + p + "[" + (dw + done) + "];\n"
                + "wire [" + dw + ":0] " + x + " = {" + p + "[" + (dw + done - 1) + ":" + done + "], " + n + "};\n"
                + "wire [" + (dw + 1) + ":0] " + sum + " = {" + x + ", 1'b1} + {{1'b0, " + d + "} ^ "
                + Bits.replicate(dw + 1, sub) + ", " + sub + "};\n"
                + "wire [" + dw + ":0] " + r + " = " + sum + "[" + (dw + 1) + ":1];\n"
                + "assign " + out + " = " + Bits.concat(r, q, "~" + r + "[" + dw + "]") + ";";
          });
    }
    Signal last = prev;
    int wt = t.width();
    if (sign == null) {
      return net.cell(name, t, List.of(last), 0, "wiring " + wt + " bits", Resource.of(Resource.Kind.WIRING, 0),
          (out, in) -> "assign " + out + " = " + quotient(in.get(0), nw, wt) + ";");
    }
    // the vendor's wrap: negate in nw bits, then sign-extend
    int nb = FixedOp.divisionCanWrap(a.type(), b.type()) ? nw : wt;
    Arith.Field q = (n, lo, hi) -> hi < nw ? n + "[" + hi + ":" + lo + "]"
        : lo >= nw ? Bits.zeros(hi - lo + 1)
        : Bits.concat(Bits.zeros(hi - nw + 1), n + "[" + (nw - 1) + ":" + lo + "]");
    if (nb == wt) {
      return arith.conditionalNegate(name, t, last, q, sign, 0);
    }
    Signal v = arith.conditionalNegate(name + "_v", FixedType.apUint(nb), last, q, sign, 0);
    return net.cell(name, t, List.of(v), 0, "wiring " + wt + " bits", Resource.of(Resource.Kind.WIRING, 0),
        (out, in) -> "assign " + out + " = " + Bits.field(in.get(0), nb, true, 0, wt - 1) + ";");
  }

  /**
   * A step's logic ({@code dw + 1} bits), the quotient bits it passes on unchanged ({@code done}) and what it reads:
   * all of the previous step and the divisor, one bit of the dividend.
   */
  private static Resource stepResource(int dw, int done, boolean previous, int index) {
    List<Integer> reads = new ArrayList<>();
    if (previous) {
      reads.add(Resource.ALL);
    }
    if (index >= 0) {
      reads.add(Resource.bit(index));
    }
    reads.add(Resource.ALL);
    return new Resource(Resource.Kind.DIVIDER_STEP, dw + 1, done, 0, reads);
  }

  /** The quotient (the low nw bits of the last step) zero-extended or truncated to k bits. */
  private static String quotient(String last, int nw, int k) {
    return k > nw ? Bits.concat(Bits.zeros(k - nw), field(last, nw)) : field(last, k);
  }

  /** The low {@code k} bits of a vector (in brackets: also for one bit, so the text is a part-select). */
  private static String field(String vector, int k) {
    return vector + "[" + (k - 1) + ":0]";
  }

  /** |x| as an unsigned code of x's width (the most negative code's magnitude fits, unsigned); x itself if unsigned. */
  private static Signal magnitude(Arith arith, String name, Signal x) {
    if (!x.signed()) {
      return x;
    }
    int w = x.width();
    return arith.conditionalNegate(name, FixedType.apUint(w), x, (n, lo, hi) -> n + "[" + hi + ":" + lo + "]", x,
        w - 1);
  }
}
