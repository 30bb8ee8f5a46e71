import groovy.json.JsonSlurper

def reports = new File(basedir, 'target/apple-network-reports')
def json = new JsonSlurper().parse(new File(reports, 'apple-network-results.json'))
assert json.results.size() > 20
assert json.results.every { it.status == 'passed' }
assert json.results*.service.toSet() == ['device-setup', 'mdm'] as Set
assert json.summary.failed == 0
assert json.settings.timeoutMs == 5000
assert new File(reports, 'index.html').isFile()
assert new File(reports, 'TEST-apple-network.mdm.xml').isFile()
assert new File(reports, 'TEST-apple-network.device-setup.xml').isFile()

def log = new File(basedir, 'build.log').text
assert log =~ /Checking \d+ checks of 2 services; worst case/
assert log.contains('mdm: ') && log =~ /\[\d\/2\] mdm: \d+ checks, \d+ passed, 0 failed/
assert log.contains('No failures.')
assert log.contains('Reports: ')
assert log.contains('BUILD SUCCESS')
