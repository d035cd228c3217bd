package io.github.srhls.core.goals;

import io.github.srhls.core.diag.SrHlsException;
import java.time.Duration;

/**
 * Whether and how {@code sr-hls:test} synthesises each model's RTL with Yosys.
 *
 * @param enabled run open synthesis ({@code sr-hls.openSynthesis})
 * @param yosys the Yosys program, a path or a name on the PATH; null means {@code yosys} on the PATH
 * @param path the PATH Yosys is looked for on (the build's environment)
 * @param timeout for each Yosys run; null means {@link #DEFAULT_TIMEOUT} (sr-hls:test passes its {@code timeout})
 */
public record OpenSynthesisSettings(boolean enabled, String yosys, String path, Duration timeout) {

  /** Default time limit of one run: the example synthesises in seconds; a hang is noticed. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);

  /** Open synthesis off. */
  public static final OpenSynthesisSettings OFF = new OpenSynthesisSettings(false, null, null, null);

  public OpenSynthesisSettings {
    timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    if (timeout.isNegative() || timeout.isZero()) {
      throw new SrHlsException("the open synthesis timeout must be a positive number of seconds, not "
          + timeout.toSeconds() + " (set <timeout> or -Dsr-hls.timeout)");
    }
  }

  /** On, with Yosys from {@code yosys} (null: the PATH) and the process's PATH. */
  public static OpenSynthesisSettings on(String yosys, Duration timeout) {
    return new OpenSynthesisSettings(true, yosys, System.getenv("PATH"), timeout);
  }
}
