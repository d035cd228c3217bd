package io.github.srhls.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The checker of {@link ArchitectureTest} fails where it should: each rule broken once, on made-up references. */
class LayerRulesTest {

  private static final LayerRules RULES = new LayerRules("r", List.of(
      List.of("low", "side", "empty"),
      List.of("mid.a", "mid.b"),
      List.of("top")), Set.of("mid.a -> mid.b"));

  @Test
  void downwardReferencesAreFine() {
    assertEquals(List.of(), RULES.violations(Map.of(
        "r.top.T", Set.of("r.mid.a.A", "r.low.L", "java.util.List"),
        "r.mid.a.A", Set.of("r.mid.b.B", "r.low.L$Inner", "r.mid.a.Other"),
        "r.low.L", Set.of("r.low.Other", "java.lang.Object"),
        "elsewhere.X", Set.of("r.top.T", "nowhere.Y"))));
  }

  @Test
  void anUpwardReferenceNamesTheClassTheDependencyAndBothLayers() {
    assertEquals(List.of("r.low.L (low, layer 0) depends on r.top.T (top, layer 2): a package may use only packages"
        + " of lower layers"), RULES.violations(Map.of("r.low.L", Set.of("r.top.T"), "r.top.T", Set.of("r.low.L"))));
  }

  @Test
  void siblingsOfOneLayerMayNotUseEachOtherUnlessAllowed() {
    assertEquals(List.of("r.low.L (low, layer 0) depends on r.side.S (side, layer 0): packages of one layer may not"
        + " use each other unless the pair is allowed", "r.mid.b.B (mid.b, layer 1) depends on r.mid.a.A (mid.a,"
        + " layer 1): packages of one layer may not use each other unless the pair is allowed"),
        RULES.violations(new TreeMap<>(Map.of("r.low.L", Set.of("r.side.S"), "r.mid.b.B", Set.of("r.mid.a.A")))));
  }

  @Test
  void oneMessagePerPairOfPackagesFromItsFirstClass() {
    assertEquals(1, RULES.violations(Map.of("r.low.B", Set.of("r.top.X", "r.top.Y"), "r.low.A", Set.of("r.top.Z")))
        .size());
    assertEquals("r.low.A (low, layer 0) depends on r.top.Z (top, layer 2): a package may use only packages of lower"
        + " layers", RULES.violations(Map.of("r.low.B", Set.of("r.top.X"), "r.low.A", Set.of("r.top.Z"))).get(0));
  }

  @Test
  void aPackageOutsideTheTableFailsSoThatEveryNewPackageIsPlaced() {
    assertEquals(List.of("package new.pkg (r.new.pkg.N) is in no layer of the table: add it to the layer where it"
            + " belongs in the pipeline",
        "package r (r.Main) is in no layer of the table: add it to the layer where it belongs in the pipeline"),
        RULES.violations(Map.of("r.top.T", Set.of("r.new.pkg.N"), "r.Main", Set.of())));
  }

  @Test
  void aCycleOfAllowedSiblingsIsReported() {
    LayerRules both = new LayerRules("r", RULES.layers(), Set.of("mid.a -> mid.b", "mid.b -> mid.a"));
    assertEquals(List.of("package cycle mid.a -> mid.b -> mid.a (r.mid.a.A uses r.mid.b.B; r.mid.b.B uses r.mid.a.A)"),
        both.violations(Map.of("r.mid.a.A", Set.of("r.mid.b.B"), "r.mid.b.B", Set.of("r.mid.a.A"))));
  }

  @Test
  void theTableItselfIsChecked() {
    assertThrows(IllegalArgumentException.class, () -> new LayerRules("r", List.of(List.of("a"), List.of("a")),
        Set.of()));
    assertThrows(IllegalArgumentException.class, () -> new LayerRules("r", List.of(List.of("a"), List.of("b")),
        Set.of("a -> b")));
  }

  @Test
  void compiledFixtureClassesWithADeliberateUpwardReferenceFail() {
    // test fixtures: io.github.srhls.archfixture.low uses .high, once through a generic signature and once in
    // documentation only (visible in the imports, not in the class file)
    Path classes = ArchitectureTest.classesOf(LayerRulesTest.class).resolve("io/github/srhls/archfixture");
    Map<String, Set<String>> imports = new TreeMap<>(CodeReferences.inImports(ArchitectureTest.sources("test")));
    imports.keySet().removeIf(name -> !name.startsWith("io.github.srhls.archfixture."));
    LayerRules fixture = new LayerRules("io.github.srhls.archfixture", List.of(List.of("low"), List.of("high")),
        Set.of());

    assertEquals(List.of("io.github.srhls.archfixture.low.Low (low, layer 0) depends on"
        + " io.github.srhls.archfixture.high.High (high, layer 1): a package may use only packages of lower layers"),
        fixture.violations(CodeReferences.inClassFiles(classes)));
    assertEquals(List.of("io.github.srhls.archfixture.low.Low (low, layer 0) depends on"
        + " io.github.srhls.archfixture.high.High (high, layer 1): a package may use only packages of lower layers"),
        fixture.violations(imports));
  }
}
