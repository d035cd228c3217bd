package io.github.srhls.plugin;

import io.github.srhls.core.diag.BuildLog;
import org.apache.maven.plugin.logging.Log;

/** The core's progress, written to Maven's log. */
record MavenBuildLog(Log log) implements BuildLog {

  @Override
  public void info(String message) {
    log.info(message);
  }

  @Override
  public void warn(String message) {
    log.warn(message);
  }

  @Override
  public void debug(String message) {
    log.debug(message);
  }
}
