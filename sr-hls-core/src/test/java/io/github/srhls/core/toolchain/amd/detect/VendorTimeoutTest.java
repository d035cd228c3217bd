package io.github.srhls.core.toolchain.amd.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.diag.BuildLog;
import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.goals.GenerateOrchestrator;
import io.github.srhls.core.goals.GenerateRequest;
import io.github.srhls.core.goals.TempProject;
import io.github.srhls.core.goals.TestOrchestrator;
import io.github.srhls.core.goals.TestRequest;
import io.github.srhls.core.toolchain.amd.FakeTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A vendor tool that leaves a detached grandchild behind leaves nothing running after its timeout. */
class VendorTimeoutTest {

  @TempDir Path project;

  @Test
  void aDoubleForkedGrandchildOfAHangingToolIsStoppedAtTheTimeout() throws Exception {
    TempProject temp = TempProject.with(project, "tiny.sr.yaml", VendorFlowTest.MODEL);
    new GenerateOrchestrator().run(GenerateRequest.builder().projectDirectory(project).modelDirectory(temp.models())
        .outputDirectory(temp.out()).workDirectory(temp.work()).projectVersion("1.0.0").pluginVersion("0.1.0-test")
        .log(BuildLog.silent()).build());
    Path pids = project.resolve("pids");
    Map<String, String> env = FakeTools.with(FakeTools.environment(FakeTools.bin("Vitis_HLS", "2023.1")),
        "FAKE_HLS_FAULT", "csynth:hang-detached");
    env.put("FAKE_HLS_PIDFILE", pids.toString());

    SrHlsException e = assertThrows(SrHlsException.class, () -> new TestOrchestrator().run(TestRequest.builder()
        .projectDirectory(project).outputDirectory(temp.out()).workDirectory(temp.work()).log(BuildLog.silent())
        .hostCsim(false).vendor(VendorFlowTest.settings(env, false, true, false, null, Duration.ofSeconds(3)))
        .build()));

    assertTrue(e.getMessage().contains("vitis_hls did not finish within 3 s"), e.getMessage());
    List<String> started = Files.readAllLines(pids);
    assertEquals(3, started.size(), "the tool, its detached grandchild and its child: " + started);
    for (String pid : started) {
      assertFalse(runsAfterAWhile(Long.parseLong(pid)), "process " + pid + " still runs after the timeout");
    }
  }

  /** Whether the process still runs after up to 15 seconds (a generous bound on a loaded machine). */
  private static boolean runsAfterAWhile(long pid) throws InterruptedException {
    for (int i = 0; i < 300; i++) {
      if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
        return false;
      }
      Thread.sleep(50);
    }
    return true;
  }
}
