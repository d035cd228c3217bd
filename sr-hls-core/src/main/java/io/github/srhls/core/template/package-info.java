/**
 * Text templates for generated files that are mostly fixed text (the C++ testbench, the vendor's Tcl and config
 * scripts): {@link io.github.srhls.core.template.Template} loads one from the classpath and fills its
 * {@code {{name}}} placeholders. Deliberately minimal: no conditions, no loops, no escaping; the caller renders
 * repeated or optional parts itself and passes them in as text. Uses nothing else of the project (the bottom
 * layer), only the JDK.
 */
package io.github.srhls.core.template;
