#!/usr/bin/env python3
"""gen_scale.py - scale a capture to N distinct IKE SAs, for bench/scale.sh.

    gen_scale.py -n N IN.pcap OUT.pcap

Writes N copies of IN (classic pcap, Ethernet or raw IPv4) one after the
other, copy i starting (span of IN + 1 s) * i later.  Each copy is a
distinct set of IKE SAs and ESP flows: in copy i every ISAKMP cookie and
ESP SPI is replaced by a value derived from (original, i) (zero cookies
stay zero), and the k-th distinct IPv4 address of IN becomes
10.0.0.0 + k * 2^22 + i + 1 (so at most 4 addresses and N < 2^22 - 1).
IPv4 header checksums are recomputed, UDP checksums zeroed (allowed for
IPv4).  Encrypted payloads are copied as they are.  Not part of make
check.
"""
import argparse
import struct
import sys

MASK64 = (1 << 64) - 1


def mix64(x):
    """SplitMix64's finaliser: a bijection of 64-bit values."""
    x = (x + 0x9E3779B97F4A7C15) & MASK64
    x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
    x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & MASK64
    return x ^ (x >> 31)


def new_cookie(orig, i):
    if orig == bytes(8):
        return orig
    return struct.pack(">Q", mix64(int.from_bytes(orig, "big") ^
                                   mix64(i)) or 1)


def new_spi(orig, i):
    v = mix64(orig << 32 ^ i) & 0xFFFFFFFF
    return struct.pack(">I", v if v >= 256 else v + 256)


def ip_sum(words):
    s = sum(words)
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return s


class Frame:
    """One record: its bytes and the places a copy rewrites."""

    def __init__(self, hdr, data):
        self.hdr = hdr
        self.data = data
        self.ip = None          # offset of the IPv4 header
        self.addrs = []         # (offset, address index)
        self.sum_rest = 0       # header words but addresses and checksum
        self.cookies = []       # (offset, original 8 bytes)
        self.spis = []          # (offset, original value)


def parse(path):
    with open(path, "rb") as f:
        raw = f.read()
    magic = struct.unpack("<I", raw[:4])[0]
    if magic in (0xA1B2C3D4, 0xA1B23C4D):
        end = "<"
    elif magic in (0xD4C3B2A1, 0x4D3CB2A1):
        end = ">"
    else:
        sys.exit("%s: not a classic pcap file" % path)
    linktype = struct.unpack(end + "I", raw[20:24])[0] & 0x0FFFFFFF
    if linktype not in (1, 101, 228):
        sys.exit("%s: link type %d (Ethernet or raw IPv4 only)" %
                 (path, linktype))
    frames = []
    off = 24
    while off + 16 <= len(raw):
        caplen = struct.unpack(end + "I", raw[off + 8:off + 12])[0]
        frames.append(Frame(raw[off:off + 16], raw[off + 16:off + 16 +
                                                    caplen]))
        off += 16 + caplen
    return raw[:24], end, linktype, frames


def dissect(fr, linktype, addrs):
    d = fr.data
    ip = 0
    if linktype == 1:
        ip = 14
        et = struct.unpack(">H", d[12:14])[0]
        while et == 0x8100 and len(d) >= ip + 4:
            et = struct.unpack(">H", d[ip + 2:ip + 4])[0]
            ip += 4
        if et != 0x0800:
            return
    if len(d) < ip + 20 or d[ip] >> 4 != 4:
        return
    ihl = (d[ip] & 15) * 4
    fr.ip = ip
    for a in (ip + 12, ip + 16):
        key = d[a:a + 4]
        if key not in addrs:
            if len(addrs) == 4:
                sys.exit("more than 4 IPv4 addresses")
            addrs[key] = len(addrs)
        fr.addrs.append((a, addrs[key]))
    words = struct.unpack(">%dH" % (ihl // 2), d[ip:ip + ihl])
    fr.sum_rest = ip_sum(w for k, w in enumerate(words)
                         if k not in (5, 6, 7, 8, 9))
    frag = struct.unpack(">H", d[ip + 6:ip + 8])[0]
    if frag & 0x1FFF:
        return                  # not a first fragment
    pl = ip + ihl
    proto = d[ip + 9]
    if proto == 50 and len(d) >= pl + 4:
        fr.spis.append((pl, struct.unpack(">I", d[pl:pl + 4])[0]))
    elif proto == 17 and len(d) >= pl + 8:
        fr.udp = pl
        sport, dport = struct.unpack(">HH", d[pl:pl + 4])
        body = pl + 8
        ports = (sport, dport)
        if 4500 in ports and len(d) >= body + 4:
            if d[body:body + 4] == bytes(4):
                body += 4       # non-ESP marker: ISAKMP follows
            elif len(d) >= body + 8:
                fr.spis.append((body, struct.unpack(
                    ">I", d[body:body + 4])[0]))
                return
            else:
                return
        elif 500 not in ports:
            return
        if len(d) >= body + 16:
            fr.cookies.append((body, d[body:body + 8]))
            fr.cookies.append((body + 8, d[body + 8:body + 16]))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, required=True)
    ap.add_argument("inp")
    ap.add_argument("out")
    a = ap.parse_args()
    head, end, linktype, frames = parse(a.inp)
    if not frames or a.n < 1 or a.n >= (1 << 22) - 1:
        sys.exit("nothing to do (or N too large)")
    addrs = {}
    for fr in frames:
        dissect(fr, linktype, addrs)
    t0 = struct.unpack(end + "I", frames[0].hdr[:4])[0]
    t1 = struct.unpack(end + "I", frames[-1].hdr[:4])[0]
    period = t1 - t0 + 2        # whole seconds, at least 1 s apart
    # One template of a whole copy; each copy patches its places.
    tmpl = bytearray()
    base = []
    for fr in frames:
        base.append(len(tmpl) + 16)
        tmpl += fr.hdr + fr.data
        if hasattr(fr, "udp"):
            o = base[-1] + fr.udp + 6
            tmpl[o:o + 2] = b"\0\0"
    with open(a.out, "wb") as out:
        out.write(head)
        for i in range(a.n):
            ips = [struct.pack(">I", (10 << 24) + (k << 22) + i + 1)
                   for k in range(4)]
            cookies = {}
            spis = {}
            for fr, b in zip(frames, base):
                ts = struct.unpack(end + "I", fr.hdr[:4])[0] + period * i
                tmpl[b - 16:b - 12] = struct.pack(end + "I",
                                                  ts & 0xFFFFFFFF)
                if fr.ip is None:
                    continue
                s = fr.sum_rest
                for o, k in fr.addrs:
                    tmpl[b + o:b + o + 4] = ips[k]
                    s += (int.from_bytes(ips[k][:2], "big") +
                          int.from_bytes(ips[k][2:], "big"))
                c = b + fr.ip + 10
                tmpl[c:c + 2] = struct.pack(">H", ~ip_sum([s]) & 0xFFFF)
                for o, v in fr.cookies:
                    if v not in cookies:
                        cookies[v] = new_cookie(v, i)
                    tmpl[b + o:b + o + 8] = cookies[v]
                for o, v in fr.spis:
                    if v not in spis:
                        spis[v] = new_spi(v, i)
                    tmpl[b + o:b + o + 4] = spis[v]
            out.write(tmpl)


if __name__ == "__main__":
    main()
