#!/bin/sh
# fuzz/replay_esp.sh - run the ESP fuzz target (through the replay driver,
# so gcc builds run it too) over every ESP packet of the corpus and of
# generated captures: bench/gen_esp's, and tests/links.py's (one per link
# type beyond Ethernet).  tests/fuzz/seeds.py --esp takes them out, each
# packet with the next of the target's test SAs in turn.  Every input must
# replay, and in the sanitizer build nothing may be reported.
. "$(dirname "$0")/../lib.sh"

REPLAY=${REPLAY:-$top_builddir/tests/fuzz/fuzz_esp_replay}
GEN=$top_builddir/bench/gen_esp
[ -x "$REPLAY" ] || t_skip_all "replay driver not built at $REPLAY"
t_have_tshark || t_skip_all "tshark not installed (seeds.py reads with it)"
command -v python3 >/dev/null 2>&1 || t_skip_all "python3 not installed"

: >"$t_tmp/caps"
t_have_corpus && t_corpus_captures >>"$t_tmp/caps"
t_local_captures >>"$t_tmp/caps"
"$GEN" -n 500 -a cbc -b 7 -o "$t_tmp/gen.pcap" -k "$t_tmp/gen" >/dev/null &&
    printf '%s\n' "$t_tmp/gen.pcap" >>"$t_tmp/caps"
# ESP under every link type beyond Ethernet (seeds.py finds it there too)
python3 "$top_srcdir/tests/links.py" --write "$t_tmp/links" &&
    ls "$t_tmp"/links/*.pcap >>"$t_tmp/caps"
# shellcheck disable=SC2046
python3 "$top_srcdir/tests/fuzz/seeds.py" --esp "$t_tmp/seeds" \
    $(cat "$t_tmp/caps") >"$t_tmp/seeds.out" || {
	t_not_ok "ESP seeds from the captures"; t_done; }
find "$t_tmp/seeds" -type f | LC_ALL=C sort >"$t_tmp/list"
want=$(wc -l <"$t_tmp/list")
t_replay "$REPLAY" "$t_tmp/list" "ESP packets ($(cat "$t_tmp/seeds.out"))" \
    "$want"
t_done
