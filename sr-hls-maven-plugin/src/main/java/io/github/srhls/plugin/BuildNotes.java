package io.github.srhls.plugin;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.maven.execution.MavenSession;
import org.eclipse.aether.SessionData;

/**
 * The notes already said in this build (what was found on the machine, the same for every goal and module), kept in
 * the session's data so that they reach every goal of every module, also in a parallel build.
 */
final class BuildNotes {
  private static final String KEY = BuildNotes.class.getName();

  private BuildNotes() {}

  /** The set of notes said so far in the build; a set of its own when there is no session (this goal alone). */
  @SuppressWarnings("unchecked")
  static Set<String> of(MavenSession session) {
    if (session == null || session.getRepositorySession() == null) {
      return ConcurrentHashMap.newKeySet();
    }
    SessionData data = session.getRepositorySession().getData();
    Object notes = data.get(KEY);
    if (!(notes instanceof Set)) {
      // compare-and-set: when two modules get here at once, both use the one that was stored first
      data.set(KEY, null, ConcurrentHashMap.newKeySet());
      notes = data.get(KEY);
    }
    return (Set<String>) notes;
  }
}
