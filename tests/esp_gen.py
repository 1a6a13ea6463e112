#!/usr/bin/env python3
"""An independent ESP encapsulator: writes captures of ESP packets, their
keys and a manifest of what a receiver must find.

Usage: esp_gen.py [--seed N] PREFIX

Writes PREFIX.pcap (LINKTYPE_ETHERNET), PREFIX-raw.pcap (LINKTYPE_RAW),
PREFIX.keys (ikescope's `esp` lines), PREFIX.esp_sa (Wireshark's table:
the SAs Wireshark 4.0 can express, the others as comments) and
PREFIX.json, the manifest: per SA its algorithms and keys, per frame the
expected verdict and the expected inner packet.

Written from the RFCs, not from ikescope's code, so that ikescope's tests
do not share its reading of them (bench/gen_esp.c is ikescope's own):

  RFC 4303  ESP: SPI, sequence number, payload, padding 1, 2, 3, ...,
            pad length, next header (2.4-2.6), the 4-byte alignment,
            ESN (2.2.1: the high 32 bits are not sent; they are appended
            after the next header for the ICV, 3.3.2.1), TFC padding
            after the inner datagram in tunnel mode and after a UDP
            datagram in transport mode (2.4, 2.7), dummy packets (next
            header 59, 2.6)
  RFC 3602  AES-CBC: an explicit random IV, a block per 16 bytes
  RFC 2405 / 2451  DES-CBC / 3DES-CBC: an 8-byte IV
  RFC 3686  AES-CTR: key || 4-byte nonce; counter block nonce || IV || 1
  RFC 4106  AES-GCM: key || 4-byte salt; nonce salt || IV; AAD SPI || seq
            or SPI || ESN high || ESN low (5); ICV 8, 12 or 16 bytes
  RFC 4543  AES-GMAC: nothing encrypted; AAD = SPI, seq (ESN), IV and the
            whole payload with its trailer; a 16-byte tag
  RFC 7634  ChaCha20-Poly1305: key || salt, nonce salt || IV, AAD as 4106
  RFC 2403 / 2404 / 4868  HMAC-MD5-96, -SHA1-96, -SHA-256-128,
            -SHA-384-192, -SHA-512-256 (and the draft SHA-256-96)
  RFC 3566  AES-XCBC-MAC-96, built here from AES-ECB (checked against the
            RFC's test cases at start)
  RFC 3948  ESP in UDP port 4500
  RFC 4309  AES-CCM: key || 3-byte salt; nonce salt || IV; AAD as 4106;
            ICV 8, 12 or 16 bytes
  RFC 4312 / 2451  Camellia-CBC (16-byte IV), CAST-128-CBC and
            Blowfish-CBC (8-byte IV)
  RFC 4494 / 2857  AES-CMAC-96, HMAC-RIPEMD-160-96

Only the block ciphers, hashes and AEADs themselves come from python's
cryptography package and hashlib.  Single DES is 3DES (EDE) with three
equal keys, which is DES (checked against FIPS 81's example at start).
"""
import argparse
import hashlib
import hmac
import ipaddress
import json
import os
import random
import struct
import sys
import warnings

warnings.simplefilter("ignore")	# 3DES is "decrepit" in newer versions
try:
    from cryptography.hazmat.primitives.ciphers import (Cipher, algorithms,
                                                        modes)
    from cryptography.hazmat.primitives.ciphers.aead import (
        AESCCM, ChaCha20Poly1305)
    from cryptography.hazmat.primitives.cmac import CMAC
except ImportError:
    sys.exit("esp_gen.py: python3 cryptography is not installed")
try:
    from cryptography.hazmat.decrepit.ciphers.algorithms import TripleDES
except ImportError:
    TripleDES = algorithms.TripleDES
try:	# CAST-128, Blowfish, Camellia: "decrepit" since cryptography 43
    from cryptography.hazmat.decrepit.ciphers.algorithms import (
        CAST5, Blowfish, Camellia)
except ImportError:
    CAST5, Blowfish, Camellia = (algorithms.CAST5, algorithms.Blowfish,
                                 algorithms.Camellia)

# ----------------------------------------------------------------- crypto


def _enc(alg, mode, data):
    e = Cipher(alg, mode).encryptor()
    return e.update(data) + e.finalize()


def aes_ecb(key, block):
    return _enc(algorithms.AES(key), modes.ECB(), block)


def xor(a, b):
    return bytes(x ^ y for x, y in zip(a, b))


def xcbc_mac(key, msg):
    """RFC 3566 2.3: the full 128-bit AES-XCBC-MAC."""
    k1 = aes_ecb(key, b"\x01" * 16)
    k2 = aes_ecb(key, b"\x02" * 16)
    k3 = aes_ecb(key, b"\x03" * 16)
    blocks = [msg[i:i + 16] for i in range(0, len(msg), 16)] or [b""]
    e = bytes(16)
    for m in blocks[:-1]:
        e = aes_ecb(k1, xor(m, e))
    last = blocks[-1]
    if len(last) == 16:
        return aes_ecb(k1, xor(xor(last, e), k2))
    last = last + b"\x80" + bytes(15 - len(last))
    return aes_ecb(k1, xor(xor(last, e), k3))


