package io.github.srhls.plugin;

import io.github.srhls.core.report.site.Block;
import io.github.srhls.core.report.site.SitePage;
import java.util.List;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.doxia.sink.SinkEventAttributes;
import org.apache.maven.doxia.sink.impl.SinkEventAttributeSet;

/**
 * Writes the core's site page with Doxia's sink: the page title and introduction, one section per model, and in it
 * a subsection per heading. Nothing is decided here, only rendered.
 */
final class SitePageSink {
  private SitePageSink() {}

  static void render(SitePage page, Sink sink) {
    sink.head();
    sink.title();
    sink.text(page.title());
    sink.title_();
    sink.head_();
    sink.body();
    sink.section1();
    sink.sectionTitle1();
    sink.text(page.title());
    sink.sectionTitle1_();
    blocks(page.intro(), sink);
    for (SitePage.Section section : page.sections()) {
      sink.section2();
      sink.sectionTitle2();
      anchor(section.id(), sink);
      sink.text(section.title());
      sink.sectionTitle2_();
      blocks(section.blocks(), sink);
      sink.section2_();
    }
    sink.section1_();
    sink.body_();
    sink.flush();
    sink.close();
  }

  /** The blocks of one section; a heading opens a subsection, closed at the next heading or the section's end. */
  private static void blocks(List<Block> blocks, Sink sink) {
    boolean open = false;
    for (Block block : blocks) {
      if (block instanceof Block.Heading h) {
        if (open) {
          sink.section3_();
        }
        sink.section3();
        sink.sectionTitle3();
        anchor(h.id(), sink);
        sink.text(h.text());
        sink.sectionTitle3_();
        open = true;
      } else if (block instanceof Block.Paragraph p) {
        sink.paragraph();
        sink.text(p.text());
        sink.paragraph_();
      } else if (block instanceof Block.Code c) {
        sink.verbatim(SinkEventAttributeSet.SOURCE);
        sink.text(c.text());
        sink.verbatim_();
      } else if (block instanceof Block.Table t) {
        table(t, sink);
      } else if (block instanceof Block.Figure f) {
        sink.figure();
        SinkEventAttributes alt = new SinkEventAttributeSet();
        alt.addAttribute(SinkEventAttributes.ALT, f.alt());
        sink.figureGraphics(f.source(), alt);
        sink.figureCaption();
        sink.text(f.caption());
        sink.figureCaption_();
        sink.figure_();
      } else if (block instanceof Block.Links l) {
        sink.list();
        for (Block.Link link : l.links()) {
          sink.listItem();
          sink.link(link.href());
          sink.text(link.text());
          sink.link_();
          sink.listItem_();
        }
        sink.list_();
      }
    }
    if (open) {
      sink.section3_();
    }
  }

  private static void table(Block.Table t, Sink sink) {
    sink.table();
    if (t.caption() != null) {
      sink.tableCaption();
      sink.text(t.caption());
      sink.tableCaption_();
    }
    sink.tableRows(null, false);
    sink.tableRow();
    for (String title : t.header()) {
      sink.tableHeaderCell();
      sink.text(title);
      sink.tableHeaderCell_();
    }
    sink.tableRow_();
    for (List<Block.Cell> row : t.rows()) {
      sink.tableRow();
      for (Block.Cell cell : row) {
        sink.tableCell();
        if (cell.code()) {
          sink.inline(SinkEventAttributeSet.Semantics.CODE);
          sink.text(cell.text());
          sink.inline_();
        } else {
          sink.text(cell.text());
        }
        sink.tableCell_();
      }
      sink.tableRow_();
    }
    sink.tableRows_();
    sink.table_();
  }

  private static void anchor(String id, Sink sink) {
    sink.anchor(id);
    sink.anchor_();
  }
}
