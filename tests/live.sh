#!/bin/bash
# live.sh - ikescope live against real strongSwan peers in network
# namespaces (../shared/tools/ipsec-lab): streaming JSON while the tunnel
# is negotiated again, with the initiator's charon log followed for keys;
# then the screen in a real terminal (tmux).  Needs root, network
# namespaces, strongSwan and tmux: skipped, saying which is missing,
# otherwise.  The lab is torn down by its own PIDs.
. "$(dirname "$0")/lib.sh"
t_need_ikescope
LAB=${IPSEC_LAB:-$top_srcdir/../shared/tools/ipsec-lab/ipsec_lab.py}
[ "$(id -u)" -eq 0 ] || t_skip_all "needs root (network namespaces, capture)"
[ -f "$LAB" ] || t_skip_all "no ipsec-lab at $LAB"
command -v charon >/dev/null 2>&1 || [ -x /usr/lib/ipsec/charon ] ||
    t_skip_all "strongSwan's charon not installed"
command -v python3 >/dev/null 2>&1 || t_skip_all "python3 not installed"
ip netns add ikescope-probe 2>/dev/null && ip netns del ikescope-probe ||
    t_skip_all "cannot create network namespaces here"

# One lab per machine (its namespaces have fixed names): runs of this
# test in other builds wait their turn.
exec 9>/tmp/ikescope-ipsec-lab.lock
if command -v flock >/dev/null 2>&1 && ! flock -w 900 9; then
	t_skip_all "another run holds the lab for more than 15 minutes"
fi
T=$t_tmp
export TMPDIR=$T/lab
mkdir -p "$TMPDIR"
lab() { timeout 180 python3 "$LAB" "$@" >>"$T/lab.log" 2>&1; }
teardown() { lab down; rm -rf "$t_tmp"; }
trap teardown EXIT
if ! lab up --traffic; then
	tail -20 "$T/lab.log" | t_diag
	t_skip_all "the lab did not come up (see above)"
fi
LOG=$TMPDIR/ikelab-live/w/i/charon.log
NS="ip netns exec ikelab-i"

# --- streaming JSON, a new negotiation while it runs ---------------------
$NS "$IKESCOPE" live -i ikl-i --no-tui --json --follow-keys -k "$LOG" \
    --seconds 16 >"$T/live.json" 2>"$T/live.err" &
pid=$!
sleep 2
lab reinit
wait $pid
rc=$?
t_check "live --json ran and exited 0 [rc $rc]" test "$rc" -eq 0
python3 - "$T/live.json" >"$T/check" 2>&1 <<'PY'
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
ev = lambda k: [r for r in recs if r.get("event") == k]
est = [r for r in ev("ike_sa") if r["state"] == "established"]
print("established", len(est))
ok = [r for r in est if r["mode"] == "main" and r["proposal"]
      and r["proposal"]["enc"] == "aes_cbc" and r["proposal"]["key_len"] == 128
      and r["proposal"]["hash"] == "sha1" and r["proposal"]["group"] == "modp2048"]
print("proposal", len(ok))
new = est[-1]["icookie"] if est else None
qm = [r for r in ev("exchange") if r["type"] == "quick"
      and r["state"] == "established" and r["icookie"] == new]
print("quick", len(qm))
st = ev("stats")
tot = [sum(f["packets"] for f in s["esp_sas"]) for s in st]
print("stats_grow", int(len(tot) >= 2 and tot[-1] > tot[0]))
# ESP of the SA negotiated while running: the SPIs first seen after its
# Quick Mode, every packet of each decrypted with its ICV verified
spis_after = {}
mark = False
for r in recs:
    if r.get("event") == "exchange" and r["type"] == "quick" and \
            r["icookie"] == new:
        mark = True
    elif mark and r.get("kind") == "esp":
        spis_after.setdefault(r["esp"]["spi"], []).append(r["esp"])
good = [s for s, l in spis_after.items()
        if l and all(e["decrypted"] and e["icv"] == "ok" for e in l)]
print("new_sa_esp_ok", len(good))
print("alerts", len(ev("alert")))
PY
get() { sed -n "s/^$1 //p" "$T/check"; }
t_check "an ike_sa event: established ($(get established))" \
    test "$(get established)" -ge 1
t_check "established in Main Mode with the lab's proposal (aes128/sha1/modp2048)" \
    test "$(get proposal)" -ge 1
t_check "an exchange event for the new SA's Quick Mode" test "$(get quick)" -ge 1
t_check "stats events whose ESP packet counts grow" test "$(get stats_grow)" = 1
t_check "the SA negotiated after start: its ESP decrypted, ICV ok, by keys read from the growing charon log ($(get new_sa_esp_ok) SPIs)" \
    test "$(get new_sa_esp_ok)" -ge 2
t_check "a summary on exit" grep -q '^ikescope live ikl-i: [0-9]* packets' "$T/live.err"
[ "$(get established)" -ge 1 ] || { tail -30 "$T/check" "$T/live.err" | t_diag; }

# --- a line per event on every interface, root dropped, ended by SIGTERM ---
$NS "$IKESCOPE" live -i any --no-tui -Z nobody -w "$T/any.pcap" \
    >"$T/live.txt" 2>"$T/live2.err" &
pid=$!
sleep 2
lab reinit
sleep 6
kill -TERM $pid
wait $pid
rc=$?
t_check "SIGTERM ends it with status 0 and the summary [rc $rc]" \
    test "$rc" -eq 0 -a -n "$(grep '^ikescope live any: [0-9]* packets' "$T/live2.err")"
