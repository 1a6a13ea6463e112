#!/usr/bin/env python3
"""ESN SAs seen from far into their life: the starting high half.

With 64-bit sequence numbers (RFC 4303 2.2.1) only the low half is sent.
ikescope infers the high half from the window; before any packet has
authenticated it starts from 0 and tries the next 64 high halves.  A
capture that begins later than that in the SA's life needs the starting
high half from the key source: `esn_hi=<hex>` in ikescope's esp lines, or
the last two fields ("64-bit", high bits in hex) of the esp_sa table as
Wireshark versions after 4.0 write it.  The packets are made here with
tests/esp_gen.py's encapsulator (python's cryptography); the ICV verdicts,
the 64-bit sequence numbers, the key export and the errors are checked.

usage: esn_hint.py IKESCOPE WORKDIR
"""
import json
import os
import random
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import esp_gen as g	# noqa: E402
from taplib import check, done	# noqa: E402

HI = 0x2a7			# far beyond the 64 high halves probed
SEQS = [(HI << 32) + 0xfffffffc + i for i in range(8)]	# crosses into HI+1


def sa(name, enc, auth, spi, rng):
    s = {"name": name, "enc": enc, "auth": auth, "esn": True,
         "spi": spi, "src": "192.0.2.%d" % (spi & 0xff),
         "dst": "198.51.100.7", "mode": "tunnel"}
    s["enc_key"] = g.rand_bytes(rng, 16 + g.ENCS[enc][5])
    s["auth_key"] = g.rand_bytes(rng, g.AUTHS[auth][2])
    s["file_enc_key"], s["file_auth_key"] = s["enc_key"], s["auth_key"]
    return s


def ws_line(s, sn, upper):
    """A 10-field esp_sa line: protocol .. authentication key, SN, high."""
    return '"IPv4","%s","%s","0x%08x","%s","0x%s","%s","0x%s","%s","%s"' % (
        s["src"], s["dst"], s["spi"], g.ENCS[s["enc"]][1],
        s["enc_key"].hex(), g.AUTHS[s["auth"]][1], s["auth_key"].hex(),
        sn, upper)


