#!/usr/bin/env python3
"""links.py - the link types beyond Ethernet, end to end, against tshark.

For each framing (PPPoE sessions and MPLS label stacks in Ethernet, with
and without a VLAN tag, and an Ethernet pseudowire under MPLS; DLT_PPP
with and without address/control and protocol compression, and in Cisco
HDLC framing as Wireshark reads it; DLT_PPP_SERIAL in PPP and in Cisco
HDLC framing; DLT_C_HDLC; DLT_PPP_ETHER (PPPoE without Ethernet);
DLT_PPP_PPPD (pppd's direction byte); DLT_NFLOG as "tcpdump -i nflog"
writes it; OpenBSD's DLT_ENC (the enc0 "IPsec" interface of pfSense and
OPNsense) and DLT_PFLOG; IEEE 802.11 data frames of each MAC header shape,
bare and under radiotap with an FCS and a padded header, and under PPI
with an FCS (and Ethernet under PPI); Apple's PKTAP over Ethernet, null
and raw IP) a small classic pcap file is written here, from the RFCs' and
the linktype pages' layouts, holding the same frames: an IKEv1 message on
UDP 500 (IPv4 and IPv6), an ESP packet (IP protocol 50) and an ESP-in-UDP
one (port 4500), and a frame that is not IP (an LCP packet, PPPoE
discovery packets, a SLARP keepalive, an NFLOG record with no payload, an
802.11 beacon and null-data frame, a PKTAP record without a packet) where
the framing has one.

Three views are compared per frame: what the frame was built to carry,
tshark's decode (addresses, ports, ESP SPI, ISAKMP initiator cookie) and
ikescope's (read --json); and `-w --write-mode=all` must export exactly
the IP datagrams that were framed (which checks where ikescope says the
IP header starts).  Output is TAP.

usage: links.py IKESCOPE [TSHARK]     (TSHARK empty: tshark checks skipped)
       links.py --write DIR           (only write the captures, e.g. to
                                       seed the fuzzer or replay them)
"""
import json
import os
import struct
import subprocess
import sys
import tempfile
import zlib

V4A, V4B = bytes([192, 0, 2, 1]), bytes([192, 0, 2, 2])
V6A = bytes.fromhex("20010db8000000000000000000000001")
V6B = bytes.fromhex("20010db8000000000000000000000002")


# ---- upper layers

def isakmp(icookie):
    """An IKEv1 Main Mode first message: header and one SA payload
    (DOI IPsec, identity situation, one proposal of one transform, AES)."""
    xform = struct.pack(">BBHBBHHH", 0, 0, 12, 1, 1, 0, 0x8001, 7)
    prop = struct.pack(">BBHBBBB", 0, 0, 8 + len(xform), 1, 1, 0, 1) + xform
    sa = struct.pack(">BBHII", 0, 0, 12 + len(prop), 1, 1) + prop
    return (icookie + bytes(8) + struct.pack(">BBBBII", 1, 0x10, 2, 0, 0,
                                             28 + len(sa)) + sa)


def esp(spi):
    return struct.pack(">II", spi, 1) + bytes(range(32))


def udp(sport, dport, body):
    return struct.pack(">HHHH", sport, dport, 8 + len(body), 0) + body


def ipv4(proto, body, ident=1):
    return struct.pack(">BBHHHBBH4s4s", 0x45, 0, 20 + len(body), ident, 0,
                       64, proto, 0, V4A, V4B) + body


def ipv6(nh, body):
    return struct.pack(">IHBB16s16s", 0x60000000, len(body), nh, 64, V6A,
                       V6B) + body


# What a frame carries, as the checks expect it: (ip datagram or None,
# kind, src, dst, sport, dport, spi, icookie).
def dgram_ike4(n):
    ic = bytes([0x10 + n]) * 8
    return (ipv4(17, udp(500, 500, isakmp(ic))), "isakmp", "192.0.2.1",
            "192.0.2.2", 500, 500, None, ic.hex())


