import java.security.MessageDigest
import java.security.SecureRandom
import java.util.concurrent.TimeUnit

// Two CI machines sharing Maven's build cache (the extension in project/.mvn/) through a remote cache on HTTP:
// Debian's nginx with WebDAV PUT on 127.0.0.1 at a free port, writable only with credentials. This script starts
// it, runs the builds and stops it in `finally`.
//   A. machine A (its own work tree, local repository and local cache) builds project/ and saves it to the cache
//   B. machine B (a fresh copy of project/, an empty local repository, its own local cache) restores all of it:
//      no compiler and no vendor tool runs, and its zip, generated project and results are A's, byte for byte
//   B2. a changed model file on B is a cache miss: B builds it
//   C. an extension older than 1.2.3 (which keys a pom-packaged project on its pom alone) and a referenced file
//      the cache key does not cover: sr-hls:generate stops the build and says what to change
// Every program the builds start is recorded: g++ through a wrapper first on the PATH, the fake vitis_hls through
// its FAKE_HLS_CALLS log.

def nginx = (System.getenv('PATH').split(File.pathSeparator).collect { it + '/nginx' } +
        ['/usr/sbin/nginx', '/usr/local/sbin/nginx']).find { new File(it).canExecute() }
assert nginx != null : 'selector.groovy runs this only where nginx is installed'
def gpp = System.getenv('PATH').split(File.pathSeparator).collect { new File(it, 'g++') }.find { it.canExecute() }
assert gpp != null : 'g++ is needed on the PATH'

def target = new File(basedir, 'target')
def work = new File(target, 'cache-server')
def www = new File(work, 'www')
new File(www, 'cache').mkdirs()
new File(work, 'temp').mkdirs()

// the credentials machine A saves with, stored as nginx's salted SHA-1 ({SSHA})
def random = new SecureRandom()
def username = 'ci'
def password = new BigInteger(96, random).toString(36)
byte[] salt = new byte[8]
random.nextBytes(salt)
def sha1 = MessageDigest.getInstance('SHA-1')
sha1.update(password.getBytes('UTF-8'))
sha1.update(salt)
def hashed = new ByteArrayOutputStream()
hashed.write(sha1.digest())
hashed.write(salt)
new File(work, 'htpasswd').text = "${username}:{SSHA}${hashed.toByteArray().encodeBase64()}\n"

int port = new ServerSocket(0, 1, InetAddress.getByName('127.0.0.1')).withCloseable { it.localPort }
def q = { File f -> '"' + f.absolutePath + '"' }
def conf = new File(work, 'nginx.conf')
conf.text = """\
${System.getProperty('user.name') == 'root' ? 'user root;' : ''}
daemon off;
worker_processes 1;
pid ${q(new File(work, 'nginx.pid'))};
error_log ${q(new File(work, 'error.log'))} info;
events { worker_connections 32; }
http {
  access_log ${q(new File(work, 'access.log'))};
  client_body_temp_path ${q(new File(work, 'temp/body'))};
  proxy_temp_path ${q(new File(work, 'temp/proxy'))};
  fastcgi_temp_path ${q(new File(work, 'temp/fastcgi'))};
  uwsgi_temp_path ${q(new File(work, 'temp/uwsgi'))};
  scgi_temp_path ${q(new File(work, 'temp/scgi'))};
  client_max_body_size 64m;
  server {
    listen 127.0.0.1:${port};
    root ${q(www)};
    location /cache/ {
      dav_methods PUT;
      create_full_put_path on;
      limit_except GET HEAD {
        auth_basic "sr-hls build cache";
        auth_basic_user_file ${q(new File(work, 'htpasswd'))};
      }
    }
  }
}
"""
def url = "http://127.0.0.1:${port}/cache"

