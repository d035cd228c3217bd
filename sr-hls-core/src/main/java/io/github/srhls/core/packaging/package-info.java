/**
 * Deterministic zips: the same files give byte-identical archives on every machine, time zone and run, and an
 * archive never holds an entry that could land outside the directory it is extracted into.
 */
package io.github.srhls.core.packaging;
