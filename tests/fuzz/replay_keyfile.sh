#!/bin/sh
# fuzz/replay_keyfile.sh - run the key file fuzz target (through the replay
# driver, so gcc builds run it too) over every key file of the corpus and
# of samples/, its seeds and its crash reproducers.  Each input must
# replay (the target aborts if an accepted file's export does not read
# back to itself), and in the sanitizer build nothing may be reported.
. "$(dirname "$0")/../lib.sh"

REPLAY=${REPLAY:-$top_builddir/tests/fuzz/fuzz_keyfile_replay}
[ -x "$REPLAY" ] || t_skip_all "replay driver not built at $REPLAY"

: >"$t_tmp/list"
if t_have_corpus; then
	find "$CORPUS" -type f \( -name '*.esp_sa' -o -name '*_decryption_table' \
	    -o -name '*.charon-*.log' -o -name '*secrets*.txt' \
	    -o -name '*.keys' -o -name '*.tmpl' \) | LC_ALL=C sort >>"$t_tmp/list"
fi
for f in "$top_srcdir"/samples/*.esp_sa \
    "$top_srcdir"/samples/*_decryption_table \
    "$top_srcdir"/tests/fuzz/keyfile-seeds/* \
    "$top_srcdir"/tests/fuzz/keyfile-regress/*; do
	[ -f "$f" ] && printf '%s\n' "$f" >>"$t_tmp/list"
done
want=$(wc -l <"$t_tmp/list")

t_replay "$REPLAY" "$t_tmp/list" "key files" "$want"
t_done
