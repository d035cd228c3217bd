package io.github.srhls.core.design;

/**
 * The shape of a function node's table: 2^indexBits segments holding polynomials of the given degree.
 */
record TableShape(int indexBits, int degree) {}
