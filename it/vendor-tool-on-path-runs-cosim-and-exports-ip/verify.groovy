import groovy.json.JsonSlurper
import java.util.zip.ZipFile
import java.util.zip.ZipInputStream

// The fake vitis_hls on the PATH was found, its version read, and each step run on the generated scripts.
def builds = new File(basedir, 'build.log').text.split(/(?m)^\[INFO\] BUILD SUCCESS\s*$/).findAll { it.contains('sr-hls:') }
assert builds.size() == 2 : "expected two successful builds in build.log, found ${builds.size()}"
def (log, second) = builds
assert log =~ /Vendor HLS tool: AMD Vitis HLS 2023\.1 at \S+\/amd\/Vitis_HLS\/2023\.1\/bin\/vitis_hls \(found through the PATH\), Tcl flow/
assert log.contains('muon_id: vendor C simulation: vitis_hls -f hls_csim.tcl in ')
assert log =~ /\[vitis_hls:\d+\] INFO: \[SIM 211-1\] CSim done with 0 errors\./
assert log.contains('muon_id: vendor C simulation passed, 200 vectors bit for bit with Vitis HLS 2023.1')
assert log.contains('muon_id: synthesis estimates from Vitis HLS 2023.1 for xcvu9p-flga2577-2-e')
assert log =~ /  clock     target 2\.5 ns, estimated 2\.156 ns/
assert log =~ /  DSP\s+\d+\s+6840\s+[\d.]+%/
assert log.contains('muon_id: co-simulation (Verilog) Pass')
assert log.contains('muon_id: reusing the synthesis in ')

// Generated scripts carry the model's part, clock and IP metadata.
def project = new File(basedir, 'target/generated-sources/sr-hls/muon_id')
assert new File(project, 'hls_project.tcl').text.contains('set_part {xcvu9p-flga2577-2-e}\ncreate_clock -period 2.5 -name default\n')
assert new File(project, 'hls_export.tcl').text.contains('-vendor cern.ch -library l1t -ipname muon_id -version 2.1 ')
assert !new File(project, 'proj').exists()

// report.json has the host simulation and the vendor's numbers.
def report = new JsonSlurper().parse(new File(basedir, 'target/sr-hls/muon_id/report.json'))
assert report.passed == true
assert report.vendor.tool == 'vitis-hls'
assert report.vendor.csim.result.vectors == 200
assert report.vendor.csynth.result.report.targetClockNs == 2.5
assert report.vendor.cosim.result.status == 'Pass'
assert report.vendor.export.result.file == 'cern_ch_l1t_muon_id_2_1.zip'
['csim', 'csynth', 'cosim', 'export'].each {
    assert new File(basedir, "target/sr-hls/muon_id/vendor/${it}.log").text.contains('Exiting vitis_hls')
}

// The attached zip holds the vendor's IP zip under ip/, as installed.
def zip = new File(basedir, 'target/vendor-tool-on-path-runs-cosim-and-exports-ip-1.0.0-muon_id.zip')
assert log.contains("classifier muon_id; IP zip: the vendor's IP under ip/, the HLS project and its report)")
new ZipFile(zip).withCloseable { z ->
    def ip = z.getEntry('ip/cern_ch_l1t_muon_id_2_1.zip')
    assert ip != null
    def names = []
    new ZipInputStream(z.getInputStream(ip)).withCloseable { zin ->
        for (def e = zin.nextEntry; e != null; e = zin.nextEntry) { names << e.name }
    }
    assert names.containsAll(['component.xml', 'hdl/verilog/muon_id.v'])
    assert z.getEntry('hls_config.cfg') != null
    assert z.getEntry('report.json') != null
}

// The second build, with nothing changed, ran no vendor step and rewrote neither the IP zip nor the attached zip:
// both are older than the report.json that each goal of the second build rewrites before packaging.
['C simulation', 'synthesis', 'C/RTL co-simulation', 'IP export'].each {
    assert second.contains("muon_id: vendor ${it} is up to date, not run again") : it
}
assert !(second =~ /muon_id: vendor [^\n]*: vitis_hls -f /) : 'the vendor tool ran a step in the second build'
assert second.contains('muon_id: vendor-tool-on-path-runs-cosim-and-exports-ip-1.0.0-muon_id.zip is up to date')
def reportTime = new File(basedir, 'target/sr-hls/muon_id/report.json').lastModified()
def ipZips = []
new File(basedir, 'target/sr-hls/muon_id/vendor').eachFileRecurse { if (it.name == 'cern_ch_l1t_muon_id_2_1.zip') ipZips << it }
assert !ipZips.isEmpty()
ipZips.each { assert it.lastModified() < reportTime : "${it} was written again" }
assert zip.lastModified() < reportTime : 'the attached zip was written again'
