package io.github.srhls.core.goals;

import io.github.srhls.core.compile.CompiledModel;
import io.github.srhls.core.design.Design;
import io.github.srhls.core.model.ModelSpec;

/** The design a model file asks for, as generate builds it: for tools and benchmarks that need it alone. */
public final class Designs {
  private Designs() {}

  public static Design of(ModelSpec spec, CompiledModel model) {
    return ModelGeneration.design(spec, model, spec.file().getFileName().toString());
  }
}
