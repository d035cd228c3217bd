package io.github.srhls.plugin;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.SystemStreamLog;

/** Maven's console log that also keeps what was written, as {@code "[level] message"} lines. */
final class RecordingLog extends SystemStreamLog {
  final List<String> lines = new ArrayList<>();

  @Override
  public void info(CharSequence content) {
    lines.add("[info] " + content);
    super.info(content);
  }

  @Override
  public void warn(CharSequence content) {
    lines.add("[warn] " + content);
    super.warn(content);
  }

  @Override
  public boolean isDebugEnabled() {
    return true;
  }

  @Override
  public void debug(CharSequence content) {
    lines.add("[debug] " + content);
  }
}
