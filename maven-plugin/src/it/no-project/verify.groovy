import groovy.json.JsonSlurper

assert !new File(basedir, 'pom.xml').exists()
def results = new File(basedir, 'apple-network-reports/apple-network-results.json')
assert results.isFile()
assert !new File(basedir, 'target/apple-network-reports').exists()
def json = new JsonSlurper().parse(results)
assert json.results*.host.toSet() == ['extra.example.org'] as Set
assert json.results.every { it.status == 'passed' }
