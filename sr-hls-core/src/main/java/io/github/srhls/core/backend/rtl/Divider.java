package io.github.srhls.core.backend.rtl;

import io.github.srhls.core.fixed.FixedOp;
import io.github.srhls.core.fixed.FixedType;
import java.util.ArrayList;
import java.util.List;

/**
 * Division as {@link io.github.srhls.core.fixed.Fixed#div}: the quotient trunc(A * 2^max(F2,0) / B) in the LSBs of
 * {@link FixedOp#DIV}'s type. The magnitudes |A| (W1 bits) and |B| (W2 bits) go through a restoring divider, one
 * cell per quotient bit: each shifts the next dividend bit into the partial remainder, subtracts |B| and keeps the
 * difference when it is not negative, so that the scheduler can put registers between any two bits. Cell
 * {@code <name>_q<i>} holds {remainder, quotient bits so far}. The last cell negates the quotient when exactly one
 * operand is negative; where the vendor divides in as many bits as the shifted dividend
 * ({@link FixedOp#divisionCanWrap}) it negates in those bits and sign-extends, so most negative / -1 LSB wraps to
 * itself. A zero divisor gives all-ones magnitude bits: some value, which the caller replaces.
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
    Signal ma = magnitude(net, delays, name + "_na", a);
    Signal mb = magnitude(net, delays, name + "_nb", b);
    Signal sign = null;
    if (a.signed() || b.signed()) {
      sign = net.cell(name + "_sg", FixedType.apUint(1), List.of(a, b), delays.luts(1), "quotient sign",
          (out, in) -> "assign " + out + " = " + Bits.sign(a, in.get(0)) + " ^ " + Bits.sign(b, in.get(1)) + ";");
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
      prev = net.cell(name + "_q" + i, FixedType.apUint(dw + done + 1), inputs,
          delays.carryChain(dw + 2) + delays.luts(1), "divider step " + (dw + 1) + " bits", (out, in) -> {
            int k = 0;
            String p = first ? null : in.get(k++);
            String n = takes ? in.get(k++) + "[" + index + "]" : "1'b0";
            String d = in.get(k);
            String rem = first ? Bits.zeros(dw) : p + "[" + (dw + done - 1) + ":" + done + "]";
            String q = first || done == 0 ? "" : p + "[" + (done - 1) + ":0]";
            String tt = out + "_t";
            String df = out + "_d";
            return "wire [" + dw + ":0] " + tt + " = {" + rem + ", " + n + "};\n"
                + "wire [" + (dw + 1) + ":0] " + df + " = {1'b0, " + tt + "} - {2'b0, " + d + "};\n"
                + "assign " + out + " = " + Bits.concat("(" + df + "[" + (dw + 1) + "] ? " + field(tt, dw) + " : "
                    + field(df, dw) + ")", q, "~" + df + "[" + (dw + 1) + "]") + ";";
          });
    }
    Signal last = prev;
    int wt = t.width();
    if (sign == null) {
      return net.cell(name, t, List.of(last), 0, "wiring " + wt + " bits",
          (out, in) -> "assign " + out + " = " + quotient(in.get(0), nw, wt) + ";");
    }
    // the vendor's wrap: negate in nw bits, then sign-extend
    int nb = FixedOp.divisionCanWrap(a.type(), b.type()) ? nw : wt;
    return net.cell(name, t, List.of(last, sign), delays.carryChain(nb) + delays.luts(1),
        "quotient sign " + nb + " bits", (out, in) -> {
          String q = quotient(in.get(0), nw, nb);
          String v = out + "_v";
          return "wire [" + (nb - 1) + ":0] " + v + " = " + in.get(1) + " ? " + Bits.zeros(nb) + " - " + q + " : "
              + q + ";\n" + "assign " + out + " = " + Bits.field(v, nb, true, 0, wt - 1) + ";";
        });
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
  private static Signal magnitude(Netlist net, DelayModel delays, String name, Signal x) {
    if (!x.signed()) {
      return x;
    }
    int w = x.width();
    return net.cell(name, FixedType.apUint(w), List.of(x), delays.carryChain(w) + delays.luts(1),
        "magnitude " + w + " bits", (out, in) -> "assign " + out + " = " + in.get(0) + "[" + (w - 1) + "] ? "
            + Bits.zeros(w) + " - " + in.get(0) + "[" + (w - 1) + ":0] : " + in.get(0) + "[" + (w - 1) + ":0];");
  }
}
