package io.github.srhls.core.goals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.diag.SrHlsException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Where the verilatorCache parameter puts Verilator's run-time library, and which values it refuses. */
class VerilatorCacheSettingTest {
  private static final Path PROJECT = Path.of("/work/project");

  @Test
  void unsetIsTheUsersCacheDirectory() {
    assertEquals(Optional.of(Path.of("/xdg/sr-hls/verilator")),
        TestOrchestrator.verilatorCache(request(null), Map.of("XDG_CACHE_HOME", "/xdg")));
  }

  @Test
  void noneCompilesInEveryBuild() {
    assertEquals(Optional.empty(), TestOrchestrator.verilatorCache(request("none"), Map.of()));
  }

  @Test
  void relativeDirectoriesAreTakenFromTheProjectAndAbsoluteOnesAsGiven() {
    assertEquals(Optional.of(PROJECT.resolve(".cache/verilator")),
        TestOrchestrator.verilatorCache(request(".cache/verilator"), Map.of()));
    assertEquals(Optional.of(Path.of("/ci/cache")), TestOrchestrator.verilatorCache(request("/ci/cache/"), Map.of()));
  }

  @Test
  void aRelativeDirectoryLeadingOutOfTheProjectIsRefused() {
    SrHlsException e = assertThrows(SrHlsException.class,
        () -> TestOrchestrator.verilatorCache(request("../elsewhere"), Map.of()));
    assertTrue(e.getMessage().startsWith("verilatorCache '../elsewhere' leads outside the project directory "
        + PROJECT), e.getMessage());
    assertTrue(e.getMessage().contains("-Dsr-hls.verilatorCache"), e.getMessage());
  }

  private static TestRequest request(String cache) {
    return TestRequest.builder().projectDirectory(PROJECT).outputDirectory(PROJECT.resolve("target/gen"))
        .workDirectory(PROJECT.resolve("target/sr-hls")).verilatorCache(cache).build();
  }
}
