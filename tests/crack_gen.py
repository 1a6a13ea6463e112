#!/usr/bin/env python3
"""crack_gen.py - psk-crack parameter lines for `ikescope crack`, made
independently with Python's hashlib/hmac (RFC 2409 5.4):

    SKEYID = prf(PSK, Ni_b | Nr_b)
    HASH_R = prf(SKEYID, g^xr | g^xi | CKY-R | CKY-I | SAi_b | IDir_b)

usage: crack_gen.py PSK PRF[,PRF...] [--ke BYTES] [--seed N]
prints one line per PRF (md5, sha1, sha256, sha384, sha512) in psk-crack's
9-field format: g_xr:g_xi:cky_r:cky_i:sai_b:idir_b:ni_b:nr_b:hash_r.

usage: crack_gen.py --am AM1_HEX AM2_HEX
the line of a real exchange: the two first Aggressive Mode messages (ISAKMP
from its header on, as tshark's udp.payload gives them) walked here by their
generic payload headers (RFC 2408 3.2), independently of ikescope.
"""
import argparse
import hashlib
import hmac
import random


def line(psk, prf, ke, rnd):
    def rb(n):
        return bytes(rnd.getrandbits(8) for _ in range(n))
    g_xr, g_xi = rb(ke), rb(ke)
    cky_r, cky_i = rb(8), rb(8)
    # an SA body (DOI, situation, a proposal) and an ID body (IPv4)
    sai_b = bytes.fromhex("0000000100000001") + rb(44)
    idir_b = bytes.fromhex("01110000") + rb(4)
    ni_b, nr_b = rb(20), rb(32)
    skeyid = hmac.new(psk, ni_b + nr_b, prf).digest()
    hash_r = hmac.new(skeyid, g_xr + g_xi + cky_r + cky_i + sai_b + idir_b,
                      prf).digest()
    return ":".join(x.hex() for x in (g_xr, g_xi, cky_r, cky_i, sai_b,
                                      idir_b, ni_b, nr_b, hash_r))


def payloads(msg):
    """{type: [body, ...]} of an ISAKMP message (RFC 2408 3.1, 3.2)."""
    out = {}
    nxt, off = msg[16], 28
    while nxt != 0:
        ln = int.from_bytes(msg[off + 2:off + 4], "big")
        out.setdefault(nxt, []).append(msg[off + 4:off + ln])
        nxt, off = msg[off], off + ln
    return out


def am_line(am1, am2):
    SA, KE, ID, HASH, NONCE = 1, 4, 5, 8, 10
    p1, p2 = payloads(am1), payloads(am2)
    f = (p2[KE][0], p1[KE][0], am2[8:16], am1[0:8], p1[SA][0], p2[ID][0],
         p1[NONCE][0], p2[NONCE][0], p2[HASH][0])
    return ":".join(x.hex() for x in f)


def main():
    import sys
    if len(sys.argv) == 4 and sys.argv[1] == "--am":
        print(am_line(bytes.fromhex(sys.argv[2]), bytes.fromhex(sys.argv[3])))
        return
    ap = argparse.ArgumentParser()
    ap.add_argument("psk")
    ap.add_argument("prfs")
    ap.add_argument("--ke", type=int, default=128)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    for prf in a.prfs.split(","):
        hashlib.new(prf)    # an unknown name fails here
        print(line(a.psk.encode(), prf, a.ke, rnd))


if __name__ == "__main__":
    main()
