package io.github.srhls.core.report.site;

import io.github.srhls.core.diag.SrHlsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Copies the files a page shows into the site, under {@value #DIRECTORY}/ beside the page. */
public final class SiteAssets {
  /** The site's directory for the report's files, one sub-directory per model. */
  public static final String DIRECTORY = "sr-hls";

  private SiteAssets() {}

  /**
   * Copies each of the page's assets to its place under {@code siteDirectory}, the directory the page is written to.
   *
   * @throws SrHlsException naming the file that cannot be copied
   */
  public static void copy(SitePage page, Path siteDirectory) {
    Path root = siteDirectory.toAbsolutePath().normalize();
    for (SitePage.Asset asset : page.assets()) {
      Path to = root.resolve(asset.to()).normalize();
      if (!to.startsWith(root)) {
        throw new SrHlsException("the site report's file " + asset.to() + " would leave " + root);
      }
      try {
        Files.createDirectories(to.getParent());
        Files.copy(asset.from(), to, StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        throw new SrHlsException("cannot copy " + asset.from() + " into the site as " + to + ": " + e.getMessage(),
            e);
      }
    }
  }
}
