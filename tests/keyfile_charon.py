#!/usr/bin/env python3
"""Keys from strongSwan charon logs (TAP).  Usage: keyfile_charon.py IKESCOPE CORPUS

For every capture in strongswan-logs/ and each of its two logs alone:
`ikescope keys --export ikescope -k LOG` yields exactly the IKE SAs (cookies,
Ka, SKEYID, SKEYID_d/a/e, DH secret) and ESP SAs (SPI, addresses,
algorithms, keys) the manifest lists, a Quick Mode PFS secret for each
Quick Mode of a PFS scenario, and the capture's ESP decrypts with the log
alone exactly as with the Wireshark esp_sa table.  Both logs together give
the same keys, and so does a log without <name|uid> prefixes; two logs
concatenated (a daemon restart between) give both.
"""
import glob
import json
import os
import re
import subprocess
import sys

IKESCOPE, CORPUS = sys.argv[1], sys.argv[2]
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
LOGS = os.path.join(CORPUS, "strongswan-logs")
results = []

# strongSwan's names (manifest) -> ours (ikescope key file lines)
ENC = {"AES_CBC": "aes-cbc", "AES_CTR": "aes-ctr", "3DES_CBC": "3des-cbc",
       "DES_CBC": "des-cbc", "AES_GCM_16": "aes-gcm-16",
       "AES_GCM_12": "aes-gcm-12", "AES_GCM_8": "aes-gcm-8",
       "NULL": "null"}
AUTH = {"HMAC_SHA1_96": "hmac-sha1-96", "HMAC_MD5_96": "hmac-md5-96",
        "HMAC_SHA2_256_128": "hmac-sha256-128",
        "HMAC_SHA2_384_192": "hmac-sha384-192",
        "HMAC_SHA2_512_256": "hmac-sha512-256",
        "AES_XCBC_96": "aes-xcbc-96", "UNDEFINED": None}


def ok(cond, name, diag=""):
    results.append((bool(cond), name, diag))


