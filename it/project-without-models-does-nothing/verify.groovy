// The plugin loads and runs in a real build (this also proves the package goal's injected MavenProjectHelper
// resolves), and each goal says why it had nothing to do.
def log = new File(basedir, 'build.log').text

// Maven 3.9 names the goal by its prefix, older Maven by the artifactId
assert log =~ /sr-hls(-maven-plugin)?:${java.util.regex.Pattern.quote(pluginVersion)}:generate/
assert log =~ /No model directory .*src.main.sr; nothing to generate/
assert log =~ /No generated projects in .*generated-sources.sr-hls; nothing to simulate/
assert log =~ /No generated projects in .*generated-sources.sr-hls; nothing to package/
assert !new File(basedir, 'target/generated-sources/sr-hls').exists()
assert !new File(basedir, 'target/sr-hls').exists()
