#!/usr/bin/env python3
"""gen_mm1.py - N distinct Main Mode first messages, for bench/scale.sh.

    gen_mm1.py -n N OUT.pcap

Writes a classic pcap (Ethernet, IPv4, UDP 500 -> 500) of N ISAKMP Main
Mode message 1s, one every millisecond, each from its own initiator
(cookie mix64(i), source 10.0.0.0 + i + 1 for i < 2^24 - 2) to 192.0.2.1:
an SA payload (one proposal, one transform: AES-CBC-128, SHA1, PSK,
MODP-2048, 28800 s) and five Vendor IDs (RFC 3947 NAT-T, DPD 1.0, XAUTH,
IKE fragmentation, strongSwan), the shape of a busy responder's incoming
first messages.  IPv4 checksums computed, UDP checksums zero.  The capture
is made, not stored: about 260 bytes a message.  Not part of make check.
"""
import argparse
import struct
import sys

from gen_scale import mix64   # beside this script

VIDS = [bytes.fromhex(h) for h in (
    "4a131c81070358455c5728f20e95452f",    # RFC 3947 NAT-T
    "afcad71368a1f1c96b8696fc77570100",    # DPD 1.0
    "09002689dfd6b712",                    # XAUTH
    "4048b7d56ebce88525e7de7f00d6c2d3",    # IKE fragmentation
    "882fe56d6fd20dbc2251613b2ebe5beb",    # strongSwan
)]


def attr(t, v):
    return struct.pack(">HH", 0x8000 | t, v)


def body():
    """The payloads after the ISAKMP header: SA, then the VIDs."""
    attrs = (attr(1, 7) + attr(14, 128) + attr(2, 2) + attr(3, 1) +
             attr(4, 14) + attr(11, 1) + struct.pack(">HHI", 12, 4, 28800))
    xf = struct.pack(">BBHBBH", 0, 0, 8 + len(attrs), 1, 1, 0) + attrs
    prop = struct.pack(">BBHBBBB", 0, 0, 8 + len(xf), 1, 1, 0, 1) + xf
    sa = struct.pack(">II", 1, 1) + prop           # DOI IPsec, SIT_IDENTITY
    out = struct.pack(">BBH", 13, 0, 4 + len(sa)) + sa
    for k, v in enumerate(VIDS):
        nxt = 13 if k + 1 < len(VIDS) else 0
        out += struct.pack(">BBH", nxt, 0, 4 + len(v)) + v
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, required=True)
    ap.add_argument("out")
    a = ap.parse_args()
    if not 0 < a.n < (1 << 24) - 2:
        sys.exit("gen_mm1.py: N must be 1 .. 2^24 - 3")
    pl = body()
    ilen = 28 + len(pl)
    udp_len = 8 + ilen
    ip_len = 20 + udp_len
    eth = bytes.fromhex("020000000001" "020000000002" "0800")
    dst = bytes([192, 0, 2, 1])
    # IPv4 header words but the source address and the checksum
    base = (0x4500 + ip_len + 0 + 0 + 0x4011 + 0xC000 + 0x0201)
    udp = struct.pack(">HHHH", 500, 500, udp_len, 0)
    tail_hdr = struct.pack(">8sBBBBII", bytes(8), 1, 0x10, 2, 0, 0, ilen)
    with open(a.out, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))
        t0 = 1764979200
        for i in range(a.n):
            src = 0x0A000000 + i + 1
            s = base + (i & 0xFFFF) + (src >> 16) + (src & 0xFFFF)
            while s >> 16:
                s = (s & 0xFFFF) + (s >> 16)
            ip = struct.pack(">HHHHBBHI4s", 0x4500, ip_len, i & 0xFFFF,
                             0, 64, 17, ~s & 0xFFFF, src, dst)
            ck = struct.pack(">Q", mix64(i) or 1)
            us = i * 1000
            f.write(struct.pack("<IIII", t0 + us // 1000000, us % 1000000,
                                14 + ip_len, 14 + ip_len))
            f.write(eth + ip + udp + ck + tail_hdr + pl)


if __name__ == "__main__":
    main()
