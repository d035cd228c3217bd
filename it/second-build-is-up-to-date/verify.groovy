// invoker ran `verify` twice; both builds are in build.log, one after the other.
def log = new File(basedir, 'build.log').text
def builds = log.split(/(?m)^\[INFO\] BUILD SUCCESS\s*$/).findAll { it.contains('sr-hls:') }
assert builds.size() == 2 : "expected two successful builds in build.log, found ${builds.size()}"
def (first, second) = builds

assert first.contains('sr-hls models: 1 generated [jet_tagger], 0 up to date')
assert first =~ /jet_tagger: 1000 vectors match bit for bit/
assert first =~ /jet_tagger: packaged \d+ files into /

// nothing changed: no generation, no compilation, no simulation, the zip left as it was
assert second.contains('sr-hls models: 0 generated, 1 up to date [jet_tagger]')
assert second.contains('jet_tagger: up to date, not simulated again')
assert !second.contains('compiling the host simulation')
assert second.contains('jet_tagger: second-build-is-up-to-date-1.0.0-jet_tagger.zip is up to date')
assert new File(basedir, 'target/surefire-reports/TEST-sr-hls.jet_tagger.xml').isFile()

// the figure: time spent in the sr-hls goals, first build against second
def goalSeconds = { String build ->
    (build =~ /sr-hls:(generate|test|package) took ([0-9.]+) s/).collect { it[2] as double }.sum()
}
double before = goalSeconds(first)
double after = goalSeconds(second)
println String.format(Locale.ROOT, '  sr-hls goals: first build %.2f s, second build %.2f s (%.0f%%)',
        before, after, 100 * after / before)
assert after < before
