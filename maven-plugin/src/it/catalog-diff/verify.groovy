import groovy.json.JsonSlurper

def text = basedir.listFiles().findAll { it.name.startsWith('build') && it.name.endsWith('.log') }*.text.join('\n')
assert text.contains('mdm: added axm-new.apple.com 443/tcp')
assert text.contains('mdm: removed gdmf.apple.com')
def changes = new JsonSlurper().parse(new File(basedir, 'target/diff.json'))
assert changes.find { it.kind == 'added' && it.host == 'axm-new.apple.com' && it.service == 'mdm' }
assert changes.find { it.kind == 'removed' && it.host == 'gdmf.apple.com' }
