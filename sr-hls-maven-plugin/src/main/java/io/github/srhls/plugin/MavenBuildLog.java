package io.github.srhls.plugin;

import io.github.srhls.core.diag.BuildLog;
import java.util.Set;
import org.apache.maven.plugin.logging.Log;

/**
 * The core's progress, written to Maven's log.
 *
 * @param said the notes already said in this build ({@link BuildNotes})
 */
record MavenBuildLog(Log log, Set<String> said) implements BuildLog {

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

  @Override
  public void infoOncePerBuild(String message) {
    if (said.add(message)) {
      log.info(message);
    } else {
      log.debug(message + " (said before in this build)");
    }
  }
}
