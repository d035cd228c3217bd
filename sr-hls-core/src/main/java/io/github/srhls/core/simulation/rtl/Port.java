package io.github.srhls.core.simulation.rtl;

import java.math.BigInteger;

/**
 * A data port of a pipelined module, as the driver sees it: its name and width. Values cross the driver as raw
 * bits (non-negative, below 2^width) in hexadecimal, whatever the port's signedness.
 */
public record Port(String name, int width) {

  public Port {
    if (width < 1) {
      throw new IllegalArgumentException("port " + name + " has no bits");
    }
  }

  /** The raw bits of a two's-complement or unsigned value, as the driver reads them. */
  public BigInteger raw(BigInteger value) {
    return value.and(BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE));
  }
}
