package io.github.srhls.core.model;

import io.github.srhls.core.diag.SourcePosition;
import io.github.srhls.core.pysr.Selection;
import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * An expression picked from a PySR hall-of-fame file ({@code pysr: {file, select, output, variables}}).
 *
 * @param file the hall-of-fame file, absolute and normalized, inside the project. Without {@code output} it exists;
 *     with {@code output} it may instead be the base name or run directory from which the PySR reader finds the
 *     per-output file (the names differ between PySR versions), and that reader reports a missing one.
 * @param select which row to take; {@link Selection.Best} when the file does not say
 * @param output for multi-output runs, which output (1-based, as PySR numbers its files); empty otherwise
 * @param oneBasedVariables {@code variables: one-based}: {@code x1} in the file is input 0 (SymbolicRegression.jl
 *     used directly); false ({@code zero-based}, the default): {@code x0} is input 0 (PySR)
 * @param at where the {@code pysr} mapping is written
 */
public record PysrSource(
    Path file, Selection select, OptionalInt output, boolean oneBasedVariables, SourcePosition at)
    implements OutputSource {
  public PysrSource {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(select, "select");
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(at, "at");
  }
}
