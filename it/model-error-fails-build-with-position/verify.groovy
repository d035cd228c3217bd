// The build stops in sr-hls:generate with one user-facing message pointing at `sn` (line 6, column 17 of the model
// file), without a stack trace, and leaves no half-generated firmware behind.
def log = new File(basedir, 'build.log').text

assert log =~ /Failed to execute goal io\.github\.srhls:sr-hls-maven-plugin:[^:]+:generate/

assert log.contains('broken.sr.yaml:6:17')
assert log.contains("unknown function 'sn'")
assert log.contains("did you mean 'sin'")
assert !(log =~ /(?m)^\s+at [\w.$]+\(/) : 'a stack trace reached the user'

def generated = new File(basedir, 'target/generated-sources/sr-hls')
def leftBehind = []
if (generated.exists()) {
    generated.eachFileRecurse { if (it.name.endsWith('.cpp') && it.parentFile.name == 'firmware') leftBehind << it }
}
assert leftBehind.isEmpty() : "firmware left behind: $leftBehind"
