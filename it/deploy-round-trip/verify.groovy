import java.security.MessageDigest
import java.security.SecureRandom
import java.util.concurrent.TimeUnit

// The deploy round trip against a real HTTP Maven repository: Debian's nginx with WebDAV PUT, on 127.0.0.1 at a
// free port, that asks for credentials for everything but GET and HEAD. This script starts it, runs the Maven
// builds against it and stops it in `finally`, so a failing step never leaves the server running.
//   1. the producer (this project) deploys without credentials: refused with 401, nothing lands
//   2. the producer deploys with the credentials from its settings.xml: the pom and the firmware zip land
//   3. consumer/ depends on the zip by its coordinates and unpacks it, starting from an empty local repository

def nginx = (System.getenv('PATH').split(File.pathSeparator).collect { it + '/nginx' } +
        ['/usr/sbin/nginx', '/usr/local/sbin/nginx']).find { new File(it).canExecute() }
assert nginx != null : 'selector.groovy runs this only where nginx is installed'

def work = new File(basedir, 'target/repository-server')
work.deleteDir()
def www = new File(work, 'www')
def releases = new File(www, 'releases')
releases.mkdirs()
new File(work, 'temp').mkdirs()

// A fresh password each run, stored as nginx's salted SHA-1 ({SSHA}) so no openssl is needed.
def random = new SecureRandom()
def username = 'deployer'
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
// Workers must be able to write the repository: as root they run as root (not www-data), otherwise as this user.
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
    location /releases/ {
      dav_methods PUT;
      create_full_put_path on;
      limit_except GET HEAD {
        auth_basic "sr-hls test repository";
        auth_basic_user_file ${q(new File(work, 'htpasswd'))};
      }
    }
  }
}
"""
def url = "http://127.0.0.1:${port}/releases"

def settings = { String name, String localCentral, boolean credentials, boolean ipRepository ->
    def file = new File(work, name)
    def repo = { String id, String u -> """
        <repository><id>${id}</id><url>${u}</url>
          <releases><enabled>true</enabled><checksumPolicy>${id == 'local.central' ? 'ignore' : 'fail'}</checksumPolicy></releases>
          <snapshots><enabled>${id == 'local.central'}</enabled><checksumPolicy>ignore</checksumPolicy></snapshots>
        </repository>""" }
    file.text = """<settings>
  ${credentials ? "<servers><server><id>ip-releases</id><username>${username}</username><password>${password}</password></server></servers>" : ''}
  <profiles>
    <profile>
      <id>it</id>
      <activation><activeByDefault>true</activeByDefault></activation>
      <repositories>${repo('local.central', localCentral)}${ipRepository ? repo('ip-releases', url) : ''}
      </repositories>
      <pluginRepositories>${repo('local.central', localCentral).replace('repository>', 'pluginRepository>')}
      </pluginRepositories>
    </profile>
  </profiles>
</settings>
"""
    file
}

def mvn = new File(System.getProperty('maven.home'), 'bin/mvn').absolutePath
def maven = { String name, File dir, List<String> args ->
    def log = new File(basedir, name + '.log')
    def process = new ProcessBuilder(([mvn, '-B'] + args)*.toString()).directory(dir).redirectErrorStream(true)
            .redirectOutput(log).start()
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.descendants().forEach { it.destroyForcibly() }
        process.destroyForcibly()
        throw new AssertionError("mvn ${args} in ${dir} did not finish within 5 minutes; see ${log}")
    }
    println "  mvn ${args.last()} (${name}): exit code ${process.exitValue()}"
    [process.exitValue(), log.text]
}

def producerRepo = new File(localRepositoryPath.toString())
def outerRepo = new File(outerLocalRepository.toString()).toURI().toString()
def server = new ProcessBuilder(nginx, '-e', new File(work, 'error.log').absolutePath, '-p', work.absolutePath,
        '-c', conf.absolutePath).redirectErrorStream(true).redirectOutput(new File(work, 'nginx.out')).start()
try {
    // wait until it listens (or has died: then its error log says why)
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
    println "  test repository ${url} (nginx pid ${server.pid()})"

    // 1. no credentials: the server refuses the upload
    def (refused, refusedLog) = maven('deploy-without-credentials', basedir,
            ['-s', settings('settings-anonymous.xml', outerRepo, false, false).path,
             "-Dmaven.repo.local=${producerRepo}", "-Dreleases.url=${url}", 'deploy'])
    assert refused != 0 : 'a deploy without credentials must fail'
    assert refusedLog =~ /status code: 401|401 Unauthorized|Unauthorized \(401\)/
    assert !new File(releases, 'io/example/jet-tagger/1.2.0/jet-tagger-1.2.0-jet_tagger.zip').exists()

    // 2. credentials from settings.xml: pom, zip, checksums and metadata are uploaded
    def (deployed, deployLog) = maven('deploy', basedir,
            ['-s', settings('settings-deployer.xml', outerRepo, true, false).path,
             "-Dmaven.repo.local=${producerRepo}", "-Dreleases.url=${url}", 'deploy'])
    assert deployed == 0 : "deploy failed:\n${deployLog}"
    def version = new File(releases, 'io/example/jet-tagger/1.2.0')
    def zip = new File(version, 'jet-tagger-1.2.0-jet_tagger.zip')
    def built = new File(basedir, 'target/jet-tagger-1.2.0-jet_tagger.zip')
    assert zip.isFile() && zip.bytes == built.bytes
    assert new File(version, 'jet-tagger-1.2.0-jet_tagger.zip.sha1').text.trim() ==
            MessageDigest.getInstance('SHA-1').digest(built.bytes).encodeHex().toString()
    assert new File(version, 'jet-tagger-1.2.0.pom').isFile()
    assert new File(releases, 'io/example/jet-tagger/maven-metadata.xml').text.contains('<release>1.2.0</release>')

    // 3. the consumer resolves the zip from the repository into an empty local repository and unpacks it
    def consumerRepo = new File(basedir, 'target/consumer-local-repo')
    consumerRepo.deleteDir()
    def (consumed, consumerLog) = maven('consumer', new File(basedir, 'consumer'),
            ['-s', settings('settings-consumer.xml', outerRepo, false, true).path,
             "-Dmaven.repo.local=${consumerRepo}", 'generate-sources'])
    assert consumed == 0 : "consumer failed:\n${consumerLog}"
    def remote = new File(consumerRepo, 'io/example/jet-tagger/1.2.0/_remote.repositories')
    assert remote.text.contains('jet-tagger-1.2.0-jet_tagger.zip>ip-releases=') : 'the zip came from elsewhere'
    assert new File(work, 'access.log').text =~ /"GET \/releases\/io\/example\/jet-tagger\/1\.2\.0\/jet-tagger-1\.2\.0-jet_tagger\.zip HTTP\/1\.1" 200 /
    def ip = new File(basedir, 'consumer/target/ip/jet_tagger')
    def firmware = new File(ip, 'firmware/jet_tagger.cpp')
    assert firmware.isFile()
    assert firmware.text == new File(basedir, 'target/generated-sources/sr-hls/jet_tagger/firmware/jet_tagger.cpp').text
    assert new groovy.json.JsonSlurper().parse(new File(ip, 'report.json')).passed == true
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
