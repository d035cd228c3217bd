package io.github.srhls.core.goals;

import io.github.srhls.core.diag.BuildLog;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A build log that keeps the info and warning lines it is given (debug lines are dropped), for assertions. */
public final class RecordingBuildLog implements BuildLog {
  // synchronized: the orchestrators log from the threads that read tools' output too
  public final List<String> infos = Collections.synchronizedList(new ArrayList<>());
  final List<String> warnings = Collections.synchronizedList(new ArrayList<>());

  @Override
  public void info(String message) {
    infos.add(message);
  }

  @Override
  public void warn(String message) {
    warnings.add(message);
  }

  @Override
  public void debug(String message) {}
}
