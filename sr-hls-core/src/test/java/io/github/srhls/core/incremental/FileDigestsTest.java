package io.github.srhls.core.incremental;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The remembered digests of the up-to-date checks: an unchanged file is not read again (the probe counts the files
 * read), and a changed one is, including one rewritten with the same size and its old modification time.
 */
class FileDigestsTest {
  @TempDir Path dir;

  private Path tree;
  private Path store;

  private void files() throws IOException {
    tree = dir.resolve("project");
    store = dir.resolve("work/file-digests.json");
    Files.createDirectories(tree.resolve("tb_data"));
    for (int i = 0; i < 5; i++) {
      Files.writeString(tree.resolve("tb_data/f" + i + ".dat"), "vector " + i + "\n", StandardCharsets.US_ASCII);
    }
    Files.writeString(tree.resolve("model.h"), "// model\n", StandardCharsets.US_ASCII);
    FileClock.pastChangesUnder(tree);
  }

  /** One build's fingerprint of the tree; the files it read are counted into {@code read[0]}. */
  private String key(int[] read) {
    FileDigests digests = FileDigests.load(store);
    String key = Fingerprint.start().tree("project", tree, digests).done();
    digests.save();
    read[0] = digests.filesRead();
    return key;
  }

  @Test
  void anUnchangedTreeIsNotReadAgainAndGivesTheSameKey() throws IOException {
    files();
    int[] read = new int[1];
    String cold = key(read);
    assertEquals(6, read[0]);
    String warm = key(read);
    assertEquals(0, read[0]);
    assertEquals(cold, warm);
    // the key is the tree's, not the store's: without the store every file is read and the key is the same
    Files.delete(store);
    assertEquals(cold, key(read));
    assertEquals(6, read[0]);
  }

  @Test
  void aFileRewrittenWithTheSameSizeAndItsOldModificationTimeIsReadAgain() throws IOException {
    files();
    int[] read = new int[1];
    String before = key(read);
    Path f = tree.resolve("tb_data/f3.dat");
    FileTime modified = Files.getLastModifiedTime(f);
    Files.writeString(f, "vector 9\n", StandardCharsets.US_ASCII);
    Files.setLastModifiedTime(f, modified);
    assertEquals(modified, Files.getLastModifiedTime(f));
    String after = key(read);
    assertEquals(1, read[0]);
    assertNotEquals(before, after);
  }

  @Test
  void aFileReplacedByAnotherOfTheSameSizeAndTimeIsReadAgain() throws IOException {
    files();
    int[] read = new int[1];
    String before = key(read);
    Path f = tree.resolve("tb_data/f1.dat");
    Path other = dir.resolve("other.dat");
    Files.writeString(other, "vector 8\n", StandardCharsets.US_ASCII);
    Files.setLastModifiedTime(other, Files.getLastModifiedTime(f));
    Files.move(other, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertNotEquals(before, key(read));
    assertEquals(1, read[0]);
  }

  @Test
  void anAddedOrRemovedFileChangesTheKeyAndOnlyTheNewOneIsRead() throws IOException {
    files();
    int[] read = new int[1];
    String before = key(read);
    Files.writeString(tree.resolve("tb_data/f5.dat"), "vector 5\n", StandardCharsets.US_ASCII);
    String added = key(read);
    assertEquals(1, read[0]);
    assertNotEquals(before, added);
    Files.delete(tree.resolve("tb_data/f5.dat"));
    assertEquals(before, key(read));
    assertEquals(0, read[0]);
  }

  /**
   * The racily clean rule: a digest made in the same clock tick as the file's last change is not trusted, since the
   * file could have been rewritten in that tick after it was read, keeping its size and times.
   */
  @Test
  void aDigestMadeInTheTickOfTheFilesLastChangeIsNotTrusted() {
    FileDigests.Entry stat = new FileDigests.Entry(9, 1000, 1000, "1:2", 0, "");
    assertTrue(new FileDigests.Entry(9, 1000, 1000, "1:2", 1001, "ab").stillDescribes(stat));
    assertFalse(new FileDigests.Entry(9, 1000, 1000, "1:2", 1000, "ab").stillDescribes(stat));
    assertFalse(new FileDigests.Entry(9, 1000, 1000, "1:2", 999, "ab").stillDescribes(stat));
    // any difference in what the file system says
    assertFalse(new FileDigests.Entry(8, 1000, 1000, "1:2", 5000, "ab").stillDescribes(stat));
    assertFalse(new FileDigests.Entry(9, 999, 1000, "1:2", 5000, "ab").stillDescribes(stat));
    assertFalse(new FileDigests.Entry(9, 1000, 999, "1:2", 5000, "ab").stillDescribes(stat));
    assertFalse(new FileDigests.Entry(9, 1000, 1000, "1:3", 5000, "ab").stillDescribes(stat));
  }
}
