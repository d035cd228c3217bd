package io.github.srhls.core.report.site;

import io.github.srhls.core.project.GeneratedProjects;
import java.util.ArrayList;
import java.util.List;

/** Assembles the site report's page from what a build left behind. */
public final class SitePages {
  /** The page's title, also the report's name in the site's menu. */
  public static final String TITLE = "sr-hls firmware";

  private SitePages() {}

  /**
   * The page for the models generated under {@code request.outputDirectory()}, in model-name order.
   *
   * @throws io.github.srhls.core.diag.SrHlsException when a generated project's manifest is malformed
   */
  public static SitePage assemble(SiteRequest request) {
    List<GeneratedProjects.Project> projects = GeneratedProjects.list(request.outputDirectory());
    List<Block> intro = new ArrayList<>();
    List<SitePage.Section> sections = new ArrayList<>();
    List<SitePage.Asset> assets = new ArrayList<>();
    if (projects.isEmpty()) {
      intro.add(new Block.Paragraph("No generated models: sr-hls:generate (mvn generate-sources, or mvn verify"
          + " before mvn site) writes one HLS project per model file in src/main/sr, and this page reports them."));
      return new SitePage(TITLE, intro, sections, assets);
    }
    intro.add(new Block.Paragraph("The firmware sr-hls generated from this project's symbolic-regression models:"
        + " each output's expression, the types, latency, resources (labelled by where each figure comes from),"
        + " accuracy against float64, the Pareto front when the model was explored, and the coordinates of the zip"
        + " the build attaches. " + ModelSection.plural(projects.size(), "model") + ":"));
    List<Block.Link> links = new ArrayList<>();
    for (GeneratedProjects.Project project : projects) {
      SitePage.Section section = ModelSection.of(project, request, assets);
      sections.add(section);
      links.add(new Block.Link("#" + section.id(), section.title()));
    }
    intro.add(new Block.Links(links));
    return new SitePage(TITLE, intro, sections, assets);
  }
}
