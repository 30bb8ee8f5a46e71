import groovy.json.JsonSlurper

def reports = new File(basedir, 'target/apple-network-reports')
def json = new JsonSlurper().parse(new File(reports, 'apple-network-results.json'))
def checks = json.results.collect { "${it.service} ${it.host} ${it.check} ${it.port} ${it.status}".toString() }
assert checks == ['site-mdm mdm.example.edu dns null passed', 'site-mdm mdm.example.edu tcp 443 passed',
                  'site-mdm mdm.example.edu tls 443 passed']
assert new File(reports, 'TEST-apple-network.site-mdm.xml').isFile()
