package io.github.srhls.core.toolchain.amd.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.srhls.core.diag.BuildLog;
import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.goals.GenerateOrchestrator;
import io.github.srhls.core.goals.GenerateRequest;
import io.github.srhls.core.goals.TempProject;
import io.github.srhls.core.goals.TestOrchestrator;
import io.github.srhls.core.goals.TestRequest;
import io.github.srhls.core.process.ToolRunner;
import io.github.srhls.core.toolchain.amd.FakeTools;
import io.github.srhls.core.toolchain.amd.VendorSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Vendor logs longer than the lines a tool result keeps ({@link ToolRunner#MAX_CAPTURED_LINES}): the verdict lines
 * after the chatter still decide. The fake tool prints the chatter (FAKE_HLS_FAULT {@code <step>:chatter=<n>}).
 */
class VendorLongLogTest {

  @TempDir Path project;
  Path out;
  Path work;
  /** Counts the tool's lines instead of keeping a million of them; keeps sr-hls's own messages. */
  final CountingLog log = new CountingLog();

  static final class CountingLog implements BuildLog {
    final AtomicLong toolLines = new AtomicLong();
    final StringBuffer messages = new StringBuffer();

    @Override
    public void info(String message) {
      if (message.startsWith("[")) {
        toolLines.incrementAndGet();
      } else {
        messages.append(message).append('\n');
      }
    }

    @Override
    public void warn(String message) {
      messages.append("WARN ").append(message).append('\n');
    }

    @Override
    public void debug(String message) {}
  }

  @BeforeEach
  void generate() throws IOException {
    TempProject temp = TempProject.with(project, "tiny.sr.yaml", VendorFlowTest.MODEL);
    out = temp.out();
    work = temp.work();
    new GenerateOrchestrator().run(GenerateRequest.builder().projectDirectory(project).modelDirectory(temp.models())
        .outputDirectory(out).workDirectory(work).projectVersion("1.0.0").pluginVersion("0.1.0-test")
        .log(BuildLog.silent()).build());
  }

  @Test
  void anErrorAfter150000LinesOfChatterFailsTheSynthesisThoughTheToolExitsWithZero() throws Exception {
    Map<String, String> env = FakeTools.with(FakeTools.environment(FakeTools.bin("Vitis_HLS", "2023.1")),
        "FAKE_HLS_FAULT", "csynth:chatter=150000,csynth:late-error,any:exit0");

    SrHlsException e = assertThrows(SrHlsException.class, () -> test(settings(env, false, true)));

    assertTrue(e.getMessage().contains("tiny: vendor synthesis: vitis_hls printed 1 error line (though it exited"
        + " with 0):\n    ERROR: [HLS 200-1715] Encountered problem during source synthesis: Synthesis failed"),
        e.getMessage());
    assertTrue(log.toolLines.get() > 150_000, "the chatter reached the log: " + log.toolLines.get());
    JsonNode csynth = report().path("vendor").path("csynth");
    assertFalse(csynth.path("passed").asBoolean(true), csynth.toString());
  }

  @Test
  void aPassAfterAMillionLinesOfChatterPasses() throws Exception {
    Map<String, String> env = FakeTools.with(FakeTools.environment(FakeTools.bin("Vitis_HLS", "2023.1")),
        "FAKE_HLS_FAULT", "csim:chatter=1000000");

    test(settings(env, true, false));

    assertTrue(log.toolLines.get() > 1_000_000, "the chatter reached the log: " + log.toolLines.get());
    JsonNode csim = report().path("vendor").path("csim");
    assertTrue(csim.path("passed").asBoolean(false), csim + "\n" + log.messages);
    assertEquals(40, csim.path("result").path("vectors").asInt(), csim.toString());
  }

  private void test(VendorSettings vendor) {
    new TestOrchestrator().run(TestRequest.builder().projectDirectory(project).outputDirectory(out)
        .workDirectory(work).log(log).hostCsim(false).vendor(vendor).build());
  }

  private static VendorSettings settings(Map<String, String> env, boolean csim, boolean synthesis) {
    return VendorFlowTest.settings(env, csim, synthesis, false, null, Duration.ofSeconds(300));
  }

  private JsonNode report() throws IOException {
    return new ObjectMapper().readTree(work.resolve("tiny/report.json").toFile());
  }
}
