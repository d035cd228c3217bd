package io.github.srhls.core.simulation.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.diag.SrHlsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncludeHeadersTest {

  @TempDir Path dir;

  @Test
  void extractsEveryListedHeader() throws Exception {
    IncludeHeaders headers = StandinProjects.headers();
    assertEquals(List.of("standin_quantize.h"), headers.names(), "comments and blank lines are skipped");
    Path include = headers.extractTo(dir.resolve("a/include"));
    assertEquals(include, dir.resolve("a/include"));
    assertTrue(Files.readString(include.resolve("standin_quantize.h")).contains("inline double standin_quantize"));
  }

  @Test
  void theBuiltInListNamesTheFixedPointHeaders() {
    List<String> names = IncludeHeaders.builtIn().names();
    assertTrue(names.containsAll(List.of("ap_fixed.h", "ap_int.h")), names.toString());
  }

  @Test
  void aMissingListIsReportedAsABrokenJar() {
    IncludeHeaders none = IncludeHeaders.fromResources(getClass().getClassLoader(), "no/such/dir");
    SrHlsException e = assertThrows(SrHlsException.class, () -> none.extractTo(dir));
    assertEquals("the sr-hls jar is incomplete: resource no/such/dir/headers.list is missing; reinstall the plugin",
        e.getMessage());
  }
}
