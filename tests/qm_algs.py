#!/usr/bin/env python3
"""Quick Mode transform IDs -> KEYMAT-derived ESP SAs of the other ciphers
(TAP).  Usage: qm_algs.py IKESCOPE CORPUS

No capture of ours negotiates ESP_CAMELLIA (22), ESP_CAST (6),
ESP_BLOWFISH (7), ESP_AES-CCM_16 (16) or HMAC-RIPEMD (8) in a Quick Mode,
so one is made from a real one: strongswan-logs/a_mm_psk_aes128_sha1_modp2048 (Main Mode, PSK,
AES-128/SHA1, then a Quick Mode for ESP_AES-CBC/HMAC-SHA with UDP
encapsulation).  With the phase-1 keys its manifest lists, this script
(RFC 2409 and python's cryptography, not ikescope's code):

  - decrypts the Quick Mode (AES-128-CBC; IV = SHA1(MM6's last block |
    M-ID), then each message's last block, RFC 2409 appendix B), sets the
    transform ID and the Authentication Algorithm attribute of both SA
    payloads (for AES-CCM, which takes none, RFC 4309 7.1, the attribute
    goes and the lengths and padding follow), recomputes HASH(1) and
    HASH(2) (prf(SKEYID_a, M-ID [| Ni_b] | the payloads after HASH), 5.5)
    and encrypts the messages again;
  - re-encrypts every ESP packet under the new cipher and integrity
    algorithm with the same KEYMAT bytes (KEYMAT does not depend on the
    transform: prf(SKEYID_d, protocol | SPI | Ni_b | Nr_b)): the first 16
    bytes of each SA's encryption KEYMAT and 20 of its integrity KEYMAT,
    which the manifest lists (AES-CCM: KEYMAT's first 16 bytes are the
    key, the next 3 the salt, RFC 4309 7.1: the integrity key's first 3).

ikescope, given only the PSK and g^xy, must decrypt the Quick Mode with
its HASHes verified, derive both SAs with the new algorithms and exactly
those keys, and decrypt every ESP packet with its ICV verified; with a
wrong PSK nothing may decrypt.
"""
import hashlib
import hmac
import json
import os
import struct
import subprocess
import sys
import tempfile
import warnings

warnings.simplefilter("ignore")
try:
    from cryptography.hazmat.primitives.ciphers import (Cipher, algorithms,
                                                        modes)
    from cryptography.hazmat.primitives.ciphers.aead import AESCCM
except ImportError:
    print("1..0 # SKIP no python3 cryptography")
    sys.exit(0)
try:
    from cryptography.hazmat.decrepit.ciphers.algorithms import (
        CAST5, Blowfish, Camellia)
except ImportError:
    CAST5, Blowfish, Camellia = (algorithms.CAST5, algorithms.Blowfish,
                                 algorithms.Camellia)

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from taplib import check as ok, done	# noqa: E402
from esp_gen import csum	# noqa: E402

IKESCOPE, CORPUS = sys.argv[1], sys.argv[2]
NAME = "a_mm_psk_aes128_sha1_modp2048"
BASE = os.path.join(CORPUS, "strongswan-logs", NAME)


def cbc(alg, iv, data, enc):
    c = Cipher(alg, modes.CBC(iv))
    x = c.encryptor() if enc else c.decryptor()
    return x.update(data) + x.finalize()


def read_pcap(path):
    with open(path, "rb") as f:
        hdr = f.read(24)
        recs = []
        while True:
            h = f.read(16)
            if len(h) < 16:
                break
            sec, usec, caplen, wirelen = struct.unpack("<IIII", h)
            recs.append([sec, usec, bytearray(f.read(caplen))])
    return hdr, recs


def write_pcap(path, hdr, recs):
    with open(path, "wb") as f:
        f.write(hdr)
        for sec, usec, d in recs:
            f.write(struct.pack("<IIII", sec, usec, len(d), len(d)))
            f.write(d)


