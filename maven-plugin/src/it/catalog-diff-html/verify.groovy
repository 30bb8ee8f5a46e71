import groovy.json.JsonSlurper

// The article is the framework's fixture 2026-11.en.html, an invented later revision of Apple's page: it adds
// axm-enrollment-relay.apple.com and an Apple Vision Pro section with a new wildcard, moves ppq.apple.com to
// Device management, removes itunes.com, edits three rows and rewords one description.
def text = basedir.listFiles().findAll { it.name.startsWith('build') && it.name.endsWith('.log') }*.text.join('\n')
def structural = [
    'device-setup: changed time.apple.com os iOS, iPadOS, tvOS, macOS, visionOS → iOS, iPadOS, tvOS, watchOS, macOS, visionOS',
    'mdm: added axm-enrollment-relay.apple.com 443/tcp',
    'mdm: changed ppq.apple.com service apps → mdm',
    'apps: changed sylvan.apple.com proxy no → yes',
    'carrier-updates: removed itunes.com',
    "apple-vision-pro: added service 'Apple Vision Pro' with 1 row (visionpro-setup.apple.com)",
    'apple-vision-pro: added *.vision-cdn.apple.com 443/tcp+udp (needs a probe host)']
def wording = "device-setup: changed albert.apple.com description 'Device activation' → 'Device activation and reactivation'"

// console, first run: structural changes in order, the wording change only counted
def first = text
assert first.contains('7 structural, 1 wording')
def positions = structural.collect { first.indexOf('  ' + it) }
assert positions.every { it >= 0 } : positions
assert positions == positions.sort(false)
assert !first.contains(wording)
assert first.contains('1 wording changes (descriptions, titles) not shown; -Dapple-network.showWording=true shows them')
assert first.contains('footnote mark')

// showWording prints it after the structural ones
def shown = new File(basedir, 'target/diff.txt').text
assert shown.indexOf('  ' + wording) > shown.indexOf('  ' + structural.last())

// JSON: exactly these changes, with the documented fields
def diff = new JsonSlurper().parse(new File(basedir, 'target/diff.json'))
assert diff.from.revision == '2026-08' && diff.to.language == 'en'
assert diff.changes*.text == structural + [wording]
def moved = diff.changes.find { it.host == 'ppq.apple.com' }
assert moved.change == 'changed' && moved.field == 'service' && moved.before == 'apps' && moved.after == 'mdm'
def relay = diff.changes.find { it.host == 'axm-enrollment-relay.apple.com' }
assert relay.change == 'added' && relay.field == null && relay.before == null && relay.structural && relay.line > 0
def vision = diff.changes.find { it.host == '*.vision-cdn.apple.com' }
assert vision.needsProbeHost && vision.structural
def albert = diff.changes.find { it.host == 'albert.apple.com' }
assert albert.field == 'description' && !albert.structural && albert.after == 'Device activation and reactivation'
assert diff.notes.any { it.contains('November 2026') }

// failOnChange fails the build, naming the count
assert text.contains('7 structural changes from the bundled catalog to')
