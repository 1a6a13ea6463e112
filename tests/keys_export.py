#!/usr/bin/env python3
"""`ikescope keys --export` (TAP).  Usage: keys_export.py IKESCOPE CORPUS SAMPLES

Round trips over every key file of the corpus and samples/: the ikescope
export read back exports identically; the Wireshark esp_sa and
ikev1_decryption_table exports read back give the same SAs and Ka; the
tcpdump export reads back and keeps each CBC SA's SPI, destination and key.
tshark accepts the exported Wireshark tables: with them it decodes each
strongSwan capture exactly as with the corpus tables (and decrypts).
With a capture, the store read back includes what the read derived.
"""
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile

IKESCOPE, CORPUS, SAMPLES = sys.argv[1], sys.argv[2], sys.argv[3]
TSHARK = os.environ.get("TSHARK") or shutil.which("tshark")
TMP = tempfile.mkdtemp(prefix="keys_export.")
results = []


def ok(cond, name, diag=""):
    results.append((bool(cond), name, diag))


def export(fmt, keyfiles, files=()):
    args = [IKESCOPE, "keys", "--export", fmt]
    for k in keyfiles:
        args += ["-k", k]
    p = subprocess.run(args + list(files), capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def body(text):
    return [l for l in text.splitlines() if l and not l.startswith("#")]


def write(name, text):
    path = os.path.join(TMP, name)
    with open(path, "w") as f:
        f.write(text)
    return path


def key_files():
    pats = ["strongswan/*.esp_sa", "strongswan/*.ikev1_decryption_table",
            "strongswan-logs/*.esp_sa",
            "strongswan-logs/*.ikev1_decryption_table",
            "strongswan-logs/*.log", "public/**/*.esp_sa",
            "public/**/*ikev1_decryption_table", "public/tcpdump/esp-secrets.txt"]
    out = []
    for p in pats:
        out += sorted(glob.glob(os.path.join(CORPUS, p), recursive=True))
    for p in ("*.esp_sa", "*.ikev1_decryption_table"):
        out += sorted(glob.glob(os.path.join(SAMPLES, p)))
    return out


def round_trips(kf):
    label = os.path.relpath(kf, os.path.dirname(CORPUS)) \
        if kf.startswith(CORPUS) else "samples/" + os.path.basename(kf)
    with open(kf, errors="replace") as f:
        empty = not body(f.read())
    rc, ours, err = export("ikescope", [kf])
    if rc != 0:
        ok(False, label + ": exports", err)
        return
    n = len(body(ours))
    p1 = write("ours", ours)
    rc, again, err = export("ikescope", [p1])
    ok(rc == 0 and body(again) == body(ours) and (n > 0 or empty),
       "%s: ikescope export (%d lines) reads back identically" % (label, n),
       err)
    esp_ours = [l for l in body(ours) if l.startswith("esp ")]
    ike_ours = [l for l in body(ours) if l.startswith("ike ")]

    rc, ws, err = export("wireshark-esp", [kf])
    skipped = [l for l in ws.splitlines() if l.startswith("# SPI")]
    if esp_ours:
        rc2, back, err2 = export("ikescope", [write("ws_esp", ws)])
        got = [l for l in body(back) if l.startswith("esp ")]
        if skipped:
            ok(rc == 0 and rc2 == 0 and len(got) + len(skipped) ==
               len(esp_ours) and set(got) <= set(esp_ours),
               "%s: esp_sa export reads back (%d SAs; %d not in Wireshark "
               "4.0, as comments)" % (label, len(got), len(skipped)),
               err + err2)
        else:
            ok(rc == 0 and rc2 == 0 and got == esp_ours,
               "%s: esp_sa export reads back to the same %d SAs"
               % (label, len(got)), err + err2 + "\n".join(got))

    if ike_ours:
        rc, wi, err = export("wireshark-ike", [kf])
        rc2, back, err2 = export("ikescope", [write("ws_ike", wi)])
        want = sorted((l.split()[1], [w for w in l.split()
                                      if w.startswith("enc_key=")])
                      for l in ike_ours)
        got = sorted((l.split()[1], [w for w in l.split()
                                     if w.startswith("enc_key=")])
                     for l in body(back) if l.startswith("ike "))
        ok(rc == 0 and rc2 == 0 and got == want and all(g[1] for g in got),
           "%s: ikev1_decryption_table export reads back to the same %d "
           "cookies and Ka" % (label, len(got)), err + err2)

    if esp_ours:
        rc, td, err = export("tcpdump", [kf])
        lines = body(td)
        rc2, back, err2 = export("ikescope", [write("td", td)])
        got = [l for l in body(back) if l.startswith("esp ")]
        # tcpdump keeps SPI, destination and key; integrity becomes "any"
        def core(l):
            kv = dict(w.split("=", 1) for w in l.split()[1:])
            return (kv["spi"], kv["dst"], kv.get("enc_key"))
        want = {core(l) for l in esp_ours}
        ok(rc == 0 and rc2 == 0 and len(got) == len(lines) and
           {core(l) for l in got} <= want and
           len(lines) + len([l for l in td.splitlines()
                             if l.startswith("# SPI")]) == len(esp_ours),
           "%s: tcpdump export (%d of %d SAs) reads back" %
           (label, len(lines), len(esp_ours)), err + err2 + td)


def tshark_out(pcap, opts):
    p = subprocess.run([TSHARK, "-n", "-r", pcap, "-o",
                        "esp.enable_encryption_decode:TRUE"] + opts +
                       ["-T", "fields", "-e", "frame.number", "-e", "esp.spi",
                        "-e", "icmp.type", "-e", "icmp.seq", "-e",
                        "isakmp.typepayload", "-e", "isakmp.id.type"],
                       capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def uat(table, text):
    out = []
    for l in body(text):
        out += ["-o", "uat:%s:%s" % (table, l)]
    return out


def tshark_accepts():
    if not TSHARK:
        results.append((True, "tshark # SKIP tshark not installed", ""))
        return
    for sa in sorted(glob.glob(os.path.join(CORPUS, "strongswan", "*.esp_sa"))):
        base = sa[:-len(".esp_sa")]
        name = os.path.basename(base)
        pcap = base + ".pcap"
        it = base + ".ikev1_decryption_table"
        if not os.path.exists(pcap) or not os.path.exists(it):
            continue
        want_opts = uat("esp_sa", open(sa).read()) + \
            uat("ikev1_decryption_table", open(it).read())
        rc1, ws, e1 = export("wireshark-esp", [sa])
        rc2, wi, e2 = export("wireshark-ike", [it])
        got_opts = uat("esp_sa", ws) + uat("ikev1_decryption_table", wi)
        r1, want, _ = tshark_out(pcap, want_opts)
        r2, got, err = tshark_out(pcap, got_opts)
        r3, none, _ = tshark_out(pcap, [])
        ok(rc1 == 0 and rc2 == 0 and r2 == 0 and got == want and
           "\n".join(got_opts).count("uat:") == len(want_opts) // 2 and
           (got != none or not body(open(sa).read())),
           "%s: tshark decodes the capture with the exported tables as with "
           "the corpus tables%s" % (name, "" if got != none else
                                    " (nothing to decrypt)"), e1 + e2 + err)


def with_capture():
    """Keys the read adds to the store show up in the export."""
    logs = os.path.join(CORPUS, "strongswan-logs")
    for mf in sorted(glob.glob(os.path.join(logs, "*.pcap"))):
        base = mf[:-len(".pcap")]
        log = base + ".charon-initiator.log"
        if not os.path.exists(log):
            continue
        rc1, a, e1 = export("ikescope", [log])
        rc2, b, e2 = export("ikescope", [log], [mf])
        ok(rc1 == 0 and rc2 == 0 and set(body(a)) <= set(body(b)),
           "%s: reading the capture keeps every loaded key" %
           os.path.basename(base), e1 + e2)
        # from the PSK and g^xy, the read derives the ESP keys (KEYMAT)
        man = json.load(open(base + ".json"))
        if not man.get("psk"):
            continue
        text = "".join("ike icookie=%s psk_hex=%s gxy=%s\n" %
                       (s["initiator_cookie"], man["psk"].encode().hex(),
                        s["dh_shared_secret"])
                       for s in man["ike_sas"])
        if man.get("pfs"):      # PFS: the Quick Mode g^xy from the log
            text += "\n".join(l for l in body(a) if l.startswith("qm "))
        psk = write("psk", text + "\n")
        rc, got, err = export("wireshark-esp", [psk], [mf])
        want = body(open(base + ".esp_sa").read())
        ok(rc == 0 and sorted(body(got)) == sorted(want),
           "%s: the ESP SAs derived from the PSK, g^xy%s and the capture "
           "export as the esp_sa table" % (os.path.basename(base),
                                           ", the Quick Mode g^xy"
                                           if man.get("pfs") else ""), err)
        # ... and Ka, derived from them, as the ikev1_decryption_table
        rc, got, err = export("wireshark-ike", [psk], [mf])
        want = body(open(base + ".ikev1_decryption_table").read())
        ok(rc == 0 and sorted(body(got)) == sorted(want),
           "%s: Ka derived from the PSK and g^xy exports as the "
           "ikev1_decryption_table" % os.path.basename(base),
           err + " got %s want %s" % (body(got), want))


def cli():
    rc, out, err = export("nonsense", [])
    ok(rc == 1 and "wireshark-esp" in err, "--export with an unknown format "
       "is refused, naming the formats", err)
    p = subprocess.run([IKESCOPE, "keys"], capture_output=True, text=True)
    ok(p.returncode == 1 and "--export" in p.stderr,
       "keys without --export is refused", p.stderr)
    p = subprocess.run([IKESCOPE, "sas", "--export", "ikescope", "x.pcap"],
                       capture_output=True, text=True)
    ok(p.returncode == 1 and "keys" in p.stderr,
       "--export belongs to the keys command", p.stderr)
    rc, out, err = export("ikescope", [])
    ok(rc == 0 and body(out) == [], "no keys: an empty export", err)


def main():
    cli()
    for kf in key_files():
        round_trips(kf)
    tshark_accepts()
    with_capture()
    shutil.rmtree(TMP, ignore_errors=True)
    print("1..%d" % len(results))
    failed = 0
    for i, (good, name, diag) in enumerate(results, 1):
        print("%s %d - %s" % ("ok" if good else "not ok", i, name))
        if not good:
            failed += 1
            for l in str(diag).splitlines()[:10]:
                print("# " + l)
    return 1 if failed else 0


sys.exit(main())
