import groovy.json.JsonSlurper

def text = basedir.listFiles().findAll { it.name.startsWith('build') && it.name.endsWith('.log') }*.text.join('\n')
assert text.contains('mdm: added axm-new.apple.com 443/tcp')
assert text.contains('mdm: removed gdmf.apple.com')
def diff = new JsonSlurper().parse(new File(basedir, 'target/diff.json'))
assert diff.from.revision == '2024-11'
def changes = diff.changes
assert changes.find { it.change == 'added' && it.kind == 'added' && it.host == 'axm-new.apple.com' && it.service == 'mdm' && it.structural }
assert changes.find { it.change == 'removed' && it.host == 'gdmf.apple.com' && it.field == null }
