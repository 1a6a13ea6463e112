#!/usr/bin/env python3
"""ESP padding other than 1, 2, 3, ... (RFC 4303 2.4) end to end.

Some stacks can be told to send random or zero padding.  Under an AEAD SA
(AES-GCM, ChaCha20-Poly1305) the verified tag proves the key and the whole
plaintext, so ikescope decrypts such packets and flags them
(nonstandard_padding, "padding=nonstandard"); under an HMAC SA, whose
verified ICV proves only the integrity key, such padding stays the sign of
a wrong encryption key (bad_padding).  The packets are made here with
tests/esp_gen.py's encapsulator (python's cryptography, not ikescope's
code); the text, the JSON and the -w export are checked.

usage: esp_padding.py IKESCOPE WORKDIR
"""
import json
import os
import random
import struct
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import esp_gen as g	# noqa: E402
from taplib import check, done	# noqa: E402


def sa(name, enc, auth, spi, rng):
    s = {"name": name, "enc": enc, "auth": auth, "esn": False,
         "spi": spi, "src": "192.0.2.%d" % (spi & 0xff),
         "dst": "198.51.100.1", "mode": "tunnel"}
    bits = 128 if enc != "chacha20-poly1305" else 256
    s["enc_key"] = g.rand_bytes(rng, bits // 8 + g.ENCS[enc][5])
    s["auth_key"] = g.rand_bytes(rng, g.AUTHS[auth][2])
    s["file_enc_key"], s["file_auth_key"] = s["enc_key"], s["auth_key"]
    return s


def main():
    ike, work = sys.argv[1], sys.argv[2]
    os.makedirs(work, exist_ok=True)
    rng = random.Random(2406)
    sas = [sa("gcm", "aes-gcm-16", "none", 0x1001, rng),
           sa("chacha", "chacha20-poly1305", "none", 0x1002, rng),
           sa("cbc-sha1", "aes-cbc", "hmac-sha1-96", 0x1003, rng)]
    # per frame: SA, padding kind, what ikescope must say
    plan = [(0, "random", "flag"), (0, "zero", "flag"), (0, "std", "ok"),
            (1, "random", "flag"), (1, "std", "ok"),
            (2, "random", "bad"), (2, "std", "ok")]
    recs, frames = [], []
    for i, (k, kind, want) in enumerate(plan):
        s = sas[k]
        inner = g.ip(g.addr("10.0.0.1"), g.addr("10.0.0.2"), 17,
                     g.udp(g.addr("10.0.0.1"), g.addr("10.0.0.2"),
                           1000 + i, 2000, b"payload %d" % i), 64)
        align = g.ENCS[s["enc"]][2]
        pad = (-(len(inner) + 2)) % align
        while pad < 3:		# some padding to be wrong
            pad += align
        if kind == "random":
            padding = bytes(rng.randrange(256) for _ in range(pad))
            if padding == bytes(range(1, pad + 1)):
                padding = b"\x00" * pad
        elif kind == "zero":
            padding = b"\x00" * pad
        else:
            padding = bytes(range(1, pad + 1))
        plain = inner + padding + struct.pack("BB", pad, 4)
        esp = g.encrypt(s, rng, i + 1, plain)
        wire = g.ip(g.addr(s["src"]), g.addr(s["dst"]), 50, esp, 64)
        recs.append((1700000000 + i, 0, g.ether(wire)))
        frames.append((s, kind, want, inner))
    cap = os.path.join(work, "padding.pcap")
    keys = os.path.join(work, "padding.keys")
    out = os.path.join(work, "padding-w.pcap")
    g.pcap_file(cap, 1, recs)
    with open(keys, "w") as f:
        for s in sas:
            f.write(g.keyline(s) + "\n")

    def run(*args):
        p = subprocess.run([ike, "-q"] + list(args), capture_output=True,
                           text=True)
        return p.returncode, p.stdout, p.stderr

    rc, text, err = run("-k", keys, cap)
    check(rc == 0, "text run succeeds", err)
    lines = text.splitlines()
    rc, js, err = run("--json", "-k", keys, "-w", out, cap)
    check(rc == 0, "JSON run with -w succeeds", err)
    recs_j = [json.loads(x) for x in js.splitlines()]
    check(len(lines) == len(plan) and len(recs_j) == len(plan),
          "one line and one record per frame")
    written = []
    for (s, kind, want, inner), line, r in zip(frames, lines, recs_j):
        e = r.get("esp", {})
        what = "%s, %s padding" % (s["name"], kind)
        if want == "bad":
            check(e.get("decrypted") is False and e.get("icv") == "ok" and
                  e.get("error") == "bad_padding" and
                  "nonstandard_padding" not in e,
                  what + ": not decrypted, icv ok, bad_padding", e)
            check("[not decrypted: bad_padding" in line,
                  what + ": the text line says bad_padding", line)
            continue
        check(e.get("decrypted") is True and e.get("icv") == "ok" and
              e.get("error") is None and
              e.get("inner", {}).get("len") == len(inner),
              what + ": decrypted, icv ok, the inner datagram", e)
        flagged = e.get("nonstandard_padding") is True
        check(flagged == (want == "flag"),
              what + (": flagged nonstandard_padding" if want == "flag"
                      else ": no nonstandard_padding key"), e)
        check(("padding=nonstandard" in line) == (want == "flag"),
              what + ": the text line " + ("says" if want == "flag" else
                                           "does not say") +
              " padding=nonstandard", line)
        written.append(inner)
    # -w: the decrypted inner datagrams, in order
    with open(out, "rb") as f:
        data = f.read()
    got, off = [], 24
    while off + 16 <= len(data):
        n = struct.unpack_from("<I", data, off + 8)[0]
        got.append(data[off + 16:off + 16 + n])
        off += 16 + n
    check(got == written, "-w holds the %d decrypted inner datagrams" %
          len(written), "%d written" % len(got))
    return done()


if __name__ == "__main__":
    sys.exit(main())