def main():
    ike, work = sys.argv[1], sys.argv[2]
    os.makedirs(work, exist_ok=True)
    rng = random.Random(4304)
    sas = [sa("cbc-sha1", "aes-cbc", "hmac-sha1-96", 0x2001, rng),
           sa("gcm16", "aes-gcm-16", "none", 0x2002, rng)]
    recs, want = [], []
    for i, seq64 in enumerate(SEQS):
        for s in sas:
            inner = g.ip(g.addr("10.0.0.1"), g.addr("10.0.0.2"), 17,
                         g.udp(g.addr("10.0.0.1"), g.addr("10.0.0.2"),
                               1000 + i, 2000, b"esn %d" % i), 64)
            pad = (-(len(inner) + 2)) % g.ENCS[s["enc"]][2]
            plain = inner + bytes(range(1, pad + 1)) + bytes([pad, 4])
            esp = g.encrypt(s, rng, seq64, plain)
            wire = g.ip(g.addr(s["src"]), g.addr(s["dst"]), 50, esp, 64)
            recs.append((1700000000 + len(recs), 0, g.ether(wire)))
            want.append((s, seq64))
    cap = os.path.join(work, "esn-far.pcap")
    g.pcap_file(cap, 1, recs)

    def keys(name, lines):
        path = os.path.join(work, name)
        with open(path, "w") as f:
            f.write("\n".join(lines) + "\n")
        return path

    def run(*args):
        cmd = [ike] + (list(args) if args[0] == "keys" else
                       ["-q"] + list(args))
        p = subprocess.run(cmd, capture_output=True, text=True)
        return p.returncode, p.stdout, p.stderr

    def esp_records(keyfile):
        rc, out, err = run("--json", "-k", keyfile, cap)
        if rc != 0:
            return None, err
        return [json.loads(x).get("esp", {}) for x in out.splitlines()], err

    def verdicts(what, keyfile, good):
        recs_j, err = esp_records(keyfile)
        check(recs_j is not None and len(recs_j) == len(want),
              what + ": one record per frame", err)
        if recs_j is None:
            return
        if good:
            bad = [(i, e) for i, (e, (s, seq64)) in
                   enumerate(zip(recs_j, want))
                   if not (e.get("decrypted") is True and
                           e.get("icv") == "ok" and
                           e.get("seq64") == seq64)]
            check(not bad, what + ": every packet decrypted, icv ok, "
                  "seq64 = high half 0x%x then 0x%x" % (HI, HI + 1),
                  bad[:3])
        else:
            bad = [(i, e) for i, e in enumerate(recs_j)
                   if not (e.get("decrypted") is False and
                           e.get("icv") == "bad")]
            check(not bad, what + ": every packet icv bad (the high "
                  "half is out of reach)", bad[:3])

    ours = [g.keyline(s) for s in sas]
    verdicts("esn=yes without a starting high half",
             keys("plain.keys", ours), False)
    hinted = keys("hint.keys", [ln + " esn_hi=%x" % HI for ln in ours])
    verdicts("esn_hi=%x" % HI, hinted, True)
    # a guess a few high halves short is still found by the probe
    verdicts("esn_hi=%x (5 short)" % (HI - 5),
             keys("short.keys", [ln + " esn_hi=0x%x" % (HI - 5)
                                 for ln in ours]), True)
    # esn_hi alone means 64-bit numbers
    verdicts("esn_hi without esn=yes",
             keys("alone.keys", [ln.replace(" esn=yes", "") +
                                 " esn_hi=%x" % HI for ln in ours]), True)
    verdicts("esp_sa with \"64-bit\",\"%x\"" % HI,
             keys("esp_sa", [ws_line(s, "64-bit", "%x" % HI)
                             for s in sas]), True)
    verdicts("esp_sa with \"64-bit\",\"0\"",
             keys("esp_sa0", [ws_line(s, "64-bit", "0") for s in sas]), False)
    recs_j, err = esp_records(keys("esp_sa32", [ws_line(s, "32-bit", "0")
                                                for s in sas]))
    check(recs_j is not None and all("seq64" not in e and e.get("icv") ==
                                     "bad" for e in recs_j),
          "esp_sa with \"32-bit\": 32-bit numbers (no seq64), icv bad", err)

    # the key export keeps the starting high half
    rc, out, err = run("keys", "--export", "ikescope", "-k", hinted)
    lines = [x for x in out.splitlines() if x.startswith("esp ")]
    check(rc == 0 and len(lines) == 2 and
          all(" esn=yes" in x and " esn_hi=%x" % HI in x for x in lines),
          "keys --export ikescope writes esn=yes esn_hi=%x" % HI, out + err)
    back = keys("back.keys", lines)
    verdicts("the exported lines read back", back, True)

    # the same SA twice: a high half from one source is kept, two differ
    verdicts("the SA without then with esn_hi",
             keys("merge.keys", ours + [ln + " esn_hi=%x" % HI
                                        for ln in ours]), True)
    rc, out, err = run("-k", keys("conflict.keys",
                                  [ours[0] + " esn_hi=1",
                                   ours[0] + " esn_hi=2"]), cap)
    check(rc != 0 and "another ESN high half" in err and
          "conflict.keys:2" in err,
          "two different high halves for one SA: an error naming the line",
          err)
    for what, line, msg in [
            ("esn=no with esn_hi", ours[0].replace("esn=yes", "esn=no") +
             " esn_hi=5", "esn=no contradicts"),
            ("esn_hi not hex", ours[0] + " esn_hi=zz", "esn_hi: up to 8 hex"),
            ("esn_hi of 9 digits", ours[0] + " esn_hi=123456789",
             "esn_hi: up to 8 hex"),
            ("esp_sa SN length neither 32 nor 64",
             ws_line(sas[0], "48-bit", "0"), "SN length must be"),
            ("esp_sa high bits not hex", ws_line(sas[0], "64-bit", "x1"),
             "bad ESN high bits"),
            ("esp_sa with 9 fields",
             ws_line(sas[0], "64-bit", "0").rsplit(",", 1)[0],
             "expected 8 quoted fields")]:
        rc, out, err = run("-k", keys("err.keys", [line]), cap)
        check(rc != 0 and msg in err and "err.keys:1" in err,
              what + ": refused, with the file and line", err)
    return done()


if __name__ == "__main__":
    sys.exit(main())