def self_test():
    # RFC 3566 section 4, test cases 1-6: key 000102..0f, message 00 01 ..
    key = bytes(range(16))
    for n, mac in ((0, "75f0251d528ac01c4573dfd584d79f29"),
                   (3, "5b376580ae2f19afe7219ceef172756f"),
                   (16, "d2a246fa349b68a79998a4394ff7a263"),
                   (20, "47f51b4564966215b8985c63055ed308"),
                   (32, "f54f0ec8d2b9f3d36807734bd5283fd4"),
                   (34, "becbb3bccdb518a30677d5481fb6b4d8")):
        if xcbc_mac(key, bytes(range(n))).hex() != mac:
            sys.exit("esp_gen.py: AES-XCBC-MAC self-test failed (%d)" % n)
    # RFC 4494 4: AES-CMAC-96 of the empty and the 40-byte message
    k = bytes.fromhex("2b7e151628aed2a6abf7158809cf4f3c")
    m = bytes.fromhex("6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c"
                      "9eb76fac45af8e5130c81c46a35ce411")
    for msg, mac in ((b"", "bb1d6929e95937287fa37d12"),
                     (m, "dfa66747de9ae63030ca3261")):
        if icv_of({"auth": "aes-cmac-96", "esn": False, "auth_key": k},
                  msg, 0).hex() != mac:
            sys.exit("esp_gen.py: AES-CMAC-96 self-test failed")
    # RFC 2286 3, test case 2: HMAC-RIPEMD-160, truncated to 96 bits
    if icv_of({"auth": "hmac-ripemd160-96", "esn": False,
               "auth_key": b"Jefe"}, b"what do ya want for nothing?",
              0).hex() != "dda6c0213a485a9e24f47420":
        sys.exit("esp_gen.py: HMAC-RIPEMD-160-96 self-test failed")
    # FIPS 81 appendix B: DES-ECB, key 0123456789abcdef, "Now is t"
    k = bytes.fromhex("0123456789abcdef")
    if _enc(TripleDES(k * 3), modes.ECB(),
            b"Now is t").hex() != "3fa40e8a984d4815":
        sys.exit("esp_gen.py: DES self-test failed")


# enc name -> (ikescope name, Wireshark 4.0 name or None, block/alignment,
#              IV bytes, AEAD ICV bytes (0: not AEAD), salt/nonce bytes)
ENCS = {
    "null": ("null", "NULL", 4, 0, 0, 0),
    "des-cbc": ("des-cbc", "DES-CBC [RFC2405]", 8, 8, 0, 0),
    "3des-cbc": ("3des-cbc", "TripleDES-CBC [RFC2451]", 8, 8, 0, 0),
    "aes-cbc": ("aes-cbc", "AES-CBC [RFC3602]", 16, 16, 0, 0),
    "aes-ctr": ("aes-ctr", "AES-CTR [RFC3686]", 4, 8, 0, 4),
    "aes-gcm-8": ("aes-gcm-8", "AES-GCM with 8 octet ICV [RFC4106]",
                  4, 8, 8, 4),
    "aes-gcm-12": ("aes-gcm-12", "AES-GCM with 12 octet ICV [RFC4106]",
                   4, 8, 12, 4),
    "aes-gcm-16": ("aes-gcm-16", "AES-GCM with 16 octet ICV [RFC4106]",
                   4, 8, 16, 4),
    "aes-gmac": ("aes-gmac", None, 4, 8, 16, 4),
    "chacha20-poly1305": ("chacha20-poly1305", None, 4, 8, 16, 4),
    "aes-ccm-8": ("aes-ccm-8", None, 4, 8, 8, 3),
    "aes-ccm-12": ("aes-ccm-12", None, 4, 8, 12, 3),
    "aes-ccm-16": ("aes-ccm-16", None, 4, 8, 16, 3),
    "camellia-cbc": ("camellia-cbc", None, 16, 16, 0, 0),
    "cast128-cbc": ("cast128-cbc", "CAST5-CBC [RFC2144]", 8, 8, 0, 0),
    "blowfish-cbc": ("blowfish-cbc", "BLOWFISH-CBC [RFC2451]", 8, 8, 0, 0),
}

# auth name -> (ikescope name, Wireshark 4.0 name or None, key bytes,
#               ICV bytes, hash)
AUTHS = {
    "none": ("none", "NULL", 0, 0, None),
    "hmac-md5-96": ("hmac-md5-96", "HMAC-MD5-96 [RFC2403]", 16, 12,
                    hashlib.md5),
    "hmac-sha1-96": ("hmac-sha1-96", "HMAC-SHA-1-96 [RFC2404]", 20, 12,
                     hashlib.sha1),
    "hmac-sha256-96": ("hmac-sha256-96",
                       "HMAC-SHA-256-96 [draft-ietf-ipsec-ciph-sha-256-00]",
                       32, 12, hashlib.sha256),
    "hmac-sha256-128": ("hmac-sha256-128", "HMAC-SHA-256-128 [RFC4868]",
                        32, 16, hashlib.sha256),
    "hmac-sha384-192": ("hmac-sha384-192", "HMAC-SHA-384-192 [RFC4868]",
                        48, 24, hashlib.sha384),
    "hmac-sha512-256": ("hmac-sha512-256", "HMAC-SHA-512-256 [RFC4868]",
                        64, 32, hashlib.sha512),
    "aes-xcbc-96": ("aes-xcbc-96", None, 16, 12, None),
    "aes-cmac-96": ("aes-cmac-96", None, 16, 12, None),
    "hmac-ripemd160-96": ("hmac-ripemd160-96",
                          "MAC-RIPEMD-160-96 [RFC2857]", 20, 12,
                          "ripemd160"),
}


