package io.github.srhls.core.simulation.rtl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.diag.BuildLog;
import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.goals.RecordingBuildLog;
import io.github.srhls.core.process.ToolRunner;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the simulator is compiled, with the real Verilator and g++: Verilator's run-time library is compiled once into
 * the cache and linked from there by every later build; a cache that cannot be written, or none, still gives a
 * working simulator; a compiler that fails is reported with its text.
 */
class SimulatorBuildTest {

  /** y = a + 1, registered once. */
  private static final String INC = """
      module inc (
        input wire clk,
        input wire rst,
        input wire in_valid,
        input wire [7:0] a,
        output wire out_valid,
        output wire [7:0] y
      );
        reg valid;
        reg [7:0] y1;
        always @(posedge clk) begin
          valid <= rst ? 1'b0 : in_valid;
          y1 <= a + 8'd1;
        end
        assign out_valid = valid;
        assign y = y1;
      endmodule
      """;

  private static final List<Port> IN = List.of(new Port("a", 8));
  private static final List<Port> OUT = List.of(new Port("y", 8));

  @Test
  void theRuntimeLibraryIsCompiledOnceAndLinkedFromTheCacheAfterwards(@TempDir Path dir) throws Exception {
    Path cache = dir.resolve("cache");
    SimulatorBuild how = options(Optional.of(cache));
    Verilated first = build(dir.resolve("one"), how, BuildLog.silent());
    assertTrue(Files.isDirectory(dir.resolve("one/sim/obj/runtime")), "the first build compiles the library");
    List<Path> entries = list(cache);
    assertEquals(1, entries.size(), "one cache entry: " + entries);
    assertTrue(list(entries.get(0)).stream().anyMatch(p -> p.getFileName().toString().equals("verilated.o")),
        "the entry holds verilated.o: " + list(entries.get(0)));
    assertIncrements(first, dir.resolve("one"));

    Verilated second = build(dir.resolve("two"), how, BuildLog.silent());
    assertFalse(Files.exists(dir.resolve("two/sim/obj/runtime")), "the second build links the cached library");
    assertEquals(entries, list(cache), "no second entry");
    assertIncrements(second, dir.resolve("two"));

    // other flags (here: another compiler command) are another entry, never the first one's objects
    build(dir.resolve("three"), how.withCompiler(List.of("g++", "-DSRHLS_OTHER=1")), BuildLog.silent());
    assertTrue(Files.isDirectory(dir.resolve("three/sim/obj/runtime")));
    assertEquals(2, list(cache).size());
  }

