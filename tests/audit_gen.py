#!/usr/bin/env python3
"""audit_gen.py DIR - captures of plaintext IKEv1 failures for audit.sh,
built from RFC 2408/2409's layouts (no crypto is needed: the answers are
Informational exchanges in clear):

  noprop.pcap   three Main Mode attempts between the same peers, each
                answered by NO-PROPOSAL-CHOSEN: the first offers
                3DES/SHA1/MODP1024, the second and third
                AES-256/SHA256/MODP2048 (so the second differs from the
                one before it and the third repeats it);
  badid.pcap    an Aggressive Mode first message (PSK, KEY_ID "nogroup")
                answered by INVALID-ID-INFORMATION, as gateways answer an
                unknown group name;
  qmclear.pcap  Main Mode's first two messages, then a Quick Mode sent in
                clear (off the standard, but the audit reads any Quick Mode
                it can: this stands in for a decrypted one): QM1 offers ESP
                DES/HMAC-MD5 and AES-128/HMAC-SHA1, QM2 chooses the second
                and says with RESPONDER-LIFETIME (RFC 2407 4.6.3.1) that it
                lives 86400 s; no KE (no PFS).
"""
import os
import struct
import sys

I, R = bytes([192, 0, 2, 10]), bytes([192, 0, 2, 20])


def attr(t, v):
    return struct.pack(">HH", 0x8000 | t, v)


def transform(num, last, enc, klen, hsh, auth, grp):
    a = attr(1, enc) + (attr(14, klen) if klen else b"") + attr(2, hsh) + \
        attr(3, auth) + attr(4, grp) + attr(11, 1) + attr(12, 28800)
    body = struct.pack(">BBH", num, 1, 0) + a    # KEY_IKE
    return struct.pack(">BBH", 0 if last else 3, 0, 4 + len(body)) + body


def sa(xforms):
    xs = b"".join(transform(i + 1, i == len(xforms) - 1, *x)
                  for i, x in enumerate(xforms))
    prop = struct.pack(">BBBB", 1, 1, 0, len(xforms)) + xs  # ISAKMP, no SPI
    prop = struct.pack(">BBH", 0, 0, 4 + len(prop)) + prop
    return struct.pack(">II", 1, 1) + prop               # IPsec DOI, SIT_ID


def payloads(pls):
    """[(type, body)] -> (first payload type, the chained bytes)"""
    out = b""
    for i, (t, body) in enumerate(pls):
        np = pls[i + 1][0] if i + 1 < len(pls) else 0
        out += struct.pack(">BBH", np, 0, 4 + len(body)) + body
    return pls[0][0], out


def isakmp(icky, rcky, exch, pls):
    np, body = payloads(pls)
    return icky + rcky + struct.pack(">BBBBII", np, 0x10, exch, 0, 0,
                                     28 + len(body)) + body


def notify(kind):
    return (11, struct.pack(">IBBH", 1, 1, 0, kind))


def frame(src, dst, payload):
    udp = struct.pack(">HHHH", 500, 500, 8 + len(payload), 0) + payload
    ip = struct.pack(">BBHHHBBH4s4s", 0x45, 0, 20 + len(udp), 1, 0, 64, 17,
                     0, src, dst)
    s = sum(struct.unpack(">10H", ip))
    s = (s & 0xffff) + (s >> 16)
    s = (s & 0xffff) + (s >> 16)
    ip = ip[:10] + struct.pack(">H", ~s & 0xffff) + ip[12:]
    return b"\x02\0\0\0\0\x02\x02\0\0\0\0\x01\x08\x00" + ip + udp


def write(path, frames):
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
        for i, fr in enumerate(frames):
            f.write(struct.pack("<IIII", 1700000000 + i, 0, len(fr), len(fr)))
            f.write(fr)


def esp_xform(num, last, xid, auth, klen):
    a = attr(1, 1) + attr(2, 3600) + attr(4, 1) + attr(5, auth) + \
        (attr(6, klen) if klen else b"")
    body = struct.pack(">BBH", num, xid, 0) + a
    return struct.pack(">BBH", 0 if last else 3, 0, 4 + len(body)) + body


def esp_sa(spi, xforms):
    xs = b"".join(esp_xform(i + 1, i == len(xforms) - 1, *x)
                  for i, x in enumerate(xforms))
    prop = struct.pack(">BBBB", 1, 3, 4, len(xforms)) + spi + xs
    prop = struct.pack(">BBH", 0, 0, 4 + len(prop)) + prop
    return struct.pack(">II", 1, 1) + prop


def qmclear():
    icky, rcky = bytes.fromhex("c1c2c3c4c5c6c7c8"), bytes.fromhex("d1d2d3d4")
    rcky += bytes(4)
    offer = [(7, 128, 2, 1, 14)]                # AES-128, SHA1, MODP2048
    msgid = 0x5eed0001
    hashp = (8, bytes(20))
    nonce = (10, bytes(range(16)))

    def qm(pls):
        np, body = payloads(pls)
        return icky + rcky + struct.pack(">BBBBII", np, 0x10, 32, 0, msgid,
                                         28 + len(body)) + body
    life = struct.pack(">HH", 0x8001, 1) + struct.pack(">HHI", 2, 4, 86400)
    rlife = (11, struct.pack(">IBBH", 1, 3, 4, 24576) + b"\xbb" * 4 + life)
    return [
        frame(I, R, isakmp(icky, bytes(8), 2, [(1, sa(offer))])),
        frame(R, I, isakmp(icky, rcky, 2, [(1, sa(offer))])),
        frame(I, R, qm([hashp, (1, esp_sa(b"\xaa" * 4, [(2, 1, 0),
                                                      (12, 2, 128)])),
                        nonce])),
        frame(R, I, qm([hashp, (1, esp_sa(b"\xbb" * 4, [(12, 2, 128)])),
                        nonce, rlife])),
    ]


def main():
    d = sys.argv[1]
    os.makedirs(d, exist_ok=True)
    weak = [(5, 0, 2, 1, 2)]                 # 3DES, SHA1, PSK, MODP1024
    strong = [(7, 256, 4, 1, 14)]            # AES-256, SHA2-256, MODP2048
    frames = []
    for n, offer in enumerate([weak, strong, strong]):
        icky = bytes([0x11 * (n + 1)] * 8)
        frames.append(frame(I, R, isakmp(icky, bytes(8), 2,
                                         [(1, sa(offer))])))
        frames.append(frame(R, I, isakmp(icky, bytes(8), 5, [notify(14)])))
    write(os.path.join(d, "noprop.pcap"), frames)
    icky = bytes.fromhex("a1a2a3a4a5a6a7a8")
    ke = (4, bytes(range(128)))
    nonce = (10, bytes(range(32)))
    ident = (5, struct.pack(">BBH", 11, 17, 500) + b"nogroup")  # KEY_ID
    am1 = isakmp(icky, bytes(8), 4, [(1, sa(weak)), ke, nonce, ident])
    write(os.path.join(d, "badid.pcap"),
          [frame(I, R, am1),
           frame(R, I, isakmp(icky, bytes(8), 5, [notify(18)]))])
    write(os.path.join(d, "qmclear.pcap"), qmclear())


if __name__ == "__main__":
    main()
