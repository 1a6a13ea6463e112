#!/bin/sh
# snapshot.sh BINARY OUTDIR - every command's output over every capture, for
# a before/after comparison of a change that must not alter output:
#
#   tests/snapshot.sh /tmp/old/ikescope /tmp/snap-old
#   tests/snapshot.sh build/ikescope /tmp/snap-new
#   diff -r /tmp/snap-old /tmp/snap-new
#
# For each capture of samples/, tests/captures/, tests/regress/ and the
# shared corpus, with the key files beside it (X.esp_sa,
# X.ikev1_decryption_table, the initiator's charon log of strongswan-logs/):
# read (text, --json, -V), timeline and sas (text, --json), -w (the bytes
# of the written capture, as hex) and keys --export in every format.
# Standard error and the exit status are kept too (as X.cmd.err, X.cmd.rc),
# with the binary's path replaced by "ikescope".  Not a test by itself:
# a developer's tool, run by hand (doc/HACKING).
set -u
bin=$1
out=$2
top=$(cd "$(dirname "$0")/.." && pwd)
CORPUS=$(cd "${CORPUS:-$top/../shared/corpus}" 2>/dev/null && pwd ||
    echo /nonexistent)
export TZ=UTC0 LC_ALL=C
mkdir -p "$out"

keys_for() {	# the -k options for capture $1
	base=$1
	for s in .esp_sa .ikev1_decryption_table; do
		for b in "$base" "${base%.*}" "${base%.*.*}"; do
			[ -f "$b$s" ] && { printf -- '-k %s ' "$b$s"; break; }
		done
	done
	b=${base%.*}
	for s in .charon-initiator.log; do
		[ -f "$b$s" ] && printf -- '-k %s ' "$b$s"
	done
}

run() {	# run NAME CMD...: output, stderr and exit status under $out/NAME
	name=$1; shift
	"$@" >"$out/$name.out" 2>"$out/$name.err"
	echo $? >"$out/$name.rc"
	sed -i "s#$bin#ikescope#g; s#$top/##g; s#$CORPUS/##g" "$out/$name.err"
}

{
	find "$top/samples" "$top/tests/captures" "$top/tests/regress" \
	    "$CORPUS" -type f \( -name '*.pcap' -o -name '*.pcapng' \
	    -o -name '*.cap' -o -name '*.pcap.gz' -o -name '*.pcapng.gz' \) \
	    2>/dev/null | LC_ALL=C sort
} | while read -r cap; do
	rel=${cap#"$top"/}
	rel=${rel#"$CORPUS"/}
	n=$(printf '%s' "$rel" | tr '/' '_')
	k=$(keys_for "$cap")
	# shellcheck disable=SC2086
	{
		run "$n.read" "$bin" read -q $k "$cap"
		run "$n.json" "$bin" read -q --json $k "$cap"
		run "$n.tree" "$bin" read -q -V $k "$cap"
		run "$n.timeline" "$bin" timeline $k "$cap"
		run "$n.timeline-json" "$bin" timeline -q --json $k "$cap"
		run "$n.sas" "$bin" sas -q $k "$cap"
		run "$n.sas-json" "$bin" sas -q --json $k "$cap"
		if [ -n "$k" ]; then
			run "$n.w" "$bin" read -q $k -w "$out/$n.pcap" "$cap"
			od -An -tx1 -v "$out/$n.pcap" 2>/dev/null \
			    >"$out/$n.w.hex"
			rm -f "$out/$n.pcap"
			for f in wireshark-ike wireshark-esp tcpdump ikescope; do
				run "$n.keys-$f" "$bin" keys --export $f \
				    --show-secrets $k "$cap"
			done
		fi
	}
done
