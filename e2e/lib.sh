# Shared names and addresses of the e2e lab; sourced by lab-up, lab-down and run.
# Everything lives in two namespaces joined by one veth pair; no address here is routable on the Internet
# (RFC 5737 / RFC 2544), and neither namespace has a route to anywhere else.
E2E_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
STATE=${ORCHARD_E2E_STATE:-/run/orchard-e2e}
NS_CLIENT=orchard-e2e-client
NS_OFFICE=orchard-e2e-office
VETH_CLIENT=oe2e-client
VETH_OFFICE=oe2e-office
LINK_CLIENT=198.18.0.2      # client end of the veth (/24)
LINK_OFFICE=198.18.0.1      # office end of the veth, the client's gateway to the office networks
OFFICE_NETS="192.0.2.0/24 198.51.100.0/24 203.0.113.0/24"

IP_DNS=203.0.113.53         # dnsmasq
IP_DOH=203.0.113.54         # unbound, DNS over HTTPS for doh.dns.apple.com
IP_WEB=203.0.113.10         # nginx: Apple stand-ins (TLS 443/5223/2197, HTTP 80), QUIC on UDP 443
IP_PUSH=203.0.113.11        # nginx for the push hosts; the firewall drops 5223 and 2197
IP_REJECT=203.0.113.12      # nginx; the firewall rejects 443 with a TCP reset
IP_UNREACH=203.0.113.13     # nginx; the firewall rejects with ICMP host-unreachable
IP_INSPECT=203.0.113.14     # nginx presenting a certificate forged by an inspection CA
IP_TARPIT=203.0.113.15      # accepts and never speaks
IP_FILTER=203.0.113.16      # nginx as a transparent web filter: a FortiGuard block page on port 80
IP_SNI=203.0.113.17         # cutter.py: closes a connection when its TLS ClientHello arrives (SNI filtering)
IP_RESET_LATE=203.0.113.18  # cutter.py: resets every connection 0.4 s after it opens, whatever is sent
IP_MTU=203.0.113.19         # nginx; the firewall drops its packets larger than 1300 bytes (an MTU black hole)
IP_SSH=203.0.113.22         # OpenSSH
IP_NTP=203.0.113.123        # chrony
IP_NTP_DROPPED=203.0.113.124  # chrony too, but the firewall drops UDP 123
IP_PROXY=198.51.100.3       # squid, explicit proxy on 3128
PROXY_PORT=3128
# IPv6: unique-local addresses (RFC 4193, fd00::/8) on the same veth pair; a few hosts are dual-stack.
LINK6_CLIENT=fd00:e2e::2    # client end of the veth (/64)
LINK6_OFFICE=fd00:e2e::1    # office end, the client's IPv6 gateway to the office network
OFFICE6_NET=fd00:e2e:1::/64
IP6_WEB=fd00:e2e:1::10      # nginx over IPv6: the dual-stack Apple stand-ins
IP6_DROPPED=fd00:e2e:1::11  # nginx over IPv6 too, but the firewall drops all IPv6 to it (IPv4 passes)
OFFICE6_IPS="$IP6_WEB $IP6_DROPPED"
OFFICE_IPS="$IP_DNS $IP_DOH $IP_WEB $IP_PUSH $IP_REJECT $IP_UNREACH $IP_INSPECT $IP_TARPIT $IP_SSH $IP_NTP $IP_NTP_DROPPED $IP_PROXY $IP_FILTER $IP_SNI $IP_RESET_LATE $IP_MTU"

in_office() { ip netns exec "$NS_OFFICE" "$@"; }
in_client() { ip netns exec "$NS_CLIENT" "$@"; }
say() { printf 'e2e: %s\n' "$*" >&2; }

# Why the suite cannot run here, or nothing when it can.
unsupported_reason() {
  if [ "$(id -u)" -ne 0 ]; then echo "not running as root (network namespaces need root)"; return; fi
  command -v ip >/dev/null 2>&1 || { echo "iproute2 'ip' is missing"; return; }
  local probe="orchard-e2e-probe-$$"
  if ! ip netns add "$probe" 2>/dev/null; then echo "'ip netns add' is not supported here"; return; fi
  ip netns del "$probe" 2>/dev/null || true
}

# The start time of a process (field 22 of /proc/PID/stat), to recognise it later.
starttime() { sed -e 's/^.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f20; }