  @Test
  void unitsAtTheLibrarysLevelReadVerilatedHPrecompiled(@TempDir Path dir) throws Exception {
    SimulatorBuild how = options(Optional.of(dir.resolve("cache")));
    build(dir.resolve("one"), how, BuildLog.silent());
    RecordingBuildLog log = new RecordingBuildLog();
    build(dir.resolve("two"), how, log);
    List<String> debug = log.debugs;
    String fast = debug.stream().filter(l -> l.startsWith("running ") && l.contains("sr_hls_fast.cpp in ")).findFirst()
        .orElseThrow(() -> new AssertionError("no compilation of the fast unit in " + debug));
    Path entry = list(dir.resolve("cache")).get(0);
    assertTrue(fast.contains(" -I" + entry.resolve("pch") + " "), fast);
    // g++ -H marks a precompiled header it uses with '!' (and one it rejects with 'x')
    List<String> command = new ArrayList<>(List.of(fast.substring("running ".length(), fast.lastIndexOf(" in "))
        .split(" ")));
    command.addAll(List.of("-H", "-fsyntax-only"));
    Process p = new ProcessBuilder(command).directory(dir.resolve("two/sim/obj").toFile()).redirectErrorStream(true)
        .start();
    String out = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.waitFor(), out);
    assertTrue(out.lines().anyMatch(l -> l.startsWith("! ") && l.endsWith("verilated.h.gch")),
        "the precompiled header was used:\n" + out.lines().limit(5).toList());
  }

  @Test
  void buildsFillingTheCacheAtOnceBothWorkAndLeaveOneWholeEntry(@TempDir Path dir) throws Exception {
    SimulatorBuild how = options(Optional.of(dir.resolve("cache")));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Verilated>> builds = new ArrayList<>();
      for (String name : List.of("a", "b")) {
        builds.add(pool.submit(() -> build(dir.resolve(name), how, BuildLog.silent())));
      }
      assertIncrements(builds.get(0).get(), dir.resolve("a"));
      assertIncrements(builds.get(1).get(), dir.resolve("b"));
    } finally {
      pool.shutdownNow();
    }
    List<Path> entries = list(dir.resolve("cache"));
    assertEquals(1, entries.size(), "one entry, no staging directory left: " + entries);
    assertTrue(Files.isRegularFile(entries.get(0).resolve("verilated.o")));
  }

  @Test
  void anIncompleteEntryIsNeitherUsedNorReplaced(@TempDir Path dir) throws Exception {
    SimulatorBuild how = options(Optional.of(dir.resolve("cache")));
    build(dir.resolve("one"), how, BuildLog.silent());
    Path entry = list(dir.resolve("cache")).get(0);
    Files.delete(entry.resolve("verilated.o"));
    RecordingBuildLog log = new RecordingBuildLog();
    Verilated sim = build(dir.resolve("two"), how, log);
    assertIncrements(sim, dir.resolve("two"));
    assertTrue(Files.isRegularFile(dir.resolve("two/sim/obj/runtime/verilated.o")), "compiled for this build");
    assertFalse(Files.exists(entry.resolve("verilated.o")), "the entry is left alone");
    assertTrue(log.infos.stream().anyMatch(m -> m.contains(entry + " is incomplete") && m.contains("delete")),
        String.valueOf(log.infos));
  }

  @Test
  void aCacheThatCannotBeWrittenCostsOnlyTheCompilation(@TempDir Path dir) throws Exception {
    Path notADirectory = Files.writeString(dir.resolve("file"), "x");
    RecordingBuildLog log = new RecordingBuildLog();
    Verilated sim = build(dir.resolve("b"), options(Optional.of(notADirectory.resolve("cache"))), log);
    assertIncrements(sim, dir.resolve("b"));
    assertTrue(log.infos.stream().anyMatch(m -> m.startsWith("cannot keep Verilator's run-time library in ")
        && m.contains("-Dsr-hls.verilatorCache")), String.valueOf(log.infos));
  }

  @Test
  void withoutACacheTheLibraryIsCompiledIntoEachBuild(@TempDir Path dir) throws Exception {
    Verilated sim = build(dir.resolve("b"), options(Optional.empty()), BuildLog.silent());
    assertTrue(Files.isRegularFile(dir.resolve("b/sim/obj/runtime/verilated.o")));
    assertIncrements(sim, dir.resolve("b"));
  }

  @Test
  void aCompilerThatFailsIsReportedWithItsText(@TempDir Path dir) {
    SimulatorBuild how = options(Optional.empty()).withCompiler(List.of("g++", "-include", "no_such_header.h"));
    SrHlsException e = assertThrows(SrHlsException.class, () -> build(dir.resolve("b"), how, BuildLog.silent()));
    assertTrue(e.getMessage().startsWith("the C++ compiler (g++) could not compile "), e.getMessage());
    assertTrue(e.getMessage().contains("no_such_header.h"), e.getMessage());
    assertFalse(Files.exists(dir.resolve("b/sim/obj/sim")), "no simulator is left that looks built");
  }

  @Test
  void theDefaultCacheFollowsXdg() {
    assertEquals(Path.of("/x/sr-hls/verilator"),
        SimulatorBuild.defaultRuntimeCache(Map.of("XDG_CACHE_HOME", "/x"), "/home/u"));
    assertEquals(Path.of("/home/u/.cache/sr-hls/verilator"),
        SimulatorBuild.defaultRuntimeCache(Map.of("XDG_CACHE_HOME", "relative"), "/home/u"));
    assertEquals(Path.of("/home/u/.cache/sr-hls/verilator"), SimulatorBuild.defaultRuntimeCache(Map.of(), "/home/u"));
  }

  private static SimulatorBuild options(Optional<Path> cache) {
    return new SimulatorBuild(List.of("g++"), cache, false, Duration.ofMinutes(5));
  }

  private static Verilated build(Path work, SimulatorBuild how, BuildLog log) throws Exception {
    Files.createDirectories(work);
    Path source = Files.writeString(work.resolve("inc.v"), INC);
    return Verilated.build(new ToolRunner(log), "verilator", work.resolve("sim"), List.of(source), "inc", IN, OUT,
        how);
  }

  private static void assertIncrements(Verilated sim, Path dir) {
    List<List<BigInteger>> vectors = new ArrayList<>();
    for (int a = 0; a < 256; a += 17) {
      vectors.add(List.of(BigInteger.valueOf(a)));
    }
    Verilated.Run run = sim.run(new ToolRunner(BuildLog.silent()), dir, vectors);
    assertEquals(1, run.latencyCycles());
    for (int k = 0; k < vectors.size(); k++) {
      assertEquals(BigInteger.valueOf((vectors.get(k).get(0).intValueExact() + 1) & 0xff),
          run.outputs().get(k).get(0));
    }
  }

  private static List<Path> list(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }
}
