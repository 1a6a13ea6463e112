#!/bin/sh
# tshark_oracle.sh - compare ikescope with tshark over every capture of
# the shared corpus: same number of frames and, frame by frame, the same
# classification (isakmp / ikev2 / esp / nat_keepalive / other), fragment
# handling, timestamps, cookies, SPIs, sequence numbers, ports and
# addresses (tests/oracle.py does the comparison; its EXCEPTIONS table
# lists, with reasons, the frames where tshark is wrong).  One TAP line per
# capture; the mismatching frames are in the diagnostics.  Skips only when
# tshark or the corpus is missing.
. "$(dirname "$0")/lib.sh"

t_need_ikescope
t_have_tshark || t_skip_all "tshark not found (CI installs it)"
t_have_corpus || t_skip_all "no corpus at $CORPUS"
command -v python3 >/dev/null 2>&1 || t_skip_all "python3 not found"

ncap=0
nframes=0
nexc=0
t_corpus_captures >"$t_tmp/list"
while read -r f; do
	name=$(t_corpus_name "$f")
	python3 "$top_srcdir/tests/oracle.py" "$IKESCOPE" "$TSHARK" "$f" \
	    "$name" >"$t_tmp/res" 2>&1
	rc=$?
	set -- $(head -n 1 "$t_tmp/res")
	if [ "${1:-}" = frames ]; then
		ncap=$((ncap + 1))
		nframes=$((nframes + $4))
		nexc=$((nexc + $6))
	fi
	if [ "$rc" -eq 0 ]; then
		t_ok "$name: $(head -n 1 "$t_tmp/res")"
	else
		t_not_ok "$name"
		head -n 60 "$t_tmp/res" | t_diag
	fi
done <"$t_tmp/list"
t_diag "compared $ncap captures, $nframes frames, $nexc exceptions"
[ "$ncap" -gt 0 ] && t_ok "at least one capture compared" ||
    t_not_ok "at least one capture compared"
t_done
