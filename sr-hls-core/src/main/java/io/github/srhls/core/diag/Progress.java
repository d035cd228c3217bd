package io.github.srhls.core.diag;

import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress of a long loop, logged at most every {@link #INTERVAL_NANOS} so that a short run logs nothing and a
 * long one shows it is moving: {@code jet_tagger: 2,500,000 of 10,000,000 expected outputs computed (12 s)}.
 */
public final class Progress {
  static final long INTERVAL_NANOS = 10_000_000_000L;

  private final BuildLog log;
  private final String what;
  private final long total;
  private final LongSupplier clock;
  private final long start;
  private long next;

  /** Logs {@code <model>: <done> of <total> <things> computed (<elapsed>)}. */
  public Progress(BuildLog log, String model, String things, long total) {
    this(log, model + ": %,d of %,d " + things + " computed (%s)", total, System::nanoTime);
  }

  public Progress(BuildLog log, String format, long total, LongSupplier clock) {
    this.log = log;
    this.what = format;
    this.total = total;
    this.clock = clock;
    this.start = clock.getAsLong();
    this.next = start + INTERVAL_NANOS;
  }

  /** Call with the number of items done so far; cheap enough to call for every item. */
  public void done(long done) {
    long now = clock.getAsLong();
    if (now >= next) {
      next = now + INTERVAL_NANOS;
      log.info(String.format(Locale.ROOT, what, done, total, elapsed(now - start)));
    }
  }

  /** {@code 850 ms}, {@code 12 s}, {@code 3 min 20 s}. */
  static String elapsed(long nanos) {
    long ms = nanos / 1_000_000;
    if (ms < 1000) {
      return ms + " ms";
    }
    long s = ms / 1000;
    return s < 60 ? s + " s" : s / 60 + " min " + s % 60 + " s";
  }
}
