package io.github.srhls.core.goals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files the models read, as the plugin's build cache check gets them: from what generate copied. */
class ModelInputsTest {

  @Test
  void everyModelFileAndEveryFileItReferencesAtItsPathInTheProject(@TempDir Path root) throws Exception {
    TempProject temp = TempProject.with(root, "vec.sr.yaml", """
        format: sr-hls/v1
        name: vec
        inputs: [{name: a, range: [-1, 1]}, {name: b, range: [-1, 1]}]
        outputs: [{name: y, expression: a * b + 0.5}]
        testbench: {inputs: ../../../data/vectors.dat}
        """);
    Files.createDirectories(root.resolve("data"));
    Files.writeString(root.resolve("data/vectors.dat"), "0.5 0.25\n-0.5 0.75\n");
    Files.createDirectories(temp.models().resolve("more"));
    Files.writeString(temp.models().resolve("more/alpha.sr.yaml"), """
        format: sr-hls/v1
        name: alpha
        inputs: [{name: x, range: [-1, 1]}]
        outputs: [{name: y, expression: 2 * x}]
        """);
    assertEquals(List.of(), ModelInputs.of(root, temp.out()), "nothing generated yet");

    temp.generate();

    List<Path> inputs = ModelInputs.of(root, temp.out());
    assertEquals(List.of(root.resolve("src/main/sr/more/alpha.sr.yaml"), root.resolve("data/vectors.dat"),
        root.resolve("src/main/sr/vec.sr.yaml")), inputs);
    for (Path input : inputs) {
      assertTrue(Files.isRegularFile(input), input + " is a file of the project");
    }
  }
}
