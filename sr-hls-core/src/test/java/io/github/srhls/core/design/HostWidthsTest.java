package io.github.srhls.core.design;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.design.units.TableUnit;
import io.github.srhls.core.expr.Builtin;
import io.github.srhls.core.fixed.FixedType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The range the refusal promises ({@link HostWidths#SUPPORTED}): every function unit's arithmetic fits the host
 * header for types of W up to 32 bits with I from -8 to W + 8, signed and unsigned, at every degree (tan has only
 * degree 0) and table size; and beyond it the check does find the units that do not fit.
 */
class HostWidthsTest {
  private static final int PROMISED_WIDTH = 32;
  /** The functions with a table unit of their own (the others are built from these). */
  private static final List<Builtin> TABLES = List.of(Builtin.SIN, Builtin.COS, Builtin.TAN, Builtin.TANH,
      Builtin.EXP, Builtin.LOG, Builtin.LOG2, Builtin.LOG10, Builtin.SQRT, Builtin.CBRT);
  private static final int MAX_DEGREE = 3;
  /** 65536 segments, the largest table. */
  private static final int MAX_INDEX_BITS = 16;

  /** The first units of these types that do not fit, at most ten. */
  private static List<String> tooWide(List<FixedType> types, int indexBits, int[] degrees) {
    List<String> found = new ArrayList<>();
    for (FixedType t : types) {
      for (Builtin f : TABLES) {
        for (int degree : degrees) {
          if (f == Builtin.TAN && degree > 0) {
            continue;  // tan's table is always of degree 0
          }
          String step = HostWidths.tooWide((TableUnit) DesignBuilder.unit(f, t, t, indexBits, degree));
          if (step != null && found.size() < 10) {
            found.add(f.canonicalName() + " of " + t.cpp() + " at degree " + degree + " with 2^" + indexBits
                + " segments: " + step);
          }
        }
      }
    }
    return found;
  }

  /** Signed and unsigned types of these widths, with I from -8 to W + 8. */
  private static List<FixedType> promised(int... widths) {
    List<FixedType> types = new ArrayList<>();
    for (int w : widths) {
      for (int i = -8; i <= w + 8; i++) {
        types.add(FixedType.fixed(w, i));
        types.add(FixedType.ufixed(w, i));
      }
    }
    return types;
  }

  @Test
  void everyUnitFitsWithinThePromisedRange() {
    int[] widths = new int[PROMISED_WIDTH];
    for (int w = 1; w <= PROMISED_WIDTH; w++) {
      widths[w - 1] = w;
    }
    List<String> found = tooWide(promised(widths), 2, new int[] {0, 1, 2, 3});
    assertTrue(found.isEmpty(), () -> String.join("\n", found));
  }

  /**
   * The tables' index bits widen the position arithmetic: the largest tables at the widest promised types (I from
   * the lowest to the highest promised; a sample, as 65536-entry tables take time to build).
   */
  @Test
  void theLargestTablesFitAtTheEdgeOfThePromise() {
    List<FixedType> edge = new ArrayList<>();
    for (int i : new int[] {-8, 0, PROMISED_WIDTH / 2, PROMISED_WIDTH, PROMISED_WIDTH + 8}) {
      edge.add(FixedType.fixed(PROMISED_WIDTH, i));
      edge.add(FixedType.ufixed(PROMISED_WIDTH, i));
    }
    List<String> found = tooWide(edge, MAX_INDEX_BITS, new int[] {0, MAX_DEGREE});
    assertTrue(found.isEmpty(), () -> String.join("\n", found));
  }

  /** What the documentation says of the default tables beyond the promise. */
  @Test
  void theDefaultTablesFitAFortyEightBitType() {
    List<String> found = tooWide(List.of(FixedType.fixed(48, 24)), 10, new int[] {0, 1, 2, 3});
    assertTrue(found.isEmpty(), () -> String.join("\n", found));
  }

  @Test
  void beyondItTheCheckFindsTheUnitsThatDoNotFit() {
    assertNotNull(HostWidths.tooWide((TableUnit) DesignBuilder.unit(Builtin.SIN, FixedType.apInt(64),
        FixedType.apInt(64), 2, 0)));
    assertNotNull(HostWidths.tooWide((TableUnit) DesignBuilder.unit(Builtin.EXP, FixedType.fixed(64, 24),
        FixedType.fixed(64, 24), 2, 0)));
    assertNotNull(HostWidths.tooWide((TableUnit) DesignBuilder.unit(Builtin.SIN, FixedType.fixed(56, 56),
        FixedType.fixed(56, 56), MAX_INDEX_BITS, 0)));
  }
}
