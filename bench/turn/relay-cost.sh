#!/usr/bin/env bash
# TURN relay cost per stream: coturn (Debian) with Plenum's configuration relays N media-like UDP
# streams (1200-byte packets every 7 ms, ~1.4 Mbit/s, as a 720p WebRTC stream) from turnutils_uclient
# to an echoing turnutils_peer, all in a network namespace of its own (only lo: nothing leaves the
# machine). Prints turnserver's CPU time and the relayed bandwidth per stream.
#   bench/turn/relay-cost.sh [streams] [seconds]      (as root; default 10 streams, 20 s)
set -euo pipefail
cd "$(dirname "$0")/../.."
streams=${1:-10}
seconds=${2:-20}
interval_ms=7
length=1200
secret=$(od -An -tx1 -N32 /dev/urandom | tr -d ' \n')
ns=plenum-turn-bench-$$
work=$(mktemp -d)
ip netns add "$ns"
cleanup() {
  set +e
  [ -n "${peer_pid:-}" ] && kill "$peer_pid" && wait "$peer_pid"
  [ -n "${turn_pid:-}" ] && kill "$turn_pid" && wait "$turn_pid"
  ip netns del "$ns"
  rm -rf "$work"
}
trap cleanup EXIT
ip netns exec "$ns" ip link set lo up
ip netns exec "$ns" turnserver -c deploy/eu-regions/base/turnserver.conf --listening-ip=127.0.0.1 --relay-ip=127.0.0.1 \
  --listening-port=3478 --static-auth-secret="$secret" --allow-loopback-peers --allowed-peer-ip=127.0.0.1 \
  --no-tls --no-dtls --pidfile=/dev/null --userdb="$work/turndb" --user-quota=0 --total-quota=0 > "$work/turn.log" 2>&1 &
turn_pid=$!
ip netns exec "$ns" turnutils_peer -L 127.0.0.1 -p 3480 > /dev/null 2>&1 &
peer_pid=$!
for _ in $(seq 100); do grep -q "Total General servers" "$work/turn.log" && break; sleep 0.1; done
username="$(( $(date +%s) + 3600 )):bench"
credential=$(printf '%s' "$username" | openssl dgst -sha1 -hmac "$secret" -binary | base64)
ticks() { awk '{print $14 + $15}' "/proc/$turn_pid/stat"; }
hz=$(getconf CLK_TCK)
messages=$(( seconds * 1000 / interval_ms ))
before=$(ticks); started=$(date +%s.%N)
ip netns exec "$ns" turnutils_uclient -u "$username" -w "$credential" -e 127.0.0.1 -r 3480 -c \
  -m "$streams" -n "$messages" -l "$length" -z "$interval_ms" 127.0.0.1 > "$work/client.log" 2>&1 || { tail -20 "$work/client.log"; exit 1; }
after=$(ticks); ended=$(date +%s.%N)
grep -E "tot_send_bytes|tot_recv_msgs|lost packets" "$work/client.log" | tail -3
sent=$(grep -o "tot_send_bytes ~ [0-9]*" "$work/client.log" | tail -1 | grep -o "[0-9]*$")
awk -v sent="$sent" -v b="$before" -v a="$after" -v hz="$hz" -v s0="$started" -v s1="$ended" -v n="$streams" -v len="$length" -v iv="$interval_ms" 'BEGIN {
  wall = s1 - s0; cpu = (a - b) / hz;
  mbit = sent * 8 / wall / n / 1e6;
  printf "streams %d, wall %.1f s, turnserver CPU %.2f s = %.1f %% of one core in all, %.2f %% per stream\n", n, wall, cpu, 100 * cpu / wall, 100 * cpu / wall / n;
  printf "per stream: %.2f Mbit/s payload each way through the relay (client->peer and the echo back; %d-byte packets every %d ms nominal)\n", mbit, len, iv;
}'
