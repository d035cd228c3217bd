package io.github.srhls.core.simulation.rtl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.srhls.core.fixed.Fixed;
import io.github.srhls.core.fixed.FixedType;
import io.github.srhls.core.fixed.RandomTypes;
import io.github.srhls.core.simulation.rtl.RtlResult.Mismatches;
import io.github.srhls.core.testbench.RtlTestbench;
import io.github.srhls.core.testbench.RtlTestbench.PortType;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The raw bits the RTL simulation exchanges with its driver, computed in long arithmetic with the types parsed once
 * ({@link InputBits}, {@link OutputCheck}), are the Java model's own, {@link RtlTestbench#inputBits} and
 * {@link RtlTestbench#expectedBits} in BigInteger arithmetic: for random types of every quantization and overflow
 * mode (N saturation bits included), widths 1 to 80 (the 32-, 62-, 63-, 64-bit edges and the BigInteger ports
 * above 64 among them), and values in range, out of range, tiny, huge, subnormal, infinite and signed zeros.
 */
class RawBitsTest {
  private static final int CASES = 4000;

  @Test
  void inputBitsAreTheJavaModelsForEveryModeAndWidth() {
    Random random = new Random(12);
    for (int c = 0; c < CASES; c++) {
      RtlTestbench tb = testbench(random);
      List<Port> ports = ports(tb.inputs());
      RawVectors layout = new RawVectors(ports);
      InputBits bits = new InputBits(tb, layout);
      int[] record = layout.record();
      for (int v = 0; v < 8; v++) {
        double[] row = new double[ports.size()];
        for (int i = 0; i < row.length; i++) {
          row[i] = value(random, tb.inputs().get(i).fixedType());
        }
        bits.encode(row, record);
        List<BigInteger> want = tb.inputBits(row);
        for (int i = 0; i < row.length; i++) {
          assertEquals(ports.get(i).raw(want.get(i)), layout.big(record, i),
              () -> "input " + tb.inputType() + " -> " + tb.inputs() + " of " + java.util.Arrays.toString(row));
        }
      }
    }
  }

  @Test
  void outputsAreComparedAsTheJavaModelComparesThem() {
    Random random = new Random(13);
    for (int c = 0; c < CASES; c++) {
      RtlTestbench tb = testbench(random);
      List<Port> ports = ports(tb.outputs());
      RawVectors layout = new RawVectors(ports);
      OutputCheck check = new OutputCheck(tb, ports);
      int[] record = layout.record();
      int expectedMismatches = 0;
      for (int v = 0; v < 8; v++) {
        double[] want = new double[ports.size()];
        List<BigInteger> got = new ArrayList<>();
        for (int k = 0; k < want.length; k++) {
          FixedType type = tb.outputs().get(k).fixedType();
          // the expected outputs file holds values of the type, as doubles
          Fixed value = Fixed.fromDouble(value(random, type), type);
          want[k] = value.toDouble();
          BigInteger bits = ports.get(k).raw(value.raw());
          // the RTL's: right, off by one LSB, or any pattern
          BigInteger rtl = switch (random.nextInt(3)) {
            case 0 -> bits;
            case 1 -> ports.get(k).raw(bits.add(BigInteger.ONE));
            default -> new BigInteger(type.width(), random);
          };
          got.add(rtl);
          layout.put(record, k, rtl);
          expectedMismatches += sameAsTheModel(type, want[k], rtl) ? 0 : 1;
        }
        check.vector(v, want, record);
        for (int k = 0; k < want.length; k++) {
          assertEquals(got.get(k), layout.big(record, k));
        }
      }
      Mismatches m = check.mismatches();
      assertEquals(expectedMismatches, m.count(), () -> "outputs " + tb.outputs());
    }
  }

  @Test
  void bitsAndOfBitsAreTheMaskedCodeBothWays() {
    Random random = new Random(14);
    for (int c = 0; c < 20_000; c++) {
      FixedType type = RandomTypes.of(random, random.nextBoolean(), 1 + random.nextInt(64), 8, 4, 4);
      Fixed value = Fixed.fromDouble(value(random, type), type);
      BigInteger masked = value.raw().and(BigInteger.ONE.shiftLeft(type.width()).subtract(BigInteger.ONE));
      assertEquals(masked.longValue(), value.bits(), type::toString);
      assertEquals(value, Fixed.ofBits(value.bits(), type), type::toString);
      assertEquals(value, Fixed.ofBits(value.bits() | (type.width() == 64 ? 0 : -1L << type.width()), type));
    }
  }

  /** The comparison as it was written with BigIntegers: bits when the type is exact as a double, else the double. */
  private static boolean sameAsTheModel(FixedType type, double want, BigInteger rtl) {
    BigInteger signed = type.signed() && rtl.testBit(type.width() - 1)
        ? rtl.subtract(BigInteger.ONE.shiftLeft(type.width())) : rtl;
    if (RtlTestbench.exactAsDouble(type)) {
      return Fixed.fromDouble(want, type).raw().equals(signed);
    }
    return Double.doubleToLongBits(Fixed.ofRaw(signed, type).toDouble()) == Double.doubleToLongBits(want);
  }

  private static RtlTestbench testbench(Random random) {
    FixedType wire = type(random);
    List<PortType> inputs = new ArrayList<>();
    List<PortType> outputs = new ArrayList<>();
    for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
      inputs.add(new PortType("x" + i, type(random).cpp()));
      outputs.add(new PortType("y" + i, type(random).cpp()));
    }
    return new RtlTestbench(RtlTestbench.FORMAT, "m", 4, 1, wire.cpp(), inputs, outputs);
  }

  /** Widths 1 to 80, the edges of the long and word paths more often than the rest. */
  private static FixedType type(Random random) {
    int[] edges = {1, 2, 31, 32, 33, 53, 54, 61, 62, 63, 64, 65};
    int w = random.nextInt(3) == 0 ? edges[random.nextInt(edges.length)] : 1 + random.nextInt(80);
    return RandomTypes.of(random, random.nextBoolean(), w, 8, 8, 8);
  }

  /** A double near the type's range, inside or outside, or one of the special ones. */
  private static double value(Random random, FixedType type) {
    double[] special = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e-300, -1e300};
    if (random.nextInt(10) == 0) {
      return special[random.nextInt(special.length)];
    }
    double scale = Math.scalb(1.0, type.intBits() + random.nextInt(5) - 2);
    double x = (random.nextDouble() * 2 - 1) * scale;
    // on the grid or between its points, where the quantization acts
    return random.nextBoolean() ? x : Math.scalb(Math.rint(Math.scalb(x, type.fracBits() + 1)),
        -type.fracBits() - 1);
  }

  private static List<Port> ports(List<PortType> types) {
    return types.stream().map(p -> new Port(p.name(), p.fixedType().width())).toList();
  }
}
