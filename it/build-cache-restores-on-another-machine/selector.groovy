// The remote build cache is Debian's nginx with WebDAV; .ci/run installs nginx-light.
def candidates = System.getenv('PATH').split(File.pathSeparator).collect { it + '/nginx' } +
        ['/usr/sbin/nginx', '/usr/local/sbin/nginx']
if (!candidates.any { new File(it).canExecute() }) {
    println 'SKIPPING build-cache-restores-on-another-machine: nginx is not installed (apt-get install nginx-light; .ci/run does that)'
    return false
}
return true
