package io.github.srhls.core.toolchain.amd;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.github.srhls.core.diag.BuildLog;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fake AMD tools under {@code src/test/fakes} (see fakehls.py there) and environments to find them in.
 * Installations: amd/Vitis_HLS/2023.1, amd/Vitis_HLS/2020.2, amd/Vivado/2019.2, amd/Vitis/2024.2, amd/Vitis/2023.1.
 */
public final class FakeTools {
  private FakeTools() {}

  public static Path root() {
    String fakes = System.getProperty("srhls.fakes");
    assertNotNull(fakes, "surefire sets srhls.fakes");
    return Path.of(fakes);
  }

  public static Path install(String product, String version) {
    return root().resolve("amd").resolve(product).resolve(version);
  }

  public static Path bin(String product, String version) {
    return install(product, version).resolve("bin");
  }

  /** The build's environment without any AMD variable, and a PATH of the given directories then the system's. */
  public static Map<String, String> environment(Path... pathFirst) {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.remove("XILINX_HLS");
    env.remove("XILINX_VITIS");
    env.remove("XILINX_VIVADO");
    env.remove("FAKE_HLS_FAULT");
    List<String> path = new ArrayList<>();
    for (Path p : pathFirst) {
      path.add(p.toString());
    }
    path.add(System.getenv("PATH"));
    env.put("PATH", String.join(File.pathSeparator, path));
    return env;
  }

  public static Map<String, String> with(Map<String, String> env, String name, String value) {
    Map<String, String> copy = new HashMap<>(env);
    copy.put(name, value);
    return copy;
  }

  /** A log that keeps every line, with its level. */
  public static final class Log implements BuildLog {
    final List<String> lines = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void info(String message) {
      lines.add("[info] " + message);
    }

    @Override
    public void warn(String message) {
      lines.add("[warn] " + message);
    }

    @Override
    public void debug(String message) {
      lines.add("[debug] " + message);
    }

    public List<String> matching(String fragment) {
      synchronized (lines) {
        return lines.stream().filter(l -> l.contains(fragment)).toList();
      }
    }

    @Override
    public String toString() {
      synchronized (lines) {
        return String.join("\n", lines);
      }
    }
  }
}
