package io.github.srhls.plugin;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PackageFollowsTest {
  private static boolean follows(boolean bound, String... goals) {
    return PackageFollows.in(List.of(goals), "sr-hls", "sr-hls-maven-plugin", bound);
  }

  @Test
  void aPhaseFromPackageOnWithTheGoalBound() {
    assertTrue(follows(true, "clean", "verify"));
    assertTrue(follows(true, "install"));
    assertFalse(follows(true, "test"), "the build stops before package");
    assertFalse(follows(false, "verify"), "the project does not bind sr-hls:package");
  }

  @Test
  void theGoalNamedOnTheCommandLine() {
    assertTrue(follows(false, "sr-hls:test", "sr-hls:package"));
    assertTrue(follows(false, "io.github.srhls:sr-hls-maven-plugin:0.1.0:package"));
    assertFalse(follows(false, "sr-hls:test"));
    assertFalse(follows(false, "other:package"));
  }
}
