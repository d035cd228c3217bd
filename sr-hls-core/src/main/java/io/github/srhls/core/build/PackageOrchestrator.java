package io.github.srhls.core.build;

import java.util.List;

/** Runs {@code sr-hls:package}. */
public final class PackageOrchestrator {
  /** @throws io.github.srhls.core.diag.SrHlsException when there is nothing valid to package */
  public List<PackagedModel> run(PackageRequest request) {
    throw new UnsupportedOperationException("in progress");
  }
}
