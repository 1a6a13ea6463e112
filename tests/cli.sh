#!/bin/sh
# cli.sh - the command line: --help documents every option the program
# accepts (and accepts every option it documents), --version, -c, -r,
# standard input, gzip input, missing / non-capture / truncated files
# (exit 1, the file named, the frames before the break still printed),
# --json output that parses and has the contract keys, and bad option
# values.
. "$(dirname "$0")/lib.sh"

t_need_ikescope
S=$top_srcdir
CAP=$S/tests/captures/strongswan-mm-aes128.pcap
[ -f "$CAP" ] || t_skip_all "missing $CAP"

run() {
	"$IKESCOPE" "$@" >"$t_tmp/out" 2>"$t_tmp/err"
	rc=$?
}

# --- help vs the getopt tables of src/main.c (both directions) ---------
run --help
t_check "--help exits 0" test "$rc" -eq 0
t_check "--help prints a usage line" grep -q '^usage: ikescope' "$t_tmp/out"
# long options: every { "name", ... } entry of a struct option table
sed -n 's/^[[:space:]]*{ *"\([a-z0-9-]*\)", *\(no\|required\|optional\)_argument.*/\1/p' \
    "$S/src/main.c" | sort -u >"$t_tmp/long_src"
# short options: the letters of every getopt optstring
# short options: the third field of each command's row ({ CMD_X, "name",
# "r:Vc:..." ...) in main.c's command table
sed -n 's/^[[:space:]]*{ CMD_[A-Z]*, "[a-z]*", "\([^"]*\)".*/\1/p' "$S/src/main.c" |
    tr -d ':' | fold -w1 | sort -u >"$t_tmp/short_src"
grep -o -- '--[a-z][a-z0-9-]*' "$t_tmp/out" | sed 's/^--//' | sort -u \
    >"$t_tmp/long_help"
grep -o -- '\(^\|[[:space:],]\)-[A-Za-z]\b' "$t_tmp/out" |
    sed 's/.*-//' | sort -u >"$t_tmp/short_help"
t_check "found the option tables in src/main.c" \
    test -s "$t_tmp/long_src" -a -s "$t_tmp/short_src"
missing=$(comm -23 "$t_tmp/long_src" "$t_tmp/long_help" | tr '\n' ' ')
t_check "--help lists every long option [${missing:-all}]" test -z "$missing"
missing=$(comm -23 "$t_tmp/short_src" "$t_tmp/short_help" | tr '\n' ' ')
t_check "--help lists every short option [${missing:-all}]" test -z "$missing"
extra=$(comm -13 "$t_tmp/long_src" "$t_tmp/long_help" | tr '\n' ' ')
t_check "every long option in --help is accepted [${extra:-all}]" \
    test -z "$extra"
extra=$(comm -13 "$t_tmp/short_src" "$t_tmp/short_help" | tr '\n' ' ')
t_check "every short option in --help is accepted [${extra:-all}]" \
    test -z "$extra"
run -h
t_check "-h is --help" grep -q '^usage: ikescope' "$t_tmp/out"

# --- version ------------------------------------------------------------
ver=$(sed -n 's/^AC_INIT(\[ikescope\], *\[\([^]]*\)\].*/\1/p' "$S/configure.ac")
run --version
t_check "--version prints 'ikescope $ver'" \
    test "$rc" -eq 0 -a "$(cat "$t_tmp/out")" = "ikescope $ver"
run read --version
t_check "read --version" test "$(cat "$t_tmp/out")" = "ikescope $ver"

# --- reading --------------------------------------------------------------
run -q "$CAP"
cp "$t_tmp/out" "$t_tmp/full"
nfull=$(wc -l <"$t_tmp/full")
t_check "reads a capture: exit 0, one line per frame ($nfull)" \
    test "$rc" -eq 0 -a "$nfull" -gt 10
t_check "-q: nothing on stderr" test ! -s "$t_tmp/err"
run "$CAP"
t_check "summary on stderr counts the frames" \
    grep -q "^$nfull frames: " "$t_tmp/err"
run -q read "$CAP"
t_check "'read' command is the default" cmp -s "$t_tmp/out" "$t_tmp/full"
run -q -r "$CAP"
t_check "-r FILE" cmp -s "$t_tmp/out" "$t_tmp/full"
"$IKESCOPE" -q - <"$CAP" >"$t_tmp/out" 2>"$t_tmp/err"
t_check "standard input '-'" cmp -s "$t_tmp/out" "$t_tmp/full"
gzip -c "$CAP" >"$t_tmp/cap.pcap.gz"
run -q "$t_tmp/cap.pcap.gz"
t_check ".gz input reads like the plain file" cmp -s "$t_tmp/out" "$t_tmp/full"
run -q -c 3 "$CAP"
t_check "-c 3: three lines, the first three" \
    test "$rc" -eq 0 -a "$(wc -l <"$t_tmp/out")" -eq 3 -a \
    "$(cat "$t_tmp/out")" = "$(head -n 3 "$t_tmp/full")"
