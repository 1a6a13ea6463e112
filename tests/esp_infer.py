#!/usr/bin/env python3
"""esp_infer.py - what a key source leaves out or gets wrong, found by the ICV.

tests/esp_gen.py builds its interoperability capture (every algorithm,
ESN across 2^32, bad keys) with python's cryptography.  Its key file is
then given with the ESN SAs' "esn=yes" left out (as Wireshark 4.0's
esp_sa table and tcpdump's secrets must) and every HMAC-SHA-256 SA's
truncation swapped (96 <-> 128 bits: peers from before RFC 4868 truncate
to 96, and key tables get this wrong).  ikescope must give every frame
the verdict it gives with the right key file, say what it inferred
(esn_inferred, truncation_inferred, the summary), and infer nothing from
a wrong key.

usage: esp_infer.py IKESCOPE WORKDIR
"""
import json
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import esp_gen as g	# noqa: E402
from taplib import check, done	# noqa: E402

SWAP = {"hmac-sha256-96": "hmac-sha256-128",
        "hmac-sha256-128": "hmac-sha256-96"}
# the verdict fields compared frame by frame
FIELDS = ("decrypted", "icv", "error", "mode", "next_header", "pad_len",
          "tfc_padding", "inner", "seq64", "enc")


def main():
    ike, work = sys.argv[1], sys.argv[2]
    gen, prefix = g.build_in(work, 11)
    lines, swapped, esn_cut = [], set(), set()
    for sa in gen.sas:
        line = g.keyline(sa)
        key = ("%08x" % sa["spi"], sa["dst"])
        if sa["auth"] in SWAP:
            line = line.replace("auth=" + sa["auth"],
                                "auth=" + SWAP[sa["auth"]])
            swapped.add(key)
        if sa["esn"]:
            line = line.replace(" esn=yes", "")
            esn_cut.add(key)
        lines.append(line)
    wrong = os.path.join(work, "wrong.keys")
    with open(wrong, "w") as f:
        f.write("\n".join(lines) + "\n")
    check(len(swapped) >= 4 and len(esn_cut) >= 5 and
          any(sa["esn"] and sa["auth"] in SWAP for sa in gen.sas),
          "%d HMAC-SHA-256 SAs swapped, %d ESN SAs without esn=yes, one "
          "SA both" % (len(swapped), len(esn_cut)))

    def run(*args):
        p = subprocess.run([ike] + list(args), capture_output=True,
                           text=True)
        return p.returncode, p.stdout, p.stderr

    for cap in (prefix + ".pcap", prefix + "-raw.pcap"):
        got = {}
        for kf in (prefix + ".keys", wrong):
            rc, out, err = run("-q", "--json", "-k", kf, cap)
            got[kf] = (rc, [json.loads(x) for x in out.splitlines()])
        rc0, right = got[prefix + ".keys"]
        rc1, inferred = got[wrong]
        bad, n_trunc, n_esn = [], [0], [0]
        for i, (ra, rb) in enumerate(zip(right, inferred)):
            a, b = ra.get("esp"), rb.get("esp") or {}
            if a is None or not a.get("sa_known"):
                continue
            d = [k for k in FIELDS if a.get(k) != b.get(k)]
            if a.get("icv") == "ok" and a.get("auth") != b.get("auth"):
                d.append("auth %r, %r" % (a.get("auth"), b.get("auth")))
            spi, key = a["spi"], (a["spi"], ra.get("dst"))
            # an ICV that verifies (the right integrity key) must be
            # found with what the key file left out or got wrong; a
            # wrong key, never
            for changed, flag, n in ((swapped, "truncation_inferred",
                                      n_trunc), (esn_cut, "esn_inferred",
                                                 n_esn)):
                if a.get("icv") == "ok" and key in changed:
                    n[0] += 1
                    if b.get(flag) is not True:
                        d.append("no " + flag)
                elif flag in b:
                    d.append("%s on SPI %s" % (flag, spi))
            if d:
                bad.append("frame %d (SPI %s): %s" % (i + 1, spi,
                                                      ", ".join(d)))
        check(rc0 == 0 and rc1 == 0 and len(right) == len(inferred) and
              not bad, "%s: every frame as with the right key file (%d "
              "with an ICV that verifies, found with the other truncation; "
              "%d with ESN)" %
              (os.path.basename(cap), n_trunc[0], n_esn[0]),
              "\n".join(bad[:6]))
    rc, out, err = run("-k", wrong, prefix + ".pcap")
    said = re.findall(r"ESP: SPI 0x([0-9a-f]{8}) \(.*wrong\.keys:\d+\): "
                      r"the ICV verifies as (hmac-sha256-\d+), not as the "
                      r"key source says", err)
    want = {("%08x" % sa["spi"], sa["auth"]) for sa in gen.sas
            if sa["auth"] in SWAP and sa["kind"] != "wrong_key"}
    check(rc == 0 and set(said) == want,
          "the summary names each SA read with the other truncation, and "
          "which (%d)" % len(want), err)
    # a wrong integrity key: nothing verifies, nothing is inferred
    bad_lines = []
    for sa, line in zip(gen.sas, lines):
        if ("%08x" % sa["spi"], sa["dst"]) in swapped:
            line = re.sub(r"auth_key=[0-9a-f]+",
                          "auth_key=" + "5a" * 32, line)
        bad_lines.append(line)
    badkeys = os.path.join(work, "badkey.keys")
    with open(badkeys, "w") as f:
        f.write("\n".join(bad_lines) + "\n")
    rc, out, err = run("-q", "--json", "-k", badkeys, prefix + ".pcap")
    recs = [json.loads(x) for x in out.splitlines()]
    sel = [r["esp"] for r in recs
           if (r.get("esp", {}).get("spi"), r.get("dst")) in swapped]
    check(rc == 0 and sel and
          all(not e.get("decrypted") and e.get("icv") != "ok" and
              e.get("error") in ("icv_bad", "bad_length") and
              "truncation_inferred" not in e and "esn_inferred" not in e
              for e in sel),
          "a wrong integrity key: none of the %d frames of those SAs "
          "decrypts (icv_bad, or bad_length where the given truncation "
          "does not fit the block), nothing inferred" % len(sel),
          json.dumps(sel[:2]))
    return done()


if __name__ == "__main__":
    sys.exit(main())
