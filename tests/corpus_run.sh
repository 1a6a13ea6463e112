#!/bin/sh
# corpus_run.sh - ikescope over every capture of the shared corpus (and the
# source tree's samples/, tests/captures/ and tests/regress/ captures) in
# text, --json and -V mode.  Fails on a crash (signal), on any sanitizer
# report on stderr, or on an exit status other than 0.  In the sanitizer
# build (--enable-sanitizers) this is the "zero sanitizer reports" run.
#
# Exit status 1 is accepted only for captures listed in TRUNCATED below,
# which really are cut short.  None of the corpus captures is: each was
# checked to read to its end with tshark, tcpdump and libpcap.  The
# command-line test (cli.sh) covers truncated files, made with head -c.
. "$(dirname "$0")/lib.sh"

TRUNCATED=""

t_need_ikescope
if ! t_have_corpus; then
	t_diag "no corpus at $CORPUS: only the source tree's captures"
fi

run_one() {
	cap=$1
	name=$2
	expect=0
	for x in $TRUNCATED; do
		[ "$x" = "$name" ] && expect=1
	done
	for mode in text json tree; do
		case $mode in
		text) set -- ;;
		json) set -- --json ;;
		tree) set -- -V ;;
		esac
		"$IKESCOPE" "$@" "$cap" >"$t_tmp/out" 2>"$t_tmp/err"
		rc=$?
		if t_sanitizer_report "$t_tmp/err" >/dev/null; then
			t_not_ok "$name ($mode): sanitizer report"
			head -n 40 "$t_tmp/err" | t_diag
		elif [ "$rc" -ne "$expect" ]; then
			t_not_ok "$name ($mode): exit status $rc, expected $expect"
			tail -n 5 "$t_tmp/err" | t_diag
		elif [ ! -s "$t_tmp/out" ]; then
			t_not_ok "$name ($mode): no output"
		else
			t_ok "$name ($mode)"
		fi
	done
}

{
	if t_have_corpus; then
		t_corpus_captures | while read -r f; do
			printf '%s %s\n' "$f" "$(t_corpus_name "$f")"
		done
	fi
	t_local_captures | while read -r f; do
		printf '%s %s\n' "$f" "${f#"$top_srcdir"/}"
	done
	for f in "$top_srcdir"/tests/regress/*.pcap \
	    "$top_srcdir"/tests/regress/*.pcapng; do
		[ -f "$f" ] && printf '%s %s\n' "$f" "${f#"$top_srcdir"/}"
	done
} >"$t_tmp/list"

while read -r f name; do
	run_one "$f" "$name"
done <"$t_tmp/list"
t_done