def dgram_ike6(n):
    ic = bytes([0x60 + n]) * 8
    return (ipv6(17, udp(500, 500, isakmp(ic))), "isakmp", "2001:db8::1",
            "2001:db8::2", 500, 500, None, ic.hex())


def dgram_esp4(n):
    spi = 0x10000000 + n
    return (ipv4(50, esp(spi)), "esp", "192.0.2.1", "192.0.2.2", None, None,
            spi, None)


def dgram_espudp4(n):
    spi = 0x20000000 + n
    return (ipv4(17, udp(4500, 4500, esp(spi))), "esp", "192.0.2.1",
            "192.0.2.2", 4500, 4500, spi, None)


NOT_IP = (None, "other", None, None, None, None, None, None)


# ---- link layers (each: ip datagram or None, and ethertype/protocol)

def eth(et, payload, tags=()):
    h = b"\x02" * 6 + b"\x04" * 6
    for tpid, tci in tags:
        h += struct.pack(">HH", tpid, tci)
    return h + struct.pack(">H", et) + payload


def ppp_proto(proto, compressed=False):
    return bytes([proto]) if compressed else struct.pack(">H", proto)


def pppoe(proto, payload):
    body = ppp_proto(proto) + payload
    return struct.pack(">BBHH", 0x11, 0, 0x1234, len(body)) + body


def mpls(labels, payload):
    h = b""
    for i, label in enumerate(labels):
        bos = 0x100 if i == len(labels) - 1 else 0
        h += struct.pack(">I", label << 12 | bos | 64)
    return h + payload


def nflog_tlv(ttype, value):
    tlv = struct.pack("<HH", 4 + len(value), ttype) + value
    return tlv + bytes(-len(tlv) % 4)


def nflog(family, dgram):
    """An NFLOG record as the kernel builds it: packet header (hardware
    protocol, hook), prefix, uid, then the payload when there is one."""
    hwproto = 0x86dd if family == 10 else 0x0800
    rec = struct.pack(">BBH", family, 0, 5)
    rec += nflog_tlv(1, struct.pack(">HBB", hwproto, 3, 0))
    rec += nflog_tlv(10, b"ipsec-in\0")
    rec += nflog_tlv(11, struct.pack(">I", 1000))
    if dgram is not None:
        rec += nflog_tlv(9, dgram)
    return rec


def snap(et, oui=0):
    """LLC with a SNAP header (RFC 1042, or 802.1H with OUI 00-00-f8)."""
    return b"\xaa\xaa\x03" + oui.to_bytes(3, "big") + struct.pack(">H", et)


def wlan(fc0, fc1, body, qos=None, seq=0x10):
    """An 802.11 frame: frame control (version/type/subtype, flags), a
    fourth address with both DS bits, QoS control (and HT control with
    the order bit) when qos is given."""
    h = struct.pack("<BBH6s6s6sH", fc0, fc1, 0x2c, b"\x02" * 6, b"\x04" * 6,
                    b"\x06" * 6, seq)
    if fc1 & 3 == 3:
        h += b"\x08" * 6
    if qos is not None:
        h += struct.pack("<H", qos) + (bytes(4) if fc1 & 0x80 else b"")
    return h + body


def wlan_frames():
    """[(802.11 frame, expectation)]: data frames of each header shape
    (to and from the AP, four addresses with QoS, QoS with HT control),
    a beacon and a null-data frame."""
    ups = [dgram_ike4(0), dgram_esp4(1), dgram_espudp4(2), dgram_ike6(3)]

    def et_of(d):
        return 0x86dd if d[0][0] >> 4 == 6 else 0x0800

    shapes = [(0x08, 0x01, None, 0), (0x88, 0x03, 5, 0), (0x88, 0x82, 0, 0),
              (0x08, 0x02, None, 0xf8)]
    out = [(wlan(fc0, fc1, snap(et_of(d), oui) + d[0], qos, 0x10 * (i + 1)),
            d) for i, (d, (fc0, fc1, qos, oui)) in enumerate(zip(ups,
                                                                 shapes))]
    beacon = (struct.pack("<QHH", 0, 100, 0x0411) + b"\x00\x05ikesc" +
              b"\x01\x01\x82")
    out.append((wlan(0x80, 0, beacon), NOT_IP))
    out.append((wlan(0x48, 0x01, b""), NOT_IP))
    return out


