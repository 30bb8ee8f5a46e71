assert !new File(basedir, 'target/apple-network-reports').exists()
assert !new File(basedir, 'apple-network-reports').exists()
def log = new File(basedir, 'build.log').text
assert log.contains('Apple network checks are skipped')
assert !log.contains('Checking ')
