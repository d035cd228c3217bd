import groovy.json.JsonSlurper

// PySR's "best" keeps the rows within 1.5 x the lowest loss (complexity 6, 8, 10) and takes the highest score
// among them: complexity 6, sin(x0) + (x1 * 0.49), whose loss drops most per unit of complexity.
def project = new File(basedir, 'target/generated-sources/sr-hls/pysr_fit')
def firmware = new File(project, 'firmware/pysr_fit.cpp')
assert firmware.isFile()
assert firmware.text.contains('y[0] = ') && firmware.text.contains('// y = sin(x0) + (x1 * 0.49)\n')
assert new File(project, 'sr-hls-manifest.json').isFile()

def report = new JsonSlurper().parse(new File(basedir, 'target/sr-hls/pysr_fit/report.json'))
assert report.passed == true
assert report.vectors == 200
assert report.mismatches.count == 0
assert report.errorVsFloat64.size() == 1

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
