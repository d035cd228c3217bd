package io.github.srhls.core.goals;

import io.github.srhls.core.diag.SrHlsException;
import java.util.Locale;

/** Whether {@code sr-hls:test} simulates the generated RTL with Verilator ({@code sr-hls.rtlSimulation}). */
public enum RtlSimulation {
  /** When Verilator is found; without it the build says so once and goes on. */
  AUTO,
  /** Always: a build without Verilator fails. */
  REQUIRED,
  /** Never. */
  OFF;

  /**
   * The mode a parameter value names, in any case; null or blank is {@link #AUTO}.
   *
   * @throws SrHlsException for any other value, naming the parameter and the values it takes
   */
  public static RtlSimulation parse(String value) {
    if (value == null || value.isBlank()) {
      return AUTO;
    }
    for (RtlSimulation mode : values()) {
      if (mode.name().equalsIgnoreCase(value.strip())) {
        return mode;
      }
    }
    throw new SrHlsException("sr-hls:test rtlSimulation (-Dsr-hls.rtlSimulation) is '" + value + "'; it takes "
        + "auto (simulate the RTL when Verilator is found), required (fail without Verilator) or off");
  }

  /** How the parameter spells it. */
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }
}