def radiotap(flags, frame, chained=False):
    """A radiotap header (TSFT, Flags, Rate, Channel, antenna signal:
    present bits 0-3 and 5) in front of an 802.11 frame; chained, as
    Linux drivers write it, a second bitmap (radiotap namespace: antenna
    signal and antenna) moves TSFT to the next 8-byte boundary.  With the
    FCS flag (0x10) a CRC-32 of the frame follows it; the padding flag
    (0x20) is for a frame whose MAC header is padded to 4 bytes."""
    if chained:
        words = struct.pack("<II", 0xa000002f, 0x00000820) + bytes(4)
        extra = struct.pack("<bB", -50, 1)
    else:
        words, extra = struct.pack("<I", 0x2f), b""
    fields = struct.pack("<QBBHHb", 1700000000000000, flags, 12, 2437,
                         0x00c0, -48) + extra
    h = struct.pack("<BBH", 0, 0, 4 + len(words) + len(fields)) + words
    if flags & 0x10:
        frame += struct.pack("<I", zlib.crc32(frame))
    return h + fields + frame


def radiotap_frames():
    """The 802.11 frames of wlan_frames(), each with its FCS; the third
    (QoS with HT control, a 30-byte MAC header) padded to 32 bytes; the
    second and fourth with chained bitmaps."""
    out = []
    for i, (f, d) in enumerate(wlan_frames()):
        if i == 2:
            out.append((radiotap(0x30, f[:30] + b"\0\0" + f[30:]), d))
        else:
            out.append((radiotap(0x10, f, i in (1, 3)), d))
    return out


def ppi(dlt, frame, common_flags=None):
    """A PPI header (fields aligned) for link type dlt: a field of an
    unknown type (8 bytes: tshark 4.0 does not count the padding after a
    shorter aligned field in the header length, which ikescope does, so
    the padding is left to the unit tests) and, with common_flags, an
    802.11-Common field; its FCS flag (1) puts a CRC-32 after the frame."""
    fields = struct.pack("<HH", 1000, 8) + b"\x77" * 8
    if common_flags is not None:
        fields += struct.pack("<HHQHHHHBBbb", 2, 20, 1700000000000000,
                              common_flags, 12, 2437, 0x00c0, 0, 0, -48,
                              -95)
        if common_flags & 1:
            frame += struct.pack("<I", zlib.crc32(frame))
    return struct.pack("<BBHI", 0, 1, 8 + len(fields), dlt) + fields + frame


def pktap(dlt, frame, rectype=1, hlen=108):
    """Apple's PKTAP header (little-endian: length, record type, link
    type, interface name, flags, protocol family, ..., process id and
    name) in front of a frame of link type dlt."""
    h = struct.pack("<III24sIIIIi20sIHHi20s", hlen, rectype, dlt, b"en0",
                    0, 2, 0, 0, 1234, b"charon", 0, 6, 0, 1234, b"charon")
    return h + bytes(hlen - len(h)) + frame