def udp_payload(fr):
    """Ethernet / IPv4 / UDP 4500: (offset of the UDP payload) or None."""
    if len(fr) < 42 or fr[12:14] != b"\x08\x00" or fr[23] != 17:
        return None
    hl = (fr[14] & 15) * 4
    sport, dport = struct.unpack(">HH", fr[14 + hl:18 + hl])
    return 14 + hl + 8 if 4500 in (sport, dport) else None


def set_len(fr, off, n):
    """The frame with its UDP payload (at off) replaced by n: lengths and
    the IPv4 header checksum fixed, the UDP checksum zero (RFC 768)."""
    hl = (fr[14] & 15) * 4
    ip = bytearray(fr[14:14 + hl])
    ip[2:4] = struct.pack(">H", hl + 8 + len(n))
    ip[10:12] = b"\0\0"
    ip[10:12] = struct.pack(">H", csum(bytes(ip)))
    udp = bytearray(fr[14 + hl:22 + hl])
    udp[4:6] = struct.pack(">H", 8 + len(n))
    udp[6:8] = b"\0\0"
    return bytearray(fr[:14]) + ip + udp + n


def payloads(pt, first):
    """[(type, offset, length)] of a payload chain in pt."""
    out, off, t = [], 0, first
    while t != 0 and off + 4 <= len(pt):
        nxt, ln = pt[off], struct.unpack(">H", pt[off + 2:off + 4])[0]
        out.append((t, off, ln))
        off += ln
        t = nxt
    return out


def add16(pt, off, d):
    pt[off:off + 2] = struct.pack(">H", struct.unpack(
        ">H", pt[off:off + 2])[0] + d)


def set_transform(pt, sa_off, xid, auth):
    """In the SA payload at sa_off: each ESP transform's ID and its
    Authentication Algorithm attribute (type 5, basic; auth None: the
    attribute removed, the transform, proposal and SA lengths with it).
    Returns the bytes removed."""
    p = sa_off + 4 + 8	# generic header, DOI, situation
    gone = 0
    while True:
        spi_n, ntr = pt[p + 6], pt[p + 7]
        t = p + 8 + spi_n
        cut = 0
        for _ in range(ntr):
            tlen = struct.unpack(">H", pt[t + 2:t + 4])[0]
            pt[t + 5] = xid
            a = t + 8
            while a < t + tlen:
                at = struct.unpack(">H", pt[a:a + 2])[0]
                if at & 0x8000 and at & 0x7fff == 5:
                    if auth is None:
                        del pt[a:a + 4]
                        add16(pt, t + 2, -4)
                        tlen -= 4
                        cut += 4
                        continue
                    pt[a + 2:a + 4] = struct.pack(">H", auth)
                a += 4 if at & 0x8000 else \
                    4 + struct.unpack(">H", pt[a + 2:a + 4])[0]
            t += tlen
        add16(pt, p + 2, -cut)
        gone += cut
        if pt[p] == 0:
            break
        p += struct.unpack(">H", pt[p + 2:p + 4])[0]
    add16(pt, sa_off + 2, -gone)
    return gone


# (name, ESP transform ID, Authentication Algorithm, cipher, IV bytes,
#  HMAC digest, ours)
CASES = [
    ("camellia-cbc/hmac-sha1-96", 22, 2, Camellia, 16, "sha1",
     "camellia-cbc", "hmac-sha1-96"),
    ("cast128-cbc/hmac-ripemd160-96", 6, 8, CAST5, 8, "ripemd160",
     "cast128-cbc", "hmac-ripemd160-96"),
    ("blowfish-cbc/hmac-sha1-96", 7, 2, Blowfish, 8, "sha1",
     "blowfish-cbc", "hmac-sha1-96"),
    ("aes-ccm-16", 16, None, None, 8, None, "aes-ccm-16", None),
]


