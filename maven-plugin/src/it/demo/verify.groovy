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
