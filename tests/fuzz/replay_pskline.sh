#!/bin/sh
# fuzz/replay_pskline.sh - run the psk-crack line fuzz target (through the
# replay driver, so gcc builds run it too) over its seeds and crash
# reproducers.  Each input must replay (the target aborts if an accepted
# line does not format back to itself), and in the sanitizer build
# nothing may be reported.
. "$(dirname "$0")/../lib.sh"

REPLAY=${REPLAY:-$top_builddir/tests/fuzz/fuzz_pskline_replay}
[ -x "$REPLAY" ] || t_skip_all "replay driver not built at $REPLAY"

: >"$t_tmp/list"
for f in "$top_srcdir"/tests/fuzz/pskline-seeds/* \
    "$top_srcdir"/tests/fuzz/pskline-regress/*; do
	[ -f "$f" ] && printf '%s\n' "$f" >>"$t_tmp/list"
done
want=$(wc -l <"$t_tmp/list")

t_replay "$REPLAY" "$t_tmp/list" "psk-crack lines" "$want"
t_done
