def log = new File(basedir, 'build.log').text
assert log.contains("proxy http://proxy.corp.test:3128 (settings.xml proxy 'corp', with credentials)")
assert log.contains("; direct for *.corp.test|localhost")
assert log.contains('BUILD SUCCESS')

def secrets = ['Pa55:w@rd/Secret%', 'Pa55%3Aw%40rd%2FSecret%25', 'Pa55']
def files = [new File(basedir, 'build.log')]
new File(basedir, 'target').eachFileRecurse(groovy.io.FileType.FILES) { files << it }
assert files.size() > 3
files.each { file ->
    def text = file.getText('UTF-8')
    secrets.each { secret -> assert !text.contains(secret), "${file} contains the proxy password" }
}
true
