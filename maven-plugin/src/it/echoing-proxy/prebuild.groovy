// Starts the hostile lab servers on loopback for the three runs and writes their ports into pom.xml. They are
// daemon threads of the invoker's JVM and end with it.
import dev.orchard.lab.FaultServer
import dev.orchard.lab.HostileDnsServer
import dev.orchard.lab.HostileHttpServer

def pom = new File(basedir, 'pom.xml')
def text = pom.text
text = text.replace('DNS_PORT', HostileDnsServer.start(HostileDnsServer.Mode.STRAY_IDS).address().port as String)
text = text.replace('REFUSING_PORT', FaultServer.refusing().port() as String)
HostileHttpServer.Echo.values().each { echo ->
    text = text.replace(echo.name() + '_PORT', HostileHttpServer.echoingProxy(echo).port() as String)
}
pom.text = text
true
