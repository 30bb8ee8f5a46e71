import groovy.json.JsonSlurper

def json = new JsonSlurper().parse(new File(basedir, 'target/apple-network-reports/apple-network-results.json'))
assert json.results.size() > 10
assert json.results*.service.toSet() == ['device-setup'] as Set
assert json.results.every { !it.check.startsWith('ntp') && !it.check.startsWith('quic') && it.transport != 'udp' }
