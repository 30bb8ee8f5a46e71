// Every apple-network.* key the plugin reads appears in `help -Ddetail`, with each goal.
def log = new File(basedir, 'build.log').text
['verify', 'demo', 'catalog', 'catalog-diff', 'help'].each { goal ->
    assert log.contains("apple-network:" + goal) : "help does not list the goal " + goal
}
def keys = ['dnsServers', 'proxy', 'nonProxyHosts', 'trustAnchors', 'connectTo', 'timeout', 'parallelism', 'catalogs',
            'sinkholes', 'reportsDirectory', 'target', 'skip', 'testFailureIgnore', 'rerunFailingTestsCount',
            'failIfNoTests', 'format', 'output', 'baseline', 'article', 'catalog']
keys.each { key ->
    assert log.contains("User property: apple-network." + key) : "help -Ddetail does not show apple-network." + key
}
assert log.contains("Per-check timeout") : "parameter documentation comes from the mojo Javadoc"
return true
