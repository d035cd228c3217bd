package io.github.srhls.core.backend.rtl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.design.Design;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property test: random designs (random expressions of every node kind without a function unit, random types of
 * every mode, both plans, clamped and unclamped inputs) lowered to RTL, built by the real Verilator in one batch,
 * compare bit for bit with the Java model over random and edge inputs.
 */
class RtlRandomDesignsTest {
  static final int DESIGNS = Integer.getInteger("rtl.designs", 250);
  static final double CLOCK_NS = 10;

  @Test
  void randomDesignsMatchTheJavaModelBitForBit(@TempDir Path dir) throws Exception {
    RandomDesigns random = new RandomDesigns(20261203);
    List<DesignBatch.Case> cases = new ArrayList<>();
    int auto = 0;
    int expressions = 0;
    while (cases.size() < DESIGNS) {
      boolean wantAuto = cases.size() % 3 == 0;
      Design d = random.design("r" + cases.size(), wantAuto);
      if (d == null) {
        continue;
      }
      auto += wantAuto ? 1 : 0;
      expressions += d.graph().outputs().size();
      cases.add(new DesignBatch.Case((wantAuto ? "auto " : "uniform ") + "design " + cases.size(), d));
    }
    long start = System.nanoTime();
    DesignBatch.Outcome outcome = DesignBatch.verify(dir, cases, CLOCK_NS, 400, 11, 4);
    System.out.printf("%d random designs (%d auto) of %d expressions, %d cells, %d values compared, latency %d at"
        + " %s ns, %.1f s%n", cases.size(), auto, expressions, outcome.net().cells().size(), outcome.values(),
        outcome.schedule().latency(), CLOCK_NS, (System.nanoTime() - start) / 1e9);
    assertTrue(auto >= DESIGNS / 4, "both plans: " + auto + " auto designs");
    assertTrue(expressions >= 300, expressions + " expressions");
  }
}