// A's local repository is the one the plugin under test was installed into; B starts from an empty one and
// downloads the plugin from there (as from a company repository) and everything else from the outer build's.
def repoA = new File(localRepositoryPath.toString())
def outerRepo = new File(outerLocalRepository.toString()).toURI().toString()
def settings = { String name, boolean credentials ->
    def repo = { String id, String u, boolean releases, boolean snapshots -> """
        <repository><id>${id}</id><url>${u}</url>
          <releases><enabled>${releases}</enabled><checksumPolicy>ignore</checksumPolicy></releases>
          <snapshots><enabled>${snapshots}</enabled><checksumPolicy>ignore</checksumPolicy></snapshots>
        </repository>""" }
    // snapshots only from the plugin under test: the outer repository may hold an older build of it
    def repos = repo('local.central', outerRepo, true, false) + repo('plugin-under-test', repoA.toURI().toString(), false, true)
    def file = new File(work, name)
    file.text = """<settings>
  ${credentials ? "<servers><server><id>sr-hls-cache</id><username>${username}</username><password>${password}</password></server></servers>" : ''}
  <profiles>
    <profile>
      <id>it</id>
      <activation><activeByDefault>true</activeByDefault></activation>
      <repositories>${repos}
      </repositories>
      <pluginRepositories>${repos.replace('repository>', 'pluginRepository>')}
      </pluginRepositories>
    </profile>
  </profiles>
</settings>
"""
    file
}
def settingsA = settings('settings-a.xml', true)
def settingsB = settings('settings-b.xml', false)

// a fresh copy of project/ with the plugin's version filled in, as a fresh clone on another machine
def checkout = { String name ->
    def dir = new File(target, name)
    def from = new File(basedir, 'project').toPath()
    from.toFile().eachFileRecurse(groovy.io.FileType.FILES) {
        def to = dir.toPath().resolve(from.relativize(it.toPath()).toString())
        to.parent.toFile().mkdirs()
        java.nio.file.Files.copy(it.toPath(), to)
    }
    def pom = new File(dir, 'pom.xml')
    pom.text = pom.text.replace('@pluginVersion@', pluginVersion.toString())
    dir
}

// g++ through a wrapper that records each call; the fake vitis_hls records its own calls
def bin = new File(target, 'recording-bin')
bin.mkdirs()
def wrapper = new File(bin, 'g++')
wrapper.text = "#!/bin/sh\necho \"g++ \$*\" >> \"\$SRHLS_TOOL_LOG\"\nexec '${gpp.absolutePath}' \"\$@\"\n"
wrapper.setExecutable(true)
def fakeVitis = new File(srhlsFakes.toString(), 'amd/Vitis_HLS/2023.1/bin')
assert new File(fakeVitis, 'vitis_hls').canExecute()

def mvn = new File(System.getProperty('maven.home'), 'bin/mvn').absolutePath
def maven = { String name, File dir, List<String> args ->
    def log = new File(basedir, name + '.log')
    def calls = new File(target, name + '-tool-calls.log')
    calls.text = ''
    def builder = new ProcessBuilder(([mvn, '-B'] + args)*.toString()).directory(dir).redirectErrorStream(true)
            .redirectOutput(log)
    def env = builder.environment()
    env.remove('CXX')
    env.remove('MAVEN_ARGS')
    env.put('PATH', [bin.absolutePath, fakeVitis.absolutePath, System.getenv('PATH')].join(File.pathSeparator))
    env.put('SRHLS_TOOL_LOG', calls.absolutePath)
    env.put('FAKE_HLS_CALLS', calls.absolutePath)
    long start = System.nanoTime()
    def process = builder.start()
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.descendants().forEach { it.destroyForcibly() }
        process.destroyForcibly()
        throw new AssertionError("mvn ${args} in ${dir} did not finish within 5 minutes; see ${log}")
    }
    double seconds = (System.nanoTime() - start) / 1e9
    println String.format(Locale.ROOT, '  %-22s exit code %d, %.1f s wall, %d tool calls', name,
            process.exitValue(), seconds, calls.readLines().size())
    [process.exitValue(), log.text, calls.readLines(), seconds]
}

