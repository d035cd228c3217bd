package io.github.srhls.core.model;

/** Where an output's expression comes from: written in the model file, or picked from a PySR hall of fame. */
public sealed interface OutputSource permits ExpressionSource, PysrSource {}
