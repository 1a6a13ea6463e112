#!/usr/bin/env python3
"""esp_flows.py - one wildcard key entry, two ESP flows that differ.

tests/esp_gen.py's encapsulator makes two SAs with the same algorithms
and keys, so that one Wireshark esp_sa line with a wildcard SPI and
source (same destination; 8 fields: it does not say whether the SA uses ESN) matches both:
one uses extended sequence numbers and is seen from the middle (high half
3, crossing to 4), the other does not, its counter near 100.  Their
packets are interleaved.  What is learned while reading (ESN, the high
half, the window) is the flow's, not the key entry's: every packet of
both must decrypt, its ICV verify, the ESN flow's with its 64-bit number
and esn_inferred, the other's without; with each backend and 1, 2 and 4
threads.  keys --export writes what a user needs: the ESN flow as an
exact entry with esn=yes before the wildcard, and that file read back
decrypts everything with nothing left to infer.

usage: esp_flows.py IKESCOPE WORKDIR
"""
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import esp_gen as g	# noqa: E402
from taplib import check, done	# noqa: E402

ESN_SEQS = [(3 << 32) + 0xfffffff0 + i for i in range(24)]
LOW_SEQS = [100 + i for i in range(24)]


def build(work):
    os.makedirs(work, exist_ok=True)
    gen = g.Gen(9)
    a = gen.make_sa("flow-esn", "aes-cbc", 128, "hmac-sha1-96", "tunnel",
                    4, False, esn=True)
    b = gen.make_sa("flow-32", "aes-cbc", 128, "hmac-sha1-96", "tunnel",
                    4, False)
    for k in ("enc_key", "auth_key", "file_enc_key", "file_auth_key",
              "src", "dst"):
        b[k] = a[k]
    for sa in (a, b):
        sa["capture"] = "eth"
    for s64, s32 in zip(ESN_SEQS, LOW_SEQS):
        for sa, seq in ((a, s64), (b, s32)):
            wires, exp = gen.frame(sa, seq)
            gen.frames.append((sa, seq, wires, exp))
    prefix = os.path.join(work, "flows")
    g.write(prefix, gen)
    line = g.esp_sa_line(a).split(",")
    line[1] = line[3] = '"*"'		# any source, any SPI
    keys = prefix + ".wild.esp_sa"
    with open(keys, "w") as f:
        f.write(",".join(line) + "\n")
    return gen, a, b, prefix, keys


def run(*args):
    p = subprocess.run(list(args), capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def verdicts(ike, keys, cap, extra=()):
    """(rc, {frame: esp object}, stderr) of read --json."""
    rc, out, err = run(ike, "--json", "-k", keys, *extra, cap)
    got = {}
    for x in out.splitlines():
        r = json.loads(x)
        if "esp" in r:
            got[r["frame"]] = r["esp"]
    return rc, got, err


def compare(man, got, inferred):
    """The frames of the manifest whose verdict differs."""
    bad = []
    for fr in man["frames"]:
        e = got.get(fr["frame"], {})
        esn = fr["sa"] == "flow-esn"
        want = {"decrypted": True, "icv": "ok", "seq": fr["seq"],
                "seq64": fr.get("seq64")}	# JSON: for ESN only
        d = ["%s %r" % (k, e.get(k)) for k, v in want.items()
             if e.get(k) != v]
        if e.get("esn_inferred", False) != (esn and inferred):
            d.append("esn_inferred %r" % e.get("esn_inferred"))
        if d:
            bad.append("frame %d (%s): %s" % (fr["frame"], fr["sa"],
                                              ", ".join(d)))
    return bad


def main():
    ike, work = sys.argv[1], sys.argv[2]
    gen, a, b, prefix, keys = build(work)
    cap = prefix + ".pcap"
    with open(prefix + ".json") as f:
        man = json.load(f)
    check(len(man["frames"]) == 48 and a["spi"] != b["spi"],
          "two flows, 24 packets each, one key entry for both")
    rc, out, err = run(ike, "--crypto=imb", "-q", "-k", keys, cap)
    backends = ["evp"] + (["imb"] if rc == 0 else [])
    for be in backends:
        for th in ("1", "2", "4"):
            rc, got, err = verdicts(ike, keys, cap, ("--crypto=" + be,
                                                     "--threads", th))
            bad = compare(man, got, True)
            check(rc == 0 and not bad,
                  "--crypto=%s --threads %s: every packet of both flows "
                  "decrypts with its ICV verified; ESN inferred for the "
                  "ESN flow only" % (be, th), "\n".join(bad[:8]) + err)
    rc, out, err = run(ike, "-k", keys, cap)
    said = [x for x in err.splitlines() if x.startswith("ESP: SPI")]
    check(rc == 0 and len(said) == 1 and
          ("0x%08x" % a["spi"]) in said[0] and "extended" in said[0],
          "the summary names the ESN flow's SPI, and only it", err)

    # keys --export: the ESN flow exact with esn=yes, then the wildcard
    rc, out, err = run(ike, "keys", "--export", "ikescope", "-k", keys, cap)
    lines = [x for x in out.splitlines() if x.startswith("esp ")]
    check(rc == 0 and len(lines) == 2 and
          lines[0].startswith("esp spi=%08x dst=%s " % (a["spi"], a["dst"]))
          and lines[0].endswith(" esn=yes") and
          lines[1].startswith("esp spi=* ") and "esn" not in lines[1],
          "keys --export ikescope: the ESN flow as an exact entry with "
          "esn=yes, then the wildcard entry as given", out + err)
    back = prefix + ".export.keys"
    with open(back, "w") as f:
        f.write(out)
    rc, got, err = verdicts(ike, back, cap)
    bad = compare(man, got, False)
    check(rc == 0 and not bad,
          "the exported keys decrypt every packet of both flows, nothing "
          "left to infer", "\n".join(bad[:8]) + err)
    rc, out, err = run(ike, "keys", "--export", "wireshark-esp", "-k", keys,
                       cap)
    lines = [x for x in out.splitlines() if x.startswith('"')]
    check(rc == 0 and len(lines) == 2 and
          ('"0x%08x"' % a["spi"]) in lines[0] and '"*"' in lines[1],
          "keys --export wireshark-esp: the same two entries, exact first",
          out + err)
    return done()


if __name__ == "__main__":
    sys.exit(main())
