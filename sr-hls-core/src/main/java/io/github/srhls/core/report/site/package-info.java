/**
 * The site report's page: what {@code mvn site} shows of each generated model, assembled from the files the goals
 * wrote, as a small document model with no Maven or Doxia API. {@link io.github.srhls.core.report.site.SitePages}
 * reads a build's {@code sr-hls-design.json}, {@code report.json} (with its {@code labels} section when there is
 * one), {@code explore/pareto.json} and its SVG plots, and the zip's coordinates into a
 * {@link io.github.srhls.core.report.site.SitePage} of sections, headings, paragraphs, tables and figures; the
 * plugin's report goal only walks that page with Doxia's sink, and has the plots copied beside it
 * ({@link io.github.srhls.core.report.site.SiteAssets}). What a build has not made yet (no simulation, no
 * exploration, no zip) is said on the page, never shown stale: a report of another generation is left out.
 *
 * <p>In the pipeline: report and packaging → <b>site report</b> → goals. Nothing below uses this package.
 *
 * <p>May use (layer 19 in {@code io.github.srhls.core.ArchitectureTest}, which checks it): the packages of layers 0
 * to 18; today diag, expr, design, project, report, toolchain.amd and toolchain.yosys.
 */
package io.github.srhls.core.report.site;