def frames_for(name):
    """(link type, [(frame bytes, expectation)]) of a case."""
    ups = [dgram_ike4(0), dgram_esp4(1), dgram_espudp4(2), dgram_ike6(3)]

    def et_of(d):
        return 0x86dd if d[0][0] >> 4 == 6 else 0x0800

    def ppp_of(d):
        return 0x57 if d[0][0] >> 4 == 6 else 0x21

    lcp = bytes.fromhex("c021") + bytes.fromhex("0901000c") + bytes(8)
    out = []
    if name == "pppoe":
        link = 1
        out = [(eth(0x8864, pppoe(ppp_of(d), d[0])), d) for d in ups]
        out.append((eth(0x8864, struct.pack(">BBHH", 0x11, 0, 0x1234,
                                            len(lcp)) + lcp), NOT_IP))
        # the discovery stage: a PADI with a host-uniq tag
        tags = struct.pack(">HHHHI", 0x0101, 0, 0x0103, 4, 0x12345678)
        out.append((eth(0x8863, struct.pack(">BBHH", 0x11, 0x09, 0,
                                            len(tags)) + tags), NOT_IP))
    elif name == "vlan-pppoe":
        link = 1
        out = [(eth(0x8864, pppoe(ppp_of(d), d[0]), [(0x8100, 7)]), d)
               for d in ups]
    elif name == "mpls":
        link = 1
        out = [(eth(0x8847, mpls([16], d[0])), d) for d in ups]
    elif name == "mpls-pw":
        # an Ethernet pseudowire: control word (sequence number), then
        # Ethernet (a VLAN tag in the second frame) under two labels
        link = 1
        for i, d in enumerate(ups):
            pw = eth(et_of(d), d[0], [(0x8100, 5)] if i == 1 else ())
            out.append((eth(0x8847, mpls([1000, 17], struct.pack(">I", i) +
                                         pw)), d))
    elif name == "vlan-mpls2":
        link = 1
        out = [(eth(0x8847, mpls([1000, 17], d[0]), [(0x8100, 9)]), d)
               for d in ups]
    elif name == "ppp":
        link = 9
        out = [(b"\xff\x03" + ppp_proto(ppp_of(d)) + d[0], d) for d in ups]
        out.append((b"\xff\x03" + lcp, NOT_IP))
    elif name == "ppp-compressed":
        link = 9
        out = [(ppp_proto(ppp_of(d), True) + d[0], d) for d in ups]
    elif name == "ppp-serial":
        link = 50
        out = [(b"\xff\x03" + ppp_proto(ppp_of(d)) + d[0], d) for d in ups]
        out.append((b"\xff\x03" + lcp, NOT_IP))
    elif name in ("ppp-serial-cisco", "ppp-cisco"):
        link = 50 if name == "ppp-serial-cisco" else 9
        out = [(struct.pack(">BBH", 0x0f, 0, et_of(d)) + d[0], d)
               for d in ups]
    elif name == "chdlc":
        link = 104
        out = [(struct.pack(">BBH", 0x8f if i % 2 else 0x0f, 0, et_of(d)) +
                d[0], d) for i, d in enumerate(ups)]
        slarp = struct.pack(">BBHIIIHI", 0x8f, 0, 0x8035, 2, 1, 0, 0xffff,
                            0)
        out.append((slarp, NOT_IP))
    elif name == "ppp-ether":
        # PPPoE without its Ethernet header
        link = 51
        out = [(pppoe(ppp_of(d), d[0]), d) for d in ups]
        # a discovery packet (PADT), told by its code alone
        out.append((struct.pack(">BBHH", 0x11, 0xa7, 0x1234, 0), NOT_IP))
    elif name == "ppp-pppd":
        # pppd: the address byte replaced by the direction (0 in, 1 out)
        link = 166
        out = [(bytes([i % 2, 3]) + ppp_proto(ppp_of(d)) + d[0], d)
               for i, d in enumerate(ups)]
    elif name == "enc":
        # OpenBSD enc(4): family (little-endian here), SPI, flags
        link = 109
        out = [(struct.pack("<I", 24 if d[0][0] >> 4 == 6 else 2) +
                struct.pack(">I", 0x1000 + i) + struct.pack("<I", 1) + d[0],
                d) for i, d in enumerate(ups)]
    elif name == "pflog":
        # pflog(4): OpenBSD's 61-byte header, padded to 64
        link = 117
        out = [(struct.pack(">BBBB", 61, 24 if d[0][0] >> 4 == 6 else 2, 0,
                            0) + b"enc0".ljust(16, b"\0") + bytes(44) +
                d[0], d) for d in ups]
    elif name == "nflog":
        link = 239
        out = [(nflog(10 if d[0][0] >> 4 == 6 else 2, d[0]), d)
               for d in ups]
        out.append((nflog(2, None), NOT_IP))
    elif name == "wlan":
        link = 105
        out = wlan_frames()
    elif name == "radiotap":
        link = 127
        out = radiotap_frames()
    elif name == "ppi":
        # 802.11 with an FCS, and Ethernet, under PPI
        link = 192
        out = [(ppi(105, f, 1), d) for f, d in wlan_frames()]
        out.append((ppi(1, eth(0x0800, dgram_ike4(4)[0])), dgram_ike4(4)))
    elif name == "pktap":
        # Ethernet, BSD null (macOS's AF_INET6 30), raw IP under PKTAP; a
        # longer header; a record with no packet
        link = 258
        out = [(pktap(1, eth(et_of(ups[0]), ups[0][0])), ups[0]),
               (pktap(0, struct.pack("<I", 2) + ups[1][0]), ups[1]),
               (pktap(12, ups[2][0], hlen=116), ups[2]),
               (pktap(0, struct.pack("<I", 30) + ups[3][0]), ups[3]),
               (pktap(1, b"", rectype=0), NOT_IP)]
    else:
        raise ValueError(name)
    return link, out


