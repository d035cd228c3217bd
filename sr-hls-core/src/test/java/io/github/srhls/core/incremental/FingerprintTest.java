package io.github.srhls.core.incremental;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FingerprintTest {

  @TempDir Path dir;

  @Test
  void partsAreDelimitedSoShiftingTextBetweenThemChangesTheFingerprint() {
    String ab = Fingerprint.start().text("x", "ab").text("y", "c").done();
    assertEquals(ab, Fingerprint.start().text("x", "ab").text("y", "c").done());
    assertNotEquals(ab, Fingerprint.start().text("x", "a").text("y", "bc").done());
    assertNotEquals(ab, Fingerprint.start().text("xa", "b").text("y", "c").done());
    assertTrue(ab.matches("sha256:[0-9a-f]{64}"), ab);
  }

  @Test
  void aTreeDependsOnEveryFileNameAndContentButNotOnTimes() throws Exception {
    Files.createDirectories(dir.resolve("t/sub"));
    Files.writeString(dir.resolve("t/a.txt"), "one");
    Files.writeString(dir.resolve("t/sub/b.txt"), "two");
    String before = Fingerprint.start().tree("t", dir.resolve("t")).done();

    Files.setLastModifiedTime(dir.resolve("t/a.txt"), java.nio.file.attribute.FileTime.fromMillis(0));
    assertEquals(before, Fingerprint.start().tree("t", dir.resolve("t")).done());
    Files.writeString(dir.resolve("t/sub/b.txt"), "twO");
    assertNotEquals(before, Fingerprint.start().tree("t", dir.resolve("t")).done());
    Files.writeString(dir.resolve("t/sub/b.txt"), "two");
    Files.move(dir.resolve("t/sub/b.txt"), dir.resolve("t/sub/c.txt"));
    assertNotEquals(before, Fingerprint.start().tree("t", dir.resolve("t")).done());
  }

  @Test
  void aMissingOrUnreadableStateIsNoState() throws Exception {
    assertNull(StepState.read(dir.resolve("none.json")));
    Files.writeString(dir.resolve("bad.json"), "{\"key\": ");
    assertNull(StepState.read(dir.resolve("bad.json")));
    new StepState("k", null).write(dir.resolve("s/good.json"));
    assertEquals(new StepState("k", null), StepState.read(dir.resolve("s/good.json")));
    StepState.forget(dir.resolve("s/good.json"));
    assertNull(StepState.read(dir.resolve("s/good.json")));
  }

  /** A file is digested in pieces (test vectors can be gigabytes) to the same value as its bytes at once. */
  @Test
  void aFileReadInPiecesDigestsLikeItsBytes() throws Exception {
    byte[] content = new byte[(1 << 16) * 3 + 12345];
    new java.util.Random(7).nextBytes(content);
    Files.write(dir.resolve("big.bin"), content);
    assertEquals(Fingerprint.start().bytes("big", content).done(),
        Fingerprint.start().file("big", dir.resolve("big.bin")).done());
    Files.write(dir.resolve("empty.bin"), new byte[0]);
    assertEquals(Fingerprint.start().bytes("e", new byte[0]).done(),
        Fingerprint.start().file("e", dir.resolve("empty.bin")).done());
  }
}
