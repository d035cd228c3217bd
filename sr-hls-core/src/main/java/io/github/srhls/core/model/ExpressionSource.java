package io.github.srhls.core.model;

import io.github.srhls.core.diag.SourcePosition;
import java.util.Objects;

/**
 * An expression written in the model file ({@code expression:}).
 *
 * @param text the expression as the YAML or JSON parser decoded it
 * @param textStart where the first character of {@code text} is in the file (after an opening quote), so that
 *     offset {@code k} into a one-line text is at {@code textStart.plusColumns(k)}. That holds exactly unless an
 *     escape sequence ({@code \"}, {@code ''}) comes before offset {@code k}; for block scalars ({@code |},
 *     {@code >}) it is the start of the first content line, and a multi-line text's later lines are not mapped.
 */
public record ExpressionSource(String text, SourcePosition textStart) implements OutputSource {
  public ExpressionSource {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(textStart, "textStart");
  }
}
