// build.log holds both builds, one after the other: the first passes, the second (enforceBudgets) fails.
def log = new File(basedir, 'build.log').text
def cut = log.indexOf('BUILD SUCCESS')
assert cut > 0 : 'the first build passed'
def first = log.substring(0, cut)
def second = log.substring(cut)

// The old v++ does not break the build: it is passed over with one note, as the Intel tool is, for the whole build
// (sr-hls:test and sr-hls:package both look for a tool), and the host simulation does the test.
assert (first =~ /Found \S+\/amd\/Vitis\/2024\.2\/bin\/v\+\+ is 2023\.1, but v\+\+ --mode hls needs 2023\.2 or later, and no vitis_hls of that release beside it; not using it/).count == 1
assert (first =~ /Found the Intel HLS Compiler at \S+\/intel\/bin\/i\+\+, but it is not supported yet/).count == 1
assert first.contains('[INFO] No vendor HLS tool: ')
assert first =~ /muon_id: \d+ vectors match bit for bit/

// maxDsp is set, but nothing synthesised: one warning that names it and why.
def warnings = first.readLines().findAll { it.startsWith('[WARNING]') && it.contains('maxDsp') }
assert warnings.size() == 1 : warnings
assert warnings[0].contains('[WARNING] the synthesis budgets maxDsp=1 could not be checked: no vendor HLS tool was found, so nothing was synthesised.')
assert new File(basedir, 'target/old-vpp-host-only-warns-of-unchecked-budgets-1.0.0-muon_id.zip').isFile()

// enforceBudgets turns it into a failure of sr-hls:test, with the reason and no stack trace.
assert second =~ /Failed to execute goal io\.github\.srhls:sr-hls-maven-plugin:[^:]+:test/
assert second.contains('the synthesis budgets maxDsp=1 could not be checked: no vendor HLS tool was found, so nothing was synthesised; sr-hls.enforceBudgets is set, so the build fails')
assert !(second =~ /(?m)^\s+at [\w.$]+\(/) : 'a stack trace reached the user'
