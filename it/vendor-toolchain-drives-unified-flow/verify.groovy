import groovy.json.JsonSlurper
import java.util.zip.ZipFile

// toolchains.xml's hls toolchain was read through Maven's toolchain manager and chose the unified flow.
def log = new File(basedir, 'build.log').text
assert !log.contains('Missing toolchain factory for type: hls')
assert log =~ /Vendor HLS tool: AMD Vitis 2024\.2 at \S+\/v\+\+ and \S+\/vitis-run \(found through the toolchain of type hls \(vendor amd, version 2024\.2\) in toolchains\.xml\), unified flow/
assert log.contains('muon_id: vendor C simulation: vitis-run --mode hls --csim --config hls_config.cfg --work_dir proj in ')
assert log.contains('muon_id: vendor synthesis: v++ -c --mode hls --config hls_config.cfg --work_dir proj in ')
assert log.contains('muon_id: vendor IP export: vitis-run --mode hls --package --config hls_config.cfg --work_dir proj in ')

def report = new JsonSlurper().parse(new File(basedir, 'target/sr-hls/muon_id/report.json'))
assert report.vendor.tool == 'vitis-unified'
assert report.vendor.version == '2024.2'
assert report.vendor.csynth.passed == true
assert report.vendor.export.result.file == 'xilinx_com_hls_muon_id_2_1.zip'

new ZipFile(new File(basedir, 'target/vendor-toolchain-drives-unified-flow-1.0.0-muon_id.zip')).withCloseable { z ->
    assert z.getEntry('ip/xilinx_com_hls_muon_id_2_1.zip') != null
}
