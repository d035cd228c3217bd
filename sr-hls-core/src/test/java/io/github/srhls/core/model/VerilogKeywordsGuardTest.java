package io.github.srhls.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.diag.BuildLog;
import io.github.srhls.core.process.ToolInvocation;
import io.github.srhls.core.process.ToolResult;
import io.github.srhls.core.process.ToolRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps {@link ReservedNames#verilogKeywords()} honest against the real Verilator in SystemVerilog 1800-2017 mode:
 * every word on it is refused as a port name, the way the RTL back end would write it, and a few ordinary names
 * beside them are not. One Verilator run lints a module per keyword (its parser recovers at each module, so errors
 * name the lines); what got no error of its own is settled by a few more runs, since a keyword can swallow the rest
 * of the file.
 */
class VerilogKeywordsGuardTest {
  private static final ToolRunner RUNNER = new ToolRunner(BuildLog.silent());
  private static final Pattern ERROR_LINE = Pattern.compile("%Error: [^:]*\\.v:(\\d+):");

  /**
   * A keyword of the standard (since 1800-2009, for {@code global clocking}) that Verilator 5.006 lexes as one only
   * before {@code clocking}; kept on the list for the other tools.
   */
  private static final Set<String> CONTEXTUAL_IN_VERILATOR = Set.of("global");

  @Test
  void theListIsTheStandardsAndEveryWordOnItIsAKeywordToVerilator(@TempDir Path dir) throws Exception {
    List<String> keywords = new ArrayList<>(new TreeSet<>(ReservedNames.verilogKeywords()));
    assertEquals(248, keywords.size()); // IEEE 1800-2017, Table B.1
    assertTrue(keywords.containsAll(List.of("reg", "wire", "logic", "module", "input", "output", "always", "begin",
        "end", "assign", "endmodule", "always_ff", "uwire", "implements", "nettype", "interconnect")));

    List<String> accepted = new ArrayList<>();
    List<String> pending = new ArrayList<>(keywords);
    while (!pending.isEmpty()) {
      StringBuilder all = new StringBuilder();
      pending.forEach(k -> all.append(module(k)));
      Set<Integer> errorLines = errorLines(lint(dir, "all.v", all.toString()));
      List<String> unconfirmed = new ArrayList<>();
      for (int i = 0; i < pending.size(); i++) {
        if (!errorLines.contains(2 * i + 1) && !errorLines.contains(2 * i + 2)) {
          unconfirmed.add(pending.get(i));
        }
      }
      // the first word without an error of its own: a name to Verilator, or one that swallowed the rest of the file
      // (a UDP's table does); linted alone, it is settled either way
      if (!unconfirmed.isEmpty()) {
        String first = unconfirmed.remove(0);
        if (lint(dir, "one.v", module(first)).succeeded()) {
          accepted.add(first);
        }
      }
      pending = unconfirmed;
    }
    assertEquals(List.copyOf(CONTEXTUAL_IN_VERILATOR), accepted, "listed, but Verilator takes them as names");

    // the probe itself: ordinary names, and keywords in another case, pass
    StringBuilder names = new StringBuilder();
    for (String name : List.of("reg_in", "REG", "Logic", "wire0", "x0", "y")) {
      names.append(module(name));
    }
    ToolResult fine = lint(dir, "names.v", names.toString());
    assertTrue(fine.succeeded(), () -> String.join("\n", fine.lines()));
  }

  /** Two lines: a module whose only port is named {@code name}. */
  private static String module(String name) {
    return "module probe_" + name + "(input wire " + name + ");\nendmodule\n";
  }

  private static ToolResult lint(Path dir, String file, String text) throws Exception {
    Path source = dir.resolve(file);
    Files.writeString(source, text);
    return RUNNER.run(ToolInvocation.of("verilator", List.of("verilator", "--lint-only", "--language", "1800-2017",
        "--error-limit", "100000", "-Wno-MULTITOP", source.toString())).withChatty(true));
  }

  private static Set<Integer> errorLines(ToolResult result) {
    Set<Integer> lines = new TreeSet<>();
    for (String line : result.lines()) {
      Matcher m = ERROR_LINE.matcher(line);
      if (m.lookingAt()) {
        lines.add(Integer.parseInt(m.group(1)));
      }
    }
    return lines;
  }
}
