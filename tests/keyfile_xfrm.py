#!/usr/bin/env python3
"""keyfile_xfrm.py - ESP SAs from `ip xfrm state` output, end to end.

tests/esp_gen.py builds its interoperability capture (every encryption and
integrity algorithm, tunnel and transport, IPv4 and IPv6, UDP 4500, ESN
across 2^32, wrong keys) with python's cryptography.  Its SAs are written
here as Linux's iproute2 prints them (`ip xfrm state`, and `ip -s xfrm
state` with its lifetime and statistics lines, SPIs and key lengths in
both forms; kernel algorithm names, "auth-trunc NAME KEY BITS" and the
older "auth NAME KEY"; AEAD keys end with the salt; the ESN flag by name
and as older iproute2 prints it, in hex; AH and IPComp records between
them), and
ikescope's verdict on every frame with that file must equal its verdict
with its own key file.  Errors must name the file and the line.

usage: keyfile_xfrm.py IKESCOPE WORKDIR
"""
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import esp_gen as g	# noqa: E402
from taplib import check, done	# noqa: E402

# our names -> the Linux crypto API's (net/xfrm/xfrm_algo.c)
ENC = {"null": "ecb(cipher_null)", "des-cbc": "cbc(des)",
       "3des-cbc": "cbc(des3_ede)", "aes-cbc": "cbc(aes)",
       "aes-ctr": "rfc3686(ctr(aes))", "camellia-cbc": "cbc(camellia)",
       "cast128-cbc": "cbc(cast5)", "blowfish-cbc": "cbc(blowfish)"}
AEAD = {"aes-gcm-8": ("rfc4106(gcm(aes))", 64),
        "aes-gcm-12": ("rfc4106(gcm(aes))", 96),
        "aes-gcm-16": ("rfc4106(gcm(aes))", 128),
        "aes-gmac": ("rfc4543(gcm(aes))", 128),
        "chacha20-poly1305": ("rfc7539esp(chacha20,poly1305)", 128),
        "aes-ccm-8": ("rfc4309(ccm(aes))", 64),
        "aes-ccm-12": ("rfc4309(ccm(aes))", 96),
        "aes-ccm-16": ("rfc4309(ccm(aes))", 128)}
AUTH = {"none": ("digest_null", 0), "hmac-md5-96": ("hmac(md5)", 96),
        "hmac-sha1-96": ("hmac(sha1)", 96),
        "hmac-sha256-96": ("hmac(sha256)", 96),
        "hmac-sha256-128": ("hmac(sha256)", 128),
        "hmac-sha384-192": ("hmac(sha384)", 192),
        "hmac-sha512-256": ("hmac(sha512)", 256),
        "aes-xcbc-96": ("xcbc(aes)", 96), "aes-cmac-96": ("cmac(aes)", 96),
        "hmac-ripemd160-96": ("hmac(rmd160)", 96)}


def keybits(key, stats):
    """A key as iproute2 prints it; with -s its length follows."""
    return "0x" + key.hex() + (" (%d bits)" % (8 * len(key)) if stats
                               else "")


