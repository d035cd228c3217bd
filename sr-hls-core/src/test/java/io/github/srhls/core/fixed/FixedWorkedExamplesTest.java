package io.github.srhls.core.fixed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every worked example of the facts file (fixed-point.md), plus the rounding-carry and ap_int statements. */
class FixedWorkedExamplesTest {

  private static double fromDouble(String type, double v) {
    return Fixed.fromDouble(v, FixedType.parse(type)).toDouble();
  }

  private static double fromInt(String type, int v) {
    return Fixed.ofCInt(v).cast(FixedType.parse(type)).toDouble();
  }

  @Test
  void eRoundsToNearestOrTruncates() {
    Fixed rounded = Fixed.fromDouble(2.71828, FixedType.parse("ap_fixed<8,3,AP_RND,AP_SAT>"));
    assertEquals(2.71875, rounded.toDouble());
    assertEquals(BigInteger.valueOf(0x57), rounded.raw());
    Fixed truncated = Fixed.fromDouble(2.71828, FixedType.parse("ap_fixed<8,3>"));
    assertEquals(2.6875, truncated.toDouble());
    assertEquals(BigInteger.valueOf(0x56), truncated.raw());
  }

  @Test
  void saturationModes() {
    assertEquals(3.96875, fromDouble("ap_fixed<8,3,AP_RND,AP_SAT>", 5.0));
    assertEquals(-4.0, fromDouble("ap_fixed<8,3,AP_RND,AP_SAT>", -5.0));
    assertEquals(-3.96875, fromDouble("ap_fixed<8,3,AP_RND,AP_SAT_SYM>", -5.0));
    assertEquals(0.0, fromDouble("ap_fixed<8,3,AP_RND,AP_SAT_ZERO>", 5.0));
  }

  @Test
  void defaultModesWrapAndTruncate() {
    assertEquals(-3.0, fromDouble("ap_fixed<8,3>", 5.0));
    assertEquals(-0.125, fromDouble("ap_fixed<8,3>", -0.1));
  }

  @ParameterizedTest(name = "{0}: 1.25 -> {1}, -1.25 -> {2}")
  @CsvSource({
      "AP_RND, 1.5, -1",
      "AP_RND_ZERO, 1, -1",
      "AP_RND_MIN_INF, 1, -1.5",
      "AP_RND_INF, 1.5, -1.5",
      "AP_RND_CONV, 1, -1",
      "AP_TRN, 1, -1.5",
      "AP_TRN_ZERO, 1, -1"})
  void quantizationModes(String q, double positive, double negative) {
    String type = "ap_fixed<3,2," + q + ",AP_SAT>";
    assertEquals(positive, fromDouble(type, 1.25));
    assertEquals(negative, fromDouble(type, -1.25));
  }

  @ParameterizedTest(name = "{0}: 19 -> {1}, -19 -> {2}")
  @CsvSource({
      "AP_SAT, 7, -8",
      "AP_SAT_ZERO, 0, 0",
      "AP_SAT_SYM, 7, -7",
      "AP_WRAP, 3, -3",
      "AP_WRAP_SM, -4, 2"})
  void overflowModes(String o, double positive, double negative) {
    String type = "ap_fixed<4,4,AP_RND," + o + ">";
    assertEquals(positive, fromInt(type, 19));
    assertEquals(negative, fromInt(type, -19));
    // the same from double sources
    assertEquals(positive, fromDouble(type, 19.0));
    assertEquals(negative, fromDouble(type, -19.0));
  }

  @Test
  void unsignedWrapAndSaturationBits() {
    assertEquals(13.0, fromInt("ap_ufixed<4,4,AP_RND,AP_WRAP>", -19));
    assertEquals(7.0, fromInt("ap_fixed<4,4,AP_TRN,AP_WRAP,2>", 19));
    assertEquals(15.0, fromInt("ap_ufixed<4,4,AP_TRN,AP_WRAP,1>", -9));
  }

  @Test
  void symmetricSaturationReplacesTheMostNegativeCode() {
    CastResult r = Fixed.ofCInt(-8).castReporting(FixedType.parse("ap_fixed<4,4,AP_TRN,AP_SAT_SYM>"));
    assertEquals(-7.0, r.value().toDouble());
    assertTrue(r.overflowed());
  }

  @Test
  void roundingCarryCanOverflow() {
    assertEquals(1.75, fromDouble("ap_fixed<4,2,AP_RND,AP_SAT>", 1.9));
    assertEquals(-2.0, fromDouble("ap_fixed<4,2,AP_RND,AP_WRAP>", 1.9));
    assertTrue(Fixed.fromDoubleReporting(1.9, FixedType.parse("ap_fixed<4,2,AP_RND,AP_SAT>")).overflowed());
    assertFalse(Fixed.fromDoubleReporting(1.6, FixedType.parse("ap_fixed<4,2,AP_RND,AP_SAT>")).overflowed());
  }

  @Test
  void multiplication() {
    Fixed p = Fixed.fromDouble(1.5, FixedType.fixed(8, 3)).mul(Fixed.fromDouble(-2.25, FixedType.fixed(10, 4)));
    assertEquals(FixedType.fixed(18, 7), p.type());
    assertEquals(-3.375, p.toDouble());
  }

  @Test
  void division() {
    Fixed q = Fixed.fromDouble(1.5, FixedType.fixed(8, 3)).div(Fixed.fromDouble(-2.25, FixedType.fixed(10, 4)));
    assertEquals(FixedType.fixed(15, 10), q.type());
    assertEquals(-0.65625, q.toDouble());

    FixedType t = FixedType.fixed(16, 8);
    Fixed third = Fixed.ofCInt(1).cast(t).div(Fixed.ofCInt(3).cast(t));
    assertEquals(FixedType.fixed(25, 17), third.type());
    assertEquals(85.0 / 256, third.toDouble());
    assertEquals(-85.0 / 256, Fixed.ofCInt(-1).cast(t).div(Fixed.ofCInt(3).cast(t)).toDouble());
  }

  @Test
  void resultTypes() {
    assertEquals(FixedType.fixed(9, 4), FixedOp.ADD.resultType(FixedType.fixed(8, 3), FixedType.ufixed(6, 2)));
    assertEquals(FixedType.fixed(40, 35), FixedOp.MUL.resultType(FixedType.fixed(8, 3), Fixed.ofCInt(2).type()));
  }

  @Test
  void compoundAssignmentUsesTheTargetsModes() {
    Fixed one = Fixed.ofCInt(1).cast(FixedType.fixed(8, 3));
    FixedType sat = FixedType.parse("ap_fixed<8,3,AP_RND,AP_SAT>");
    Fixed acc = Fixed.fromDouble(3.5, sat);
    assertEquals(3.96875, acc.add(one).cast(sat).toDouble());
    Fixed wrapping = Fixed.fromDouble(3.5, FixedType.fixed(8, 3));
    assertEquals(-3.5, wrapping.add(one).cast(FixedType.fixed(8, 3)).toDouble());
  }

  @Test
  void toIntTruncatesTowardZero() {
    assertEquals(-7, Fixed.fromDouble(-7.5, FixedType.fixed(8, 4)).toInt());
  }

  @Test
  void doubleToApIntTruncatesTowardZeroThenWraps() {
    assertEquals(-3.0, fromDouble("ap_int<8>", -3.7));
    assertEquals(44.0, fromDouble("ap_int<8>", 300.5));
    assertEquals(0.0, fromDouble("ap_int<8>", -Math.scalb(1.0, -60)));
  }
}
