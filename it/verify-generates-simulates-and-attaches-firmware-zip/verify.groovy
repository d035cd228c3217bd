import groovy.json.JsonSlurper
import java.util.zip.ZipFile

// Generated HLS project: firmware, testbench, test vectors and the manifest.
def project = new File(basedir, 'target/generated-sources/sr-hls/jet_tagger')
['firmware/jet_tagger.cpp', 'firmware/jet_tagger.h', 'firmware/defines.h', 'jet_tagger_test.cpp',
 'tb_data/tb_input_features.dat', 'tb_data/tb_output_predictions.dat', 'sr-hls-manifest.json'].each {
    def f = new File(project, it)
    assert f.isFile() && f.length() > 0 : "missing or empty: $f"
}

def nonEmptyLines = { File f -> f.readLines().findAll { it.trim() } }
def inputs = nonEmptyLines(new File(project, 'tb_data/tb_input_features.dat'))
assert inputs.size() == 500
assert inputs.every { it.trim().split(/\s+/).size() == 3 }
def predictions = nonEmptyLines(new File(project, 'tb_data/tb_output_predictions.dat'))
assert predictions.size() == 500
assert predictions.every { it.trim().split(/\s+/).size() == 2 }

// Host simulation results and the report.
def work = new File(basedir, 'target/sr-hls/jet_tagger')
def results = nonEmptyLines(new File(work, 'csim_results.dat'))
assert results.size() == 500
def report = new JsonSlurper().parse(new File(work, 'report.json'))
assert report.passed == true
assert report.vectors == 500
assert report.mismatches.count == 0
assert report.errorVsFloat64.size() == 2

// The outcome as JUnit XML for CI servers: one passing test case per output.
def junit = new File(basedir, 'target/surefire-reports/TEST-sr-hls.jet_tagger.xml')
assert junit.isFile()
def suite = new groovy.xml.XmlSlurper().parse(junit)
assert suite.@name == 'sr-hls.jet_tagger'
assert suite.@tests == '2' && suite.@failures == '0' && suite.@errors == '0'
assert suite.testcase*.@name*.toString() == ['quark_score', 'gluon_score']

// The firmware zip (no vendor tool here, so no vendor IP in it), attached with the model's name as classifier and
// installed beside the pom.
def zip = new File(basedir, 'target/verify-generates-simulates-and-attaches-firmware-zip-1.0.0-jet_tagger.zip')
assert zip.isFile()
new ZipFile(zip).withCloseable { z ->
    assert z.getEntry('firmware/jet_tagger.cpp') != null
    assert z.getEntry('report.json') != null
    // the decimal test data the vendor's csim reads, not the binary copies only this build's simulations read
    assert z.getEntry('tb_data/tb_input_features.dat') != null
    assert !z.entries().toList().any { it.name.endsWith('.bin') }
}
def installed = new File(localRepositoryPath,
        'io/github/srhls/it/verify-generates-simulates-and-attaches-firmware-zip/1.0.0/'
        + 'verify-generates-simulates-and-attaches-firmware-zip-1.0.0-jet_tagger.zip')
assert installed.isFile()
assert installed.bytes == zip.bytes

def log = new File(basedir, 'build.log').text
assert log.contains('Attached verify-generates-simulates-and-attaches-firmware-zip-1.0.0-jet_tagger.zip (type zip, classifier jet_tagger)')
// called an IP zip only when it holds the vendor's IP
assert log.contains('classifier jet_tagger; firmware zip: the HLS project and its report, no vendor IP)')
assert !log.contains('IP zip')

// the zip has the mode of any file the build writes (build.log here), not a temp file's 0600
def mode = { File f -> java.nio.file.attribute.PosixFilePermissions.toString(
        java.nio.file.Files.getPosixFilePermissions(f.toPath())) }
assert mode(zip) == mode(new File(basedir, 'build.log'))
