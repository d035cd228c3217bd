package io.github.srhls.core.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.ir.FloatEvaluator;
import io.github.srhls.core.model.ModelReader;
import io.github.srhls.core.model.ModelSpec;
import java.io.IOException;
import java.io.InputStream;
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

  @Test
  void hallOfFameFileErrorsNameTheFileRelativeToTheProject() throws IOException {
    // they named the absolute path, unlike every other error
    csv("bad.csv", "1,zero,\"x0\"\n");
    String bad = assertThrows(SrHlsException.class, () -> new ModelCompiler(project).compile(
        model("outputs: [{name: y, pysr: {file: pysr/bad.csv}}]\n"))).getMessage();
    assertTrue(bad.startsWith(Path.of("pysr/bad.csv") + ":2:"), bad);
    csv("h.csv", "1,0.5,\"x0\"\n");
    String row = assertThrows(SrHlsException.class, () -> new ModelCompiler(project).compile(
        model("outputs: [{name: y, pysr: {file: pysr/h.csv, select: {complexity: 9}}}]\n"))).getMessage();
    assertTrue(row.startsWith(Path.of("pysr/h.csv") + ": no equation has complexity 9"), row);
    Files.createDirectories(project.resolve("pysr/outputs"));
    String missing = assertThrows(SrHlsException.class, () -> new ModelCompiler(project).compile(
        model("outputs: [{name: y, pysr: {file: pysr/outputs, output: 2}}]\n"))).getMessage();
    assertTrue(missing.startsWith(Path.of("pysr/outputs") + ": "), missing);
    assertFalse(missing.contains(project.toString()), missing);
  }

  @Test
  void aConstantZeroDivisorIsAnErrorWhereItIsWritten() throws IOException {
    // it built, with a warning naming no position and an error of Infinity in the report
    String literal = assertThrows(SrHlsException.class, () -> new ModelCompiler(project).compile(
        model("outputs: [{name: y, expression: a / 0.0}]\n"))).getMessage();
    assertTrue(literal.startsWith(Path.of("m.sr.yaml") + ":4:37: division by zero: the divisor '0.0' is 0 whatever"
        + " the inputs in output 'y'; remove the division or correct the constant"), literal);
    String folded = assertThrows(SrHlsException.class, () -> new ModelCompiler(project).compile(
        model("outputs: [{name: y, expression: 'g(a)'}]\noperators:\n  g(u): 1 + u / (2 - 2.0)\n"))).getMessage();
    assertTrue(folded.startsWith(Path.of("m.sr.yaml") + ":6:17: division by zero: the divisor '(2 - 2.0)'"), folded);
    csv("z.csv", "1,0.5,\"inv(0)\"\n");
    String row = assertThrows(SrHlsException.class, () -> new ModelCompiler(project).compile(
        model("outputs: [{name: y, pysr: {file: pysr/z.csv}}]\n"))).getMessage();
    assertTrue(row.startsWith(Path.of("pysr/z.csv") + ":2:12: division by zero"), row);
    new ModelCompiler(project).compile(model("outputs: [{name: y, expression: a / (a + 1)}]\n"));
  }

  @Test
  void aZeroDivisorThroughAnOperatorsConstantArgumentIsAnErrorAtTheUse() throws IOException {
    // it built, with a warning naming no position: the body alone divides by a parameter, which may be anything
    String direct = assertThrows(SrHlsException.class, () -> new ModelCompiler(project).compile(
        model("outputs: [{name: y, expression: 'a + f(0)'}]\noperators:\n  f(u): 1 / u\n"))).getMessage();
    assertTrue(direct.startsWith(Path.of("m.sr.yaml") + ":4:38: division by zero: 'f(0)' divides by 0 in the body"
        + " of custom operator 'f' whatever the inputs in output 'y'"), direct);
    // through a second operator, with the argument computed, and a divisor that is a use of an operator
    String nested = assertThrows(SrHlsException.class, () -> new ModelCompiler(project).compile(
        model("outputs: [{name: y, expression: 'g(a, 3 - 3)'}]\noperators:\n  f(u): 1 / u\n  g(v, w): v * f(w)\n")))
        .getMessage();
    assertTrue(nested.contains("division by zero: 'g(a, 3 - 3)' divides by 0 in the body of custom operator 'f'"),
        nested);
    String value = assertThrows(SrHlsException.class, () -> new ModelCompiler(project).compile(
        model("outputs: [{name: y, expression: 'a / h(2)'}]\noperators:\n  h(u): u - 2\n"))).getMessage();
    assertTrue(value.contains("division by zero: the divisor 'h(2)' is 0 whatever the inputs"), value);
    new ModelCompiler(project).compile(
        model("outputs: [{name: y, expression: 'f(a) + f(2)'}]\noperators:\n  f(u): 1 / (u + 1)\n"));
  }

  /** Copies a hand-written SymbolicRegression.jl hall of fame from the test resources into the project. */
  private void julia(String name) throws IOException {
    Files.createDirectories(project.resolve("pysr"));
    try (InputStream in = getClass().getResourceAsStream("/io/github/srhls/core/pysr/julia-one-based/" + name)) {
      Files.copy(in, project.resolve("pysr").resolve(name));
    }
  }

  private CompiledModel compileWithInputs(String inputs, String outputs) throws IOException {
    Path file = project.resolve("j.sr.yaml");
    Files.writeString(file, "format: sr-hls/v1\nname: j\n" + inputs + outputs);
    return new ModelCompiler(project).compile(new ModelReader().read(file, project, "1"));
  }

  @Test
  void oneBasedVariablesAreRenumberedBeforeTheDeclaredNamesAreLookedUp() throws IOException {
    julia("hall_of_fame.csv");
    // count: 2 declares x0, x1; the file's x1 is the first column and x2 the second, whatever the inputs are called
    CompiledModel m = compileWithInputs("inputs: {count: 2, range: [-10, 10]}\n",
        "outputs: [{name: y, pysr: {file: pysr/hall_of_fame.csv, variables: one-based}}]\n");
    assertEquals(List.of("x1 + (10.0 * x2)"), m.outputTexts());
    assertArrayEquals(new double[] {3 + 10.0 * 5}, new FloatEvaluator(m.graph()).evaluate(new double[] {3, 5}));
  }

  @Test
  void oneBasedVariablesOfTheMseEraMapByPositionEvenOverDeclaredNamesOfTheSameSpelling() throws IOException {
    julia("mse_era.csv");
    CompiledModel m = compileWithInputs("""
        inputs:
          - {name: p, range: [-10, 10]}
          - {name: q, range: [-10, 10]}
          - {name: x2, range: [-10, 10]}
        """, "outputs: [{name: y, pysr: {file: pysr/mse_era.csv, variables: one-based}}]\n");
    // a declared x<k> must be input k (zero-based), so it never agrees with the file's x<k>: the file's x2 is q,
    // x1 is p and x3 is the input declared x2; over the columns (2, 7, 11): 7 - 6 + 11
    assertArrayEquals(new double[] {12}, new FloatEvaluator(m.graph()).evaluate(new double[] {2, 7, 11}));
  }

  @Test
  void aOneBasedFileCannotReachAnInputThroughItsZeroBasedDeclaredName() throws IOException {
    julia("zero_in_one_based.csv");
    String message = assertThrows(SrHlsException.class, () -> compileWithInputs(
        "inputs: {count: 2, range: [-1, 1]}\n",
        "outputs: [{name: y, pysr: {file: pysr/zero_in_one_based.csv, variables: one-based}}]\n"))
        .getMessage();
    assertTrue(message.startsWith(Path.of("pysr/zero_in_one_based.csv") + ":2:"), message);
    assertTrue(message.contains("'x0'"), message);
  }
}
