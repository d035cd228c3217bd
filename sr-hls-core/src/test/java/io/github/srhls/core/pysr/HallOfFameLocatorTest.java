package io.github.srhls.core.pysr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.diag.SrHlsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HallOfFameLocatorTest {
  private static final OptionalInt NONE = OptionalInt.empty();

  private static String error(Path path, OptionalInt output) {
    return assertThrows(SrHlsException.class, () -> HallOfFameLocator.locate(path, output)).getMessage();
  }

  @Test
  void aCsvIsItself() {
    Path csv = Resources.path("mse-era/hall_of_fame_2021-05-04_101112.csv");
    assertEquals(csv, HallOfFameLocator.locate(csv, NONE));
  }

  @Test
  void pysr06PrefixesTheOutputNumber() {
    Path base = Resources.path("multi-0.6/hall_of_fame.csv");
    Path second = HallOfFameLocator.locate(base, OptionalInt.of(2));
    assertEquals(Resources.path("multi-0.6/out2_hall_of_fame.csv"), second);
    assertEquals("x1", HallOfFame.read(second).rows().get(0).equation());
  }

  @Test
  void pysr07To019SuffixTheOutputNumber() {
    Path base = Resources.path("multi-0.7/hall_of_fame_2022-03-01_120000.000.csv");
    Path first = HallOfFameLocator.locate(base, OptionalInt.of(1));
    assertEquals(Resources.path("multi-0.7/hall_of_fame_2022-03-01_120000.000.csv.out1"), first);
    assertEquals("sin(x0)", HallOfFame.read(first).rows().get(1).equation());
  }

  @Test
  void baseNameOfAMultiOutputRunNeedsAnOutput() {
    Path base = Resources.path("multi-0.7/hall_of_fame_2022-03-01_120000.000.csv");
    assertEquals(base + ": not found, but the run wrote one file per output"
        + " (hall_of_fame_2022-03-01_120000.000.csv.out1, ...); set 'output' to choose one", error(base, NONE));
  }

  @Test
  void missingOutputListsWhatWasLookedFor() {
    Path base = Resources.path("multi-0.6/hall_of_fame.csv");
    assertEquals(base + ": no file for output 3; looked for " + Resources.path("multi-0.6/out3_hall_of_fame.csv")
        + " (PySR 0.6) and " + Resources.path("multi-0.6/hall_of_fame.csv.out3") + " (PySR 0.7 to 0.19)",
        error(base, OptionalInt.of(3)));
  }

  @Test
  void outputOfASingleOutputFileIsAnError() {
    Path csv = Resources.path("mse-era/hall_of_fame_2021-05-04_101112.csv");
    String message = error(csv, OptionalInt.of(1));
    assertTrue(message.endsWith("; hall_of_fame_2021-05-04_101112.csv itself holds a single output,"
        + " drop 'output'"), message);
  }

  @Test
  void outputsAreNumberedFromOne() {
    Path csv = Resources.path("mse-era/hall_of_fame_2021-05-04_101112.csv");
    assertEquals(csv + ": output 0 does not exist; PySR numbers the outputs of a run from 1",
        error(csv, OptionalInt.of(0)));
  }

  @Test
  void runDirectoryGivesItsHallOfFame() {
    Path run = Resources.path("single-run/outputs/20240101_120000_abc123");
    assertEquals(run.resolve("hall_of_fame.csv"), HallOfFameLocator.locate(run, NONE));
  }

  @Test
  void outputsDirectoryGivesTheNewestRun() {
    Path outputs = Resources.path("single-run/outputs");
    assertEquals(outputs.resolve("20240102_080000_Zz9yX1/hall_of_fame.csv"), HallOfFameLocator.locate(outputs, NONE));
  }

  @Test
  void multiOutputRunNumbersFilesFromOne() {
    Path outputs = Resources.path("multi-run/outputs");
    Path run = outputs.resolve("20240315_093000_Xy12zz");
    assertEquals(run.resolve("hall_of_fame_output2.csv"), HallOfFameLocator.locate(outputs, OptionalInt.of(2)));
    assertEquals(run.resolve("hall_of_fame_output10.csv"), HallOfFameLocator.locate(run, OptionalInt.of(10)));
    assertEquals(run + ": no hall_of_fame.csv in this run, which has one file per output (hall_of_fame_output1.csv,"
        + " hall_of_fame_output2.csv, hall_of_fame_output10.csv); set 'output' to choose one", error(run, NONE));
    assertEquals(run + ": no hall_of_fame_output3.csv in this run; it has hall_of_fame_output1.csv,"
        + " hall_of_fame_output2.csv, hall_of_fame_output10.csv", error(run, OptionalInt.of(3)));
  }

  @Test
  void outputOfASingleOutputRunIsAnError() {
    Path run = Resources.path("single-run/outputs/20240101_120000_abc123");
    assertEquals(run + ": no hall_of_fame_output1.csv in this run; the run has a single output (hall_of_fame.csv),"
        + " drop 'output'", error(run, OptionalInt.of(1)));
  }

  @Test
  void directoryWithoutRuns() {
    Path dir = Resources.path("broken");
    assertEquals(dir + ": holds neither hall_of_fame.csv nor hall_of_fame_output<n>.csv, nor any PySR run directory"
        + " named like 20240131_235959_a1B2c3; give the CSV or the run directory itself", error(dir, NONE));
  }

  @Test
  void newestRunNotYetWritten(@TempDir Path outputs) throws IOException {
    Files.createDirectories(outputs.resolve("20240101_000000_aaaaaa"));
    Files.writeString(outputs.resolve("20240101_000000_aaaaaa/hall_of_fame.csv"), "Complexity,Loss,Equation\n");
    Path newest = Files.createDirectories(outputs.resolve("20250101_000000_bbbbbb"));
    assertEquals(newest + ": this run directory holds neither hall_of_fame.csv nor hall_of_fame_output<n>.csv;"
        + " PySR writes them after its first iteration", error(outputs, NONE));
  }

  @Test
  void missingFile() {
    Path nothing = Resources.path("nothing/hall_of_fame.csv");
    assertEquals(nothing + ": hall-of-fame file not found; give the CSV PySR wrote, its run directory"
        + " outputs/<run_id>/, or the outputs/ directory", error(nothing, NONE));
  }
}
