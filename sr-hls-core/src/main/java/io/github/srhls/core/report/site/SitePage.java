package io.github.srhls.core.report.site;

import java.util.List;

/**
 * The site report's page: an introduction, then one section per model, and the files to copy beside the page.
 *
 * @param title the page's title
 * @param intro what comes before the models' sections
 * @param sections one per model, in model-name order
 * @param assets files the page refers to (the Pareto plots), to copy into the site
 */
public record SitePage(String title, List<Block> intro, List<Section> sections, List<Asset> assets) {
  public SitePage {
    intro = List.copyOf(intro);
    sections = List.copyOf(sections);
    assets = List.copyOf(assets);
  }

  /**
   * One model's part of the page.
   *
   * @param id its anchor, {@code model-<name>}
   * @param title the model's name
   * @param blocks its content, subsections started by {@link Block.Heading}s
   */
  public record Section(String id, String title, List<Block> blocks) {
    public Section {
      blocks = List.copyOf(blocks);
    }
  }

  /**
   * A file the page shows, copied into the site.
   *
   * @param from where the build wrote it
   * @param to its path in the site, relative to the page ({@code /}-separated), as the page's figures name it
   */
  public record Asset(java.nio.file.Path from, String to) {}
}