def icv_of(sa, data, hi):
    """RFC 4303 3.3.2.1: with ESN the high half follows the packet."""
    auth = sa["auth"]
    if auth == "none":
        return b""
    if sa["esn"]:
        data += struct.pack(">I", hi)
    if auth == "aes-xcbc-96":
        return xcbc_mac(sa["auth_key"], data)[:12]
    if auth == "aes-cmac-96":	# RFC 4494 2.1: the leading 96 bits
        c = CMAC(algorithms.AES(sa["auth_key"]))
        c.update(data)
        return c.finalize()[:12]
    _, _, _, n, h = AUTHS[auth]
    return hmac.new(sa["auth_key"], data, h).digest()[:n]


def aad_of(sa, spi_seq, hi):
    """RFC 4106 5 / RFC 4543 3.3 / RFC 7634 2.1."""
    if sa["esn"]:
        return spi_seq[:4] + struct.pack(">I", hi) + spi_seq[4:]
    return spi_seq


def encrypt(sa, rng, seq64, plain):
    """The ESP packet (SPI .. ICV) carrying plain (payload + trailer)."""
    enc = sa["enc"]
    _, _, _, ivlen, aead_icv, saltlen = ENCS[enc]
    key = sa["enc_key"]
    if saltlen:
        key, salt = key[:-saltlen], key[-saltlen:]
    hi, lo = seq64 >> 32, seq64 & 0xffffffff
    hdr = struct.pack(">II", sa["spi"], lo)
    iv = bytes(rng.getrandbits(8) for _ in range(ivlen))
    if enc in ("aes-gcm-8", "aes-gcm-12", "aes-gcm-16", "aes-gmac"):
        aad = aad_of(sa, hdr, hi)
        if enc == "aes-gmac":
            aad, text = aad + iv + plain, b""
        else:
            text = plain
        e = Cipher(algorithms.AES(key), modes.GCM(salt + iv)).encryptor()
        e.authenticate_additional_data(aad)
        ct = e.update(text) + e.finalize()
        if enc == "aes-gmac":
            ct = plain	# sent in the clear (RFC 4543 3)
        # a truncated GCM tag is the tag's leading bytes (SP 800-38D 5.2)
        return hdr + iv + ct + e.tag[:aead_icv]
    if enc == "chacha20-poly1305":
        sealed = ChaCha20Poly1305(key).encrypt(salt + iv, plain,
                                               aad_of(sa, hdr, hi))
        return hdr + iv + sealed
    if enc.startswith("aes-ccm-"):
        # RFC 4309 4, 5: nonce salt || IV, the tag after the ciphertext
        sealed = AESCCM(key, tag_length=aead_icv).encrypt(
            salt + iv, plain, aad_of(sa, hdr, hi))
        return hdr + iv + sealed
    if enc == "null":
        ct = plain
    elif enc == "aes-cbc":
        ct = _enc(algorithms.AES(key), modes.CBC(iv), plain)
    elif enc == "des-cbc":
        ct = _enc(TripleDES(key * 3), modes.CBC(iv), plain)
    elif enc == "3des-cbc":
        ct = _enc(TripleDES(key), modes.CBC(iv), plain)
    elif enc == "camellia-cbc":
        ct = _enc(Camellia(key), modes.CBC(iv), plain)
    elif enc == "cast128-cbc":
        ct = _enc(CAST5(key), modes.CBC(iv), plain)
    elif enc == "blowfish-cbc":
        ct = _enc(Blowfish(key), modes.CBC(iv), plain)
    elif enc == "aes-ctr":
        # RFC 3686 4: nonce || IV || block counter, starting at 1
        ct = _enc(algorithms.AES(key),
                  modes.CTR(salt + iv + b"\x00\x00\x00\x01"), plain)
    else:
        raise ValueError(enc)
    body = hdr + iv + ct
    return body + icv_of(sa, body, hi)


# ---------------------------------------------------------------- packets


