package io.github.srhls.archfixture.high;

import io.github.srhls.archfixture.low.Low;

/** A higher layer's class that uses a lower layer's (allowed). */
public final class High {
  public static final String NAME = "high";

  Low low() {
    return null;
  }
}
