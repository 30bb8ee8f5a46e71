import groovy.json.JsonSlurper

assert !new File(basedir, 'pom.xml').exists()
def out = new File(basedir, 'aggregate')
def html = new File(out, 'apple-network-aggregate.html')
def json = new File(out, 'apple-network-aggregate.json')
def prom = new File(out, 'apple-network-aggregate.prom')
assert html.isFile() && json.isFile() && prom.isFile()

def summary = new JsonSlurper().parse(json)
assert summary.siteCount == 3
assert summary.sites*.site == ['lyon', 'nice', 'paris']
assert summary.sites.find { it.site == 'paris' }.summary.failed == 0
def icloud = summary.sites.find { it.site == 'lyon' }.services.icloud
assert icloud.failed == 2 && icloud.worst in ['TLS_INTERCEPTED', 'DNS_NXDOMAIN']
assert summary.filesSkipped == 2
def skipped = summary.skipped*.file.collect { it.replace('\\', '/') }
assert skipped.any { it.endsWith('artifacts/corrupt/apple-network-results.json') }
assert skipped.any { it.endsWith('artifacts/foreign/coverage-summary.json') }
assert summary.skipped.find { it.file.contains('corrupt') }.problem =~ /apple-network-results\.json:\d+:\d+: /
def tls = summary.causes.find { it.verdict == 'TLS_INTERCEPTED' }
assert tls.siteCount == 2 && tls.sites == ['lyon', 'nice']
assert tls.detail.contains('Palo Alto Networks')

def page = html.getText('UTF-8')
assert page.contains('TLS_INTERCEPTED</span> at 2 sites')
assert page.contains('same issuer')
assert page.contains('Sites × services')
// self-contained: nothing to load (messages may mention a proxy's URL as text, never as a link or source)
assert !page.contains('<script') && !page.contains('<link') && !(page =~ /(src|href)="[a-z]+:/)

def metrics = prom.getText('UTF-8')
assert metrics.contains('apple_network_aggregate_sites 3')
assert metrics.contains('apple_network_aggregate_files_skipped 2')
assert metrics.contains('apple_network_cause_sites{verdict="TLS_INTERCEPTED"} 2')
assert metrics.trim().endsWith('# EOF')

// verify wrote each site's metrics too, with its site label
assert new File(basedir, 'artifacts/lyon/apple-network-results.prom').getText('UTF-8')
        .contains('apple_network_run_checks{site="lyon",status="failed"}')

// every invocation's log (build.log, and per-invocation logs where the invoker writes them)
def log = basedir.listFiles().findAll { it.name.startsWith('build') && it.name.endsWith('.log') }*.text.join('\n')
assert log.contains('Skipped ') && log.contains('coverage-summary.json')
assert log.contains('Aggregated 3 sites')
assert !log.contains('\tat ')