def csum(data):
    if len(data) % 2:
        data += b"\x00"
    s = sum(struct.unpack(">%dH" % (len(data) // 2), data))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return ~s & 0xffff


def pseudo(src, dst, proto, n):
    if len(src) == 4:
        return src + dst + struct.pack(">BBH", 0, proto, n)
    return src + dst + struct.pack(">IxxxB", n, proto)


def l4_fix(src, dst, proto, seg, off):
    """Fill the checksum at off of a TCP/UDP/ICMPv6 segment."""
    c = csum(pseudo(src, dst, proto, len(seg)) + seg)
    if proto == 17 and c == 0:
        c = 0xffff
    return seg[:off] + struct.pack(">H", c) + seg[off + 2:]


def udp(src, dst, sport, dport, data, checksum=True):
    seg = struct.pack(">HHHH", sport, dport, 8 + len(data), 0) + data
    return l4_fix(src, dst, 17, seg, 6) if checksum else seg


def tcp(src, dst, rng, sport, dport, data):
    seg = struct.pack(">HHIIBBHHH", sport, dport, rng.getrandbits(32),
                      rng.getrandbits(32), 5 << 4, 0x18, 65535, 0, 0) + data
    return l4_fix(src, dst, 6, seg, 16)


def icmp_echo(src, dst, rng, data):
    ident, seq = rng.getrandbits(16), rng.getrandbits(16)
    if len(src) == 4:
        m = struct.pack(">BBHHH", 8, 0, 0, ident, seq) + data
        return m[:2] + struct.pack(">H", csum(m)) + m[4:]
    m = struct.pack(">BBHHH", 128, 0, 0, ident, seq) + data
    return l4_fix(src, dst, 58, m, 2)


def ip(src, dst, proto, payload, ttl, ident=0, df=False, opts=b""):
    if len(src) == 4:
        hl = 20 + len(opts)
        h = struct.pack(">BBHHHBBH4s4s", 0x40 | hl // 4, 0, hl + len(payload),
                        ident, 0x4000 if df else 0, ttl, proto, 0, src,
                        dst) + opts
        return h[:10] + struct.pack(">H", csum(h)) + h[12:] + payload
    return struct.pack(">IHBB16s16s", 6 << 28, len(payload), proto, ttl,
                       src, dst) + payload


def addr(s):
    return ipaddress.ip_address(s).packed


def fragments(pkt, size, ident, reverse=False):
    """IPv4 (RFC 791) or IPv6 (RFC 8200 4.5) fragments of pkt, size
    bytes of payload each (a multiple of 8)."""
    v4 = pkt[0] >> 4 == 4
    hl = (pkt[0] & 15) * 4 if v4 else 40
    hdr, body = pkt[:hl], pkt[hl:]
    out = []
    for off in range(0, len(body), size):
        chunk, more = body[off:off + size], off + size < len(body)
        if v4:
            h = (hdr[:2] + struct.pack(">HHH", hl + len(chunk), ident,
                                       (off // 8) | (0x2000 if more else 0)) +
                 hdr[8:10] + b"\0\0" + hdr[12:])
            h = h[:10] + struct.pack(">H", csum(h)) + h[12:]
            out.append(h + chunk)
        else:
            fh = struct.pack(">BBHI", hdr[6], 0, off | (1 if more else 0),
                             ident)
            out.append(hdr[:4] + struct.pack(">HB", 8 + len(chunk), 44) +
                       hdr[7:] + fh + chunk)
    return out[::-1] if reverse else out


def with_ah(pkt, spi, seq, key):
    """IPv4 transport: AH (RFC 4302) with HMAC-SHA1-96 before the ESP."""
    hl = (pkt[0] & 15) * 4
    ah = struct.pack(">BBHII", pkt[9], 4, 0, spi, seq)
    new = bytearray(pkt[:hl])
    new[2:4] = struct.pack(">H", len(pkt) + 24)
    new[9] = 51
    # the ICV covers the header with its mutable fields zeroed (3.3.3.1)
    mut = bytearray(new)
    mut[1] = 0
    mut[6:8] = b"\0\0"
    mut[8] = 0
    mut[10:12] = b"\0\0"
    icv = hmac.new(key, bytes(mut) + ah + bytes(12) + pkt[hl:],
                   hashlib.sha1).digest()[:12]
    new[10:12] = b"\0\0"
    new[10:12] = struct.pack(">H", csum(bytes(new)))
    return bytes(new) + ah + icv + pkt[hl:]


def with_dstopts(pkt):
    """IPv6: a Destination Options header (PadN) before the ESP."""
    opt = struct.pack(">BBBB4x", pkt[6], 0, 1, 4)
    return (pkt[:4] + struct.pack(">HB", len(pkt) - 40 + 8, 60) + pkt[7:40] +
            opt + pkt[40:])


# ------------------------------------------------------------------ cases

# (name, enc, enc key bits, auth, mode, outer family, UDP 4500, esn, kind)
# kind: ok | wrong_key (every key wrong in the key files) | wrong_enc
# (the encryption key wrong, the integrity key right).  Every
# encryption algorithm and every integrity algorithm comes at least twice.
SAS = [
    ("null-md5", "null", 0, "hmac-md5-96", "tunnel", 4, False),
    ("null-xcbc", "null", 0, "aes-xcbc-96", "transport", 6, False),
    ("des-sha1", "des-cbc", 64, "hmac-sha1-96", "tunnel", 4, True),
    ("des-none", "des-cbc", 64, "none", "tunnel", 6, False),
    ("3des-sha256", "3des-cbc", 192, "hmac-sha256-128", "transport", 4,
     False),
    ("3des-md5", "3des-cbc", 192, "hmac-md5-96", "tunnel", 6, True),
    ("cbc128-sha1", "aes-cbc", 128, "hmac-sha1-96", "tunnel", 4, False),
    ("cbc128-none", "aes-cbc", 128, "none", "transport", 4, True),
    ("cbc192-sha384", "aes-cbc", 192, "hmac-sha384-192", "tunnel", 6,
     False),
    ("cbc192-xcbc", "aes-cbc", 192, "aes-xcbc-96", "tunnel", 4, False),
    ("cbc256-sha512", "aes-cbc", 256, "hmac-sha512-256", "transport", 6,
     True),
    ("cbc256-sha256", "aes-cbc", 256, "hmac-sha256-128", "tunnel", 4,
     False),
    ("cbc128-sha256-96", "aes-cbc", 128, "hmac-sha256-96", "tunnel", 6,
     False),
    ("ctr128-xcbc", "aes-ctr", 128, "aes-xcbc-96", "tunnel", 6, False),
    ("ctr128-sha384", "aes-ctr", 128, "hmac-sha384-192", "transport", 4,
     True),
    ("ctr192-md5", "aes-ctr", 192, "hmac-md5-96", "tunnel", 4, False),
    ("ctr256-sha512", "aes-ctr", 256, "hmac-sha512-256", "tunnel", 4,
     False),
    ("ctr256-none", "aes-ctr", 256, "none", "tunnel", 6, True),
    ("gcm8-128", "aes-gcm-8", 128, "none", "tunnel", 4, False),
    ("gcm8-256", "aes-gcm-8", 256, "none", "transport", 6, True),
    ("gcm12-128", "aes-gcm-12", 128, "none", "tunnel", 6, False),
    ("gcm12-256", "aes-gcm-12", 256, "none", "tunnel", 4, True),
    ("gcm16-128", "aes-gcm-16", 128, "none", "transport", 4, False),
    ("gcm16-256", "aes-gcm-16", 256, "none", "tunnel", 6, False),
    ("gmac-128", "aes-gmac", 128, "none", "tunnel", 4, False),
    ("gmac-256", "aes-gmac", 256, "none", "transport", 6, True),
    ("chacha-a", "chacha20-poly1305", 256, "none", "tunnel", 4, True),
    ("chacha-b", "chacha20-poly1305", 256, "none", "transport", 6, False),
    ("ccm8-128", "aes-ccm-8", 128, "none", "tunnel", 4, False),
    ("ccm8-256", "aes-ccm-8", 256, "none", "transport", 6, True),
    ("ccm12-192", "aes-ccm-12", 192, "none", "tunnel", 6, False),
    ("ccm12-128", "aes-ccm-12", 128, "none", "transport", 4, True),
    ("ccm16-128", "aes-ccm-16", 128, "none", "tunnel", 4, True),
    ("ccm16-256", "aes-ccm-16", 256, "none", "tunnel", 6, False),
    ("camellia128-sha1", "camellia-cbc", 128, "hmac-sha1-96", "tunnel", 4,
     False),
    ("camellia192-cmac", "camellia-cbc", 192, "aes-cmac-96", "transport",
     6, True),
    ("camellia256-sha256", "camellia-cbc", 256, "hmac-sha256-128",
     "tunnel", 6, False),
    ("cast-sha1", "cast128-cbc", 128, "hmac-sha1-96", "tunnel", 4, True),
    ("cast-rmd", "cast128-cbc", 128, "hmac-ripemd160-96", "transport", 6,
     False),
    ("bf128-md5", "blowfish-cbc", 128, "hmac-md5-96", "tunnel", 6, False),
    ("bf256-cmac", "blowfish-cbc", 256, "aes-cmac-96", "tunnel", 4, True),
    ("bf192-rmd", "blowfish-cbc", 192, "hmac-ripemd160-96", "transport", 4,
     False),
    ("cbc128-cmac", "aes-cbc", 128, "aes-cmac-96", "tunnel", 6, False),
    ("null-rmd", "null", 0, "hmac-ripemd160-96", "tunnel", 4, False),
]
# ESN SAs whose sequence numbers cross 2^32 (RFC 4303 2.2.1)
ESN_SAS = [
    ("esn-cbc-sha256", "aes-cbc", 128, "hmac-sha256-128", "tunnel", 4,
     False),
    ("esn-ctr-xcbc", "aes-ctr", 128, "aes-xcbc-96", "transport", 6, True),
    ("esn-gcm16", "aes-gcm-16", 256, "none", "tunnel", 6, False),
    ("esn-gmac", "aes-gmac", 128, "none", "transport", 4, False),
    ("esn-chacha", "chacha20-poly1305", 256, "none", "tunnel", 4, True),
    # seen from the middle: the capture begins after 3 * 2^32 packets
    ("esn-midway-sha1", "aes-cbc", 128, "hmac-sha1-96", "tunnel", 4, False),
    ("esn-midway-gcm12", "aes-gcm-12", 128, "none", "transport", 6, False),
    ("esn-ccm16", "aes-ccm-16", 128, "none", "tunnel", 4, True),
    ("esn-ccm8", "aes-ccm-8", 256, "none", "transport", 6, False),
    ("esn-camellia-cmac", "camellia-cbc", 128, "aes-cmac-96", "tunnel", 6,
     False),
    ("esn-cast-rmd", "cast128-cbc", 128, "hmac-ripemd160-96", "tunnel", 4,
     True),
    ("esn-bf-sha1", "blowfish-cbc", 128, "hmac-sha1-96", "transport", 4,
     False),
]
# Bad keys
BAD_SAS = [
    ("wrongkey-cbc-sha1", "aes-cbc", 128, "hmac-sha1-96", "tunnel", 4,
     False, "wrong_key"),
    ("wrongkey-gcm16", "aes-gcm-16", 128, "none", "tunnel", 6, True,
     "wrong_key"),
    ("wrongenc-cbc-sha256", "aes-cbc", 256, "hmac-sha256-128", "tunnel",
     4, False, "wrong_enc"),
    ("wrongenc-3des-sha1", "3des-cbc", 192, "hmac-sha1-96", "transport",
     6, True, "wrong_enc"),
    ("wrongenc-ctr-xcbc", "aes-ctr", 128, "aes-xcbc-96", "tunnel", 6,
     False, "wrong_enc"),
    ("wrongkey-ccm12", "aes-ccm-12", 128, "none", "tunnel", 4, False,
     "wrong_key"),
    ("wrongkey-camellia-cmac", "camellia-cbc", 128, "aes-cmac-96",
     "tunnel", 6, False, "wrong_key"),
    ("wrongenc-cast-rmd", "cast128-cbc", 128, "hmac-ripemd160-96",
     "transport", 4, True, "wrong_enc"),
    ("wrongenc-bf-cmac", "blowfish-cbc", 128, "aes-cmac-96", "tunnel", 6,
     False, "wrong_enc"),
]
# Outer packets: IPv4 fragments in order, IPv6 ones last first ("frag",
# with big packets); an IPv4 option (Router Alert); an IPv6 Destination
# Options header; AH before ESP (an AH+ESP bundle); an 802.1Q tag; an
# IPv4 UDP 4500 checksum (3948 lets it be zero, the default here).
OUTER = {"ctr256-sha512": "frag", "gcm16-256": "frag", "null-md5": "ipopt",
         "cbc192-sha384": "dstopts", "3des-sha256": "ah",
         "ctr192-md5": "vlan", "gcm12-128": "vlan", "chacha-a": "udpsum"}
# Pairs of SAs with the same SPI (other destinations, other keys).
SAME_SPI = [("cbc256-sha256", "gcm8-128")]
# These SAs go to the LINKTYPE_RAW capture, the rest to the Ethernet one.
RAW_SAS = {"des-none", "cbc128-sha1", "gcm12-256", "chacha-b",
           "ctr128-sha384", "wrongkey-gcm16"}

FRAMES_PER_SA = 7
# ESN: 64-bit sequence numbers from just below 2^32 to above it, and a
# late packet from before the wrap arriving after it (inside the 64-packet
# window of RFC 4303 A2.2, so its high half is the previous one)
ESN_SEQS = ([0xfffffff9 + i for i in range(7)] +
            [0x100000000 + i for i in range(6)] +
            [0xfffffffe] + [0x100000006, 0x100000007])
ESN_MIDWAY_SEQS = [(3 << 32) + 0xfffffff8 + i for i in range(12)]


def port(rng):
    """A port of the dynamic range: no dissector of tshark's takes the
    random payload for its protocol (and throws before the ESP trailer
    is shown)."""
    return rng.randrange(49152, 65536)


def rand_bytes(rng, n):
    return bytes(rng.getrandbits(8) for _ in range(n))


class Gen:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.sas = []
        self.frames = []	# (sa, seq64, [IP packets], expect)
        self.next_v4 = 1
        self.next_v6 = 1

    def addresses(self, af):
        if af == 4:
            n = self.next_v4
            self.next_v4 += 1
            return ("192.0.2.%d" % n, "198.51.100.%d" % (n % 5 + 1))
        n = self.next_v6
        self.next_v6 += 1
        return ("2001:db8:1::%x" % n, "2001:db8:2::%x" % (n % 5 + 1))

    def make_sa(self, name, enc, bits, auth, mode, af, natt, esn=False,
                kind="ok"):
        rng = self.rng
        saltlen = ENCS[enc][5]
        src, dst = self.addresses(af)
        sa = {
            "name": name, "enc": enc, "auth": auth, "mode": mode,
            "af": af, "udp_encap": natt, "esn": esn, "kind": kind,
            "src": src, "dst": dst, "spi": rng.getrandbits(32) | 0x100,
            "enc_key": rand_bytes(rng, bits // 8 + saltlen),
            "auth_key": rand_bytes(rng, AUTHS[auth][2]),
            "ttl": rng.randrange(16, 256),
            "capture": "raw" if name in RAW_SAS else "eth",
        }
        if name in OUTER:
            sa["outer"] = OUTER[name]
        # the keys the key files give
        sa["file_enc_key"], sa["file_auth_key"] = sa["enc_key"], \
            sa["auth_key"]
        if kind == "wrong_key":
            sa["file_enc_key"] = rand_bytes(rng, len(sa["enc_key"]))
            sa["file_auth_key"] = rand_bytes(rng, len(sa["auth_key"]))
        elif kind == "wrong_enc":
            sa["file_enc_key"] = rand_bytes(rng, len(sa["enc_key"]))
        self.sas.append(sa)
        return sa

    def inner_tunnel(self):
        """What a tunnel's inner datagram is: IPv4 or IPv6 addresses; UDP,
        TCP or ICMP."""
        rng = self.rng
        iaf = rng.choice((4, 6))
        if iaf == 4:
            s, d = addr("10.1.%d.%d" % (rng.randrange(256),
                                        rng.randrange(1, 255))), \
                addr("10.2.0.%d" % rng.randrange(1, 255))
        else:
            s, d = addr("fd00:1::%x" % rng.getrandbits(16)), \
                addr("fd00:2::%x" % rng.getrandbits(16))
        proto = rng.choice((17, 6, 1))
        return iaf, s, d, proto

    def build_inner(self, iaf, s, d, proto, size, rng):
        data = rand_bytes(rng, size)
        if proto == 17:
            seg = udp(s, d, port(rng), port(rng), data)
            p = 17
        elif proto == 6:
            seg = tcp(s, d, rng, port(rng), port(rng), data)
            p = 6
        else:
            seg = icmp_echo(s, d, rng, data)
            p = 1 if iaf == 4 else 58
        return ip(s, d, p, seg, rng.randrange(1, 256),
                  rng.getrandbits(16), rng.random() < 0.5)

    def frame(self, sa, seq64, special=None):
        """One ESP packet of sa (its IP fragments, or a list of one);
        special: 'dummy', 'dummy0' (no payload), 'pad0', 'pad255', 'big'
        (1200..1400 bytes), 'jumbo' (8000)."""
        rng = self.rng
        _, _, align, _, _, _ = ENCS[sa["enc"]]
        o_src, o_dst = addr(sa["src"]), addr(sa["dst"])
        tfc = b""
        size = rng.randrange(0, 200)
        if special == "big":
            size = rng.randrange(1200, 1400)
        elif special == "jumbo":
            size = 8000
        if special in ("dummy", "dummy0"):
            nh, inner_fn = 59, None
        elif sa["mode"] == "tunnel":
            iaf, s, d, proto = self.inner_tunnel()
            nh = 4 if iaf == 4 else 41
            # the inner datagram's own RNG, so it can be rebuilt longer
            st = rng.getrandbits(64)

            def inner_fn(n, iaf=iaf, s=s, d=d, proto=proto, st=st):
                return self.build_inner(iaf, s, d, proto, n,
                                        random.Random(st))
            if rng.random() < 0.3:	# RFC 4303 2.4 TFC padding
                tfc = rand_bytes(rng, rng.randrange(1, 80))
        else:
            nh = rng.choice((17, 6))
            st = rng.getrandbits(64)
            # RFC 4303 2.4: UDP gives its length, so TFC padding may
            # follow it in transport mode too (TCP's is the IP header's)
            if nh == 17 and rng.random() < 0.3:
                tfc = rand_bytes(rng, rng.randrange(1, 40))

            def inner_fn(n, nh=nh, st=st):
                r = random.Random(st)
                data = rand_bytes(r, n)
                if nh == 17:
                    return udp(o_src, o_dst, port(r), port(r), data)
                return tcp(o_src, o_dst, r, port(r), port(r), data)
        # pad length: mostly the least, else any 0..255 (the payload
        # grows until it is possible)
        if special == "pad0":
            want = 0
        elif special == "pad255":
            want = 255
        elif rng.random() < 0.5:
            want = None
        else:
            want = rng.randrange(256)
        if inner_fn is None:
            payload = rand_bytes(rng, 0 if special == "dummy0" else
                                 rng.randrange(1, 64))
        else:
            payload = inner_fn(size)
        if want is not None:
            grow = (-(len(payload) + len(tfc) + 2 + want)) % align
            if inner_fn is not None:
                payload = inner_fn(size + grow)
            else:
                payload += rand_bytes(rng, grow)
            pad = want
        else:
            pad = (-(len(payload) + len(tfc) + 2)) % align
        assert (len(payload) + len(tfc) + 2 + pad) % align == 0
        plain = (payload + tfc + bytes(range(1, pad + 1)) +
                 struct.pack("BB", pad, nh))
        esp = encrypt(sa, rng, seq64, plain)
        # the outer packet
        opt = sa.get("outer", "")
        if sa["udp_encap"]:
            # RFC 3948 2.1: IPv4 senders may leave the checksum zero
            l4 = udp(o_src, o_dst, 4500, 4500, esp,
                     checksum=sa["af"] == 6 or opt == "udpsum")
            proto = 17
        else:
            l4, proto = esp, 50
        ident = rng.getrandbits(16 if sa["af"] == 4 else 32)
        wire = ip(o_src, o_dst, proto, l4, sa["ttl"], ident & 0xffff,
                  opts=bytes.fromhex("94040000") if opt == "ipopt" else b"")
        if opt == "ah":
            wire = with_ah(wire, sa["spi"] ^ 0xa5a5a5a5, seq64 & 0xffffffff,
                           sa["auth_key"][:20])
        elif opt == "dstopts":
            wire = with_dstopts(wire)
        wires = [wire]
        if opt == "frag" and len(wire) > 600:
            # IPv6 fragments arrive last first
            wires = fragments(wire, 512, ident, reverse=sa["af"] == 6)
        exp = {"nh": nh, "pad_len": pad, "tfc": len(tfc)}
        if nh == 59:
            exp["mode"], exp["payload"] = "dummy", payload.hex()
        elif sa["mode"] == "tunnel":
            exp["mode"], exp["inner"] = "tunnel", payload.hex()
        else:
            exp["mode"], exp["payload"] = "transport", payload.hex()
        return wires, exp

    def build(self):
        queues = []
        for row in SAS:
            sa = self.make_sa(*row)
            fr, seqbase = [], self.rng.randrange(1, 1000)
            specials = [None] * FRAMES_PER_SA
            specials[1], specials[3], specials[4] = "pad0", "pad255", "big"
            if sa["name"] in ("cbc128-sha1", "gcm16-256", "null-md5"):
                specials[5] = "dummy0" if sa["name"] == "gcm16-256" else \
                    "dummy"
            if sa.get("outer") == "frag":
                specials[2], specials[6] = "big", "jumbo"
            for i, sp in enumerate(specials):
                fr.append((seqbase + i, sp))
            queues.append((sa, fr))
        for row in ESN_SAS:
            sa = self.make_sa(*row, esn=True)
            seqs = ESN_MIDWAY_SEQS if "midway" in sa["name"] else ESN_SEQS
            specials = [None] * len(seqs)
            specials[2], specials[9] = "pad255", "pad0"
            queues.append((sa, list(zip(seqs, specials))))
        for row in BAD_SAS:
            sa = self.make_sa(*row[:7], kind=row[7])
            queues.append((sa, [(10 + i, None) for i in range(5)]))
        byname = {sa["name"]: sa for sa in self.sas}
        for a, b in SAME_SPI:
            assert byname[a]["dst"] != byname[b]["dst"]
            byname[b]["spi"] = byname[a]["spi"]
        # interleave the SAs at random, each SA's packets in its order
        order = [i for i, (_, fr) in enumerate(queues) for _ in fr]
        self.rng.shuffle(order)
        pos = [0] * len(queues)
        for i in order:
            sa, fr = queues[i]
            seq64, sp = fr[pos[i]]
            pos[i] += 1
            wires, exp = self.frame(sa, seq64, sp)
            self.frames.append((sa, seq64, wires, exp))


# ---------------------------------------------------------------- outputs


def pcap_file(path, linktype, recs):
    """Classic pcap, microseconds, little-endian (the pcap format)."""
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 262144,
                            linktype))
        for sec, usec, data in recs:
            f.write(struct.pack("<IIII", sec, usec, len(data), len(data)))
            f.write(data)


def ether(wire, vlan=None):
    et = struct.pack(">H", 0x0800 if wire[0] >> 4 == 4 else 0x86dd)
    if vlan is not None:
        et = struct.pack(">HH", 0x8100, vlan) + et
    return bytes.fromhex("020000000002020000000001") + et + wire


def verdict(sa, exp):
    """What an RFC 4303 receiver with the key files' keys must find."""
    aead = ENCS[sa["enc"]][4] != 0
    has_icv = aead or sa["auth"] != "none"
    v = {"icv": "ok" if has_icv else "unchecked"}
    if sa["kind"] == "wrong_key":
        v.update(decrypted=False, icv="bad", error=["icv_bad"])
    elif sa["kind"] == "wrong_enc":
        # the ICV verifies; the plaintext is noise: the trailer or the
        # inner header check fails (RFC 4303 2.4, 3.4.4.1)
        v.update(decrypted=False, error=["bad_padding", "bad_pad_length",
                                         "bad_next_header", "bad_inner"])
    else:
        v.update(decrypted=True, error=None, mode=exp["mode"],
                 next_header=exp["nh"], pad_len=exp["pad_len"],
                 tfc_padding=exp["tfc"])
        for k in ("inner", "payload"):
            if k in exp:
                v[k] = exp[k]
    return v


def keyline(sa):
    enc = ENCS[sa["enc"]][0]
    s = "esp spi=%08x dst=%s src=%s enc=%s" % (sa["spi"], sa["dst"],
                                                sa["src"], enc)
    if sa["enc"] != "null":
        s += " enc_key=" + sa["file_enc_key"].hex()
    if sa["auth"] != "none":
        s += " auth=%s auth_key=%s" % (AUTHS[sa["auth"]][0],
                                       sa["file_auth_key"].hex())
    if sa["esn"]:
        s += " esn=yes"
    return s


def esp_sa_line(sa):
    """Wireshark 4.0's esp_sa UAT, or None when it cannot express the SA."""
    we, wa = ENCS[sa["enc"]][1], AUTHS[sa["auth"]][1]
    if we is None or wa is None:
        return None
    # Wireshark 4.0's Blowfish takes a 128-bit key only ("Bad Keylen")
    if sa["enc"] == "blowfish-cbc" and len(sa["file_enc_key"]) != 16:
        return None
    ak = "0x" + sa["file_auth_key"].hex() if sa["auth"] != "none" else ""
    ek = "0x" + sa["file_enc_key"].hex() if sa["enc"] != "null" else ""
    return '"%s","%s","%s","0x%08x","%s","%s","%s","%s"' % (
        "IPv4" if sa["af"] == 4 else "IPv6", sa["src"], sa["dst"],
        sa["spi"], we, ek, wa, ak)


def write(prefix, g):
    caps = {"eth": [], "raw": []}
    man_frames = []
    t0 = 1700000000
    n = 0
    for sa, seq64, wires, exp in g.frames:
        cap = sa["capture"]
        vlan = 100 if sa.get("outer") == "vlan" else None
        for i, wire in enumerate(wires):
            sec, usec = t0 + n // 1000, (n % 1000) * 1000
            n += 1
            caps[cap].append((sec, usec, ether(wire, vlan) if cap == "eth"
                              else wire))
            if i + 1 < len(wires):	# completes no datagram
                man_frames.append({"capture": cap, "frame": len(caps[cap]),
                                   "ts": [sec, usec], "sa": sa["name"],
                                   "fragment": True})
        rec = {"capture": cap, "frame": len(caps[cap]), "ts": [sec, usec],
               "sa": sa["name"], "spi": "%08x" % sa["spi"],
               "seq": seq64 & 0xffffffff, "outer_ttl": sa["ttl"]}
        if len(wires) > 1:
            rec["fragments"] = len(wires)
        if sa["esn"]:
            rec["seq64"] = seq64
        rec["expect"] = verdict(sa, exp)
        man_frames.append(rec)
    pcap_file(prefix + ".pcap", 1, caps["eth"])
    pcap_file(prefix + "-raw.pcap", 101, caps["raw"])
    with open(prefix + ".keys", "w") as f:
        f.write("# esp_gen.py: ikescope key file\n")
        for sa in g.sas:
            f.write(keyline(sa) + "\n")
    with open(prefix + ".esp_sa", "w") as f:
        f.write("# esp_gen.py: Wireshark esp_sa (4.0 strings)\n")
        for sa in g.sas:
            line = esp_sa_line(sa)
            if line is None:
                f.write("# %s: not expressible in Wireshark 4.0\n" %
                        sa["name"])
                continue
            if sa["esn"]:
                f.write("# %s: ESN SA (Wireshark 4.0's table has no ESN "
                        "column)\n" % sa["name"])
            f.write(line + "\n")
    sas = []
    for sa in g.sas:
        d = {k: v for k, v in sa.items() if not isinstance(v, bytes)}
        d["spi"] = "%08x" % sa["spi"]
        d["wireshark"] = esp_sa_line(sa) is not None
        sas.append(d)
    with open(prefix + ".json", "w") as f:
        json.dump({"captures": {"eth": prefix + ".pcap",
                                "raw": prefix + "-raw.pcap"},
                   "linktypes": {"eth": 1, "raw": 101},
                   "sas": sas, "frames": man_frames}, f, indent=0)
        f.write("\n")


def build_in(work, seed):
    """The cases built with seed and written to WORK/gen.*: (Gen, the
    prefix of its files)."""
    os.makedirs(work, exist_ok=True)
    gen = Gen(seed)
    gen.build()
    prefix = os.path.join(work, "gen")
    write(prefix, gen)
    return gen, prefix


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("prefix")
    a = ap.parse_args()
    self_test()
    g = Gen(a.seed)
    g.build()
    write(a.prefix, g)
    print("esp_gen.py: %d SAs, %d frames" % (len(g.sas), len(g.frames)))


if __name__ == "__main__":
    main()
