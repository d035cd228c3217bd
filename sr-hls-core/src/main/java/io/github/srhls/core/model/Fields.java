package io.github.srhls.core.model;

import io.github.srhls.core.diag.SrHlsException;
import java.util.List;
import java.util.Optional;

/**
 * A mapping of the model file being read: checks that it is one, that it has no unknown keys, and gives its
 * entries. Messages name it by its dotted path ({@code testbench}, {@code outputs[0].pysr}).
 */
final class Fields {
  private final DocumentValue.Mapping mapping;
  private final String path;

  /**
   * @param node the value that must be a mapping
   * @param path its dotted path, empty for the top level
   * @param allowed every key it may have, in the order messages list them
   */
  Fields(DocumentValue node, String path, List<String> allowed) {
    if (!(node instanceof DocumentValue.Mapping m)) {
      throw SrHlsException.at(node.at(), (path.isEmpty() ? "the model" : path) + " must be a mapping with the keys "
          + String.join(", ", allowed) + "; found " + node.describe());
    }
    for (DocumentValue.Entry e : m.entries().values()) {
      if (!allowed.contains(e.key())) {
        throw SrHlsException.at(e.keyAt(), "unknown key '" + e.key() + "' in "
            + (path.isEmpty() ? "the model" : path) + "." + Nearest.hint(e.key(), allowed)
            + " Allowed keys: " + String.join(", ", allowed) + ".");
      }
    }
    this.mapping = m;
    this.path = path;
  }

  DocumentValue.Mapping mapping() {
    return mapping;
  }

  Optional<DocumentValue.Entry> get(String key) {
    return Optional.ofNullable(mapping.entries().get(key));
  }

  boolean has(String key) {
    return mapping.entries().containsKey(key);
  }

  /**
   * @param example how the key is written, for the message ({@code name: jet_tagger})
   */
  DocumentValue.Entry require(String key, String example) {
    DocumentValue.Entry e = mapping.entries().get(key);
    if (e == null) {
      throw SrHlsException.at(mapping.at(), (path.isEmpty() ? "the model" : path) + " is missing the required key '"
          + key + "'; add for example: " + example);
    }
    return e;
  }
}
