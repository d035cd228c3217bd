import java.security.MessageDigest

// Two builds of the same sources, the second from clean and with two threads: the same zips, byte for byte.
def log = new File(basedir, 'build.log').text
assert log.contains('Using the MultiThreadedBuilder implementation with a thread count of 2')

def zips = { String run ->
    def dir = new File(basedir, "results/${run}")
    assert dir.isDirectory() : "no zips from the ${run} build"
    dir.listFiles().findAll { it.name.endsWith('.zip') }.collectEntries { [(it.name): it] }
}
def serial = zips('serial')
def parallel = zips('parallel')

// several models in one project give several zips, each with its model's name as classifier
assert serial.keySet() == ['calo-1.0.0-egamma_id.zip', 'calo-1.0.0-jet_energy.zip', 'muon-1.0.0-muon_pt.zip'] as Set
assert parallel.keySet() == serial.keySet()
serial.each { name, zip ->
    def sha = { File f -> MessageDigest.getInstance('SHA-256').digest(f.bytes).encodeHex().toString() }
    assert sha(zip) == sha(parallel[name]) : "${name} differs between the serial and the parallel build"
    println "  ${name}: identical in both builds (sha256 ${sha(zip).take(16)}...)"
}

// every model was generated, simulated and packaged in both builds
['egamma_id', 'jet_energy', 'muon_pt'].each { model ->
    assert (log =~ /(?m)${model}: \d+ vectors match bit for bit/).size() == 2 : "${model} simulated twice"
    assert (log =~ /(?m)---- ${model} 1\.0\.0 ----/).size() == 2 : "${model} summarised twice"
}
assert (log =~ /(?m)Attached calo-1\.0\.0-\w+\.zip \(type zip, classifier \w+\)/).size() == 4
