import java.util.Base64

def secrets = ['S3cret/Pw%', 'S3cret%2FPw%25', 'S3cret%2fPw%25', 'alice:S3cret/Pw%',
               Base64.encoder.encodeToString('alice:S3cret/Pw%'.getBytes('UTF-8'))]
def logs = basedir.listFiles().findAll { it.name.startsWith('build') && it.name.endsWith('.log') }
def files = new ArrayList(logs)
new File(basedir, 'target').eachFileRecurse(groovy.io.FileType.FILES) { files << it }
assert files.size() > logs.size() + 2
files.each { file ->
    // Maven's own console resets colours with ESC[0m even in batch mode; every other ESC came from outside.
    def text = file.getText('UTF-8').replace('\u001b[0m', '')
    secrets.each { secret -> assert !text.contains(secret), "${file} contains a form of the proxy credentials" }
    text.lines().each { line -> assert !(line =~ /^\s*\[INFO\] BUILD SUCCESS/), "${file} has a forged line: ${line}" }
    assert !(text =~ /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/), "${file} has a raw control character"
}
def all = logs.collect { it.text }.join('\n')
assert all.contains('PROXY_DENIED')
assert all.contains('\\x1B[31m')
assert all.count('BUILD FAILURE') == 3
true
