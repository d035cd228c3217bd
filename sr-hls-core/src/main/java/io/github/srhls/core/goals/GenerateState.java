package io.github.srhls.core.goals;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the last {@code sr-hls:generate} produced, kept in {@code workDirectory/generate-state.json}: for each
 * model name, the model file and the key of everything that went into it. A model is recorded only once its output
 * is complete, so one that failed is absent. A model whose key is unchanged and whose output is still there is up
 * to date; a name that is no longer recorded (gone, or failed) has its output removed.
 */
record GenerateState(Map<String, Entry> models) {
  static final String FILE_NAME = "generate-state.json";

  GenerateState {
    models = new TreeMap<>(models == null ? Map.of() : models);
  }

  /**
   * @param modelFile the model file, relative to the project
   * @param key digest of the model file and the files it references, the plugin and core, the project version, and
   *     the IP vendor and library
   * @param inputs the files the model references, relative to the project, when the model file names them itself:
   *     then the next run checks the key from these files without reading the model; null when the model must be
   *     read to know them (a hall of fame found in a directory), or in a state written by an earlier version
   */
  record Entry(String modelFile, String key, List<String> inputs) {
    Entry {
      inputs = inputs == null ? null : List.copyOf(inputs);
    }
  }
}
