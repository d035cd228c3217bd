package io.github.srhls.core.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class FileTreesTest {
  @TempDir Path dir;

  @Test
  void removesTheWholeTreeAndToleratesNothingThere() throws Exception {
    Path tree = dir.resolve("tree");
    Files.createDirectories(tree.resolve("a/b"));
    Files.writeString(tree.resolve("a/b/f.txt"), "x");
    Files.writeString(tree.resolve("g.txt"), "y");

    FileTrees.delete(tree);
    assertFalse(Files.exists(tree));

    FileTrees.delete(tree); // already gone: nothing to do, no error
    assertFalse(Files.exists(tree));
  }

  @Test
  @DisabledOnOs(OS.WINDOWS) // creating links needs privileges there
  void linksAreRemovedNotFollowed() throws Exception {
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Path keep = Files.writeString(outside.resolve("keep.txt"), "precious");
    Path tree = Files.createDirectories(dir.resolve("tree"));
    Files.createSymbolicLink(tree.resolve("to-dir"), outside);
    Files.createSymbolicLink(tree.resolve("to-file"), keep);

    FileTrees.delete(tree);
    assertFalse(Files.exists(tree, LinkOption.NOFOLLOW_LINKS));
    assertEquals("precious", Files.readString(keep));

    Path rootLink = Files.createSymbolicLink(dir.resolve("root-link"), outside);
    FileTrees.delete(rootLink);
    assertFalse(Files.exists(rootLink, LinkOption.NOFOLLOW_LINKS), "the link itself goes");
    assertTrue(Files.isRegularFile(keep), "what it points to stays");

    Path dangling = Files.createSymbolicLink(dir.resolve("dangling"), dir.resolve("nowhere"));
    FileTrees.delete(dangling);
    assertFalse(Files.exists(dangling, LinkOption.NOFOLLOW_LINKS));
  }
}
