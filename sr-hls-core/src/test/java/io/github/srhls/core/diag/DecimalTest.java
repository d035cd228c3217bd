package io.github.srhls.core.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DecimalTest {
  @Test
  void briefKeepsThreeSignificantDigitsWithoutTrailingZeros() {
    assertEquals("0.00366", Decimal.brief(0.003662109375));
    assertEquals("1e-06", Decimal.brief(1e-6));
    assertEquals("0.01", Decimal.brief(0.01));
    assertEquals("250", Decimal.brief(250));
    assertEquals("-4.37", Decimal.brief(-4.3700001));
    assertEquals("NaN", Decimal.brief(Double.NaN));
  }

  @Test
  void ceilingSuggestsTwoDigitsAtLeastTheValue() {
    assertEquals("0.0037", Decimal.ceiling(0.003662109375));
    assertEquals("0.01", Decimal.ceiling(0.01));
    assertEquals("1300", Decimal.ceiling(1234.5));
    assertEquals("2.5e-7", Decimal.ceiling(2.5e-7));
  }
}
