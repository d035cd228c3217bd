package io.github.srhls.core.toolchain.amd.reports;

import io.github.srhls.core.toolchain.amd.detect.HlsTool;
import io.github.srhls.core.toolchain.amd.scripts.HlsScripts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The synthesis and co-simulation figures as a small table for the build log. */
public final class SynthesisSummary {
  private SynthesisSummary() {}

  public static List<String> lines(String model, HlsTool tool, CsynthReport r) {
    List<String> lines = new ArrayList<>();
    lines.add(model + ": synthesis estimates from " + tool.flow().product() + " " + tool.version()
        + (r.part() == null ? "" : " for " + r.part()));
    lines.add(String.format(Locale.ROOT, "  %-9s target %s ns, estimated %s ns", "clock", ns(r.targetClockNs()),
        ns(r.estimatedClockNs())));
    lines.add(String.format(Locale.ROOT, "  %-9s best %s, average %s, worst %s cycles; interval %s to %s", "latency",
        cycles(r.latency().best()), cycles(r.latency().average()), cycles(r.latency().worst()),
        cycles(r.interval().min()), cycles(r.interval().max())));
    lines.add(String.format(Locale.ROOT, "  %-9s %10s %10s %7s", "resource", "used", "available", "use"));
    row(lines, "BRAM_18K", r.used().bram18k(), r.available().bram18k());
    row(lines, "DSP", r.used().dsp(), r.available().dsp());
    row(lines, "FF", r.used().ff(), r.available().ff());
    row(lines, "LUT", r.used().lut(), r.available().lut());
    if (r.used().uram() != null) {
      row(lines, "URAM", r.used().uram(), r.available().uram() == null ? 0 : r.available().uram());
    }
    return lines;
  }

  public static String cosimLine(String model, CosimReport c) {
    return String.format(Locale.ROOT, "%s: co-simulation (%s) %s, latency min %s, avg %s, max %s cycles; interval "
        + "min %s, avg %s, max %s", model, c.rtl(), c.status(), na(c.latency().min()), na(c.latency().avg()),
        na(c.latency().max()), na(c.interval().min()), na(c.interval().avg()), na(c.interval().max()));
  }

  private static void row(List<String> lines, String name, long used, long available) {
    String share = available > 0 ? String.format(Locale.ROOT, "%.1f%%", 100.0 * used / available) : "-";
    lines.add(String.format(Locale.ROOT, "  %-9s %10d %10d %7s", name, used, available, share));
  }

  private static String ns(Double value) {
    return value == null ? "?" : HlsScripts.number(value);
  }

  private static String na(Long value) {
    return value == null ? "NA" : value.toString();
  }

  private static String cycles(Long value) {
    return value == null ? "undef" : value.toString();
  }
}
