// invoker ran `verify -Dsr-hls.rtlSimulation=required -Dsr-hls.openSynthesis=true` twice; both builds are in build.log, one after the other.
import groovy.json.JsonSlurper
import java.util.zip.ZipFile

def log = new File(basedir, 'build.log').text
def builds = log.split(/(?m)^\[INFO\] BUILD SUCCESS\s*$/).findAll { it.contains('sr-hls:') }
assert builds.size() == 2 : "expected two successful builds in build.log, found ${builds.size()}"
def (first, second) = builds

assert first =~ /mixer: 1000 vectors match bit for bit/
assert first.contains('building the RTL of mixer with Verilator ')
assert first =~ /mixer: RTL simulation with Verilator \S+ .*: 1000 vectors match bit for bit; latency \d+ cycles/

def report = new JsonSlurper().parse(new File(basedir, 'target/sr-hls/mixer/report.json'))
def rtl = report.rtl
assert rtl.simulator == 'Verilator'
assert rtl.version.startsWith('Verilator ')
assert rtl.vectors == 1000
assert rtl.mismatches.count == 0
assert rtl.passed
assert rtl.initiationInterval == 1
def described = new JsonSlurper().parse(new File(basedir,
        'target/generated-sources/sr-hls/mixer/rtl/sr-hls-rtl.json'))
assert rtl.latencyCycles == described.latencyCycles
assert Math.abs(rtl.latencyNs - 4.0 * rtl.latencyCycles) < 1e-9

// Yosys's counts of the same RTL, labelled with the tool
def open = report.openSynthesis
assert open.tool == 'Yosys' && open.version.startsWith('0.') : open
assert open.family == 'xcup' && open.top == 'mixer'
assert open.lut > 0 && open.ff > 0 : open
assert open.seconds > 0
assert first =~ /mixer: Yosys \S+ .*\(xcup\): \d+ LUT/

def suite = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new File(basedir, 'target/surefire-reports/TEST-sr-hls.rtl.mixer.xml')).documentElement
assert suite.getAttribute('name') == 'sr-hls.rtl.mixer'
assert suite.getAttribute('tests') == '2'
assert suite.getAttribute('failures') == '0' && suite.getAttribute('errors') == '0'
assert new File(basedir, 'target/surefire-reports/TEST-sr-hls.mixer.xml').isFile()

// the zip carries the RTL and the report with its rtl section
def zip = new ZipFile(new File(basedir, 'target/rtl-simulated-and-synthesized-by-open-tools-1.0.0-mixer.zip'))
try {
    def names = zip.entries().collect { it.name }
    assert names.any { it.endsWith('rtl/mixer.v') } : names
    assert names.any { it.endsWith('rtl/sr-hls-rtl.json') } : names
    def packaged = new JsonSlurper().parse(zip.getInputStream(zip.entries().find { it.name.endsWith('report.json') }))
    assert packaged.rtl.passed && packaged.rtl.timings == null
    assert packaged.openSynthesis.lut == open.lut && packaged.openSynthesis.seconds == null
} finally {
    zip.close()
}

// nothing changed: the RTL is not built or simulated again
assert second.contains('mixer: RTL up to date, not simulated again')
assert !second.contains('building the RTL of mixer')
assert second.contains('mixer: open synthesis up to date, not run again')