def build(man, case, out):
    _, xid, auth, alg, ivn, dg, _, _ = case
    ike = man["ike_sas"][0]
    ka = bytes.fromhex(ike["encryption_key"])
    sk_a = bytes.fromhex(ike["skeyid_a"])
    hdr, recs = read_pcap(BASE + ".pcap")
    last_p1 = None
    qm = []	# (frame index, UDP payload offset)
    esp = []
    for i, (_, _, fr) in enumerate(recs):
        off = udp_payload(fr)
        if off is None:
            continue
        if fr[off:off + 4] == b"\0\0\0\0":
            m = fr[off + 4:]
            if m[18] == 2 and m[19] & 1:
                last_p1 = bytes(m[-16:])
            elif m[18] == 32:
                qm.append((i, off + 4))
        else:
            esp.append((i, off))
    # the Quick Mode: decrypt, rewrite, hash, encrypt
    iv_old = iv_new = None
    ni = b""
    for n, (i, o) in enumerate(qm):
        fr = recs[i][2]
        m = fr[o:]
        mid = bytes(m[20:24])
        if n == 0:
            iv_old = iv_new = hashlib.sha1(last_p1 + mid).digest()[:16]
        ct = bytes(m[28:])
        pt = bytearray(cbc(algorithms.AES(ka), iv_old, ct, False))
        iv_old = ct[-16:]
        gone = 0
        for t, po, pl in reversed(payloads(pt, m[16])):
            if t == 1:
                gone += set_transform(pt, po, xid, auth)
        pls = payloads(pt, m[16])
        end = pls[-1][1] + pls[-1][2]
        if gone:	# the padding again, to the block
            pt = pt[:end] + bytes(-end % 16)
        for t, po, pl in pls:
            if t == 10 and n == 0:
                ni = bytes(pt[po + 4:po + pl])
        if n < 2:	# HASH(1), HASH(2); HASH(3) covers nonces only
            h0 = pls[0]
            rest = bytes(pt[h0[1] + h0[2]:end])
            h = hmac.new(sk_a, mid + (ni if n == 1 else b"") + rest,
                         hashlib.sha1).digest()
            pt[h0[1] + 4:h0[1] + h0[2]] = h
        nct = cbc(algorithms.AES(ka), iv_new, bytes(pt), True)
        iv_new = nct[-16:]
        msg = bytearray(m[:28]) + nct
        msg[24:28] = struct.pack(">I", len(msg))
        recs[i][2] = set_len(fr, o - 4, b"\0\0\0\0" + msg)
    # ESP: decrypt under AES-128-CBC, encrypt under the new cipher
    sas = {c["spi"]: c for c in man["child_sas"]}
    n_esp = 0
    for i, o in esp:
        fr = recs[i][2]
        e = bytes(fr[o:])
        sa = sas.get(e[:4].hex())
        if sa is None:
            continue
        ek, ak = bytes.fromhex(sa["enc_key"]), bytes.fromhex(sa["auth_key"])
        pt = cbc(algorithms.AES(ek), e[8:24], e[24:-12], False)
        iv = e[8:8 + ivn]
        if alg is None:	# RFC 4309: nonce salt || IV, AAD SPI || seq
            new = e[:8] + iv + AESCCM(ek, tag_length=16).encrypt(
                ak[:3] + iv, pt, e[:8])
        else:
            body = e[:8] + iv + cbc(alg(ek), iv, pt, True)
            new = body + hmac.new(ak, body, dg).digest()[:12]
        recs[i][2] = set_len(fr, o, new)
        n_esp += 1
    write_pcap(out, hdr, recs)
    return len(qm), n_esp


def run(*args):
    p = subprocess.run([IKESCOPE] + list(args), capture_output=True,
                       text=True)
    return p.returncode, p.stdout, p.stderr


