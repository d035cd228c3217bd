package io.github.srhls.core.simulation.rtl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.diag.SrHlsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lists and switches read from the makefiles Verilator writes (their layout as Verilator 5 writes them). */
class VerilatedMakefilesTest {

  private static final String MAIN = """
      # Verilated -*- Makefile -*-
      default: sim
      VERILATOR_ROOT = /opt/verilator
      SYSTEMC_INCLUDE ?=\s
      VM_PREFIX = Vm
      VM_USER_CLASSES = \\
      \tdriver \\

      include Vm_classes.mk
      sim: $(VK_USER_OBJS)
      \t$(LINK) $(LDFLAGS) $^ -o $@
      """;

  private static final String CLASSES = """
      # Coverage output mode?  0/1 (from --coverage)
      VM_COVERAGE = 0
      VM_TIMING = 1
      VM_TRACE = 1
      VM_CLASSES_FAST += \\
      \tVm \\
      \tVm___024root__DepSet_h1__0 \\

      VM_CLASSES_SLOW += \\
      \tVm___024root__Slow \\

      VM_SUPPORT_FAST += \\

      VM_SUPPORT_SLOW += \\
      \tVm__Syms \\

      VM_GLOBAL_FAST += \\
      \tverilated \\
      \tverilated_threads \\

      VM_GLOBAL_SLOW += \\

      """;

  @Test
  void listsAndSwitchesAreRead(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("Vm.mk"), MAIN);
    Files.writeString(dir.resolve("Vm_classes.mk"), CLASSES);
    VerilatedMakefiles m = VerilatedMakefiles.read(dir, "Vm");
    assertEquals(Path.of("/opt/verilator/include"), m.include());
    assertEquals(List.of("Vm", "Vm___024root__DepSet_h1__0"), m.fast());
    assertEquals(List.of("Vm___024root__Slow", "Vm__Syms"), m.slow());
    assertEquals(List.of("verilated", "verilated_threads"), m.runtime());
    assertTrue(m.timing());
    assertEquals(List.of("-DVM_COVERAGE=0", "-DVM_SC=0", "-DVM_TRACE=1", "-DVM_TRACE_FST=0", "-DVM_TRACE_VCD=0"),
        m.definitions());
  }

  @Test
  void theInstallationsCompilerFlagsAndLibrariesAreUsed(@TempDir Path dir) throws Exception {
    Path root = dir.resolve("root");
    Files.createDirectories(root.resolve("include"));
    Files.writeString(root.resolve("include/verilated.mk"), """
        CFG_CXXFLAGS_STD = -std=gnu++14
        CFG_CXXFLAGS_NO_UNUSED =  -faligned-new -Wno-shadow
        CFG_CXXFLAGS_COROUTINES = -fcoroutines-ts
        CFG_LDLIBS_THREADS =  -pthread -lpthread
        OPT_FAST = -Os
        """);
    Files.writeString(dir.resolve("Vm.mk"), MAIN.replace("/opt/verilator", root.toString()));
    Files.writeString(dir.resolve("Vm_classes.mk"), CLASSES);
    VerilatedMakefiles m = VerilatedMakefiles.read(dir, "Vm");
    assertEquals(List.of("-std=gnu++14", "-faligned-new", "-Wno-shadow", "-fcoroutines-ts"), m.compileFlags());
    assertEquals(List.of("-pthread", "-lpthread"), m.linkLibraries());
  }

  @Test
  void withoutTheInstallationsMakefileTheDefaultsServe(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("Vm.mk"), MAIN);
    Files.writeString(dir.resolve("Vm_classes.mk"), CLASSES.replace("VM_TIMING = 1", "VM_TIMING = 0"));
    VerilatedMakefiles m = VerilatedMakefiles.read(dir, "Vm");
    assertEquals(List.of("-faligned-new"), m.compileFlags());
    assertEquals(List.of("-pthread", "-lpthread", "-latomic"), m.linkLibraries());
  }

  @Test
  void makefilesWithoutTheRootAreRefusedNamingTheFile(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("Vm.mk"), MAIN.replace("VERILATOR_ROOT = /opt/verilator\n", ""));
    Files.writeString(dir.resolve("Vm_classes.mk"), CLASSES);
    SrHlsException e = assertThrows(SrHlsException.class, () -> VerilatedMakefiles.read(dir, "Vm"));
    assertTrue(e.getMessage().startsWith(dir.resolve("Vm.mk") + " does not name VERILATOR_ROOT"), e.getMessage());
  }

  @Test
  void aMissingClassesFileIsNamed(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("Vm.mk"), MAIN);
    SrHlsException e = assertThrows(SrHlsException.class, () -> VerilatedMakefiles.read(dir, "Vm"));
    assertTrue(e.getMessage().startsWith("cannot read " + dir.resolve("Vm_classes.mk")), e.getMessage());
  }
}
