package io.github.srhls.core.goals;

import java.nio.file.Path;

/** One zip made by {@code sr-hls:package}, for the Mojo to attach with type {@code zip}. */
public record PackagedModel(String modelName, String classifier, Path zip) {}
