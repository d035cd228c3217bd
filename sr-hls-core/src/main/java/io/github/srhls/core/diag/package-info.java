/** User-facing diagnostics: positions in the user's files and the one exception type that carries them. */
package io.github.srhls.core.diag;