def tree = { File root ->
    def files = [:]
    root.eachFileRecurse(groovy.io.FileType.FILES) { files[root.toPath().relativize(it.toPath()).toString()] = it.bytes }
    files
}
def same = { Map a, Map b -> a.keySet() == b.keySet() && a.every { k, v -> Arrays.equals(v, b[k]) } }
def zipName = 'target/jet-tagger-1.0.0-jet_tagger.zip'

def server = new ProcessBuilder(nginx, '-e', new File(work, 'error.log').absolutePath, '-p', work.absolutePath,
        '-c', conf.absolutePath).redirectErrorStream(true).redirectOutput(new File(work, 'nginx.out')).start()
try {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15)
    boolean up = false
    while (!up && server.isAlive() && System.nanoTime() < deadline) {
        try {
            new Socket('127.0.0.1', port).close()
            up = true
        } catch (IOException notYet) {
            Thread.sleep(100)
        }
    }
    assert up : "nginx did not start: ${new File(work, 'error.log').text}"
    println "  remote build cache ${url} (nginx pid ${server.pid()})"

    // A. machine A builds everything and saves it to the remote cache
    def a = checkout('machine-a')
    def (aExit, aLog, aCalls, aSeconds) = maven('machine-a', a, ['-s', settingsA.path, "-Dmaven.repo.local=${repoA}",
            "-Dmaven.build.cache.location=${new File(target, 'machine-a-cache')}",
            "-Dmaven.build.cache.remote.url=${url}", '-Dmaven.build.cache.remote.save.enabled=true', 'verify'])
    assert aExit == 0 : "machine A failed:\n${aLog}"
    assert aLog.contains('sr-hls models: 1 generated [jet_tagger]')
    assert aCalls.any { it.startsWith('g++ ') && it.contains('jet_tagger_test.cpp') } : "A compiled nothing: ${aCalls}"
    assert aCalls.any { it.startsWith('vitis_hls ') } : "A ran no vendor step: ${aCalls}"
    assert aLog =~ /Saved to remote cache http:\/\/127\.0\.0\.1:\d+\/cache\/.*\/buildinfo\.xml/
    def aZip = new File(a, zipName)
    assert aZip.isFile()
    def aEntries = new java.util.zip.ZipFile(aZip).withCloseable { z -> z.entries().collect { it.name } }
    assert aEntries.contains('report.json') && aEntries.contains('model/data/vectors.csv')
    assert aEntries.any { it.startsWith('ip/') } : "the fake vendor tool exported no IP: ${aEntries}"

    // B. machine B: a fresh checkout, an empty local repository, no local cache: everything from the remote cache
    def repoB = new File(target, 'machine-b-repo')
    def b = checkout('machine-b')
    def bArgs = ['-s', settingsB.path, "-Dmaven.repo.local=${repoB}",
                 "-Dmaven.build.cache.location=${new File(target, 'machine-b-cache')}",
                 "-Dmaven.build.cache.remote.url=${url}", 'verify']
    def (bExit, bLog, bCalls, bSeconds) = maven('machine-b', b, bArgs)
    assert bExit == 0 : "machine B failed:\n${bLog}"
    assert bLog.contains('Found cached build, restoring io.example:jet-tagger from cache')
    ['generate', 'test', 'package'].each { assert bLog.contains("Skipping plugin execution (cached): sr-hls:${it}") }
    assert bCalls.isEmpty() : "machine B ran programs although everything was cached: ${bCalls}"
    assert !bLog.contains('sr-hls models:') && !bLog.contains('compiling the host simulation')
    assert new File(work, 'access.log').text =~ /"GET \/cache\/\S+\/buildinfo\.xml HTTP\/1\.1" 200 /
    assert new File(b, zipName).bytes == aZip.bytes : 'B restored another zip than A built'
    assert same(tree(new File(b, 'target/generated-sources/sr-hls')), tree(new File(a, 'target/generated-sources/sr-hls')))
    ['report.json', 'csim_results.dat'].each {
        assert new File(b, "target/sr-hls/jet_tagger/${it}").bytes == new File(a, "target/sr-hls/jet_tagger/${it}").bytes
    }
    assert new File(b, 'target/surefire-reports/TEST-sr-hls.jet_tagger.xml').text ==
            new File(a, 'target/surefire-reports/TEST-sr-hls.jet_tagger.xml').text
    println String.format(Locale.ROOT, '  machine A built in %.1f s; machine B restored in %.1f s (empty local repository)',
            aSeconds, bSeconds)

    // B2. a changed model file is a cache miss: B generates, compiles and simulates it, and zips the new design
    def model = new File(b, 'src/main/sr/jet_tagger.sr.yaml')
    model.text = model.text.replace('0.5 * x2', '0.75 * x2')
    // (without the fake vendor tool, which would only add time: the miss is what counts here)
    def (b2Exit, b2Log, b2Calls, b2Seconds) = maven('machine-b-changed', b, bArgs + ['-Dsr-hls.vendor.skip=true'])
    assert b2Exit == 0 : "machine B's build of the changed model failed:\n${b2Log}"
    assert !b2Log.contains('Found cached build')
    assert b2Log.contains('sr-hls models: 1 generated [jet_tagger]')
    assert b2Calls.any { it.startsWith('g++ ') && it.contains('jet_tagger_test.cpp') } : "B compiled nothing: ${b2Calls}"
    def b2Model = new java.util.zip.ZipFile(new File(b, zipName)).withCloseable { z ->
        z.getInputStream(z.getEntry('model/src/main/sr/jet_tagger.sr.yaml')).text }
    assert b2Model.contains('0.75 * x2')
    assert new File(b, 'target/generated-sources/sr-hls/jet_tagger/firmware/jet_tagger.cpp').text !=
            new File(a, 'target/generated-sources/sr-hls/jet_tagger/firmware/jet_tagger.cpp').text

    // C. what sr-hls:generate refuses: an extension that keys a pom-packaged project on its pom alone ...
    def c = checkout('machine-c')
    def extensions = new File(c, '.mvn/extensions.xml')
    extensions.text = extensions.text.replace('<version>1.2.3</version>', '<version>1.2.0</version>')
    def cArgs = ['-s', settingsA.path, "-Dmaven.repo.local=${repoA}",
                 "-Dmaven.build.cache.location=${new File(target, 'machine-c-cache')}",
                 '-Dmaven.build.cache.remote.enabled=false', 'generate-sources']
    def (cExit, cLog) = maven('old-extension', c, cArgs)
    assert cExit != 0 : 'generate must refuse build cache extension 1.2.0 on a pom-packaged project'
    assert cLog.contains('maven-build-cache-extension 1.2.0') && cLog.contains('.mvn/extensions.xml')
    assert cLog.contains('1.2.3')
    assert !(cLog =~ /\n\tat |java\.\w+\.\w*Exception/) : 'one message, no stack trace'
    // ... and a file a model reads that the cache key does not cover (the include of data/ left out)
    extensions.text = extensions.text.replace('<version>1.2.0</version>', '<version>1.2.3</version>')
    def config = new File(c, '.mvn/maven-build-cache-config.xml')
    config.text = config.text.replace('<include>data/</include>', '')
    def (c2Exit, c2Log) = maven('uncovered-input', c, cArgs)
    assert c2Exit != 0 : 'generate must refuse a model input the build cache does not fingerprint'
    assert c2Log.contains('data/vectors.csv') && c2Log.contains('<include>data/</include>')
    assert !(c2Log =~ /\n\tat |java\.\w+\.\w*Exception/) : 'one message, no stack trace'
} finally {
    server.destroy()
    if (!server.waitFor(15, TimeUnit.SECONDS)) {
        server.descendants().forEach { it.destroyForcibly() }
        server.destroyForcibly()
        server.waitFor(5, TimeUnit.SECONDS)
    }
    println "  stopped nginx (pid ${server.pid()})"
}
assert !server.isAlive()
