import java.util.concurrent.TimeUnit
import java.util.regex.Pattern
import javax.imageio.ImageIO

// mvn verify site: the site lists the sr-hls report under Project Reports, and its page shows the model's figures.
def site = new File(basedir, 'target/site')
def page = new File(site, 'sr-hls-report.html')
assert page.isFile() : "no report page in ${site}: ${site.list()}"
def html = page.getText('UTF-8')
def reports = new File(site, 'project-reports.html')
assert reports.isFile() && reports.getText('UTF-8').contains('href="sr-hls-report.html"') : 'not under Project Reports'
assert html.contains('Project Reports')

// the model's section: chosen expressions (pretty printed), their origin, types, latency, resources, accuracy, zip
def flat = html.replaceAll(/\s+/, ' ')
        .replaceAll(/&#x([0-9a-fA-F]+);/) { all, hex -> new String(Character.toChars(Integer.parseInt(hex, 16))) }
[
    'id="model-fit"',
    '<code>sin(x0) + x1 * 0.49</code>',
    'src/main/sr/pysr/hall_of_fame.csv, row 3 (complexity 6, loss 0.0102)',
    '<code>x0 * 0.5 + x1 * x1</code>',
    '<code>ap_fixed&lt;16,6&gt;</code>',
    'RTL pipeline (sr-hls delay model, ',
    'Estimated: estimate (sr-hls per-primitive model, calibrated against Yosys',
    'C simulation of 50 test vectors: passed, every output bit as the bit-accurate model computes it.',
    'io.github.srhls.it:site-report-shows-model-figures:1.0.0:fit:zip',
    'This build wrote it as site-report-shows-model-figures-1.0.0-fit.zip (',
    'Model budget: lut ≤ 8000.',
].each { assert flat.contains(it) : "missing from the page: ${it}" }
// the Pareto plots are copied beside the page and embedded
['lut', 'dsp', 'latency'].each {
    def name = "y-loss-vs-${it}.svg"
    assert flat.contains("src=\"sr-hls/fit/${name}\"") : name
    assert new File(site, "sr-hls/fit/${name}").bytes == new File(basedir, "target/sr-hls/fit/explore/${name}").bytes
}

// every internal link and image of the page resolves inside the site, anchors included
def link = Pattern.compile(/\s(?:href|src)\s*=\s*"([^"]*)"/)
def ids = { File f -> (f.getText('UTF-8') =~ /\s(?:id|name)\s*=\s*"([^"]*)"/).collect { it[1] } as Set }
def broken = []
def m = link.matcher(html)
int links = 0
while (m.find()) {
    def target = m.group(1).replace('&amp;', '&')
    if (target.isEmpty() || target =~ /^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|\/\/)/) {
        continue
    }
    links++
    def hash = target.indexOf('#')
    def path = hash < 0 ? target : target.substring(0, hash)
    def fragment = hash < 0 ? '' : target.substring(hash + 1)
    def file = path.isEmpty() ? page : new File(site, path).canonicalFile
    if (!file.path.startsWith(site.canonicalPath)) {
        broken << "${target} leaves the site"
    } else if (!file.isFile()) {
        broken << "${target} points to a missing file"
    } else if (fragment && file.name.endsWith('.html') && !ids(file).contains(fragment)) {
        broken << "${target} points to a missing anchor"
    }
}
assert broken.isEmpty() : "broken links in sr-hls-report.html: ${broken}"
assert links >= 8 // the menu, the intro's link to the model, the three plots, the skin's css and scripts
println "site report: ${links} internal links and images resolve"

// In a real browser (Debian's Chromium, headless): the page renders, and every image (the SVG plots) loads.
// The lowest-maven run has checked the Maven-dependent part above; the browser check of the same page is the first
// run's.
if (binding.hasVariable('browserCheckDone') && browserCheckDone == 'true') {
    println 'site report: browser check left to the run under the build\'s own Maven'
    return true
}
def chromium = (System.getenv('PATH').split(File.pathSeparator).collectMany { [new File(it, 'chromium'),
        new File(it, 'chromium-browser')] }).find { it.canExecute() }
if (chromium == null) {
    println 'SKIPPED the browser check of the site report: no chromium on the PATH (apt-get install chromium; .ci/run does)'
    return true
}
def runChromium = { List<String> args, File out ->
    def profile = File.createTempDir('site-report-chromium', '')
    def command = [chromium.path, '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
                   '--disable-component-update', '--disable-sync', '--no-first-run', '--hide-scrollbars',
                   "--user-data-dir=${profile}".toString()] + args
    def process = new ProcessBuilder(command).redirectErrorStream(false).redirectOutput(out)
            .redirectError(new File(out.path + '.log')).start()
    try {
        assert process.waitFor(120, TimeUnit.SECONDS) : "chromium did not finish within 120 s: ${command}"
    } finally {
        process.descendants().forEach { it.destroyForcibly() }
        process.destroyForcibly()
        profile.deleteDir()
    }
}
def checks = new File(basedir, 'target/browser-check')
checks.mkdirs()

// 1. it renders: a screenshot with text and tables, not a blank page
def png = new File(checks, 'sr-hls-report.png')
runChromium(['--window-size=1280,1600', "--screenshot=${png}".toString(), page.toURI().toString()],
        new File(checks, 'screenshot.out'))
def image = ImageIO.read(png)
assert image != null && image.width == 1280 && image.height == 1600
def colours = [] as Set
int ink = 0
for (int y = 0; y < image.height; y += 4) {
    for (int x = 0; x < image.width; x += 4) {
        int rgb = image.getRGB(x, y) & 0xFFFFFF
        colours << rgb
        if (rgb != 0xFFFFFF) {
            ink++
        }
    }
}
// a rendered page has text, tables and a menu: many colours, and ink spread over the picture
assert colours.size() >= 32 && ink > image.width * image.height / 16 * 0.02 : "the screenshot looks blank: ${png}"

// 2. the images load: the same page beside it, with a script that reports each image once the page has loaded
def probe = new File(site, 'sr-hls-report.browser-check.html')
probe.setText(html.replace('</body>', '''<script>
window.addEventListener('load', function () {
  var failed = [];
  var svgs = 0;
  for (var i = 0; i < document.images.length; i++) {
    var img = document.images[i];
    if (/\\.svg$/.test(img.getAttribute('src'))) { svgs++; }
    if (!img.complete || img.naturalWidth === 0) { failed.push(img.getAttribute('src')); }
  }
  var pre = document.createElement('pre');
  pre.id = 'srhls-browser-check';
  pre.textContent = 'images=' + document.images.length + ' svgs=' + svgs + ' failed=' + JSON.stringify(failed);
  document.body.appendChild(pre);
});
</script></body>'''), 'UTF-8')
def dom = new File(checks, 'dom.html')
try {
    runChromium(['--allow-file-access-from-files', '--virtual-time-budget=3000', '--dump-dom',
                 probe.toURI().toString()], dom)
} finally {
    probe.delete()
}
def result = (dom.getText('UTF-8') =~ /<pre id="srhls-browser-check">([^<]*)<\/pre>/)
assert result.find() : "the browser check's script did not report; see ${dom}"
def report = result.group(1).replace('&quot;', '"')
println "site report in Chromium: ${report}; screenshot ${png}"
assert report.contains('svgs=3') : report
assert report.endsWith('failed=[]') : "images that did not load: ${report}"
return true
