import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Checks the staged site (run with {@code java .ci/SiteCheck.java <staging dir> <screenshot.png>}, no compile
 * step): the pages that must be there are, every internal link and anchor of every page resolves to a file inside
 * the site, and headless Chromium renders the front page into a screenshot that is not blank.
 */
public class SiteCheck {

  static final List<String> REQUIRED = List.of("index.html", "getting-started.html", "model-files.html",
      "precision.html", "toolchains.html", "rtl.html", "publishing.html", "build-cache.html", "developing.html",
      "images/pipeline.svg",
      "images/rtl-timing.svg",
      "schema/sr-hls-v1.schema.json",
      "sr-hls-maven-plugin/plugin-info.html", "sr-hls-maven-plugin/generate-mojo.html",
      "sr-hls-maven-plugin/test-mojo.html", "sr-hls-maven-plugin/package-mojo.html");

  static final Pattern LINK = Pattern.compile("\\s(?:href|src)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')",
      Pattern.CASE_INSENSITIVE);
  static final Pattern ANCHOR = Pattern.compile("\\s(?:id|name)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')",
      Pattern.CASE_INSENSITIVE);
  static final Pattern EXTERNAL = Pattern.compile("^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//).*");

  static final int WIDTH = 1280;
  static final int HEIGHT = 1024;

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: java .ci/SiteCheck.java <staged site> <screenshot.png>");
      System.exit(2);
    }
    Path site = Path.of(args[0]).toAbsolutePath().normalize();
    List<String> problems = new ArrayList<>();
    for (String required : REQUIRED) {
      if (!Files.isRegularFile(site.resolve(required))) {
        problems.add("missing page: " + required);
      }
    }
    int[] counts = checkLinks(site, problems);
    if (!problems.isEmpty()) {
      problems.forEach(p -> System.err.println("site check: " + p));
      System.err.println("site check: " + problems.size() + " problems in " + site);
      System.exit(1);
    }
    System.out.println("site check: " + counts[0] + " pages, " + counts[1] + " internal links and anchors resolve");
    Path png = Path.of(args[1]).toAbsolutePath();
    screenshot(site.resolve("index.html"), png);
    System.out.println("site check: screenshot of the front page in " + png);
  }

  /** @return pages checked and links followed */
  static int[] checkLinks(Path site, List<String> problems) throws IOException {
    List<Path> pages;
    try (Stream<Path> walk = Files.walk(site)) {
      pages = walk.filter(p -> p.toString().endsWith(".html")).sorted().toList();
    }
    Map<Path, Set<String>> anchors = new HashMap<>();
    int links = 0;
    for (Path page : pages) {
      String html = Files.readString(page, StandardCharsets.UTF_8);
      Matcher m = LINK.matcher(html);
      while (m.find()) {
        String link = htmlUnescape(m.group(1) != null ? m.group(1) : m.group(2)).strip();
        if (link.isEmpty() || EXTERNAL.matcher(link).matches()) {
          continue;
        }
        links++;
        String where = site.relativize(page) + ": link '" + link + "'";
        int hash = link.indexOf('#');
        String path = hash < 0 ? link : link.substring(0, hash);
        String fragment = hash < 0 ? "" : link.substring(hash + 1);
        int query = path.indexOf('?');
        if (query >= 0) {
          path = path.substring(0, query);
        }
        Path target;
        try {
          target = path.isEmpty() ? page : page.getParent().resolve(new URI(path).getPath()).normalize();
        } catch (URISyntaxException e) {
          problems.add(where + " is not a valid URL");
          continue;
        }
        if (Files.isDirectory(target)) {
          target = target.resolve("index.html");
        }
        if (!target.startsWith(site)) {
          problems.add(where + " leaves the site");
        } else if (!Files.isRegularFile(target)) {
          problems.add(where + " points to a missing file " + site.relativize(target));
        } else if (!fragment.isEmpty() && target.toString().endsWith(".html")
            && !anchors.computeIfAbsent(target, SiteCheck::anchorsOf).contains(fragment)) {
          problems.add(where + " points to a missing anchor #" + fragment + " in " + site.relativize(target));
        }
      }
    }
    return new int[] {pages.size(), links};
  }

  static Set<String> anchorsOf(Path page) {
    Set<String> ids = new HashSet<>();
    try {
      Matcher m = ANCHOR.matcher(Files.readString(page, StandardCharsets.UTF_8));
      while (m.find()) {
        ids.add(htmlUnescape(m.group(1) != null ? m.group(1) : m.group(2)));
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return ids;
  }

  static String htmlUnescape(String s) {
    return s.replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<")
        .replace("&gt;", ">");
  }

  /** Debian's Chromium, headless, with a fresh profile and nothing that reaches the network. */
  static void screenshot(Path page, Path png) throws Exception {
    String chromium = Stream.of("chromium", "chromium-browser")
        .flatMap(name -> Stream.of(System.getenv("PATH").split(java.io.File.pathSeparator)).map(d -> Path.of(d, name)))
        .filter(Files::isExecutable).map(Path::toString).findFirst()
        .orElseThrow(() -> new IllegalStateException("no chromium on the PATH: apt-get install chromium"));
    Path profile = Files.createTempDirectory("site-check-chromium");
    Files.createDirectories(png.getParent());
    Files.deleteIfExists(png);
    Path log = png.resolveSibling("chromium.log");
    Process p = new ProcessBuilder(chromium, "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--hide-scrollbars", "--user-data-dir=" + profile, "--window-size=" + WIDTH + "," + HEIGHT,
        "--screenshot=" + png, page.toUri().toString())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        throw new IllegalStateException("chromium did not finish within 120 s; see " + log);
      }
    } finally {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      deleteTree(profile);
    }
    if (!Files.isRegularFile(png)) {
      throw new IllegalStateException("chromium wrote no screenshot (exit code " + p.exitValue() + "); see " + log);
    }
    BufferedImage image = ImageIO.read(png.toFile());
    if (image == null || image.getWidth() != WIDTH || image.getHeight() != HEIGHT) {
      throw new IllegalStateException(png + " is not a " + WIDTH + "x" + HEIGHT + " PNG");
    }
    // a rendered page has text and a menu: many colours, and ink spread over the picture
    Set<Integer> colours = new HashSet<>();
    int ink = 0;
    for (int y = 0; y < HEIGHT; y += 2) {
      for (int x = 0; x < WIDTH; x += 2) {
        int rgb = image.getRGB(x, y) & 0xFFFFFF;
        colours.add(rgb);
        if (rgb != 0xFFFFFF) {
          ink++;
        }
      }
    }
    double inked = ink / (double) (WIDTH * HEIGHT / 4);
    if (colours.size() < 32 || inked < 0.02) {
      throw new IllegalStateException(png + " looks blank: " + colours.size() + " colours, "
          + Math.round(inked * 100) + "% not white");
    }
    System.out.println("site check: " + png.getFileName() + ", " + Files.size(png) + " bytes, " + colours.size()
        + " colours, " + Math.round(inked * 100) + "% not white");
  }

  static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
