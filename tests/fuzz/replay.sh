#!/bin/sh
# fuzz/replay.sh - run the fuzz target (through the replay driver, so gcc
# builds run it too) over every corpus capture, the source tree's captures,
# the link-type captures tests/links.py writes and every crash reproducer
# in tests/regress/.  It must exit 0, replay
# more than zero inputs, and (in the sanitizer build) report nothing.
. "$(dirname "$0")/../lib.sh"

REPLAY=${REPLAY:-$top_builddir/tests/fuzz/fuzz_packet_replay}
[ -x "$REPLAY" ] || t_skip_all "replay driver not built at $REPLAY"

: >"$t_tmp/list"
t_have_corpus && t_corpus_captures >>"$t_tmp/list"
t_local_captures >>"$t_tmp/list"
if command -v python3 >/dev/null 2>&1 &&
    python3 "$top_srcdir/tests/links.py" --write "$t_tmp/links"; then
	ls "$t_tmp"/links/*.pcap >>"$t_tmp/list"
fi
for f in "$top_srcdir"/tests/regress/*; do
	[ -f "$f" ] && printf '%s\n' "$f" >>"$t_tmp/list"
done

# All inputs in one process (reassembly state carries across, as in the
# fuzzer), then each regression input alone.
t_replay "$REPLAY" "$t_tmp/list" "all captures and regression inputs"
for f in "$top_srcdir"/tests/regress/*; do
	[ -f "$f" ] || continue
	printf '%s\n' "$f" >"$t_tmp/one"
	t_replay "$REPLAY" "$t_tmp/one" "regress/$(basename "$f")"
done
t_done
