package io.github.srhls.core.report.site;

import java.util.List;

/** A piece of the page, in the few kinds a site page needs; the plugin renders each with Doxia's sink. */
public sealed interface Block permits Block.Heading, Block.Paragraph, Block.Code, Block.Table, Block.Figure,
    Block.Links {

  /**
   * The title of a subsection of a model's section.
   *
   * @param id its anchor, unique on the page
   * @param text the title
   */
  record Heading(String id, String text) implements Block {}

  /** Prose. */
  record Paragraph(String text) implements Block {}

  /** Text shown as written, in a monospaced block (a dependency snippet). */
  record Code(String text) implements Block {}

  /**
   * A table.
   *
   * @param caption what it shows, or null
   * @param header the column titles
   * @param rows the cells, as many per row as the header has
   */
  record Table(String caption, List<String> header, List<List<Cell>> rows) implements Block {
    public Table {
      header = List.copyOf(header);
      rows = rows.stream().map(List::copyOf).toList();
      for (List<Cell> row : rows) {
        if (row.size() != header.size()) {
          throw new IllegalArgumentException(row.size() + " cells for " + header.size() + " columns: " + row);
        }
      }
    }

    /** The text of column {@code column} in every row, for tests and for readers. */
    public List<String> column(int column) {
      return rows.stream().map(r -> r.get(column).text()).toList();
    }
  }

  /**
   * A table cell.
   *
   * @param text what it says
   * @param code whether it is code (an expression, a type), shown monospaced
   */
  record Cell(String text, boolean code) {
    public static Cell text(String text) {
      return new Cell(text, false);
    }

    public static Cell code(String text) {
      return new Cell(text, true);
    }
  }

  /**
   * An image with its caption.
   *
   * @param source its path relative to the page
   * @param alt what it shows, for readers that cannot see it
   * @param caption the caption under it
   */
  record Figure(String source, String alt, String caption) implements Block {}

  /**
   * A list of links within the page.
   *
   * @param links anchor ({@code #model-x}) to the link's text, in order
   */
  record Links(List<Link> links) implements Block {
    public Links {
      links = List.copyOf(links);
    }
  }

  /**
   * A link.
   *
   * @param href where it points
   * @param text what it says
   */
  record Link(String href, String text) {}
}