def record(sa, i):
    """One SA as `ip [-s] xfrm state` prints it; the style varies with i:
    odd i as `ip -s` (SPI and reqid also in the other base, key lengths,
    the flag mask, lifetimes and statistics), and the ESN flag as newer
    iproute2 names it ("esn") or as older ones print an unnamed flag (the
    remaining bits in hex, 0x80)."""
    st = i % 2 == 1
    flags = " flag af-unspec"
    if sa["esn"]:
        flags += " esn" if i % 4 < 2 else " 80"
    if st:
        flags += " (0x%02x)" % (0x20 | (0x80 if sa["esn"] else 0))
    lines = ["src %s dst %s" % (sa["src"], sa["dst"]),
             "\tproto esp spi 0x%08x%s reqid %d%s mode %s" %
             (sa["spi"], "(%d)" % sa["spi"] if st else "", i + 1,
              "(0x%08x)" % (i + 1) if st else "", sa["mode"]),
             "\treplay-window %d%s%s" % (32 * (i % 2),
                                        " seq 0x00000000" if st else "",
                                        flags)]
    if sa["enc"] in AEAD:
        name, bits = AEAD[sa["enc"]]
        lines.append("\taead %s %s %d" % (name,
                                          keybits(sa["file_enc_key"], st),
                                          bits))
    else:
        an, bits = AUTH[sa["auth"]]
        ak = keybits(sa["file_auth_key"], st) if sa["auth"] != "none" \
            else "0x"
        # the kernel's default truncation may be printed as plain "auth"
        if i % 3 == 0 and sa["auth"] not in ("hmac-sha256-128", "none"):
            lines.append("\tauth %s %s" % (an, ak))
        else:
            lines.append("\tauth-trunc %s %s %d" % (an, ak, bits))
        lines.append("\tenc %s %s" % (ENC[sa["enc"]],
                                      keybits(sa["file_enc_key"], st)
                                      if sa["enc"] != "null" else "0x"))
    if sa["udp_encap"]:
        lines.append("\tencap type espinudp sport 4500 dport 4500 addr "
                     "0.0.0.0")
    if sa["esn"]:
        lines += ["\tanti-replay esn context:",
                  "\t seq-hi 0x1, seq 0x7, oseq-hi 0x0, oseq 0x0",
                  "\t replay_window 128, bitmap-length 4",
                  "\t 00000000 00000000 00000000 0000007f"]
    else:
        lines.append("\tanti-replay context: seq 0x0, oseq 0x0, bitmap "
                     "0x00000000")
    if i % 2:	# ip -s xfrm state
        lines += ["\tlifetime config:",
                  "\t  limit: soft (INF)(bytes), hard (INF)(bytes)",
                  "\t  expire add: soft 3204(sec), hard 3600(sec)",
                  "\tlifetime current:",
                  "\t  1024(bytes), 7(packets)",
                  "\t  add 2026-11-27 12:00:00 use 2026-11-27 12:00:01",
                  "\tstats:",
                  "\t  replay-window 0 replay 0 failed 0"]
    lines.append("\tsel src 0.0.0.0/0 dst 0.0.0.0/0 ")
    return lines