run -q -c 2 --json "$CAP"
t_check "-c 2 --json: two records" test "$(wc -l <"$t_tmp/out")" -eq 2
run -q -c 1 "$CAP" "$CAP"
t_check "-c counts across files" test "$(wc -l <"$t_tmp/out")" -eq 1
run -f 'udp port 500' "$CAP"
grep '\.500 > [0-9.]*\.500: ' "$t_tmp/full" >"$t_tmp/p500"
t_check "-f 'udp port 500': exactly the port-500 lines, numbered as in the file ($(wc -l <"$t_tmp/p500"))" \
    test "$rc" -eq 0 -a -s "$t_tmp/p500" -a \
    "$(cat "$t_tmp/out")" = "$(cat "$t_tmp/p500")"
t_check "-f: the summary counts the frames it dropped" \
    grep -q "^-f: $((nfull - $(wc -l <"$t_tmp/p500"))) frame(s) not accepted" "$t_tmp/err"
run -q -f 'no such filter' "$CAP"
t_check "-f with a bad expression: exit 1, the expression named" \
    test "$rc" -eq 1 -a -n "$(grep -F 'filter "no such filter"' "$t_tmp/err")"

# --- JSON -----------------------------------------------------------------
run -q --json "$CAP"
if command -v python3 >/dev/null 2>&1; then
	python3 - "$t_tmp/out" >"$t_tmp/py" 2>&1 <<'PY'
import json, sys
kinds = {"isakmp", "ikev2", "esp", "nat_keepalive", "other"}
seen = set()
n = 0
for line in open(sys.argv[1]):
    r = json.loads(line)
    n += 1
    for k in ("frame", "ts", "src", "dst", "sport", "dport", "kind"):
        assert k in r, "frame %s: no %s" % (r.get("frame"), k)
    assert r["frame"] == n, "frame numbers 1..N"
    assert isinstance(r["ts"], float)
    assert r["kind"] in kinds, r["kind"]
    seen.add(r["kind"])
    if r["kind"] == "isakmp":
        m = r["isakmp"]
        for k in ("icookie", "rcookie", "version", "exchange",
                  "exchange_type", "msgid", "encrypted", "payloads"):
            assert k in m, "frame %d: isakmp.%s" % (n, k)
        assert len(m["icookie"]) == 16 and m["icookie"] == m["icookie"].lower()
        assert m["version"] == "1.0"
    if r["kind"] == "esp":
        assert len(r["esp"]["spi"]) == 8 and isinstance(r["esp"]["seq"], int)
    if r["kind"] == "other" and r["src"] is None:
        assert r["sport"] is None
print("%d records, kinds %s" % (n, ",".join(sorted(seen))))
assert {"isakmp", "esp", "other"} <= seen
PY
	t_check "--json: every line parses, contract keys present ($(tail -n 1 "$t_tmp/py"))" \
	    test $? -eq 0
	test $? -eq 0 || t_diag <"$t_tmp/py"
	t_check "--json: one record per frame" \
	    test "$(wc -l <"$t_tmp/out")" -eq "$nfull"
else
	t_skip "python3 not found: JSON not parsed"
	t_skip "python3 not found"
fi

# --- input errors -----------------------------------------------------------
run "$t_tmp/no-such-file.pcap"
t_check "missing file: exit 1, the file named" \
    test "$rc" -eq 1 -a -n "$(grep -F "no-such-file.pcap" "$t_tmp/err")"
run "$S/configure.ac"
t_check "not a capture: exit 1, clear message naming the file" \
    test "$rc" -eq 1 -a -n "$(grep -F "configure.ac: not a pcap" "$t_tmp/err")"
run "$S/samples"
t_check "a directory: exit 1, said to be one (not an I/O error)" \
    test "$rc" -eq 1 -a -n "$(grep -F "samples: is a directory, expected a pcap" "$t_tmp/err")"
head -c 10 "$CAP" >"$t_tmp/hdr.pcap"
run "$t_tmp/hdr.pcap"
t_check "file header cut short: exit 1, file named" \
    test "$rc" -eq 1 -a -n "$(grep -F "hdr.pcap" "$t_tmp/err")"

