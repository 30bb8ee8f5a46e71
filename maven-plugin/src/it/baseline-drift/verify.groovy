import groovy.json.JsonSlurper

def target = new File(basedir, 'target')
def drift = new JsonSlurper().parse(new File(target, 'broken/apple-network-drift.json'))
def newFailures = drift.newFailures.collect { "${it.host} ${it.check} ${it.after}" as String } as Set
assert newFailures == [
        'iprofiles.apple.com tcp 443 PROXY_DENIED', 'gateway.icloud.com tls 443 TLS_INTERCEPTED',
        // the branch office's PAC sends the direct-only deviceenrollment.apple.com to the proxy, which denies it
        'deviceenrollment.apple.com tcp 443 PROXY_DENIED',
        'cvws.icloud-content.com dns DNS_NXDOMAIN'] as Set
assert drift.newIssuers.size() == 1 && drift.newIssuers[0].contains('Palo Alto Networks')
assert new File(target, 'broken/apple-network-drift.html').getText('UTF-8').contains('New failures (4)')

def again = new JsonSlurper().parse(new File(target, 'again/apple-network-drift.json'))
assert again.newFailures.isEmpty()
assert new JsonSlurper().parse(new File(target, 'again/apple-network-results.json')).summary.failed == 4

// every invocation's log (build.log, and per-invocation logs where the invoker writes them)
def log = basedir.listFiles().findAll { it.name.startsWith('build') && it.name.endsWith('.log') }*.text.join('\n')
assert log.contains('Drift against ')
assert log.contains('4 new failures, 0 fixed')
assert log.contains('New certificate issuers (1):')
assert log.contains('none of them new since the baseline')
assert !log.contains('\tat ')
