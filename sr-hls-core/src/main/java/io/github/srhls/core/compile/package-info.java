/**
 * The model compiler's front half: from a model file as read to one expression DAG, with every expression
 * parsed, custom operators checked and expanded, and PySR hall-of-fame rows selected.
 */
package io.github.srhls.core.compile;
