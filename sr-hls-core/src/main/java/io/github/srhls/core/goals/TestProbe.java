package io.github.srhls.core.goals;

/**
 * What {@code sr-hls:test} did for each model, for tests that must see work not done (an unchanged file is not
 * read again by the up-to-date checks) without timing anything.
 */
interface TestProbe {
  TestProbe NONE = new TestProbe() {};

  /** The up-to-date checks of one model read (digested) {@code files} files of its generated project. */
  default void filesRead(String model, int files) {}
}
