import groovy.json.JsonSlurper

def reports = new File(basedir, 'target/apple-network-reports')
assert new File(reports, 'index.html').isFile()
def json = new JsonSlurper().parse(new File(reports, 'apple-network-results.json'))
def verdicts = json.results.findAll { it.status == 'failed' }*.verdict as Set
assert verdicts.containsAll(['TCP_TIMEOUT', 'PROXY_DENIED', 'TLS_INTERCEPTED', 'DNS_NXDOMAIN', 'DNS_SINKHOLE'])
def log = new File(basedir, 'build.log').text
assert log.contains('Failures by cause:')
assert log.contains('TLS_INTERCEPTED (')
assert log.contains('index.html')
assert log.contains('apple-network-maven-plugin:verify')
assert log.contains('BUILD SUCCESS')
assert !log.contains('\tat ')
// The change request: a header, then one row per change; the branch office's dropped APNs ports are among them.
def csv = new File(reports, 'apple-network-changes.csv').readLines()
assert csv[0] == 'change,host,port,transport,service,verdict,reason'
assert csv.any { it.startsWith('firewall-allow,*.push.apple.com,5223,tcp,') }
assert csv.any { it.startsWith('proxy-allow,iprofiles.apple.com,443,tcp,') }
assert json.changes.any { it.change == 'dns-filter-allow' && it.host == '*.icloud-content.com' && it.port == null }
assert log.contains('apple-network-changes.csv')
