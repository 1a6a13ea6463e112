#!/usr/bin/env python3
"""crack_cap_gen.py IN OUT PSK_R PSK_I - an Aggressive Mode capture whose
HASH_R and HASH_I are made anew (Python's hmac/hashlib, RFC 2409 5) with
the responder's pre-shared key PSK_R and the initiator's PSK_I, as two
peers whose keys differ would send them.

IN is a classic pcap of raw IP datagrams (link type 101, as ikescope -w
--write-mode=all writes) holding AM1, AM2 and AM3 in clear on UDP 500 or
4500; OUT is the same with the hashes replaced (same lengths; UDP
checksums zeroed).  The PRF is the hash whose digest has HASH_R's length
(16 MD5, 20 SHA-1, 32 SHA-256, 48 SHA-384, 64 SHA-512).  Prints the
initiator and responder cookies.

crack_cap_gen.py --ipfrag IN OUT - the same capture with every IPv4
datagram over 256 bytes of payload cut into fragments of 256 (the last
shorter), sent last fragment first.
"""
import hashlib
import hmac
import struct
import sys

SA, KE, ID, HASH, NONCE = 1, 4, 5, 8, 10
DIGESTS = {16: hashlib.md5, 20: hashlib.sha1, 32: hashlib.sha256,
           48: hashlib.sha384, 64: hashlib.sha512}


def packets(data):
    magic, _, _, _, _, _, link = struct.unpack("<IHHiIII", data[:24])
    assert magic in (0xA1B2C3D4, 0xA1B23C4D) and link == 101, \
        "raw-IP classic pcap only"
    off = 24
    while off + 16 <= len(data):
        caplen = struct.unpack("<I", data[off + 8:off + 12])[0]
        yield off + 16, caplen
        off += 16 + caplen


def isakmp(buf, at, n):
    """(offset of the ISAKMP header, UDP checksum offset) or None."""
    ip = buf[at:at + n]
    if len(ip) < 20 or ip[0] >> 4 != 4 or ip[9] != 17:
        return None
    ihl = (ip[0] & 15) * 4
    sport, dport = struct.unpack(">HH", ip[ihl:ihl + 4])
    h = at + ihl + 8
    if 4500 in (sport, dport):
        if buf[h:h + 4] != b"\0\0\0\0":
            return None             # ESP
        h += 4
    elif 500 not in (sport, dport):
        return None
    return h, at + ihl + 6


def payloads(buf, h):
    """[(type, body offset, body length)] of an ISAKMP message at h."""
    np = buf[h + 16]
    total = struct.unpack(">I", buf[h + 24:h + 28])[0]
    off, end, out = h + 28, h + total, []
    while np != 0 and off + 4 <= end:
        plen = struct.unpack(">H", buf[off + 2:off + 4])[0]
        assert plen >= 4 and off + plen <= end, "bad payload length"
        out.append((np, off + 4, plen - 4))
        np = buf[off]
        off += plen
    return out


def csum(h):
    s = sum(struct.unpack(">10H", h))
    s = (s & 0xFFFF) + (s >> 16)
    return ~((s & 0xFFFF) + (s >> 16)) & 0xFFFF


def ipfrag(src, dst):
    buf = open(src, "rb").read()
    out = bytearray(buf[:24])
    for at, n in packets(buf):
        rec, ip = buf[at - 16:at - 8], buf[at:at + n]
        ihl = (ip[0] & 15) * 4
        if ip[0] >> 4 != 4 or ihl != 20 or n - ihl <= 256:
            out += buf[at - 16:at + n]
            continue
        body = ip[20:]
        frags = []
        for off in range(0, len(body), 256):
            part = body[off:off + 256]
            more = 0x2000 if off + 256 < len(body) else 0
            h = bytearray(ip[:20])
            h[2:4] = struct.pack(">H", 20 + len(part))
            h[6:8] = struct.pack(">H", more | off // 8)
            h[10:12] = b"\0\0"
            h[10:12] = struct.pack(">H", csum(bytes(h)))
            frags.append(bytes(h) + part)
        for f in reversed(frags):
            out += rec + struct.pack("<II", len(f), len(f)) + f
    open(dst, "wb").write(out)


def main():
    if sys.argv[1] == "--ipfrag":
        ipfrag(sys.argv[2], sys.argv[3])
        return
    src, dst, psk_r, psk_i = sys.argv[1:5]
    buf = bytearray(open(src, "rb").read())
    f = {}
    hashes = []                     # (label, body offset, length)
    for at, n in packets(buf):
        x = isakmp(buf, at, n)
        if x is None or buf[x[0] + 18] != 4 or buf[x[0] + 19] & 1:
            continue
        h, ck = x
        buf[ck:ck + 2] = b"\0\0"
        icky, rcky = bytes(buf[h:h + 8]), bytes(buf[h + 8:h + 16])
        pl = payloads(buf, h)
        types = [p[0] for p in pl]
        body = {t: bytes(buf[o:o + ln]) for t, o, ln in reversed(pl)}
        if rcky == b"\0" * 8:
            f.update(icky=icky, sai=body[SA], gxi=body[KE], ni=body[NONCE],
                     idi=body[ID])
            continue
        f["rcky"] = rcky
        lab = "R" if SA in types else "I"
        if lab == "R":
            f.update(gxr=body[KE], nr=body[NONCE], idr=body[ID])
        for t, o, ln in pl:
            if t == HASH:
                hashes.append((lab, o, ln))
    for lab, o, ln in hashes:
        md = DIGESTS[ln]
        psk = (psk_r if lab == "R" else psk_i).encode()
        skeyid = hmac.new(psk, f["ni"] + f["nr"], md).digest()
        if lab == "R":
            m = f["gxr"] + f["gxi"] + f["rcky"] + f["icky"] + f["sai"] + \
                f["idr"]
        else:
            m = f["gxi"] + f["gxr"] + f["icky"] + f["rcky"] + f["sai"] + \
                f["idi"]
        buf[o:o + ln] = hmac.new(skeyid, m, md).digest()
    assert {lab for lab, _, _ in hashes} == {"R", "I"}, "AM2 and AM3 needed"
    open(dst, "wb").write(buf)
    print(f["icky"].hex(), f["rcky"].hex())


main()
