import groovy.json.JsonSlurper

def reports = new File(basedir, 'target/apple-network-reports')
def json = new JsonSlurper().parse(new File(reports, 'apple-network-results.json'))
def failed = json.results.findAll { it.status == 'failed' }
def verdicts = failed.collect { "${it.host} ${it.check} ${it.port} ${it.verdict}".toString() } as Set
assert verdicts.contains('1-courier.push.apple.com tcp 5223 TCP_TIMEOUT')
assert verdicts.contains('iprofiles.apple.com tcp 443 PROXY_DENIED')
assert failed*.service.toSet() == ['mdm'] as Set
assert json.summary.failed == failed.size()
// Rerun once: each failed check carries both failed attempts; a check that passed on the rerun (a slow handshake
// on a loaded machine) is reported as flaky with its failed first attempt, never hidden.
assert failed.every { it.attempts != null && it.attempts.size() == 2 && it.attempts.every { a -> a.status == 'failed' } }
def flaky = json.results.findAll { it.flaky == true }
assert flaky.every { it.status == 'passed' && it.attempts.size() == 2 && it.attempts[0].status == 'failed' }
assert json.summary.flaky == flaky.size()

def xml = new groovy.xml.XmlSlurper().parse(new File(reports, 'TEST-apple-network.mdm.xml'))
def xmlFailures = xml.testcase.findAll { it.failure.size() > 0 }
assert xmlFailures.size() == failed.size()
assert xml.text().contains('TCP_TIMEOUT') || xml.'**'.find { it.name() == 'failure' && it.@message.text().contains('TCP_TIMEOUT') }
assert xml.'**'.any { it.name() == 'failure' && (it.@message.text() + it.@type.text() + it.text()).contains('PROXY_DENIED') }

def log = new File(basedir, 'build.log').text
assert log.contains('Failures by cause:')
assert log.contains('TCP_TIMEOUT (')
assert log.contains('Remedy: ')
assert log =~ /Rerunning \d+ failed checks \(1\/1\)/
assert log =~ /\d+ of \d+ Apple network checks failed/
assert !log.contains('\tat ')
