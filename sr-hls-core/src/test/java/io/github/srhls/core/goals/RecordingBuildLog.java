package io.github.srhls.core.goals;

import io.github.srhls.core.diag.BuildLog;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A build log that keeps the lines it is given, by level, for assertions. */
public final class RecordingBuildLog implements BuildLog {
  // synchronized: the orchestrators log from the threads that read tools' output too
  public final List<String> infos = Collections.synchronizedList(new ArrayList<>());
  public final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
  public final List<String> debugs = Collections.synchronizedList(new ArrayList<>());

  @Override
  public void info(String message) {
    infos.add(message);
  }

  @Override
  public void warn(String message) {
    warnings.add(message);
  }

  @Override
  public void debug(String message) {
    debugs.add(message);
  }
}
