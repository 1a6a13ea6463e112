#!/usr/bin/env python3
"""Write one libFuzzer seed per frame of the given captures.

usage: seeds.py [--esp] OUTDIR CAPTURE...

Each seed is what tests/fuzz/fuzz_packet.c expects: one selector byte
(index of the capture's link type in its table) followed by the frame.
With --esp, what tests/fuzz/fuzz_esp.c expects, for the frames that carry
ESP (IP protocol 50, or UDP port 4500 after the non-ESP marker test): a
selector byte (the test SA, in turn) followed by the ESP packet.
Captures are converted to classic pcap by tshark first, so pcapng and
.gz files work too.  Standard library only.
"""
import hashlib
import os
import struct
import subprocess
import sys

# Same order as fuzz_links[] in tests/fuzz/linktypes.h (pcap file link
# types; 50 is LINKTYPE_PPP_HDLC, DLT_PPP_SERIAL; 258 LINKTYPE_PKTAP).
LINKS = {1: 0, 113: 1, 276: 2, 101: 3, 12: 3, 14: 3, 0: 4, 108: 5,
         228: 6, 229: 7, 9: 8, 50: 9, 104: 10, 239: 11, 109: 12, 117: 13,
         51: 14, 166: 15, 105: 16,
         127: 17, 192: 18, 258: 19}

V4, V6 = b"\x08\x00", b"\x86\xdd"


def by_nibble(f, off):
    """The ethertype that IP's version nibble at f[off] says."""
    return V6 if f[off:off + 1] and f[off] >> 4 == 6 else V4


def ppp(f, off):
    """(offset, ethertype) after a PPP protocol field at f[off]."""
    if f[off:off + 1] and f[off] & 1:
        proto, off = f[off], off + 1
    else:
        proto, off = int.from_bytes(f[off:off + 2], "big"), off + 2
    return off, {0x21: V4, 0x57: V6}.get(proto)


def inner(f, off, et, depth=0):
    """(offset, ethertype) under PPPoE sessions and MPLS label stacks (and
    an Ethernet pseudowire's control word, first nibble 0, under one)."""
    if et == b"\x88\x64":
        return ppp(f, off + 6)
    if et in (b"\x88\x47", b"\x88\x48"):
        while off + 4 <= len(f) and not f[off + 2] & 1:
            off += 4
        off += 4
        if f[off:off + 1] and f[off] >> 4 == 0 and depth < 16:
            return eth(f, off + 4, depth + 1)
        return off, by_nibble(f, off)
    return off, et


def eth(f, off, depth=0):
    """(offset, ethertype) after an Ethernet header at f[off], its VLAN
    tags and what inner() finds under it."""
    et, off = f[off + 12:off + 14], off + 14
    while et in (b"\x81\x00", b"\x88\xa8", b"\x91\x00"):
        et, off = f[off + 2:off + 4], off + 4
    return inner(f, off, et, depth)


def nflog(f):
    """(offset, ethertype) of an NFLOG frame's payload (little-endian
    TLVs), or (len, None) when there is none."""
    off = 4
    while off + 4 <= len(f):
        tlen, ttype = struct.unpack("<HH", f[off:off + 4])
        if tlen < 4:
            break
        if ttype & 0x7fff == 9:
            return off + 4, {2: V4, 10: V6}.get(f[0]) or by_nibble(
                f, off + 4)
        off += (tlen + 3) & ~3
    return len(f), None


def wlan(f, off, pad=False):
    """(offset, ethertype) after the MAC header (padded to 4 bytes when
    pad) and LLC/SNAP of an 802.11 data frame at f[off], or (len, None)
    when it carries none."""
    if len(f) < off + 2 or f[off] & 0x0c != 0x08 or f[off] & 0x40 or \
            f[off + 1] & 0x40:
        return len(f), None
    h = 24 + (6 if f[off + 1] & 3 == 3 else 0)
    if f[off] & 0x80:
        h += 2 + (4 if f[off + 1] & 0x80 else 0)
    if pad:
        h = (h + 3) & ~3
    llc = f[off + h:off + h + 8]
    if llc[:3] != b"\xaa\xaa\x03" or llc[3:6] not in (bytes(3),
                                                     b"\0\0\xf8"):
        return len(f), None
    return off + h + 8, llc[6:8]


def radiotap(f):
    """(offset, ethertype) under a radiotap header: its length, and the
    Flags field (after TSFT, aligned to 8) for a padded MAC header."""
    if len(f) < 8:
        return len(f), None
    rlen, present = struct.unpack("<HI", f[2:8])
    off, word = 8, present
    while word & 0x80000000 and off + 4 <= rlen:
        word = struct.unpack("<I", f[off:off + 4])[0]
        off += 4
    flags = 0
    if present & 2:
        if present & 1:
            off = ((off + 7) & ~7) + 8
        flags = f[off] if off < rlen else 0
    return wlan(f, rlen, flags & 0x20)


