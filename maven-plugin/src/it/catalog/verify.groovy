import groovy.json.JsonSlurper

def text = basedir.listFiles().findAll { it.name.startsWith('build') && it.name.endsWith('.log') }*.text.join('\n')
assert text =~ /SERVICE\s+HOST\s+PORTS\s+PROXY\s+CHECKS\s+TAGS/
assert text =~ /mdm\s+\*\.push\.apple\.com\s+443\/tcp,80\/tcp,5223\/tcp,2197\/tcp/
assert text =~ /mdm\s+iprofiles\.apple\.com\s+443\/tcp/
assert text =~ /11 rows, \d+ checks/
assert text.contains("    erratum proxy: Apple printed 'Learn more about APNs and proxies.'")
assert text.contains("    note: Devices keep a TLS connection to N-courier.push.apple.com")
assert !(text =~ /\n\[INFO\] device-setup\s/)

def rows = new JsonSlurper().parse(new File(basedir, 'target/mdm.json'))
assert rows.size() == 11
assert rows.every { it.service == 'mdm' }
def iprofiles = rows.find { it.host == 'iprofiles.apple.com' }
assert iprofiles.ports == [443]
// tls excluded: the row keeps its dns and tcp checks only.
assert iprofiles.checks == ['iprofiles.apple.com dns', 'iprofiles.apple.com tcp 443']
def push = rows.find { it.host == '*.push.apple.com' }
assert push.errata.size() == 1 && push.errata[0].field == 'proxy' && push.errata[0].published == 'Learn more about APNs and proxies.'
assert push.notes.any { it.contains('courier') }
assert iprofiles.errata == []

// the French 2024-11 revision, chosen by its one key: 10 mdm rows, and the push row's erratum of that text
def older = new File(basedir, 'target/mdm-2024-11.txt').text
assert older =~ /10 rows, \d+ checks/
assert older.contains("    erratum proxy: Apple printed ''.")
assert !older.contains('axm-servicediscovery')
