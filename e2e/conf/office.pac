// The office's proxy auto-config file, served by nginx on @IP_WEB@:8080. Its first proxy is down (nothing
// listens on @IP_PROXY@:3129), so every proxied check must fail over to squid on @PROXY_PORT@. Hosts Apple lists as
// direct-only, and ports other than 80 and 443, go direct: the same routes as -Dapple-network.proxy gives.
var directOnly = ["time.apple.com", "time-ios.apple.com", "deviceenrollment.apple.com",
    "deviceservices-external.apple.com", "axm-adm-enroll.apple.com", "axm-adm-mdm.apple.com",
    "axm-adm-scep.apple.com", "mesu.apple.com", "updates.cdn-apple.com", "swscan.apple.com",
    "app-site-association.cdn-apple.com", "swdist.apple.com", "certs.apple.com", "crl.apple.com",
    "crl3.digicert.com", "ocsp.apple.com", "ocsp.digicert.com", "ocsp2.apple.com", "valid.apple.com"];

function FindProxyForURL(url, host) {
    if (directOnly.indexOf(host) >= 0 || isPlainHostName(host)) {
        return "DIRECT";
    }
    if (!shExpMatch(url, "http://*/") && !shExpMatch(url, "https://*/") || shExpMatch(url, "*://*:*/")) {
        return "DIRECT";
    }
    return "PROXY @IP_PROXY@:3129; PROXY @IP_PROXY@:@PROXY_PORT@; DIRECT";
}
