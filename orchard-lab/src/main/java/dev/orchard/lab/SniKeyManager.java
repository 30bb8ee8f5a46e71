package dev.orchard.lab;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.function.Function;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * Picks the served certificate by the client's SNI name, so one lab port can stand for every Apple host. The
 * alias is the SNI name itself (empty without SNI); lab keys are EC, so only EC key types get an alias.
 */
final class SniKeyManager extends X509ExtendedKeyManager {

    private final Function<String, ServedChain> bySni;

    SniKeyManager(Function<String, ServedChain> bySni) {
        this.bySni = bySni;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        if (!"EC".equals(keyType) || !(socket instanceof SSLSocket ssl)) {
            return null;
        }
        return sni(ssl.getHandshakeSession());
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return "EC".equals(keyType) ? sni(engine.getHandshakeSession()) : null;
    }

    private static String sni(SSLSession session) {
        if (session instanceof ExtendedSSLSession extended) {
            for (SNIServerName name : extended.getRequestedServerNames()) {
                if (name instanceof SNIHostName host) {
                    return host.getAsciiName();
                }
            }
        }
        return "";
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return bySni.apply(alias).chain();
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return bySni.apply(alias).leaf().keyPair().getPrivate();
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return null;
    }
}