# A capture cut in the middle of a record: the frames before the break are
# printed, stderr names the file and the byte offset of the broken record
# (computed here independently from the pcap record headers), exit 1.
cut=5000
head -c $cut "$CAP" >"$t_tmp/cut.pcap"
read -r good off <<EOF2
$(python3 - "$t_tmp/cut.pcap" <<'PY'
import struct, sys
b = open(sys.argv[1], "rb").read()
end = "<" if b[:4] in (b"\xd4\xc3\xb2\xa1", b"\x4d\x3c\xb2\xa1") else ">"
off, n = 24, 0
while off + 16 <= len(b):
    incl = struct.unpack(end + "I", b[off + 8:off + 12])[0]
    if off + 16 + incl > len(b):
        break
    off += 16 + incl
    n += 1
print(n, off)
PY
)
EOF2
run -q "$t_tmp/cut.pcap"
t_check "truncated capture: exit 1" test "$rc" -eq 1
t_check "truncated capture: the $good frames before the break are printed" \
    test "$(cat "$t_tmp/out")" = "$(head -n "$good" "$t_tmp/full")" -a \
    "$good" -gt 0
t_check "truncated capture: stderr names the file and byte offset $off" \
    grep -q "cut.pcap: truncated or corrupt capture at byte offset $off " \
    "$t_tmp/err"
test "$rc" -eq 1 || t_diag <"$t_tmp/err"
run -q "$t_tmp/cut.pcap" "$CAP"
t_check "a broken file does not stop the next one (exit still 1)" \
    test "$rc" -eq 1 -a "$(wc -l <"$t_tmp/out")" -eq $((good + nfull))
run "$t_tmp/cut.pcap"
t_check "truncated capture: summary still printed" \
    grep -q "^$good frames: " "$t_tmp/err"

# --- the output thread (read to a file or a pipe) -------------------------
# the same bytes with --threads 1 (everything on the main thread) as with
# 2, to a file and into a pipe, text and JSON: every small capture, and a
# generated one large enough for many of the thread's batches
python3 "$S/bench/gen_scale.py" -n 200 \
    "$S/samples/a_mm_psk_aes128_sha1_modp2048.pcap" "$t_tmp/scale.pcap" \
    >/dev/null 2>&1 || rm -f "$t_tmp/scale.pcap"
