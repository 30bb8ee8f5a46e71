// Surefire's and Failsafe's own reports of the catalog against the broken branch office must count what they hold,
// and the console's closing lines and the engine's results files must agree with them. The checks themselves live
// in one place, SurefireReportCheck (also run by samples/run); this script only points it at this build.
def target = new File(basedir, 'target')
def dirs = ['surefire-reports', 'surefire-rerun', 'failsafe-reports']
def results = ['apple-network-surefire', 'apple-network-rerun', 'apple-network-failsafe']
def checker = new File(basedir, '../../../src/test/java/dev/orchard/maven/SurefireReportCheck.java').canonicalFile
assert checker.isFile()
def command = [System.getProperty('java.home') + '/bin/java', checker.path, '--log', new File(basedir, 'build.log').path]
results.each { command += ['--results', new File(target, it + '/apple-network-results.json').path] }
dirs.each { command << new File(target, it).path }
def process = command.execute()
def output = new StringBuilder()
process.consumeProcessOutput(output, output)
assert process.waitFor() == 0 : output
println output

dirs.each { dir ->
    def files = new File(target, dir).listFiles().findAll { it.name.startsWith('TEST-') && it.name.endsWith('.xml') }
    // One file per service, none for the marker class.
    assert files*.name.contains('TEST-apple-network.mdm.xml')
    assert files.every { it.name.startsWith('TEST-apple-network.') }
    def mdm = new groovy.xml.XmlSlurper().parse(new File(target, dir + '/TEST-apple-network.mdm.xml'))
    // The branch office's proxy denies this; names carry host and check.
    assert mdm.testcase.find { it.@name == 'iprofiles.apple.com tcp 443' }.failure.size() == 1
    assert !mdm.testcase.any { it.@name.text().contains('courier') }
}
// The rerun execution ran the failed checks again and reports those attempts.
def rerunMdm = new groovy.xml.XmlSlurper().parse(new File(target, 'surefire-rerun/TEST-apple-network.mdm.xml'))
assert rerunMdm.'**'.findAll { it.name() == 'rerunFailure' }.size() > 0