t_check "-i any: an IKE SA established, a line for it" \
    grep -q '^[0-9:.]* sa [0-9a-f]\{16\} 192.0.2.1:[0-9]* > 192.0.2.2:[0-9]* established$' "$T/live.txt"
t_check "a line per IKE message placed (MM1..QM3)" \
    test "$(grep -c ' ike [0-9a-f]\{16\} .* \(MM[1-6]\|QM[1-3]\)' "$T/live.txt")" -ge 9
n=$("$IKESCOPE" read -q "$T/any.pcap" 2>/dev/null | grep -c ': ESP-in-UDP spi=')
t_check "-w after -Z nobody: the capture as taken, its ESP readable ($n frames)" \
    test "$n" -gt 5

# --- keys read again on SIGHUP (no --follow-keys) ---------------------------
$NS "$IKESCOPE" live -i ikl-i --no-tui --json -k "$LOG" --seconds 14 \
    >"$T/hup.json" 2>"$T/hup.err" &
pid=$!
sleep 2
lab reinit
sleep 4
kill -HUP $pid
wait $pid
python3 - "$T/hup.json" >"$T/hup.check" 2>&1 <<'PY'
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
est = [r["icookie"] for r in recs if r.get("event") == "ike_sa"
       and r["state"] == "established"]
# ESP of SPIs first seen after the new SA was established
mark, late = False, {}
for r in recs:
    if r.get("event") == "ike_sa" and est and r["icookie"] == est[-1]:
        mark = True
    elif mark and r.get("kind") == "esp":
        late.setdefault(r["esp"]["spi"], []).append(r["esp"])
# the last packets of each: after SIGHUP they decrypt
print(sum(1 for l in late.values() if l and l[-1]["decrypted"]
          and l[-1]["icv"] == "ok"))
PY
t_check "SIGHUP reads the key files again: the new SA's ESP decrypts after it ($(cat "$T/hup.check") SPIs)" \
    test "$(cat "$T/hup.check")" -ge 2 -a -n "$(grep 'key files read again [1-9]' "$T/hup.err")"

# --- the screen, in tmux ----------------------------------------------------
if ! command -v tmux >/dev/null 2>&1; then
	t_skip "tmux not installed: no screen test"
else
	S=ikescope-live-$$
	tmux kill-session -t "$S" 2>/dev/null
	TERM=xterm tmux new-session -d -s "$S" -x 120 -y 40 \
	    "$NS $IKESCOPE live -i ikl-i -k $LOG --follow-keys -w $T/raw.pcap; echo IKESCOPE-EXITED \$?; sleep 30"
	sleep 2
	lab reinit
	sleep 6
	tmux capture-pane -p -t "$S" >"$T/s1"
	t_check "screen: the status bar names the interface" grep -q 'ikescope live | ikl-i' "$T/s1"
	t_check "screen: the IKE SA with its peers, established" \
	    grep -q 'EST  192.0.2.1 > 192.0.2.2 .* main psk   aes128/sha1/g14 ' "$T/s1"
	sleep 3
	tmux capture-pane -p -t "$S" >"$T/s2"
	t_check "screen: ESP SAs listed with their counters" \
	    grep -q '^ [0-9a-f]\{8\} 192.0.2.[12] ' "$T/s2"
	tmux send-keys -t "$S" Enter
	sleep 1
	tmux capture-pane -p -t "$S" >"$T/s3"
	t_check "screen: Enter opens the SA's ladder (MM1 .. QM3)" \
	    grep -q 'MM1' "$T/s3"
	tmux send-keys -t "$S" Escape
	tmux resize-window -t "$S" -x 80 -y 24
	sleep 1
	tmux capture-pane -p -t "$S" >"$T/s4"
	wide=$(awk 'length > 80' "$T/s4" | wc -l)
	t_check "screen: at 80x24 every pane still there, no line wider [$wide]" \
	    test "$wide" -eq 0 -a -n "$(grep 'IKE SAs' "$T/s4")" \
	    -a -n "$(grep 'ESP SAs' "$T/s4")" -a -n "$(grep 'Alerts' "$T/s4")"
	tmux send-keys -t "$S" q
	sleep 2
	tmux capture-pane -p -t "$S" >"$T/s5"
	t_check "screen: q quits with status 0, the terminal restored, the summary printed" \
	    grep -q 'IKESCOPE-EXITED 0' "$T/s5"
	t_check "screen: the summary after the screen is gone" \
	    grep -q 'ikescope live ikl-i: [0-9]* packets' "$T/s5"
	n=$("$IKESCOPE" read -q "$T/raw.pcap" 2>/dev/null | wc -l)
	t_check "-w: the capture as taken, readable ($n frames)" test "$n" -gt 10
	tmux kill-session -t "$S" 2>/dev/null
	# a terminal without colour: attributes only, the same panes
	tmux new-session -d -s "$S" -x 80 -y 24 \
	    "TERM=vt100 $NS $IKESCOPE live -i ikl-i -k $LOG; sleep 30"
	sleep 3
	tmux capture-pane -e -p -t "$S" >"$T/s6"
	t_check "screen on a monochrome terminal: no colour, reverse video for the bar, the panes there" \
	    test -z "$(grep -E "$(printf '\033')\\[[0-9;]*3[0-7]m" "$T/s6")" \
	    -a -n "$(grep 'IKE SAs' "$T/s6")" \
	    -a -n "$(grep "$(printf '\033')\\[7m" "$T/s6")"
	tmux send-keys -t "$S" q
	sleep 1
	tmux kill-session -t "$S" 2>/dev/null
	for f in s1 s3 s4; do
		t_diag "--- $f"; head -12 "$T/$f" | t_diag
	done
fi
t_done
