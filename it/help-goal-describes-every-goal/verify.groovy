// invoker ran sr-hls:help -Ddetail, then help:describe of the package goal; both are in build.log.
def log = new File(basedir, 'build.log').text
def builds = log.split(/(?m)^\[INFO\] BUILD SUCCESS\s*$/)
assert builds.size() == 3 : 'expected two successful builds in build.log'
def (help, describe) = builds

// sr-hls:help lists every goal, with each parameter's description and user property
['generate', 'test', 'package', 'explore', 'report', 'help'].each { goal -> assert help.contains("sr-hls:${goal}") : goal }
assert help =~ /This plugin has 6 goals/
assert help.contains('modelDirectory (Default: ${project.basedir}/src/main/sr)')
assert help.contains('User property: sr-hls.modelDirectory')

// help:describe reads descriptions as HTML: nothing in them may vanish as a tag (it once said "as -.zip")
assert describe.contains("Mojo: 'sr-hls:package'")
def text = describe.replaceAll(/\s+/, ' ')
assert text.contains('into a zip named from the finalName and classifier parameters (finalName-classifier.zip, such as jet-tagger-1.0.0-jet_tagger.zip)')
assert !text.contains('-.zip')
assert text.contains('classifier (Default: {name})')
