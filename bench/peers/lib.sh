# Shared helpers of the peers benchmark; sourced by run, shell-checker and nmap-pairs.
# The lab's names and addresses come from e2e/lib.sh, so the benchmark always measures the e2e branch office.
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$BENCH_DIR/../../e2e/lib.sh"

bench_say() { printf 'bench-peers: %s\n' "$*" >&2; }

# Refuses to go on unless this shell runs inside the lab's client namespace. The checkers resolve Apple's names
# with the system resolver: only there is that resolver the office's dnsmasq, and only there is there no route out.
require_client_namespace() {
  local here
  here=$(ip netns identify "$$" 2>/dev/null || true)
  if [ "$here" != "$NS_CLIENT" ]; then
    bench_say "refusing to run outside the lab's client namespace (here: '${here:-the host}'); use: ip netns exec $NS_CLIENT $0 ..."
    exit 2
  fi
}

# The rows to check, from e2e/ground-truth.tsv (one line per check Orchard plans for e2e/catalog.yaml):
# prints "host<TAB>port<TAB>check" for every check of the given kinds, in the file's order.
rows_of() {  # rows_of FILE KIND...
  local file=$1; shift
  awk -F'\t' -v kinds=" $* " '
    /^#/ || NF < 3 { next }
    !header { header = 1; next }
    index(kinds, " " $3 " ") { print $1 "\t" $2 "\t" $3 }' "$file"
}

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