def esp_of(link, f):
    """The ESP packet of frame f (link-layer type link), or None."""
    if link == 1:
        off, et = eth(f, 0)
    elif link == 113:
        off, et = inner(f, 16, f[14:16])
    elif link == 276:
        off, et = inner(f, 20, f[0:2])
    elif link == 0:
        off, et = 4, by_nibble(f, 4)
    elif link in (101, 12, 14, 228, 229):
        off, et = 0, by_nibble(f, 0)
    elif link == 104 or (link in (9, 50) and f[:1] in (b"\x0f", b"\x8f")):
        off, et = inner(f, 4, f[2:4])
    elif link in (9, 50):
        off, et = ppp(f, 2 if f[:2] == b"\xff\x03" else 0)
    elif link == 239:
        off, et = nflog(f)
    elif link == 109:
        off, et = 12, by_nibble(f, 12)
    elif link == 51:
        off, et = ppp(f, 6)
    elif link == 166:
        off, et = ppp(f, 2 if f[1:2] == b"\x03" else 1)
    elif link == 105:
        off, et = wlan(f, 0)
    elif link == 127:
        off, et = radiotap(f)
    elif link == 192 and len(f) >= 8:
        hlen, dlt = struct.unpack("<HI", f[2:8])
        return esp_of(dlt, f[hlen:]) if dlt != 192 else None
    elif link == 258 and len(f) >= 12:
        hlen, rectype, dlt = struct.unpack("<III", f[:12])
        return esp_of(dlt, f[hlen:]) if rectype == 1 and dlt not in (
            192, 258) else None
    elif link == 117 and len(f) > 0:
        off = (f[0] + 3) & ~3
        et = by_nibble(f, off)
    else:
        return None
    ip = f[off:]
    if et == V4 and len(ip) >= 20 and ip[0] >> 4 == 4:
        proto, body = ip[9], ip[(ip[0] & 15) * 4:]
    elif et == V6 and len(ip) >= 40 and ip[0] >> 4 == 6:
        proto, body = ip[6], ip[40:]
    else:
        return None
    if proto == 50:
        return body
    if proto == 17 and len(body) > 12 and 4500 in struct.unpack(
            ">HH", body[:4]) and body[8:12] != b"\0\0\0\0":
        return body[8:]
    return None


def frames(path, esp=False):
    # tshark turns pcapng and gzip into classic pcap; a classic pcap of a
    # link type tshark cannot read (LINKTYPE_PPP_PPPD) is taken as it is
    p = subprocess.run(["tshark", "-r", path, "-F", "pcap", "-w", "-"],
                       capture_output=True)
    raw = p.stdout
    if p.returncode != 0:
        with open(path, "rb") as f:
            raw = f.read()
        if raw[:4] not in (b"\xd4\xc3\xb2\xa1", b"\xa1\xb2\xc3\xd4",
                           b"\x4d\x3c\xb2\xa1", b"\xa1\xb2\x3c\x4d"):
            raise RuntimeError("%s: tshark cannot read it: %s" % (
                path, p.stderr.decode(errors="replace").strip()))
    if len(raw) < 24:
        return
    magic = raw[:4]
    end = "<" if magic in (b"\xd4\xc3\xb2\xa1", b"\x4d\x3c\xb2\xa1") else ">"
    link = struct.unpack(end + "I", raw[20:24])[0]
    sel = LINKS.get(link, 0)
    off = 24
    while off + 16 <= len(raw):
        incl = struct.unpack(end + "I", raw[off + 8:off + 12])[0]
        off += 16
        frame = raw[off:off + incl]
        off += incl
        if not esp:
            yield bytes([sel]) + frame
            continue
        e = esp_of(link, frame)
        if e is not None:
            yield e


def main():
    args = sys.argv[1:]
    esp = args[:1] == ["--esp"]
    if esp:
        args = args[1:]
    out = args[0]
    os.makedirs(out, exist_ok=True)
    n = 0
    for path in args[1:]:
        for seed in frames(path, esp):
            if esp:
                seed = bytes([n % 8]) + seed
            name = hashlib.sha1(seed).hexdigest()
            with open(os.path.join(out, name), "wb") as f:
                f.write(seed)
            n += 1
    print("%d seeds from %d captures" % (n, len(args) - 1))


if __name__ == "__main__":
    main()