# link types tshark 4.0 cannot read from a file
NO_TSHARK = {166: "tshark 4.0 does not read LINKTYPE_PPP_PPPD (166) files "
                  "(\"record data that TShark doesn't support\")"}

CASES = ("pppoe", "vlan-pppoe", "mpls", "vlan-mpls2", "mpls-pw", "ppp",
         "ppp-compressed", "ppp-cisco", "ppp-serial", "ppp-serial-cisco",
         "chdlc", "nflog", "enc", "pflog", "ppp-ether", "ppp-pppd", "wlan",
         "radiotap", "ppi", "pktap")


def write_pcap(path, link, frames):
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, link))
        for i, fr in enumerate(frames):
            f.write(struct.pack("<IIII", 1700000000 + i, 0, len(fr),
                                len(fr)))
            f.write(fr)


def read_pcap(path):
    """The frames of a classic little-endian pcap file."""
    with open(path, "rb") as f:
        raw = f.read()
    out, off = [], 24
    while off + 16 <= len(raw):
        incl = struct.unpack("<I", raw[off + 8:off + 12])[0]
        out.append(raw[off + 16:off + 16 + incl])
        off += 16 + incl
    return out


# ---- the views

def view_expected(d):
    _, kind, src, dst, sport, dport, spi, ic = d
    return {"kind": kind, "src": src, "dst": dst, "sport": sport,
            "dport": dport, "spi": spi, "icookie": ic}


def view_ikescope(o):
    return {"kind": o.get("kind"), "src": o.get("src"), "dst": o.get("dst"),
            "sport": o.get("sport"), "dport": o.get("dport"),
            "spi": int(o["esp"]["spi"], 16) if "esp" in o else None,
            "icookie": o["isakmp"]["icookie"] if "isakmp" in o else None}


TSHARK_FIELDS = ("ip.src", "ipv6.src", "ip.dst", "ipv6.dst", "udp.srcport",
                 "udp.dstport", "esp.spi", "isakmp.ispi")


def view_tshark(row):
    v = dict(zip(TSHARK_FIELDS, row))
    ic = v["isakmp.ispi"].replace(":", "").lower() or None
    spi = int(v["esp.spi"], 16) if v["esp.spi"] else None
    return {"kind": "isakmp" if ic else "esp" if spi is not None else
            "other",
            "src": v["ip.src"] or v["ipv6.src"] or None,
            "dst": v["ip.dst"] or v["ipv6.dst"] or None,
            "sport": int(v["udp.srcport"]) if v["udp.srcport"] else None,
            "dport": int(v["udp.dstport"]) if v["udp.dstport"] else None,
            "spi": spi, "icookie": ic}


