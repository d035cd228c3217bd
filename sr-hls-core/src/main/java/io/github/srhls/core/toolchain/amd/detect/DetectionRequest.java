package io.github.srhls.core.toolchain.amd.detect;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What {@link VendorDetector} needs to find a tool: the part of the build's vendor settings that is about finding
 * one, so that detection depends on nothing above it.
 *
 * @param hlsTool the tool the user named: an executable, an installation directory or a program name on the PATH;
 *     null or blank means detect it
 * @param toolchains the Maven toolchains of type {@code hls}, the one Maven selected first
 * @param environment the environment to look in ({@code XILINX_*}, {@code PATH}) and to run the tool with
 * @param requireVendor fail when no tool is found instead of going on without one
 * @param timeout the time limit of one run of the tool; asking a tool for its version is limited further
 */
public record DetectionRequest(
    String hlsTool,
    List<ToolchainEntry> toolchains,
    Map<String, String> environment,
    boolean requireVendor,
    Duration timeout) {

  public DetectionRequest {
    hlsTool = hlsTool == null || hlsTool.isBlank() ? null : hlsTool.strip();
    toolchains = toolchains == null ? List.of() : List.copyOf(toolchains);
    environment = environment == null ? Map.of() : new TreeMap<>(environment);
    Objects.requireNonNull(timeout, "timeout");
  }
}
