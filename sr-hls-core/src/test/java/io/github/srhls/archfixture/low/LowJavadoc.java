package io.github.srhls.archfixture.low;

import io.github.srhls.archfixture.high.High;

/** Names a higher layer's class in its documentation only ({@link High}): the class file does not show it. */
public final class LowJavadoc {}
