package io.github.srhls.core.model;

import io.github.srhls.core.diag.Suggestions;
import java.util.Collection;
import java.util.Optional;

/** "Did you mean" suggestions: the closest known word by edit distance, if it is close enough to be a typo. */
final class Nearest {
  private Nearest() {}

  static Optional<String> to(String word, Collection<String> known) {
    return Suggestions.nearest(word, known, k -> true);
  }

  /** " Did you mean 'x'?" or nothing. */
  static String hint(String word, Collection<String> known) {
    return to(word, known).map(s -> " Did you mean '" + s + "'?").orElse("");
  }
}