n=0 bad=
for f in "$S"/tests/captures/*.pcap* "$S"/samples/*.pcap "$t_tmp/scale.pcap"; do
	[ -f "$f" ] || continue
	for v in "" --json; do
		# shellcheck disable=SC2086
		"$IKESCOPE" -q --threads 1 $v "$f" >"$t_tmp/t1" 2>&1
		# shellcheck disable=SC2086
		"$IKESCOPE" -q --threads 2 $v "$f" >"$t_tmp/t2" 2>&1
		# shellcheck disable=SC2086
		"$IKESCOPE" -q --threads 2 $v "$f" 2>&1 | cat >"$t_tmp/t2p"
		n=$((n + 1))
		cmp -s "$t_tmp/t1" "$t_tmp/t2" && cmp -s "$t_tmp/t1" "$t_tmp/t2p" ||
		    bad="$bad $(basename "$f")$v"
	done
done
t_check "output thread: the same text and JSON as one thread, to a file and a pipe ($n runs, large one $(wc -c <"$t_tmp/t1") bytes)${bad:+ differ:$bad}" \
    test "$n" -gt 10 -a -z "$bad" -a -f "$t_tmp/scale.pcap"
# timeline: the SAs held at the end are made by two threads (out_par.c) in
# chunks of 64; the same bytes as one thread, with and without a selection
# (the 200-SA capture: 4 chunks)
n=0 bad=
for f in "$S"/samples/*.pcap "$t_tmp/scale.pcap"; do
	[ -f "$f" ] || continue
	for v in "" --json "--peer 10.0.0.0/25"; do
		# shellcheck disable=SC2086
		"$IKESCOPE" timeline -q --threads 1 $v "$f" >"$t_tmp/t1" 2>&1
		# shellcheck disable=SC2086
		"$IKESCOPE" timeline -q --threads 2 $v "$f" 2>&1 |
		    cat >"$t_tmp/t2"
		n=$((n + 1))
		cmp -s "$t_tmp/t1" "$t_tmp/t2" || bad="$bad $(basename "$f")$v"
	done
done
"$IKESCOPE" timeline -q --threads 2 "$t_tmp/scale.pcap" >"$t_tmp/t2" 2>&1
t_check "timeline at the end on two threads: the same text and JSON as one ($n runs; 200 SAs, $(grep -c '^IKE SA ' "$t_tmp/t2") printed)${bad:+ differ:$bad}" \
    test "$n" -gt 10 -a -z "$bad" -a "$(grep -c '^IKE SA ' "$t_tmp/t2")" -eq 200
# With ESP decryption (no frame-view thread) the text goes to a file's
# descriptor directly: a failed write (the file size limit, its signal
# ignored: EFBIG) is exit 1, said once, like stdio's.
ESPCAP=$S/samples/a_mm_psk_aes128_sha1_modp2048
(trap '' XFSZ; ulimit -f 1; exec "$IKESCOPE" -q -k "$ESPCAP.esp_sa" \
    "$ESPCAP.pcap" >"$t_tmp/fsz" 2>"$t_tmp/err")
rc=$?
t_check "ESP text to a file: a failed write is exit 1, said once ($rc; $(wc -c <"$t_tmp/fsz") bytes written)" \
    test "$rc" -eq 1 -a "$(grep -c 'write error on standard output' "$t_tmp/err")" -eq 1
"$IKESCOPE" -q -k "$ESPCAP.esp_sa" "$ESPCAP.pcap" >"$t_tmp/f1"
"$IKESCOPE" -q -k "$ESPCAP.esp_sa" "$ESPCAP.pcap" | cat >"$t_tmp/f2"
"$IKESCOPE" -q -k "$ESPCAP.esp_sa" -V "$ESPCAP.pcap" >"$t_tmp/f3"
"$IKESCOPE" -q -k "$ESPCAP.esp_sa" -V "$ESPCAP.pcap" | cat >"$t_tmp/f4"
same=no
cmp -s "$t_tmp/f1" "$t_tmp/f2" && cmp -s "$t_tmp/f3" "$t_tmp/f4" && same=yes
# -V: the frame lines are the plain view's, and every tree (indented,
# through stdio) right under the line of an ISAKMP frame in clear, each of
# which has one (the encrypted ones, without IKE keys here, have none)
grep -v '^ ' "$t_tmp/f3" | cmp -s - "$t_tmp/f1" || same="no (frame lines)"
trees=$(awk '/^ / { if (!clear) bad++; seen = 1; next }
    { if (clear && !seen) bad++; clear = / ISAKMP / && !/ encrypted \(/;
      seen = 0; n += clear }
    END { if (clear && !seen) bad++; print (n > 0 ? bad + 0 : "no trees") }' \
    "$t_tmp/f3")
t_check "ESP text: the same to a file and into a pipe, -V's trees in place ($same; $trees misplaced; $(grep -c ' decrypted ' "$t_tmp/f1") decrypted ESP lines)" \
    test "$same" = yes -a "$trees" -eq 0 \
    -a "$(grep -c ' decrypted ' "$t_tmp/f1")" -gt 0
if [ -w /dev/full ]; then
	for v in "" --json; do
		# shellcheck disable=SC2086
		"$IKESCOPE" -q --threads 2 $v "$CAP" >/dev/full 2>"$t_tmp/err"
		rc=$?
		t_check "output thread: a failed write${v:+ ($v)} is exit 1, said once" \
		    test "$rc" -eq 1 -a "$(grep -c 'write error on standard output' "$t_tmp/err")" -eq 1
	done
fi

# --- bad option values --------------------------------------------------------
for args in "-c 0" "-c -1" "-c abc" "-c 12x" "--ike-port 0" \
    "--ike-port 65536" "--ike-port http" "--bogus" "-Z"; do
	# shellcheck disable=SC2086
	run $args "$CAP"
	t_check "bad option '$args': exit 1 with a message" \
	    test "$rc" -eq 1 -a -s "$t_tmp/err" -a ! -s "$t_tmp/out"
done
run
t_check "no file: exit 1 with a message" \
    test "$rc" -eq 1 -a -n "$(grep 'no capture file' "$t_tmp/err")"
run -q --ike-port 500 --ike-port 7500 "$CAP"
t_check "--ike-port accepted (500 again is harmless)" \
    cmp -s "$t_tmp/out" "$t_tmp/full"

# --- timestamps before 1970 ---------------------------------------------------
# Signed 32-bit seconds and fractions: -5 s + 500000 us, 0 s - 1 us (the
# fraction's field read as signed), -1 s + 999999 us, 3 s - 294967296 us:
# the time of day of the second below (the floor), never a negative count.
run -q "$top_srcdir/tests/regress/negative-timestamps.pcap"
t_check "timestamps before 1970: the time of day below them [$(cut -d' ' -f2 "$t_tmp/out" | tr '\n' ' ')]" \
    test "$(cut -d' ' -f2 "$t_tmp/out" | tr '\n' ' ')" = \
    "23:59:55.500000 23:59:59.999999 23:59:59.999999 23:55:08.032704 "
t_done
