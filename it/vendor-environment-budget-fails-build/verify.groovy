import groovy.json.JsonSlurper

// XILINX_VIVADO led to vivado_hls 2019.2; its synthesis uses more DSPs than maxDsp allows, so sr-hls:test fails
// with the budget named, and the numbers are still in report.json.
def log = new File(basedir, 'build.log').text
assert log =~ /Vendor HLS tool: AMD Vivado HLS 2019\.2 at \S+\/vivado_hls \(found through XILINX_VIVADO\), Tcl flow/
assert log =~ /Failed to execute goal io\.github\.srhls:sr-hls-maven-plugin:[^:]+:test/
assert log.contains('sr-hls:test failed for 1 of 1 models:')
assert log =~ /muon_id: synthesis over budget: DSP \d+ exceeds maxDsp 1/
assert !log.contains('maxLatencyCycles 1000')
assert !(log =~ /(?m)^\s+at [\w.$]+\(/) : 'a stack trace reached the user'

def report = new JsonSlurper().parse(new File(basedir, 'target/sr-hls/muon_id/report.json'))
assert report.vendor.tool == 'vivado-hls'
assert report.vendor.csynth.passed == false
assert report.vendor.csynth.result.report.used.uram == null
assert report.vendor.csynth.result.budgetViolations.size() == 1
assert !new File(basedir, 'target/vendor-environment-budget-fails-build-1.0.0-muon_id.zip').exists()
