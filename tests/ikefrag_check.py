#!/usr/bin/env python3
"""IKEv1 fragmentation end to end.

Takes samples/a_mm_psk_aes128_sha1_modp2048.pcap (a real strongSwan Main
Mode) and rewrites it the way a peer using IKE fragmentation would send
it: MM5 and MM6 (encrypted, over UDP 4500) are cut into 40-byte slices,
each carried in its own ISAKMP message whose only payload is a FRAG
payload (type 132: fragment ID, number from 1, last flag).  MM5's
fragments are sent out of order and one is duplicated.  Then checks that
ikescope reassembles both messages, decrypts them with the sample's key
table, labels them MM5/MM6 and the SA is established, and that the
fragment frames themselves are marked as fragments.
Prints TAP.  usage: ikefrag_check.py IKESCOPE SAMPLES_DIR
"""
import json
import os
import struct
import subprocess
import sys
import tempfile


def read_pcap(path):
    data = open(path, "rb").read()
    hdr, off, recs = data[:24], 24, []
    while off + 16 <= len(data):
        ts, us, incl, orig = struct.unpack("<IIII", data[off:off + 16])
        recs.append([ts, us, data[off + 16:off + 16 + incl]])
        off += 16 + incl
    return hdr, recs


def ip_csum(h):
    s = sum(struct.unpack("!%dH" % (len(h) // 2), h))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return ~s & 0xffff


def rewrap(frame, isakmp):
    """Same Ethernet/IPv4/UDP 4500 headers, new ISAKMP payload."""
    eth, ip = frame[:14], bytearray(frame[14:34])
    udp = bytearray(frame[34:42])
    payload = b"\0\0\0\0" + isakmp          # non-ESP marker
    udp[4:6] = struct.pack("!H", 8 + len(payload))
    udp[6:8] = b"\0\0"
    ip[2:4] = struct.pack("!H", 20 + 8 + len(payload))
    ip[10:12] = b"\0\0"
    ip[10:12] = struct.pack("!H", ip_csum(bytes(ip)))
    return eth + bytes(ip) + bytes(udp) + payload


def fragments(msg, frag_id, size=40):
    hdr = bytearray(msg[:28])
    hdr[16] = 132                            # next payload: FRAG
    hdr[19] &= ~1                            # fragments are not encrypted
    out, n = [], 0
    for i in range(0, len(msg), size):
        n += 1
        piece = msg[i:i + size]
        last = i + size >= len(msg)
        pl = struct.pack("!BBHHBB", 0, 0, 8 + len(piece), frag_id, n,
                         1 if last else 0) + piece
        h = bytes(hdr[:24]) + struct.pack("!I", 28 + len(pl))
        out.append(h + pl)
    return out


def main():
    ikescope, samples = sys.argv[1], sys.argv[2]
    base = os.path.join(samples, "a_mm_psk_aes128_sha1_modp2048")
    hdr, recs = read_pcap(base + ".pcap")
    out, tests = [], []
    for ts, us, frame in recs:
        udp_payload = frame[42:]
        if frame[23] == 17 and udp_payload[:4] == b"\0\0\0\0" and \
                udp_payload[4 + 18] == 2 and udp_payload[4 + 19] & 1:
            msg = udp_payload[4:]
            frags = fragments(msg, 7 if len(out) % 2 == 0 else 8)
            if len(frags) > 2:          # out of order, one duplicated
                frags = [frags[1], frags[0], frags[0]] + frags[2:]
            for f in frags:
                out.append([ts, us, rewrap(frame, f)])
            continue
        out.append([ts, us, frame])
    with tempfile.TemporaryDirectory() as tmp:
        pcap = os.path.join(tmp, "frag.pcap")
        with open(pcap, "wb") as f:
            f.write(hdr)
            for ts, us, fr in out:
                f.write(struct.pack("<IIII", ts, us, len(fr), len(fr)) + fr)
        r = subprocess.run([ikescope, "--json", "-q", "-k",
                            base + ".ikev1_decryption_table", pcap],
                           capture_output=True, text=True, check=False)
        recs = [json.loads(l) for l in r.stdout.splitlines()]
        t = subprocess.run([ikescope, "timeline", "--json", "-q", "-k",
                            base + ".ikev1_decryption_table", pcap],
                           capture_output=True, text=True, check=False)
        sas = [json.loads(l) for l in t.stdout.splitlines()]
    frag = [x for x in recs if x.get("ike_fragment")]
    whole = [x for x in recs if x.get("ike_fragments")]
    dup = [x for x in recs for a in x.get("anomalies", [])
           if a["id"] == "ike_frag_duplicate"]
    tests.append((r.returncode == 0 and len(whole) == 2,
                  "two messages reassembled from IKE fragments",
                  [x["frame"] for x in whole]))
    tests.append((all(x["isakmp"]["decrypted"] and
                      x["isakmp"]["label"] in ("MM5", "MM6")
                      for x in whole) and whole,
                  "reassembled MM5 and MM6 decrypt and are labelled",
                  [(x["isakmp"]["label"], x["isakmp"]["decrypted"])
                   for x in whole]))
    tests.append((len(frag) >= 4 and all(x["isakmp"]["label"] is None
                                         for x in frag),
                  "fragment frames are marked and not placed as messages",
                  len(frag)))
    tests.append((len(dup) == 1, "the duplicated fragment is reported",
                  len(dup)))
    labels = [m["label"] for m in sas[0]["messages"]] if sas else []
    tests.append((sas and sas[0]["state"] == "established" and
                  labels[:6] == ["MM1", "MM2", "MM3", "MM4", "MM5", "MM6"],
                  "timeline: MM1..MM6, established", labels))
    print(f"1..{len(tests)}")
    for i, (c, n, d) in enumerate(tests, 1):
        print(f"{'ok' if c else 'not ok'} {i} - {n}")
        if not c:
            print(f"# {d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