def export(keyfiles, fmt="ikescope"):
    args = [IKESCOPE, "keys", "--export", fmt]
    for k in keyfiles:
        args += ["-k", k]
    p = subprocess.run(args, capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def parse_ours(text):
    """ike/qm/esp lines -> (ike by icookie, qm list, esp by spi)."""
    ike, qm, esp = {}, [], {}
    for line in text.splitlines():
        w = line.split()
        if not w or w[0].startswith("#"):
            continue
        kv = dict(x.split("=", 1) for x in w[1:])
        if w[0] == "ike":
            ike[kv["icookie"]] = kv
        elif w[0] == "qm":
            qm.append(kv)
        elif w[0] == "esp":
            esp[kv["spi"]] = kv
    return ike, qm, esp


def esp_results(keyfile, pcap):
    p = subprocess.run([IKESCOPE, "-q", "--json", "-k", keyfile, pcap],
                       capture_output=True, text=True)
    out = []
    for l in p.stdout.splitlines():
        r = json.loads(l)
        if "esp" in r:
            e = r["esp"]
            out.append((e.get("spi"), e.get("sa_known"), e.get("decrypted"),
                        e.get("icv")))
    return p.returncode, out


def check_log(name, man, log, role):
    label = "%s %s log" % (name, role)
    rc, text, err = export([log])
    ok(rc == 0, label + ": loads", err)
    ike, qm, esp = parse_ours(text)
    want_ike = man["ike_sas"]
    ok(len(ike) == len(want_ike), label + ": %d IKE SA(s), as the manifest"
       % len(ike), "got %s" % sorted(ike))
    for s in want_ike:
        got = ike.get(s["initiator_cookie"], {})
        ka = s["encryption_key"] if role == "initiator" else \
            s.get("responder_encryption_key") or s["encryption_key"]
        want = {"rcookie": s["responder_cookie"], "enc_key": ka,
                "skeyid": s["skeyid"], "skeyid_d": s["skeyid_d"],
                "skeyid_a": s["skeyid_a"], "skeyid_e": s["skeyid_e"],
                "gxy": s["dh_shared_secret"]}
        bad = [k for k in want if got.get(k) != want[k]]
        ok(got and not bad, "%s: IKE SA %s: cookies, Ka, SKEYIDs, g^xy"
           % (label, s["initiator_cookie"]), "differ: %s" % bad)
    mids = sorted({"%08x" % e["mid"] for e in man.get("exchanges_initiator_log",
                                                       [])
                   if e.get("exch") == "QUICK_MODE"})
    got_mids = sorted(q["msgid"] for q in qm)
    if man.get("pfs"):
        ok(got_mids == mids and all(len(q["gxy"]) >= 128 for q in qm),
           label + ": a PFS secret for each Quick Mode (%s)" % mids,
           "got %s" % got_mids)
    else:
        ok(not qm, label + ": no PFS secrets without PFS", str(got_mids))
    want_esp = man["child_sas"]
    ok(len(esp) == len(want_esp), label + ": %d ESP SAs, as the manifest"
       % len(esp), "got %s" % sorted(esp))
    for c in want_esp:
        got = esp.get(c["spi"], {})
        want = {"src": c["src"], "dst": c["dst"], "enc": ENC.get(c["enc_alg"]),
                "enc_key": c["enc_key"]}
        auth = AUTH.get(c["auth_alg"], "?" + c["auth_alg"])
        if auth is not None:
            want["auth"] = auth
            want["auth_key"] = c["auth_key"]
        bad = [k for k in want if got.get(k) != want[k]]
        bad += [k for k in ("auth", "auth_key") if auth is None and k in got]
        ok(got and not bad, "%s: ESP SA %s (%s, %s): addresses, algorithms, "
           "keys" % (label, c["spi"], c["direction"], c["charon_key_set"]),
           "differ: %s; got %s" % (bad, got))
    return text


def main():
    mans = sorted(glob.glob(os.path.join(LOGS, "*.json")))
    logs = []
    for mf in mans:
        base = mf[:-len(".json")]
        name = os.path.basename(base)
        man = json.load(open(mf))
        pcap = base + ".pcap"
        texts = {}
        for role in ("initiator", "responder"):
            log = "%s.charon-%s.log" % (base, role)
            if not os.path.exists(log):
                continue
            logs.append(log)
            texts[role] = check_log(name, man, log, role)
            rc1, with_log = esp_results(log, pcap)
            rc2, with_tab = esp_results(base + ".esp_sa", pcap)
            n = sum(man.get("esp_packets_per_direction", {}).values())
            good = [e for e in with_log if e[1] and e[2] and e[3] == "ok"] \
                if any(c["auth_alg"] != "UNDEFINED"
                       for c in man["child_sas"]) else \
                [e for e in with_log if e[1] and e[2]]
            ok(rc1 == 0 and len(good) == n and with_log == with_tab,
               "%s %s log: the capture's %d ESP frames decrypt as with the "
               "esp_sa table" % (name, role, n),
               "%d good of %d; same as table: %s" % (len(good), len(with_log),
                                                     with_log == with_tab))
        if "initiator" in texts:
            # ike_name = no (strongSwan's default): no "<name|uid>" prefix
            plain = os.path.join(os.environ.get("TMPDIR", "/tmp"),
                                 "keyfile_charon.%d.plain" % os.getpid())
            with open(plain, "w") as f:
                for l in open("%s.charon-initiator.log" % base):
                    f.write(re.sub(r"^(\S+ \d+\[[A-Z]+\]) <[^>]*>", r"\1",
                                   l))
            rc, text, err = export([plain])
            os.unlink(plain)
            ok(rc == 0 and parse_ours(text) == parse_ours(texts["initiator"]),
               "%s: the initiator log without <name|uid> prefixes gives the "
               "same keys (by thread)" % name, err)
        if len(texts) == 2:
            rc, both, err = export(["%s.charon-initiator.log" % base,
                                    "%s.charon-responder.log" % base])
            a = parse_ours(both)
            b = parse_ours(texts["initiator"])
            ok(rc == 0 and a == b, "%s: both logs together give the same "
               "keys as one" % name, err)
    if len(logs) >= 2:
        cat = os.path.join(os.environ.get("TMPDIR", "/tmp"),
                           "keyfile_charon.%d.log" % os.getpid())
        with open(cat, "w") as f:
            for l in logs:
                f.write(open(l).read())
        rc, text, err = export([cat])
        os.unlink(cat)
        ike, qm, esp = parse_ours(text)
        want_esp = set()
        want_ike = set()
        for mf in mans:
            man = json.load(open(mf))
            want_esp |= {c["spi"] for c in man["child_sas"]}
            want_ike |= {s["initiator_cookie"] for s in man["ike_sas"]}
        ok(rc == 0 and set(esp) == want_esp and set(ike) == want_ike,
           "%d logs concatenated: every run's IKE and ESP SAs" % len(logs),
           err + "got %s %s" % (sorted(ike), sorted(esp)))

    generated()
    if not results:
        print("1..0 # SKIP no charon logs in %s" % LOGS)
        return 0
    print("1..%d" % len(results))
    failed = 0
    for i, (good, name, diag) in enumerate(results, 1):
        print("%s %d - %s" % ("ok" if good else "not ok", i, name))
        if not good:
            failed += 1
            for l in str(diag).splitlines()[:10]:
                print("# " + l)
    return 1 if failed else 0


# ours -> strongSwan's (crypter.c, signer.c); HMAC-RIPEMD-160 has none
GEN_ENC = {"null": "NULL", "des-cbc": "DES_CBC", "3des-cbc": "3DES_CBC",
           "aes-cbc": "AES_CBC", "aes-ctr": "AES_CTR",
           "aes-gcm-8": "AES_GCM_8", "aes-gcm-12": "AES_GCM_12",
           "aes-gcm-16": "AES_GCM_16", "aes-gmac": "NULL_AES_GMAC",
           "chacha20-poly1305": "CHACHA20_POLY1305",
           "aes-ccm-8": "AES_CCM_8", "aes-ccm-12": "AES_CCM_12",
           "aes-ccm-16": "AES_CCM_16", "camellia-cbc": "CAMELLIA_CBC",
           "cast128-cbc": "CAST_CBC", "blowfish-cbc": "BLOWFISH_CBC"}
GEN_AUTH = {"hmac-md5-96": "HMAC_MD5_96", "hmac-sha1-96": "HMAC_SHA1_96",
            "hmac-sha256-96": "HMAC_SHA2_256_96",
            "hmac-sha256-128": "HMAC_SHA2_256_128",
            "hmac-sha384-192": "HMAC_SHA2_384_192",
            "hmac-sha512-256": "HMAC_SHA2_512_256",
            "aes-xcbc-96": "AES_XCBC_96", "aes-cmac-96": "AES_CMAC_96"}


def charon_dump(label, b):
    out = ["12:00:00.000 15[CHD] <gen|1> %s => %d bytes @ 0x7f0000001000" %
           (label, len(b))]
    for o in range(0, len(b), 16):
        c = b[o:o + 16]
        out.append("12:00:00.000 15[CHD] <gen|1>   %2d: %-48s  %s" %
                   (o, " ".join("%02X" % x for x in c), "." * len(c)))
    return out


def charon_block(sa, msgid):
    """A Quick Mode's CHILD_SA in a charon log (level 4 CHD), one inbound
    SA whose keys are the generated SA's (initiator's and responder's
    alike, so the role does not matter)."""
    enc, auth = GEN_ENC[sa["enc"]], GEN_AUTH.get(sa["auth"])
    prop = "ESP:%s%s%s/%s" % (
        enc, "" if sa["enc"] == "null" else
        "_%d" % (8 * (len(sa["file_enc_key"]) -
                      g.ENCS[sa["enc"]][5])),
        "/" + auth if auth else "", "EXT_SEQ" if sa["esn"] else
        "NO_EXT_SEQ")
    pre = "12:00:00.000 15[%s] <gen|1> "
    lines = [pre % "ENC" + "generating QUICK_MODE request %d [ HASH SA "
             "No ID ID ]" % msgid,
             pre % "CFG" + "selected proposal: " + prop,
             pre % "CHD" + "  using %s for encryption" % enc]
    if auth:
        lines.append(pre % "CHD" + "  using %s for integrity" % auth)
    for who in ("initiator", "responder"):
        if sa["enc"] != "null":
            lines += charon_dump("encryption %s key" % who,
                                 sa["file_enc_key"])
        if auth:
            lines += charon_dump("integrity %s key" % who,
                                 sa["file_auth_key"])
    lines += [pre % "CHD" + "adding inbound ESP SA",
              pre % "CHD" + "  SPI 0x%08x, src %s dst %s" %
              (sa["spi"], sa["src"], sa["dst"])]
    return lines


def generated():
    """tests/esp_gen.py's SAs (every algorithm) as charon log lines with
    strongSwan's names: the same key store as the generator's key file,
    and every frame of the captures as with it."""
    global g
    try:
        import esp_gen as g
    except (ImportError, SystemExit):
        ok(True, "generated SAs # SKIP no python3 cryptography")
        return
    work = os.path.join(os.environ.get("TMPDIR", "/tmp"),
                        "keyfile_charon.%d" % os.getpid())
    gen, prefix = g.build_in(work, 11)
    sas = [sa for sa in gen.sas if sa["auth"] == "none" or
           sa["auth"] in GEN_AUTH]
    log = os.path.join(work, "charon.log")
    with open(log, "w") as f:
        for i, sa in enumerate(sas):
            f.write("\n".join(charon_block(sa, 1000 + i)) + "\n")
    keys = os.path.join(work, "some.keys")
    with open(keys, "w") as f:
        for sa in sas:
            f.write(g.keyline(sa) + "\n")
    rc1, ours, e1 = export([keys])
    rc2, theirs, e2 = export([log])
    a = sorted(x for x in ours.splitlines() if x.startswith("esp "))
    b = sorted(x for x in theirs.splitlines() if x.startswith("esp "))
    encs = {sa["enc"] for sa in sas}
    ok(rc1 == 0 and rc2 == 0 and a == b and len(a) == len(sas) and
       encs == set(GEN_ENC) and
       {sa["auth"] for sa in sas} == set(GEN_AUTH) | {"none"},
       "charon log lines of %d generated SAs (every cipher and integrity "
       "algorithm strongSwan names, ESN) load as the key file's" % len(a),
       e1 + e2 + "\n".join(sorted(set(a) ^ set(b))[:6]))
    for cap in (prefix + ".pcap", prefix + "-raw.pcap"):
        rc1, v1 = esp_results(keys, cap)
        rc2, v2 = esp_results(log, cap)
        dec = sum(1 for x in v2 if x[2])
        ok(rc1 == 0 and v1 == v2 and dec > 0,
           "%s: every frame as with the key file (%d decrypted)" %
           (os.path.basename(cap), dec))
    for fn in os.listdir(work):
        os.unlink(os.path.join(work, fn))
    os.rmdir(work)


sys.exit(main())
