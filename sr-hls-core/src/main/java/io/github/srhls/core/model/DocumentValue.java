package io.github.srhls.core.model;

import io.github.srhls.core.diag.SourcePosition;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A value of a YAML or JSON document with the position it was written at. */
sealed interface DocumentValue permits DocumentValue.Mapping, DocumentValue.Sequence, DocumentValue.Scalar {

  /** Where the value starts (for a quoted scalar: its opening quote). */
  SourcePosition at();

  /** What the value is, for "expected ..., found ..." messages. */
  String describe();

  /**
   * @param keyAt where the key's text starts (after an opening quote)
   */
  record Entry(String key, SourcePosition keyAt, DocumentValue value) {}

  /** Entries in file order; the parser has already rejected duplicate keys. */
  record Mapping(SourcePosition at, Map<String, Entry> entries) implements DocumentValue {
    public Mapping {
      entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    @Override
    public String describe() {
      return "a mapping";
    }
  }

  record Sequence(SourcePosition at, List<DocumentValue> items) implements DocumentValue {
    public Sequence {
      items = List.copyOf(items);
    }

    @Override
    public String describe() {
      return "a list";
    }
  }

  /** TRUE and FALSE as the parser read them: YAML 1.1's yes/no and on/off too. */
  enum ScalarKind { STRING, INTEGER, DECIMAL, TRUE, FALSE, NULL }

  /**
   * @param textStart where the first character of {@code text} is (after an opening quote; for a block scalar the
   *     first content line)
   * @param text the decoded text; for numbers and booleans as written
   * @param number the value of an INTEGER or DECIMAL, else null
   */
  record Scalar(SourcePosition at, SourcePosition textStart, ScalarKind kind, String text, Number number)
      implements DocumentValue {
    @Override
    public String describe() {
      return switch (kind) {
        case STRING -> "the text '" + text + "'";
        case INTEGER, DECIMAL -> "the number " + text;
        case TRUE, FALSE -> text;
        case NULL -> "an empty value";
      };
    }
  }
}
