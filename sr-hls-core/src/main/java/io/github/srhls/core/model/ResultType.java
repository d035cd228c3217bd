package io.github.srhls.core.model;

import io.github.srhls.core.diag.SourcePosition;
import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.fixed.FixedType;
import java.util.List;
import java.util.Objects;

/** The rule that the outputs share one element type, checked where the model file says their types. */
final class ResultType {
  private ResultType() {}

  /**
   * y[] has one element type, so the outputs declare one type or none. Points at the first {@code type} key that
   * differs from the first one, or, when some outputs declare none, at the first.
   *
   * @param typeKeys per output, where its {@code type} key is; null for an output without one
   */
  static void check(List<OutputSpec> outputs, List<SourcePosition> typeKeys) {
    List<FixedType> declared = outputs.stream().map(OutputSpec::type).filter(Objects::nonNull).distinct()
        .toList();
    if (declared.isEmpty()) {
      return;
    }
    FixedType first = declared.get(0);
    for (int j = 0; j < outputs.size(); j++) {
      FixedType t = outputs.get(j).type();
      if (t != null && !t.equals(first)) {
        throw SrHlsException.at(typeKeys.get(j), "outputs declare different types " + declared + ", but y[] has"
            + " one element type; give all outputs the same type, or none (then precision.default is used)");
      }
    }
    if (outputs.stream().anyMatch(o -> o.type() == null)) {
      SourcePosition firstKey = typeKeys.stream().filter(Objects::nonNull).findFirst().orElseThrow();
      throw SrHlsException.at(firstKey, "some outputs declare type " + first + " and some none, but y[] has one"
          + " element type; declare it on every output or on none");
    }
  }
}
