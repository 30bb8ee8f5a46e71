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
assert !text.contains('Failed to remove shutdown hook')
