package io.github.srhls.core.goals;

/**
 * What {@code sr-hls:generate} did with each model, for tests that must see work not done (an up-to-date model is
 * neither read nor evaluated) without timing anything.
 */
interface GenerateProbe {
  GenerateProbe NONE = new GenerateProbe() {};

  /** The model file was parsed and compiled. */
  default void read(String modelFile) {}

  /** The Java model was evaluated over the model's test vectors and its project written. */
  default void evaluated(String model, long vectors) {}
}
