package io.github.srhls.archfixture.low;

import io.github.srhls.archfixture.high.High;
import java.util.List;

/** A lower layer's class that uses a higher layer's, where only a generic signature names it. */
public final class Low {
  final List<High> highs = List.of();
}