def main():
    ike, work = sys.argv[1], sys.argv[2]
    gen, prefix = g.build_in(work, 7)
    dump = []
    for i, sa in enumerate(gen.sas):
        dump += record(sa, i)
        if i == 3:	# an AH SA and an IPComp SA: no ESP keys, skipped
            dump += ["src 192.0.2.200 dst 198.51.100.200",
                     "\tproto ah spi 0x00001234 reqid 9 mode transport",
                     "\treplay-window 0 ",
                     "\tauth-trunc hmac(sha1) 0x" + "11" * 20 + " 96",
                     "\tsel src 0.0.0.0/0 dst 0.0.0.0/0 ",
                     "src 192.0.2.200 dst 198.51.100.200",
                     "\tproto comp spi 0x00004321 reqid 9 mode tunnel",
                     "\treplay-window 0 flag af-unspec",
                     "\tcomp deflate ",
                     "\tsel src 0.0.0.0/0 dst 0.0.0.0/0 "]
    xfrm = os.path.join(work, "state.txt")
    with open(xfrm, "w") as f:
        f.write("\n".join(dump) + "\n")
    check(len(gen.sas) >= 40 and
          {sa["enc"] for sa in gen.sas} >= set(ENC) | set(AEAD) and
          {sa["auth"] for sa in gen.sas} >= set(AUTH) and
          any(sa["esn"] for sa in gen.sas),
          "the dump covers every algorithm, ESN, IPv4 and IPv6 (%d SAs)" %
          len(gen.sas))

    def run(*args):
        p = subprocess.run([ike] + list(args), capture_output=True,
                           text=True)
        return p.returncode, p.stdout, p.stderr

    # the key store: the same SAs as the key file's
    rc1, ours, e1 = run("keys", "--export", "ikescope", "-k",
                        prefix + ".keys")
    rc2, theirs, e2 = run("keys", "--export", "ikescope", "-k", xfrm)
    a = sorted(x for x in ours.splitlines() if x.startswith("esp "))
    b = sorted(x for x in theirs.splitlines() if x.startswith("esp "))
    check(rc1 == 0 and rc2 == 0 and a == b and len(a) == len(gen.sas),
          "the dump loads the %d SAs of the key file, keys and ESN alike "
          "(AH and IPComp skipped)" % len(a),
          e1 + e2 + "\n".join(sorted(set(a) ^ set(b))))
    for cap in (prefix + ".pcap", prefix + "-raw.pcap"):
        v = []
        for kf in (prefix + ".keys", xfrm):
            rc, out, err = run("-q", "--json", "-k", kf, "-w",
                               os.path.join(work, "w.pcap"), cap)
            with open(os.path.join(work, "w.pcap"), "rb") as f:
                v.append((rc, [json.loads(x).get("esp") for x in
                               out.splitlines()], f.read()))
        dec = sum(1 for e in v[1][1] if e and e.get("decrypted"))
        check(v[0][0] == 0 and v[0] == v[1] and dec > 0,
              "%s: every frame as with the key file (%d decrypted), the "
              "same -w bytes" % (os.path.basename(cap), dec))

    # a record ends at a line that is not indented: other formats follow
    mixed = os.path.join(work, "mixed.txt")
    first = record(gen.sas[0], 1)
    with open(mixed, "w") as f:
        f.write("\n".join(first) + "\n" + g.keyline(gen.sas[1]) + "\n" +
                "\n".join(record(gen.sas[2], 2)) + "\n")
    rc, out, err = run("keys", "--export", "ikescope", "-k", mixed)
    n = sum(1 for x in out.splitlines() if x.startswith("esp "))
    check(rc == 0 and n == 3, "xfrm records and other key lines mixed: "
          "3 SAs", out + err)

    bad = [
        ("unsupported cipher", "\tenc cbc(twofish) 0x" + "00" * 16,
         "unsupported encryption algorithm", 5),
        ("unsupported truncation", "\tauth-trunc hmac(sha1) 0x" +
         "00" * 20 + " 160", "hmac(sha1) truncated to 160 bits", 4),
        ("AEAD with an odd ICV", "\taead rfc4106(gcm(aes)) 0x" + "00" * 20 +
         " 100", "unsupported AEAD algorithm", 4),
        ("key not hex", "\tenc cbc(aes) 0xzz", "bad encryption key", 5),
        ("SPI not a number", "\tproto esp spi 0xfoo reqid 1 mode tunnel",
         "bad SPI", 2),
        ("key of the wrong length", "\tenc cbc(aes) 0x0011",
         "AES-CBC needs a 16, 24 or 32-byte key", 1),
    ]
    base = ["src 192.0.2.1 dst 192.0.2.2",
            "\tproto esp spi 0x00000101 reqid 1 mode tunnel",
            "\treplay-window 0 flag af-unspec",
            "\tauth-trunc hmac(sha1) 0x" + "01" * 20 + " 96",
            "\tenc cbc(aes) 0x" + "02" * 16]
    where = {"\tenc": 4, "\tauth": 3, "\taead": 4, "\tproto": 1}
    for what, line, msg, errline in bad:
        lines = list(base)
        key = [k for k in where if line.startswith(k)][0]
        lines[where[key]] = line
        if key == "\taead":
            del lines[3]
        path = os.path.join(work, "bad.txt")
        with open(path, "w") as f:
            f.write("\n".join(lines) + "\n")
        rc, out, err = run("keys", "--export", "ikescope", "-k", path)
        check(rc != 0 and msg in err and "bad.txt:%d:" % errline in err,
              "%s: refused, naming the line (%d)" % (what, errline), err)
    for what, lines, msg in [
            ("no enc line", base[:4], "without an \"enc\" or \"aead\""),
            ("no proto line", base[:1] + base[3:], None)]:
        path = os.path.join(work, "bad.txt")
        with open(path, "w") as f:
            f.write("\n".join(lines) + "\n")
        rc, out, err = run("keys", "--export", "ikescope", "-k", path)
        if msg is None:		# not known as ESP: nothing is taken
            check(rc == 0 and "esp " not in out,
                  "a record without \"proto esp\": no SA", out + err)
        else:
            check(rc != 0 and msg in err and "bad.txt:1:" in err,
                  what + ": refused, naming the record's line", err)
    return done()


if __name__ == "__main__":
    sys.exit(main())
