package io.github.srhls.core.goals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ScratchRtlTest {
  @Test
  void print() throws Exception {
    for (String f : System.getProperty("scratch.models").split(",")) {
      Path root = Files.createTempDirectory("scratch");
      TempProject temp = TempProject.with(root, Path.of(f).getFileName().toString(), Files.readString(Path.of(f)));
      RecordingBuildLog log = new RecordingBuildLog();
      try {
        temp.generate(temp.generateRequest().log(log));
      } catch (RuntimeException e) {
        System.out.println("FAILED " + f + ": " + e.getMessage());
      }
      log.infos.forEach(l -> System.out.println(f + " | " + l));
    }
  }
}
