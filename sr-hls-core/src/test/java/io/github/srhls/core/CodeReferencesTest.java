package io.github.srhls.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodeReferencesTest {
  @TempDir Path dir;

  private static final String FIXTURE = "io.github.srhls.archfixture.";

  private static Map<String, Set<String>> fixtureClasses() {
    return CodeReferences.inClassFiles(ArchitectureTest.classesOf(CodeReferencesTest.class)
        .resolve("io/github/srhls/archfixture"));
  }

  @Test
  void aClassFileNamesTheClassesOfItsGenericSignaturesAndMethodDescriptors() {
    Map<String, Set<String>> read = fixtureClasses();
    assertTrue(read.get(FIXTURE + "low.Low").contains(FIXTURE + "high.High"), read::toString);
    assertTrue(read.get(FIXTURE + "high.High").contains(FIXTURE + "low.Low"), read::toString);
    assertTrue(read.get(FIXTURE + "low.Low").contains("java.util.List"), read::toString);
  }

  @Test
  void aClassNamedInDocumentationOnlyIsInTheImportsNotInTheClassFile() throws Exception {
    assertEquals(Set.of("java.lang.Object"), fixtureClasses().get(FIXTURE + "low.LowJavadoc"));
    Path source = dir.resolve("a/b/C.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, """
        package a.b;

        import static x.y.Z.NAME;
        import x.y.Outer.Inner;
        import x.q.*;
        import java.util.List;

        class C {
          // import not.a.Real; in a comment is not at the start of a line
        }
        """);
    assertEquals(Map.of("a.b.C", Set.of("x.y.Z", "x.y.Outer", "x.q.*", "java.util.List")),
        CodeReferences.inImports(dir));
  }

  @Test
  void nestedAndAnonymousClassesCountAsTheirTopLevelClass() {
    assertEquals("a.b.C", CodeReferences.topLevel("a/b/C$D$1"));
    assertEquals("C", CodeReferences.topLevel("C$1"));
    Map<String, Set<String>> read = CodeReferences.inClassFiles(ArchitectureTest.mainClasses()
        .resolve("io/github/srhls/core/toolchain/amd/detect"));
    assertTrue(read.keySet().stream().noneMatch(name -> name.contains("$")), read::toString);
    assertTrue(read.values().stream().flatMap(Set::stream).noneMatch(name -> name.contains("$")), read::toString);
  }
}