def run(cmd):
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       check=False)
    return r.returncode, r.stdout.decode(), r.stderr.decode()


class Tap:
    def __init__(self):
        self.n = 0
        self.failed = 0

    def check(self, ok, desc, diag=()):
        self.n += 1
        print("%s %d - %s" % ("ok" if ok else "not ok", self.n, desc))
        if not ok:
            self.failed += 1
            for line in diag:
                print("# " + line)

    def skip(self, why):
        self.n += 1
        print("ok %d # SKIP %s" % (self.n, why))


def differences(name, a, b, an, bn):
    return ["frame %d: %s %s != %s %s" % (i + 1, an, x, bn, y)
            for i, (x, y) in enumerate(zip(a, b)) if x != y] + (
        ["%s has %d frames, %s %d" % (an, len(a), bn, len(b))]
        if len(a) != len(b) else [])


def check_case(tap, ikescope, tshark, tmp, name):
    link, frames = frames_for(name)
    path = os.path.join(tmp, name + ".pcap")
    write_pcap(path, link, [f for f, _ in frames])
    want = [view_expected(d) for _, d in frames]

    wout = os.path.join(tmp, name + ".out.pcap")
    rc, out, err = run([ikescope, "read", "--json", "-q", "-w", wout,
                        "--write-mode=all", path])
    try:
        objs = [json.loads(line) for line in out.splitlines()]
    except ValueError:
        objs = []
    got = [view_ikescope(o) for o in objs]
    anomalies = ["frame %d: %s" % (o["frame"], a["id"]) for o in objs
                 for a in o.get("anomalies", [])]
    tap.check(rc == 0 and got == want and not anomalies,
              "%s (link type %d): ikescope decodes the %d frames as built"
              % (name, link, len(want)),
              ["exit status %d: %s" % (rc, err.strip())] +
              differences(name, got, want, "ikescope", "built") + anomalies)

    exported = read_pcap(wout) if os.path.exists(wout) else []
    dgrams = [d[0] for _, d in frames if d[0] is not None]
    tap.check(exported == dgrams,
              "%s: -w --write-mode=all exports the %d IP datagrams"
              % (name, len(dgrams)),
              ["exported %d packets; first difference at packet %s" % (
                  len(exported), next((i + 1 for i, (x, y) in
                                       enumerate(zip(exported, dgrams))
                                       if x != y), "-"))])

    if not tshark:
        tap.skip("tshark not installed")
        return
    if link in NO_TSHARK:
        tap.skip(NO_TSHARK[link])
        return
    cmd = [tshark, "-r", path, "-T", "fields", "-E", "separator=/t",
           "-E", "occurrence=f"]
    for f in TSHARK_FIELDS:
        cmd += ["-e", f]
    rc, out, err = run(cmd)
    ts = [view_tshark(line.split("\t")) for line in out.splitlines()]
    tap.check(rc == 0 and ts == want and ts == got,
              "%s: tshark decodes the same %d frames as ikescope"
              % (name, len(ts)),
              ["tshark exit status %d: %s" % (rc, err.strip())] +
              differences(name, ts, got, "tshark", "ikescope"))


def main():
    args = sys.argv[1:]
    if args[:1] == ["--write"]:
        os.makedirs(args[1], exist_ok=True)
        for name in CASES:
            link, frames = frames_for(name)
            write_pcap(os.path.join(args[1], "link-%s.pcap" % name), link,
                       [f for f, _ in frames])
        return 0
    ikescope = args[0]
    tshark = args[1] if len(args) > 1 else ""
    tap = Tap()
    with tempfile.TemporaryDirectory() as tmp:
        for name in CASES:
            check_case(tap, ikescope, tshark, tmp, name)
    print("1..%d" % tap.n)
    return 0


if __name__ == "__main__":
    sys.exit(main())
