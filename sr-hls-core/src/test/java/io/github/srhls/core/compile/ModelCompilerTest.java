package io.github.srhls.core.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.model.ModelReader;
import io.github.srhls.core.model.ModelSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCompilerTest {
  private static final String HEAD = "format: sr-hls/v1\nname: m\ninputs: [{name: a, range: [0, 1]}]\n";

  @TempDir Path project;

  private ModelSpec model(String outputs) throws IOException {
    Path file = project.resolve("m.sr.yaml");
    Files.writeString(file, HEAD + outputs);
    return new ModelReader().read(file, project, "1");
  }

  private void csv(String name, String rows) throws IOException {
    Files.createDirectories(project.resolve("pysr"));
    Files.writeString(project.resolve("pysr").resolve(name), "Complexity,Loss,Equation\n" + rows);
  }

  @Test
  void outputsTakeTheirRowsAndEachFileTheyUseIsListedOnce() throws IOException {
    csv("h.csv", "1,0.5,\"x0\"\n3,0.1,\"x0 * 2\"\n");
    csv("j.csv", "1,0.5,\"x1 + 1\"\n");
    Files.writeString(project.resolve("v.dat"), "0.5\n");
    CompiledModel m = new ModelCompiler(project).compile(model("""
        outputs:
          - {name: best, pysr: {file: pysr/h.csv, select: accuracy}}
          - {name: first, pysr: {file: pysr/h.csv, select: {row: 0}}}
          - {name: julia, pysr: {file: pysr/j.csv, variables: one-based}}
          - {name: own, expression: a - 1}
        testbench: {inputs: v.dat}
        """));
    // x1 of the one-based file is input 0: a zero-based scope would not know it
    assertEquals(List.of("x0 * 2", "x0", "x1 + 1", "a - 1"), m.outputTexts());
    assertEquals(List.of(project.resolve("pysr/h.csv"), project.resolve("pysr/j.csv"), project.resolve("v.dat")),
        m.referencedFiles());
  }

  @Test
  void anEquationErrorPointsIntoTheHallOfFameNamedRelativeToTheProject() throws IOException {
    csv("h.csv", "1,0.5,\"x0\"\n3,0.1,\"sn(x0)\"\n");
    ModelSpec spec = model("outputs: [{name: y, pysr: {file: pysr/h.csv, select: accuracy}}]\n");
    String message = assertThrows(SrHlsException.class, () -> new ModelCompiler(project).compile(spec))
        .getMessage();
    assertEquals(Path.of("pysr/h.csv") + ":3:8: unknown function 'sn'; did you mean 'sin'? in output 'y'"
        + " (hall-of-fame row of complexity 3)\n    sn(x0)\n    ^~", message);
  }
}
