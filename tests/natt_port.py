#!/usr/bin/env python3
"""--natt-port: NAT traversal on a port other than 4500.

A strongSwan capture whose IKE floats to UDP 4500 and whose ESP is
ESP-in-UDP on 4500 is rewritten with 4500 replaced by another port (the
UDP checksum cleared, which IPv4 allows).  With --natt-port that port,
ikescope must read the rewritten capture exactly as it reads the original
(the port number aside): every IKE message decoded and decrypted, every
ESP packet decrypted, the same timeline.  Without it, the rewritten
traffic is not NAT-T: no ESP, no IKE on that port.

usage: natt_port.py IKESCOPE CAPTURE KEYFILE... WORKDIR
"""
import json
import os
import struct
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from taplib import check, done	# noqa: E402

PORT = 14500


def rewrite(src, dst):
    """Classic pcap, Ethernet: UDP 4500 -> PORT in IPv4 frames."""
    with open(src, "rb") as f:
        data = bytearray(f.read())
    magic = data[:4]
    end = "<" if magic in (b"\xd4\xc3\xb2\xa1", b"\x4d\x3c\xb2\xa1") else ">"
    link = struct.unpack(end + "I", data[20:24])[0]
    assert link == 1, "Ethernet captures only"
    off, n = 24, 0
    while off + 16 <= len(data):
        incl = struct.unpack(end + "I", data[off + 8:off + 12])[0]
        fr = off + 16
        off = fr + incl
        if incl < 14 + 20 + 8 or data[fr + 12:fr + 14] != b"\x08\x00":
            continue
        ip = fr + 14
        hl = (data[ip] & 15) * 4
        if data[ip + 9] != 17 or data[ip + 6] & 0x3f or data[ip + 7]:
            continue		# not UDP, or a fragment
        u = ip + hl
        sport, dport = struct.unpack(">HH", data[u:u + 4])
        if 4500 not in (sport, dport):
            continue
        struct.pack_into(">HH", data, u, PORT if sport == 4500 else sport,
                         PORT if dport == 4500 else dport)
        struct.pack_into(">H", data, u + 6, 0)
        n += 1
    with open(dst, "wb") as f:
        f.write(data)
    return n


def run(ike, args):
    p = subprocess.run([ike] + args[:1] + ["-q"] + args[1:],
                       capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def main():
    ike, cap, keys, work = sys.argv[1], sys.argv[2], sys.argv[3:-1], \
        sys.argv[-1]
    os.makedirs(work, exist_ok=True)
    moved = os.path.join(work, "moved.pcap")
    n = rewrite(cap, moved)
    check(n > 0, "%d frames moved from UDP 4500 to %d" % (n, PORT))
    k = []
    for f in keys:
        k += ["-k", f]
    for cmd in (["read"], ["read", "--json"], ["timeline"], ["sas"]):
        rc1, a, e1 = run(ike, cmd + k + [cap])
        rc2, b, e2 = run(ike, cmd + k + ["--natt-port", str(PORT), moved])
        for x in ((".%d " % PORT, ".4500 "), (".%d:" % PORT, ".4500:"),
                  ('"sport":%d' % PORT, '"sport":4500'),
                  ('"dport":%d' % PORT, '"dport":4500'),
                  ("->%d" % PORT, "->4500")):
            b = b.replace(*x)
        check(rc1 == 0 and rc2 == 0 and a == b,
              "%s: with --natt-port %d, the same as on 4500" % (
                  " ".join(cmd), PORT),
              "\n".join(l for l in __import__("difflib").unified_diff(
                  a.splitlines(), b.splitlines(), lineterm=""))
              + e1 + e2)
    # the decrypted ESP packets are really there (not equal nothing)
    rc, out, _ = run(ike, ["read", "--json"] + k + ["--natt-port", str(PORT),
                                                    moved])
    recs = [json.loads(x) for x in out.splitlines()]
    dec = sum(1 for r in recs if r.get("esp", {}).get("decrypted"))
    ike_dec = sum(1 for r in recs if r.get("isakmp", {}).get("decrypted"))
    check(dec > 0 and ike_dec > 0,
          "%d ESP packets and %d IKE messages decrypted on port %d" % (
              dec, ike_dec, PORT))
    # without the option, the moved traffic is plain UDP
    rc, out, _ = run(ike, ["read", "--json"] + k + [moved])
    recs = [json.loads(x) for x in out.splitlines()]
    esp = sum(1 for r in recs if r.get("kind") == "esp")
    on_port = sum(1 for r in recs if PORT in (r.get("sport"), r.get("dport"))
                  and r.get("kind") != "other")
    check(esp == 0 and on_port == 0,
          "without --natt-port, UDP %d is neither ESP nor IKE" % PORT,
          "esp %d, not other %d" % (esp, on_port))
    return done()


if __name__ == "__main__":
    sys.exit(main())
