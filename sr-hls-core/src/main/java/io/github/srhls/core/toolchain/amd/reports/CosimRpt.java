package io.github.srhls.core.toolchain.amd.reports;

import io.github.srhls.core.diag.SrHlsException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the table of a {@code <top>_cosim.rpt}: one row per RTL language,
 * {@code |   Verilog|    Pass|  248|  251|  278|  248|  251|  278|}, with latency and interval min, avg and max.
 * Newer releases add columns after these (a total execution time); they are ignored.
 */
public final class CosimRpt {

  private static final Pattern ROW = Pattern.compile("^\\s*\\|\\s*(Verilog|VHDL)\\s*\\|\\s*(Pass|Fail|NA)\\s*\\|(.*)$",
      Pattern.CASE_INSENSITIVE);

  private CosimRpt() {}

  /**
   * The simulated language's row: the first row whose status is not {@code NA}, else the first row.
   *
   * @throws SrHlsException when the file cannot be read or has no row
   */
  public static CosimReport read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new SrHlsException("cannot read the co-simulation report " + file + ": " + e.getMessage(), e);
    }
    List<CosimReport> rows = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = ROW.matcher(lines.get(i));
      if (m.matches()) {
        rows.add(row(file, i + 1, m));
      }
    }
    Optional<CosimReport> simulated = rows.stream().filter(r -> !r.status().equalsIgnoreCase("NA")).findFirst();
    return simulated.or(() -> rows.stream().findFirst()).orElseThrow(() -> new SrHlsException("the co-simulation"
        + " report " + file + " has no '| Verilog | Pass | ...' row; it is not what Vitis or Vivado HLS writes"));
  }

  private static CosimReport row(Path file, int line, Matcher m) {
    String[] cells = m.group(3).split("\\|", -1);
    if (cells.length < 6) {
      throw new SrHlsException(file + ":" + line + ": expected latency min, avg, max and interval min, avg, max "
          + "after the status, found " + Math.max(0, cells.length - 1) + " cells");
    }
    Long[] n = new Long[6];
    for (int k = 0; k < 6; k++) {
      n[k] = number(file, line, cells[k].strip());
    }
    return new CosimReport(capitalised(m.group(1)), capitalised(m.group(2)), new CosimReport.Span(n[0], n[1], n[2]),
        new CosimReport.Span(n[3], n[4], n[5]));
  }

  private static Long number(Path file, int line, String cell) {
    if (cell.equalsIgnoreCase("NA") || cell.isEmpty() || cell.equals("-")) {
      return null;
    }
    try {
      return Long.parseLong(cell);
    } catch (NumberFormatException e) {
      throw new SrHlsException(file + ":" + line + ": '" + cell + "' is not a number of cycles or NA");
    }
  }

  private static String capitalised(String word) {
    return word.equalsIgnoreCase("VHDL") || word.equalsIgnoreCase("NA") ? word.toUpperCase()
        : Character.toUpperCase(word.charAt(0)) + word.substring(1).toLowerCase();
  }
}
