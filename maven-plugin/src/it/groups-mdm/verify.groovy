import groovy.json.JsonSlurper

def reports = new File(basedir, 'target/apple-network-reports')
def json = new JsonSlurper().parse(new File(reports, 'apple-network-results.json'))
assert json.results*.service.toSet() == ['mdm'] as Set
def xmlFiles = reports.listFiles().findAll { it.name.startsWith('TEST-') }*.name
assert xmlFiles == ['TEST-apple-network.mdm.xml']
def xml = new groovy.xml.XmlSlurper().parse(new File(reports, 'TEST-apple-network.mdm.xml'))
assert xml.testcase.size() == json.results.size()
assert json.summary.total == json.results.size()
// mdm: 10 rows; the push wildcard is probed on several hosts, each with dns + tcp/tls per port.
assert json.results.size() >= 30
def log = new File(basedir, 'build.log').text
assert log.contains("Checking ${json.results.size()} checks of 1 services")
