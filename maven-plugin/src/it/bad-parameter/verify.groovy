def logs = basedir.listFiles().findAll { it.name.startsWith('build') && it.name.endsWith('.log') }
def text = logs.collect { it.text }.join('\n')
assert text.contains('apple-network.timeout')
assert text.contains('fast')
assert text =~ /bad-catalog\.yaml:\d+/
assert text.contains('apple-network.timout is not a known key; did you mean apple-network.timeout?')
assert text.contains('apple-network.pac and apple-network.proxy are both set')
assert !text.contains('\tat ')
assert !text.contains('Exception:')
assert !new File(basedir, 'target/apple-network-reports').exists()
assert new File(basedir, 'target/ip-only').exists()
assert !text.contains('Failed to remove shutdown hook')
assert text.contains("groups: 'mdm&' is not a valid tag expression")
assert !text.contains('PreconditionViolationException')
assert !text.contains('SEVERE')
assert !text.contains('encountered a critical issue')
assert text.contains('fa\\x1B[31mst')
assert !text.replace('\u001b[0m', '').contains('\u001b'), 'an ESC from a parameter reached the log'
assert text.contains('192.0.2.10')
