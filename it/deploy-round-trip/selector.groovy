// The round trip needs Debian's nginx as the repository server; .ci/run installs nginx-light.
def candidates = System.getenv('PATH').split(File.pathSeparator).collect { it + '/nginx' } +
        ['/usr/sbin/nginx', '/usr/local/sbin/nginx']
if (!candidates.any { new File(it).canExecute() }) {
    println 'SKIPPING deploy-round-trip: nginx is not installed (apt-get install nginx-light; .ci/run does that)'
    return false
}
return true