def main():
    if not os.path.exists(BASE + ".json"):
        print("1..0 # SKIP no strongswan-logs corpus in %s" % CORPUS)
        return 0
    man = json.load(open(BASE + ".json"))
    ike = man["ike_sas"][0]
    tmp = tempfile.mkdtemp(prefix="qm_algs.")
    keys = os.path.join(tmp, "keys")
    with open(keys, "w") as f:
        f.write("ike icookie=%s psk=%s gxy=%s\n" % (
            ike["initiator_cookie"], man["psk"], ike["dh_shared_secret"]))
    wrong = os.path.join(tmp, "wrong")
    with open(wrong, "w") as f:
        f.write("ike icookie=%s psk=%s gxy=%s\n" % (
            ike["initiator_cookie"], man["psk"] + "x",
            ike["dh_shared_secret"]))
    for case in CASES:
        label, enc, au = case[0], case[6], case[7]
        pcap = os.path.join(tmp, enc + ".pcap")
        nqm, nesp = build(man, case, pcap)
        rc, out, err = run("-q", "--json", "-k", keys, pcap)
        recs = [json.loads(x) for x in out.splitlines() if x.strip()]
        qms = [r["isakmp"] for r in recs if r.get("kind") == "isakmp" and
               r["isakmp"].get("exchange") == "quick"]
        qm_ok = [q for q in qms if q.get("decrypted") and
                 q.get("decryption", {}).get("hash") == "ok"]
        ok(rc == 0 and nqm == 3 and len(qm_ok) == 3,
           "%s: the rewritten Quick Mode decrypts, HASH(1..3) verified" %
           label, err + json.dumps(qms)[:300])
        rc, out, err = run("keys", "--export", "ikescope", "-k", keys, pcap)
        got = sorted(x for x in out.splitlines() if x.startswith("esp "))
        want = sorted(
            "esp spi=%s dst=%s src=%s enc=%s enc_key=%s" % (
                c["spi"], c["dst"], c["src"], enc, c["enc_key"] +
                (c["auth_key"][:6] if au is None else "")) +
            ("" if au is None else " auth=%s auth_key=%s" %
             (au, c["auth_key"])) for c in man["child_sas"])
        ok(rc == 0 and got == want,
           "%s: KEYMAT gives both SAs the transform's algorithms and the "
           "manifest's keys" % label, err + "\n".join(got))
        es = [r["esp"] for r in recs if "esp" in r]
        good = [e for e in es if e.get("decrypted") and
                e.get("icv") == "ok" and e.get("enc") == enc.replace(
                    "-16", "") and e.get("auth") == (au or "none")]
        ok(nesp > 0 and len(es) == nesp and len(good) == nesp,
           "%s: all %d ESP packets decrypt with the ICV verified" %
           (label, nesp), json.dumps(es[:2])[:300])
        # the audit rates the negotiated ESP transform: CAST and Blowfish
        # are 64-bit block ciphers (weak), Camellia and AES-CCM are fine
        rc, out, err = run("audit", "-q", "--json", "-k", keys, pcap)
        weak = [json.loads(x)["evidence"]["value"] for x in out.splitlines()
                if '"id":"esp_weak_encryption"' in x]
        want_weak = enc in ("cast128-cbc", "blowfish-cbc")
        ok(rc == 0 and (len(weak) == 1 if want_weak else not weak),
           "%s: audit %s" % (label, "rates it esp_weak_encryption"
                             if want_weak else "finds nothing weak in it"),
           err + repr(weak))
        rc, out, err = run("-q", "--json", "-k", wrong, pcap)
        dec = [x for x in out.splitlines() if '"decrypted":true' in x]
        ok(rc == 0 and not dec, "%s: with a wrong PSK nothing decrypts" %
           label, "\n".join(dec[:2]))
        os.unlink(pcap)
    os.unlink(keys)
    os.unlink(wrong)
    os.rmdir(tmp)
    return done()


sys.exit(main())
