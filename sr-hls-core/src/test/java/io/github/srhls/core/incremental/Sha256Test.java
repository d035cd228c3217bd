package io.github.srhls.core.incremental;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.diag.SrHlsException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Sha256Test {
  @TempDir Path dir;

  /** The test vectors of FIPS 180-2, appendix B.1 and B.3; the second spans many read buffers. */
  @Test
  void filesHashToThePublishedTestVectors() throws Exception {
    Path abc = Files.writeString(dir.resolve("abc"), "abc", StandardCharsets.US_ASCII);
    assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Sha256.ofFile(abc));

    Path million = Files.writeString(dir.resolve("a"), "a".repeat(1_000_000), StandardCharsets.US_ASCII);
    assertEquals("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0", Sha256.ofFile(million));
  }

  @Test
  void anUnreadableFileIsNamed() {
    Path missing = dir.resolve("missing.zip");
    SrHlsException e = assertThrows(SrHlsException.class, () -> Sha256.ofFile(missing));
    assertTrue(e.getMessage().startsWith("cannot read " + missing + ": "), e.getMessage());
  }
}
