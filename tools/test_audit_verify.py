"""Tests for tools/audit_verify.py (standard library unittest).

    python3 -m unittest discover -s tools -p 'test_*.py'

Fixture logs are written here by a small writer that follows docs/audit-format.md and
serialises with json.dumps (not with the verifier's own canonicaliser), so the two
sides are independent.  Ed25519 signing for the fixtures is done below from the
RFC 8032 description, reusing only the verifier's curve arithmetic.
"""

import base64
import hashlib
import hmac
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import audit_verify as av  # noqa: E402

SCRIPT = os.path.join(HERE, "audit_verify.py")

# ---------------------------------------------------------------------------
# Ed25519 signing (test side)
# ---------------------------------------------------------------------------


def ed_expand(seed):
    digest = hashlib.sha512(seed).digest()
    scalar = int.from_bytes(digest[:32], "little")
    scalar &= (1 << 254) - 8   # clear the three low bits and everything from bit 254 up
    scalar |= 1 << 254         # set bit 254
    return scalar, digest[32:]


def ed_public(seed):
    scalar, _ = ed_expand(seed)
    return av.point_encode(av.scalar_mult(scalar, av.BASE_POINT))


def ed_sign(seed, message, public=None):
    scalar, prefix = ed_expand(seed)
    public = public or ed_public(seed)
    r = int.from_bytes(hashlib.sha512(prefix + message).digest(), "little") % av.GROUP_L
    r_bytes = av.point_encode(av.scalar_mult(r, av.BASE_POINT))
    k = int.from_bytes(hashlib.sha512(r_bytes + public + message).digest(), "little") % av.GROUP_L
    s = (r + k * scalar) % av.GROUP_L
    return r_bytes + s.to_bytes(32, "little")


# RFC 8032 section 7.1, TEST 1-3 (secret key, public key, message, signature) - test data only.
RFC8032_VECTORS = [
    ("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
     "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
     "",
     "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
     "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"),
    ("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
     "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
     "72",
     "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
     "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"),
    ("c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
     "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025",
     "af82",
     "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac"
     "18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"),
]

# ---------------------------------------------------------------------------
# Fixture writer, following docs/audit-format.md
# ---------------------------------------------------------------------------

KEYS = {"k1": "first key é", "k2": "second=key"}
KEY_FILE_TEXT = "# verifier keys\n\nk1=first key é\r\nk2=second=key\n"
SEED = bytes(range(32))
PUBKEY = ed_public(SEED)
PUBKEY_B64 = base64.b64encode(PUBKEY).decode("ascii")
SIGN_KEY = hashlib.sha256(PUBKEY).hexdigest()[:16]
ZEROS = "0" * 64


def canon(obj):
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def hmac_hex(key_id, body):
    return hmac.new(KEYS[key_id].encode("utf-8"), canon(body), hashlib.sha256).hexdigest()


def seal(obj, sign=False):
    """(Re)compute sig (if asked) and hmac of a record dict; returns the line bytes."""
    obj = dict(obj)
    obj.pop("hmac", None)
    if sign:
        obj.pop("sig", None)
        obj["sig"] = base64.b64encode(ed_sign(SEED, canon(obj), PUBKEY)).decode("ascii")
    obj["hmac"] = hmac_hex(obj["key_id"], obj)
    return canon(obj) + b"\n"


class LogWriter:
    def __init__(self, every=5, variant=""):
        self.every = every
        self.variant = variant
        self.lines = []
        self.seq = 0
        self.last_hmac = ZEROS
        self.key_id = None
        self.run = None
        self.since = 0
        self.runs = 0

    def _emit(self, rtype, fields):
        self.seq += 1
        rec = {"v": 1, "seq": self.seq, "type": rtype, "run": self.run, "key_id": self.key_id,
               "prev": self.last_hmac,
               "time": "2026-11-23T10:%02d:%02d.%03dZ" % (self.seq // 3600 % 60, self.seq // 60 % 60,
                                                            self.seq % 1000)}
        rec.update(fields)
        if rtype == "checkpoint":
            rec.update(head_seq=self.seq - 1, head_hmac=self.last_hmac, sign_key=SIGN_KEY)
        line = seal(rec, sign=(rtype == "checkpoint"))
        self.last_hmac = json.loads(line)["hmac"]
        self.lines.append(line)

    def record(self, rtype, **fields):
        self._emit(rtype, fields)
        self.since += 1
        if self.since == self.every:
            self.checkpoint()

    def checkpoint(self):
        self._emit("checkpoint", {})
        self.since = 0

    def start(self, key_id, status):
        self.runs += 1
        self.run = hashlib.sha256(b"run%d" % self.runs).hexdigest()[:16]
        prior_key = self.key_id
        self.key_id = key_id
        fields = {"status": status}
        if status != "genesis":
            fields.update(prior_seq=self.seq, prior_key_id=prior_key)
        self.record("chain_start", **fields)
        self.record("lifecycle", event="start", version="1.0.0", transport="http",
                    config={"checkpoint_every": self.every, "read_only": False})

    def tool_call(self, n, mutation=False):
        request_id = "req-%d" % n
        params = {"finding_id": n, "title": "<%d chars>" % (10 + n)}
        if mutation:
            self.record("mutation_intent", tool="close_finding", request_id=request_id,
                        caller="dojo-key:0123456789abcdef", params=params)
        fields = dict(tool="close_finding" if mutation else "list_findings", request_id=request_id,
                      caller="alice" if n % 3 else None, role="triager",
                      client={"reported_id": "c\u00e9-\"1\"\t", "name": "Zed \u2713 / x", "version": "0.9"},
                      session=hashlib.sha256(b"session").hexdigest()[:16], params=params,
                      outcome="success" if n % 4 else "denied", duration_ms=17 * n, mutation=mutation)
        if n % 4 == 0:
            fields["reason"] = "role may not write" + self.variant
        if mutation:
            fields.update(write_outcome="applied", findings_read_before_mutation=[n - 1, n],
                          findings_read_count=2)
        self.record("tool_call", **fields)

    def stop(self, calls):
        self.record("lifecycle", event="stop", reason="signal", calls=calls, uptime_s=3600)
        self.checkpoint()


def build_log(every=5, variant=""):
    """Three server processes: genesis (k1), resumed (k1), key rotation to k2 (new_key).

    Ends with 3 records after the last checkpoint.  Returns the LogWriter."""
    w = LogWriter(every, variant)
    w.start("k1", "genesis")
    for n in range(1, 8):
        w.tool_call(n, mutation=(n == 5))
    w.record("security", event="auth_failure", remote="10.0.0.7", reason="bad key", suppressed=0)
    w.record("forwarder", event="delivery_failed", sink="syslog", error="java.io.IOException",
             pending_from_seq=w.seq)
    w.stop(7)
    w.start("k1", "resumed")
    for n in range(8, 14):
        w.tool_call(n, mutation=(n == 10))
    w.stop(6)
    w.start("k2", "new_key")
    for n in range(14, 30):
        w.tool_call(n, mutation=(n % 7 == 0))
        if w.since == 3 and n > 24:
            break
    assert w.since == 3
    return w


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------


class Fixture:
    """Log lines split over three rotated files plus the anchor file."""

    def __init__(self, writer):
        lines = writer.lines
        a, b = len(lines) // 3, 2 * len(lines) // 3
        self.files = {
            "audit.jsonl.2": list(lines[:a]),
            "audit.jsonl.1": list(lines[a:b]),
            "audit.jsonl": list(lines[b:]),
            "audit.jsonl.checkpoints": [ln for ln in lines if json.loads(ln)["type"] == "checkpoint"],
        }
        self.records = len(lines)
        self.checkpoints = len(self.files["audit.jsonl.checkpoints"])
        self.last_seq = writer.seq
        # command-line order deliberately not the chain order
        self.order = ["audit.jsonl", "audit.jsonl.checkpoints", "audit.jsonl.2", "audit.jsonl.1"]

    def copy(self):
        other = Fixture.__new__(Fixture)
        other.__dict__.update(self.__dict__)
        other.files = {name: list(lines) for name, lines in self.files.items()}
        return other

    def locate(self, seq, log_only=True):
        for name in ("audit.jsonl.2", "audit.jsonl.1", "audit.jsonl"):
            for i, line in enumerate(self.files[name]):
                if json.loads(line)["seq"] == seq:
                    return name, i
        raise KeyError(seq)

    def obj(self, seq):
        name, i = self.locate(seq)
        return json.loads(self.files[name][i])

    def seqs_of_type(self, rtype):
        out = []
        for name in ("audit.jsonl.2", "audit.jsonl.1", "audit.jsonl"):
            out += [json.loads(ln)["seq"] for ln in self.files[name] if json.loads(ln)["type"] == rtype]
        return out

    def write(self, directory, names=None):
        paths = []
        for name in names or self.order:
            path = os.path.join(directory, name)
            with open(path, "wb") as fh:
                fh.write(b"".join(self.files[name]))
            paths.append(path)
        return paths


FIXTURE = None


def setUpModule():
    global FIXTURE
    FIXTURE = Fixture(build_log())


class Case(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = self.tmp.name
        self.key_file = os.path.join(self.dir, "keys.txt")
        with open(self.key_file, "w", encoding="utf-8", newline="") as fh:
            fh.write(KEY_FILE_TEXT)
        self.pub_file = os.path.join(self.dir, "audit.pub")
        with open(self.pub_file, "w") as fh:
            fh.write(PUBKEY_B64 + "\n")
        self.fx = FIXTURE.copy()

    def tearDown(self):
        self.tmp.cleanup()

    def args(self, keys=True, pub=True, names=None, extra=()):
        argv = self.fx.write(self.dir, names)
        if keys:
            argv += ["--key-file", self.key_file]
        if pub:
            argv += ["--pubkey", self.pub_file]
        return argv + list(extra)

    def verify(self, **kw):
        """In-process run: (status, stdout lines, stderr lines)."""
        return av.run(self.args(**kw))

    def cli(self, argv):
        proc = subprocess.run([sys.executable, SCRIPT] + argv, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, timeout=120)
        return proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")

    def assertInvalid(self, result, reason, seq=None, file=None, line=None):
        status, out, err = result
        self.assertEqual(status, 1, (out, err))
        self.assertEqual(len(out), 1, out)
        msg = out[0]
        self.assertTrue(msg.startswith("INVALID "), msg)
        head, _, rest = msg[len("INVALID "):].partition(": ")
        got_reason = rest.split(" (")[0]
        self.assertEqual(got_reason, reason, msg)
        where, _, seq_part = head.rpartition(" seq ")
        if seq is not None:
            self.assertEqual(seq_part, str(seq), msg)
        got_file, _, got_line = where.rpartition(":")
        if file is not None:
            self.assertEqual(os.path.basename(got_file), file, msg)
        if line is not None:
            self.assertEqual(int(got_line), line, msg)
        return msg

    def replace(self, seq, new_line):
        name, i = self.fx.locate(seq)
        self.fx.files[name][i] = new_line
        return name, i + 1


# ---------------------------------------------------------------------------
# Ed25519 and JCS
# ---------------------------------------------------------------------------


class Ed25519Test(unittest.TestCase):
    def test_rfc8032_vectors(self):
        for secret, public, message, signature in RFC8032_VECTORS:
            seed, pub = bytes.fromhex(secret), bytes.fromhex(public)
            msg, sig = bytes.fromhex(message), bytes.fromhex(signature)
            self.assertEqual(ed_public(seed), pub)
            self.assertEqual(ed_sign(seed, msg), sig)
            self.assertTrue(av.ed25519_verify(pub, msg, sig))

    def test_corrupted_vectors(self):
        for _, public, message, signature in RFC8032_VECTORS:
            pub, msg, sig = bytes.fromhex(public), bytes.fromhex(message), bytes.fromhex(signature)
            self.assertFalse(av.ed25519_verify(pub, msg + b"\x00", sig))
            if msg:
                self.assertFalse(av.ed25519_verify(pub, bytes([msg[0] ^ 1]) + msg[1:], sig))
            for pos in (0, 17, 31, 32, 50, 63):
                bad = bytearray(sig)
                bad[pos] ^= 0x04
                self.assertFalse(av.ed25519_verify(pub, msg, bytes(bad)), pos)
            bad_pub = bytearray(pub)
            bad_pub[3] ^= 0x10
            self.assertFalse(av.ed25519_verify(bytes(bad_pub), msg, sig))
            self.assertFalse(av.ed25519_verify(pub, msg, sig[:63]))
            # S + L is the same scalar mod L but must be rejected (S >= L)
            s_plus_l = int.from_bytes(sig[32:], "little") + av.GROUP_L
            self.assertLess(s_plus_l, 1 << 256)
            self.assertFalse(av.ed25519_verify(pub, msg, sig[:32] + s_plus_l.to_bytes(32, "little")))

    def test_point_decoding(self):
        self.assertEqual(av.point_encode(av.BASE_POINT).hex(),
                         "5866666666666666666666666666666666666666666666666666666666666666")
        # y >= p is not a canonical encoding
        self.assertIsNone(av.point_decode((av.FIELD_P + 1).to_bytes(32, "little")))
        # y = 2 has no x on the curve (x^2 would be a non-square)
        candidates = [y for y in range(2, 40) if av.point_decode(y.to_bytes(32, "little")) is None]
        self.assertTrue(candidates)
        # x = 0 with the sign bit set: y = 1 is the neutral element
        self.assertIsNotNone(av.point_decode((1).to_bytes(32, "little")))
        self.assertIsNone(av.point_decode(((1 << 255) | 1).to_bytes(32, "little")))
        # round trip of random multiples
        rnd = random.Random(7)
        for _ in range(5):
            pt = av.scalar_mult(rnd.randrange(1, av.GROUP_L), av.BASE_POINT)
            enc = av.point_encode(pt)
            self.assertEqual(av.point_encode(av.point_decode(enc)), enc)
        # the base point has order L
        self.assertTrue(av.point_equal(av.scalar_mult(av.GROUP_L, av.BASE_POINT), av.NEUTRAL))


class JcsTest(unittest.TestCase):
    def test_member_order_is_utf16(self):
        # RFC 8785 section 3.2.3 sorting example
        obj = {"\u20ac": "Euro Sign", "\r": "Carriage Return", "\ufb33": "Hebrew Letter Dalet With Dagesh",
               "1": "One", "\U0001f600": "Emoji: Grinning Face", "\u0080": "Control",
               "\u00f6": "Latin Small Letter O With Diaeresis"}
        names = ["\r", "1", "\u0080", "\u00f6", "\u20ac", "\U0001f600", "\ufb33"]
        text = av.jcs(obj)
        positions = [text.index(av.jcs(n) + ":") for n in names]
        self.assertEqual(positions, sorted(positions))

    def test_string_escapes(self):
        s = "\u0000\u001f\b\f\n\r\t\"\\/\u00e9\u2028\u007f\U0001f600"
        self.assertEqual(av.jcs(s), '"\\u0000\\u001f\\b\\f\\n\\r\\t\\"\\\\/\u00e9\u2028\u007f\U0001f600"')
        # same as json.dumps(ensure_ascii=False) for this subset
        self.assertEqual(av.jcs(s), json.dumps(s, ensure_ascii=False))

    def test_values(self):
        self.assertEqual(av.jcs({"b": [1, True, None, False, -3], "a": {"y": "", "x": 0}}),
                         '{"a":{"x":0,"y":""},"b":[1,true,null,false,-3]}')
        self.assertEqual(av.es_number(2 ** 53), "9007199254740992")
        self.assertEqual(av.es_number(2 ** 53 + 1), "9007199254740992")
        self.assertEqual(av.es_number(2 ** 60), "1152921504606847000")
        self.assertEqual(av.es_number(10 ** 21), "1e+21")
        self.assertEqual(av.es_number(-(10 ** 23)), "-1e+23")


class ParseLineTest(unittest.TestCase):
    GOOD = {"v": 1, "seq": 3, "type": "tool_call", "key_id": "k1", "prev": "a" * 64, "hmac": "b" * 64,
            "client": {"name": "Zed \u2713"}}

    def reason(self, raw, terminated=True):
        try:
            av.parse_line("f", 1, raw, terminated)
        except av.Invalid as e:
            return e.reason, e.seq
        return None, None

    def test_good(self):
        self.assertEqual(self.reason(canon(self.GOOD)), (None, None))

    def test_bad_format(self):
        good = canon(self.GOOD)
        cases = {
            "no newline": (good, False),
            "not utf-8": (good.replace("\u2713".encode(), b"\xff"), True),
            "overlong utf-8": (good.replace(b"Zed", b"Z\xc1\xa5d"), True),
            "encoded surrogate": (good.replace("\u2713".encode(), b"\xed\xa0\x80"), True),
            "bom": (b"\xef\xbb\xbf" + good, True),
            "empty": (b"", True),
            "array": (b"[1]", True),
            "truncated": (good[:-1], True),
            "duplicate": (good[:-1] + b',"v":1}', True),
            "float": (good.replace(b'"seq":3', b'"seq":3.0'), True),
            "exponent": (good.replace(b'"seq":3', b'"seq":3e0'), True),
            "nan": (good.replace(b'"seq":3', b'"seq":NaN'), True),
            "lone surrogate": (good.replace(b"Zed", b"\\ud800"), True),
            "v": (canon(dict(self.GOOD, v=2)), True),
            "v true": (canon(dict(self.GOOD, v=True)), True),
            "seq 0": (canon(dict(self.GOOD, seq=0)), True),
            "seq string": (canon(dict(self.GOOD, seq="3")), True),
            "key_id": (canon(dict(self.GOOD, key_id="k 1")), True),
            "key_id long": (canon(dict(self.GOOD, key_id="k" * 65)), True),
            "prev upper": (canon(dict(self.GOOD, prev="A" * 64)), True),
            "hmac short": (canon(dict(self.GOOD, hmac="b" * 63)), True),
            "hmac missing": (canon({k: v for k, v in self.GOOD.items() if k != "hmac"}), True),
        }
        for name, (raw, terminated) in cases.items():
            self.assertEqual(self.reason(raw, terminated)[0], "bad format", name)
        self.assertEqual(self.reason(canon(dict(self.GOOD, key_id="k 1"))), ("bad format", 3))
        self.assertEqual(self.reason(canon(dict(self.GOOD, seq="3"))), ("bad format", None))

    def test_non_canonical_is_modified(self):
        good = canon(self.GOOD)
        cases = {
            "space": good.replace(b'"seq":3', b'"seq": 3'),
            "order": json.dumps(self.GOOD, separators=(",", ":"), ensure_ascii=False).encode(),
            "escaped non-ascii": good.replace("\u2713".encode(), b"\\u2713"),
            "escaped slash": good.replace(b"Zed", b"Z\\/d"),
            "upper hex escape": canon(dict(self.GOOD, x="\u001f")).replace(b"\\u001f", b"\\u001F"),
            "minus zero": good[:-1] + b',"z":-0}',
            "crlf": good + b"\r",
            "big int": good[:-1] + b',"z":9007199254740993}',
        }
        for name, raw in cases.items():
            self.assertNotEqual(raw, good, name)
            self.assertEqual(self.reason(raw)[0], "modified", name)


# ---------------------------------------------------------------------------
# Whole logs
# ---------------------------------------------------------------------------


class ValidLogTest(Case):
    def test_valid_cli(self):
        status, out, err = self.cli(self.args())
        self.assertEqual(status, 0, out + err)
        lines = out.splitlines()
        self.assertEqual(lines[0], "%d records valid, %d checkpoints valid"
                         % (self.fx.records, self.fx.checkpoints))
        last = self.fx.last_seq
        self.assertEqual(lines[1:], ["note: 3 records after the last checkpoint (seq %d-%d) are chained "
                                     "but not yet signed" % (last - 2, last)])
        self.assertEqual(err, "")

    def test_fixture_shape(self):
        fx = self.fx
        self.assertGreaterEqual(fx.checkpoints, 8)
        starts = [fx.obj(s) for s in fx.seqs_of_type("chain_start")]
        self.assertEqual([s["status"] for s in starts], ["genesis", "resumed", "new_key"])
        self.assertEqual(starts[2]["prior_key_id"], "k1")
        self.assertEqual(starts[2]["key_id"], "k2")
        self.assertTrue(fx.seqs_of_type("mutation_intent"))

    def test_any_file_order(self):
        names = list(self.fx.order)
        rnd = random.Random(3)
        for _ in range(4):
            rnd.shuffle(names)
            status, out, _ = self.verify(names=names)
            self.assertEqual(status, 0, (names, out))

    def test_notes_without_keys_or_pubkey(self):
        status, out, _ = self.verify(keys=False)
        self.assertEqual(status, 0, out)
        self.assertIn("note: HMACs not checked (no --key-file)", out)
        status, out, _ = self.verify(pub=False)
        self.assertEqual(status, 0, out)
        self.assertIn("note: checkpoint signatures not checked (no --pubkey)", out)
        self.assertEqual(out[0], "%d records valid, %d checkpoints valid"
                         % (self.fx.records, self.fx.checkpoints))

    def test_no_anchor_note(self):
        status, out, _ = self.verify(names=["audit.jsonl", "audit.jsonl.1", "audit.jsonl.2"])
        self.assertEqual(status, 0, out)
        self.assertTrue(any(line.startswith("note: no anchor file") for line in out), out)

    def test_pubkey_inline(self):
        argv = self.fx.write(self.dir) + ["--pubkey", PUBKEY_B64, "--key-file=" + self.key_file]
        self.assertEqual(av.run(argv)[0], 0)

    def test_partial(self):
        names = ["audit.jsonl", "audit.jsonl.1"]
        first = json.loads(self.fx.files["audit.jsonl.1"][0])["seq"]
        self.assertInvalid(self.verify(names=names), "deleted", seq=first, file="audit.jsonl.1", line=1)
        status, out, _ = self.verify(names=names, extra=["--allow-partial"])
        self.assertEqual(status, 0, out)
        self.assertTrue(any("partial log: it starts at seq %d" % first in line for line in out), out)
        status, out, _ = self.verify(names=names + ["audit.jsonl.checkpoints"], extra=["--allow-partial"])
        self.assertEqual(status, 0, out)
        self.assertTrue(any("anchor checkpoint" in line and "not compared" in line for line in out), out)

    def test_performance_10000_records(self):
        t0 = time.time()
        writer = LogWriter(every=100)
        writer.start("k1", "genesis")
        n = 0
        while writer.seq < 10000 or writer.since:
            n += 1
            writer.tool_call(n, mutation=(n % 50 == 0))
        path = os.path.join(self.dir, "big.jsonl")
        with open(path, "wb") as fh:
            fh.write(b"".join(writer.lines))
        built = time.time() - t0
        t0 = time.time()
        status, out, _ = av.run([path, "--key-file", self.key_file, "--pubkey", self.pub_file])
        elapsed = time.time() - t0
        self.assertEqual(status, 0, out)
        self.assertTrue(out[0].startswith("%d records valid, 100 checkpoints valid" % writer.seq), out)
        sys.stderr.write("\n[perf] %d records, 100 checkpoints: verified in %.2f s (fixture %.2f s) ... "
                         % (writer.seq, elapsed, built))
        self.assertLess(elapsed, 30)


class TamperTest(Case):
    def tool_call_seq(self, index=2):
        return self.fx.seqs_of_type("tool_call")[index]

    def test_modify_one_byte_cli(self):
        seq = self.tool_call_seq()
        name, i = self.fx.locate(seq)
        line = self.fx.files[name][i]
        pos = line.index(b'"tool":"list_findings"') + len(b'"tool":"list_find')
        self.fx.files[name][i] = line[:pos] + b"X" + line[pos + 1:]
        status, out, err = self.cli(self.args())
        self.assertEqual(status, 1, out + err)
        self.assertEqual(out.count("\n"), 1)
        self.assertRegex(out, r"^INVALID .*%s:%d seq %d: modified( \(.*\))?\n$" % (name, i + 1, seq))

    def test_modify_seq_is_modified_with_key(self):
        seq = self.tool_call_seq()
        name, i = self.fx.locate(seq)
        self.fx.files[name][i] = self.fx.files[name][i].replace(b'"seq":%d' % seq, b'"seq":%d' % (seq + 9))
        self.assertInvalid(self.verify(), "modified", seq=seq + 9, file=name, line=i + 1)
        # without the key the jump is seen as a deletion
        self.assertInvalid(self.verify(keys=False), "deleted", seq=seq + 9, file=name, line=i + 1)

    def test_delete_middle_line_cli(self):
        seq = self.tool_call_seq(5)
        name, i = self.fx.locate(seq)
        del self.fx.files[name][i]
        status, out, _ = self.cli(self.args())
        self.assertEqual(status, 1)
        self.assertRegex(out, r"^INVALID .*%s:%d seq %d: deleted" % (name, i + 1, seq + 1))

    def test_delete_first_line(self):
        del self.fx.files["audit.jsonl.2"][0]
        self.assertInvalid(self.verify(), "deleted", seq=2, file="audit.jsonl.2", line=1)

    def test_delete_and_renumber(self):
        # remove seq s and renumber the rest of the file: without the key only prev betrays it
        seq = self.tool_call_seq(3)
        name, i = self.fx.locate(seq)
        lines = self.fx.files[name]
        out = lines[:i]
        for line in lines[i + 1:]:
            obj = json.loads(line)
            obj["seq"] -= 1
            out.append(canon(obj) + b"\n")
        self.fx.files[name] = out
        self.assertInvalid(self.verify(keys=False), "deleted", seq=seq, file=name, line=i + 1)
        # with the key the re-numbered record no longer verifies
        self.assertInvalid(self.verify(), "modified", seq=seq, file=name, line=i + 1)

    def test_hmac_field_edited_without_key(self):
        seq = self.tool_call_seq(3)
        obj = self.fx.obj(seq)
        obj["hmac"] = ("0" if obj["hmac"][0] != "0" else "1") + obj["hmac"][1:]
        name, line = self.replace(seq, canon(obj) + b"\n")
        self.assertInvalid(self.verify(keys=False), "modified", seq=seq + 1, file=name, line=line + 1)
        self.assertInvalid(self.verify(), "modified", seq=seq, file=name, line=line)

    def test_swap_adjacent_cli(self):
        seq = self.tool_call_seq(4)
        name, i = self.fx.locate(seq)
        lines = self.fx.files[name]
        lines[i], lines[i + 1] = lines[i + 1], lines[i]
        status, out, _ = self.cli(self.args())
        self.assertEqual(status, 1)
        self.assertRegex(out, r"^INVALID .*%s:%d seq %d: reordered" % (name, i + 1, seq + 1))

    def test_swap_across_files(self):
        last = self.fx.files["audit.jsonl.2"][-1]
        self.fx.files["audit.jsonl.2"][-1] = self.fx.files["audit.jsonl.1"][0]
        self.fx.files["audit.jsonl.1"][0] = last
        self.assertInvalid(self.verify(), "reordered", seq=json.loads(last)["seq"] + 1)

    def test_insert_duplicate_cli(self):
        seq = self.tool_call_seq(6)
        name, i = self.fx.locate(seq)
        self.fx.files[name].insert(i + 1, self.fx.files[name][i])
        status, out, _ = self.cli(self.args())
        self.assertEqual(status, 1)
        self.assertRegex(out, r"^INVALID .*%s:%d seq %d: inserted" % (name, i + 2, seq))

    def test_insert_old_duplicate(self):
        seq = self.tool_call_seq(1)
        name, i = self.fx.locate(seq)
        self.fx.files[name].insert(i + 4, self.fx.files[name][i])
        self.assertInvalid(self.verify(), "inserted", seq=seq, file=name, line=i + 5)

    def forge_after(self, seq):
        """A forged record with the next seq, chained to seq, sealed with a key the verifier lacks."""
        name, i = self.fx.locate(seq)
        before = json.loads(self.fx.files[name][i])
        forged = {"v": 1, "seq": seq + 1, "time": before["time"], "type": "tool_call", "run": before["run"],
                  "key_id": before["key_id"], "prev": before["hmac"], "tool": "list_findings",
                  "outcome": "success"}
        forged["hmac"] = hmac.new(b"guessed key", canon(forged), hashlib.sha256).hexdigest()
        self.fx.files[name].insert(i + 1, canon(forged) + b"\n")
        return name, i + 2

    def test_insert_forged_next_seq_cli(self):
        seq = self.tool_call_seq(7)
        name, line = self.forge_after(seq)
        status, out, _ = self.cli(self.args())
        self.assertEqual(status, 1)
        self.assertRegex(out, r"^INVALID .*%s:%d seq %d: inserted" % (name, line, seq + 1))

    def test_insert_forged_without_key(self):
        seq = self.tool_call_seq(7)
        name, line = self.forge_after(seq)
        # the forged line chains; the genuine record after it is the one out of place
        self.assertInvalid(self.verify(keys=False), "inserted", seq=seq + 1, file=name, line=line + 1)

    def test_truncate_after_checkpoint_cli(self):
        cps = self.fx.seqs_of_type("checkpoint")
        name, i = self.fx.locate(cps[-1])
        self.assertEqual(name, "audit.jsonl")
        self.fx.files[name] = self.fx.files[name][:i]
        anchor_line = self.fx.files["audit.jsonl.checkpoints"].index(
            next(ln for ln in self.fx.files["audit.jsonl.checkpoints"] if json.loads(ln)["seq"] == cps[-1])) + 1
        status, out, _ = self.cli(self.args())
        self.assertEqual(status, 1)
        self.assertRegex(out, r"^INVALID .*audit\.jsonl\.checkpoints:%d seq %d: truncated after checkpoint"
                         % (anchor_line, cps[-1]))
        # without the anchor file the cut cannot be seen
        status, out, _ = self.verify(names=["audit.jsonl", "audit.jsonl.1", "audit.jsonl.2"])
        self.assertEqual(status, 0)

    def test_anchor_differs_from_rewritten_log(self):
        # someone holding both keys rewrote the log from seq 20 on; the anchor still shows the original
        rewritten = Fixture(build_log(variant=" (edited)"))
        logs = ("audit.jsonl.2", "audit.jsonl.1", "audit.jsonl")
        first_diff = next(i for i, (a, b) in enumerate(zip(
            [ln for n in logs for ln in self.fx.files[n]], [ln for n in logs for ln in rewritten.files[n]]))
            if a != b) + 1
        rewritten.files["audit.jsonl.checkpoints"] = self.fx.files["audit.jsonl.checkpoints"]
        self.fx = rewritten
        self.assertEqual(self.verify(names=["audit.jsonl", "audit.jsonl.1", "audit.jsonl.2"])[0], 0)
        first_cp = min(s for s in rewritten.seqs_of_type("checkpoint") if s > first_diff)
        name, i = rewritten.locate(first_cp)
        self.assertInvalid(self.verify(), "modified", seq=first_cp, file=name, line=i + 1)

    def test_replace_key_id_cli(self):
        seq = self.tool_call_seq(2)
        obj = self.fx.obj(seq)
        self.assertEqual(obj["key_id"], "k1")
        obj["key_id"] = "k2"
        name, line = self.replace(seq, seal(obj))
        status, out, _ = self.cli(self.args())
        self.assertEqual(status, 1)
        self.assertRegex(out, r"^INVALID .*%s:%d seq %d: key id replaced" % (name, line, seq))

    def test_key_rotation_without_matching_prior_key_id(self):
        seq = self.fx.seqs_of_type("chain_start")[2]
        obj = self.fx.obj(seq)
        obj["prior_key_id"] = "k3"
        name, line = self.replace(seq, seal(obj))
        self.assertInvalid(self.verify(), "key id replaced", seq=seq, file=name, line=line)
        obj["prior_key_id"], obj["status"] = "k1", "resumed"
        name, line = self.replace(seq, seal(obj))
        self.assertInvalid(self.verify(), "key id replaced", seq=seq, file=name, line=line)

    def test_unknown_key_id(self):
        with open(self.key_file, "w") as fh:
            fh.write("k1=first key é\n")
        seq = self.fx.seqs_of_type("chain_start")[2]
        name, i = self.fx.locate(seq)
        self.assertInvalid(self.verify(), "unknown key id", seq=seq, file=name, line=i + 1)

    def test_bad_signature_cli(self):
        seq = self.fx.seqs_of_type("checkpoint")[1]
        obj = self.fx.obj(seq)
        sig = obj["sig"]
        obj["sig"] = sig[:10] + ("B" if sig[10] != "B" else "C") + sig[11:]
        name, line = self.replace(seq, seal(obj))
        status, out, _ = self.cli(self.args())
        self.assertEqual(status, 1)
        self.assertRegex(out, r"^INVALID .*%s:%d seq %d: bad signature" % (name, line, seq))
        # without the public key the signature is not checked; the next record's prev no longer
        # matches the recomputed hmac (a key holder's rewrite, seen as another predecessor)
        self.assertInvalid(self.verify(pub=False), "deleted", seq=seq + 1)
        # ... and when it is the last record, the anchor copy no longer matches
        self.assertEqual(name, "audit.jsonl.2")
        self.fx.files[name] = self.fx.files[name][:line]
        self.assertInvalid(self.verify(pub=False, names=[name, "audit.jsonl.checkpoints"]), "modified",
                           seq=seq, file=name, line=line)

    def test_wrong_public_key(self):
        other = base64.b64encode(ed_public(b"\x01" * 32)).decode()
        argv = self.fx.write(self.dir) + ["--pubkey", other]
        seq = self.fx.seqs_of_type("checkpoint")[0]
        self.assertInvalid(av.run(argv), "bad signature", seq=seq)

    def test_checkpoint_head_fields(self):
        seq = self.fx.seqs_of_type("checkpoint")[2]
        obj = self.fx.obj(seq)
        obj["head_seq"] = seq - 2
        name, line = self.replace(seq, seal(obj, sign=True))
        self.assertInvalid(self.verify(), "bad signature", seq=seq, file=name, line=line)

    def test_no_newline_last_line_cli(self):
        self.fx.files["audit.jsonl"][-1] = self.fx.files["audit.jsonl"][-1][:-1]
        status, out, _ = self.cli(self.args())
        self.assertEqual(status, 1)
        n = len(self.fx.files["audit.jsonl"])
        self.assertRegex(out, r"^INVALID .*audit\.jsonl:%d seq %d: bad format" % (n, self.fx.last_seq))

    def test_blank_line_is_bad_format(self):
        self.fx.files["audit.jsonl.1"].insert(2, b"\n")
        self.assertInvalid(self.verify(), "bad format", seq="?", file="audit.jsonl.1", line=3)

    def test_non_canonical_line_is_modified(self):
        seq = self.tool_call_seq(3)
        name, i = self.fx.locate(seq)
        self.fx.files[name][i] = self.fx.files[name][i].replace(b'"v":1', b'"v":1 ', 1)
        self.assertInvalid(self.verify(keys=False), "modified", seq=seq, file=name, line=i + 1)

    def test_genesis_prev_and_status(self):
        obj = self.fx.obj(1)
        obj["prev"] = "1" * 64
        self.replace(1, seal(obj))
        self.assertInvalid(self.verify(), "modified", seq=1, file="audit.jsonl.2", line=1)
        obj["prev"], obj["status"] = ZEROS, "resumed"
        self.replace(1, seal(obj))
        self.assertInvalid(self.verify(), "modified", seq=1, file="audit.jsonl.2", line=1)

    def test_prev_mismatch(self):
        seq = self.tool_call_seq(4)
        obj = self.fx.obj(seq)
        real = obj["prev"]
        obj["prev"] = "f" * 64
        name, line = self.replace(seq, seal(obj))
        # HMAC valid (attacker holds the key): the record names a predecessor that is not there
        self.assertInvalid(self.verify(), "deleted", seq=seq, file=name, line=line)
        self.assertInvalid(self.verify(keys=False), "deleted", seq=seq, file=name, line=line)
        # one character of prev edited
        obj["prev"] = real[:5] + ("a" if real[5] != "a" else "b") + real[6:]
        self.replace(seq, canon(obj) + b"\n")
        self.assertInvalid(self.verify(keys=False), "modified", seq=seq, file=name, line=line)
        self.assertInvalid(self.verify(), "modified", seq=seq, file=name, line=line)

    def test_random_single_byte_changes_never_pass(self):
        rnd = random.Random(20261123)
        names = list(self.fx.order)
        outcomes = {}
        for trial in range(300):
            fx = FIXTURE.copy()
            name = rnd.choice(names)
            i = rnd.randrange(len(fx.files[name]))
            line = bytearray(fx.files[name][i])
            pos = rnd.randrange(len(line))
            new = rnd.randrange(256)
            if new == line[pos]:
                new ^= 0xFF
            line[pos] = new
            fx.files[name][i] = bytes(line)
            self.fx = fx
            status, out, err = self.verify()
            self.assertEqual(status, 1, "trial %d %s:%d byte %d -> %r: %r %r"
                             % (trial, name, i + 1, pos, new, out, err))
            self.assertTrue(out[0].startswith("INVALID "), out)
            reason = out[0].split(": ", 1)[1].split(" (")[0]
            self.assertIn(reason, av.REASONS)
            outcomes[reason] = outcomes.get(reason, 0) + 1
        sys.stderr.write("\n[property] 300 single-byte changes: %s ... " % dict(sorted(outcomes.items())))


class ArgumentTest(Case):
    def assertUsage(self, argv):
        status, out, err = self.cli(argv)
        self.assertEqual(status, 2, out + err)
        self.assertEqual(out, "")
        self.assertEqual(err.count("\n"), 1, err)
        return err

    def test_no_key_no_pubkey(self):
        self.assertIn("--key-file", self.assertUsage(self.fx.write(self.dir)))

    def test_no_files(self):
        self.assertUsage(["--key-file", self.key_file])

    def test_missing_file(self):
        self.assertUsage(self.args() + [os.path.join(self.dir, "nope.jsonl")])

    def test_directory_as_file(self):
        self.assertUsage(self.args() + [self.dir])

    def test_malformed_key_file(self):
        for text in ("k1 first key\n", "=abc\n", "k 1=abc\n", "k1=\n", "# only comments\n\n",
                     "k1=a\nk1=b\n"):
            with open(self.key_file, "w") as fh:
                fh.write(text)
            self.assertUsage(self.args(pub=False))
        with open(self.key_file, "wb") as fh:
            fh.write(b"k1=\xff\n")
        self.assertUsage(self.args(pub=False))

    def test_missing_key_file(self):
        self.assertUsage(self.fx.write(self.dir) + ["--key-file", os.path.join(self.dir, "none")])

    def test_bad_pubkey(self):
        files = self.fx.write(self.dir)
        for value in ("not base64!", base64.b64encode(b"x" * 31).decode(), PUBKEY_B64.rstrip("=") + "",
                      os.path.join(self.dir, "missing.pub")):
            self.assertUsage(files + ["--pubkey", value])
        with open(self.pub_file, "w") as fh:
            fh.write("AAAA\n")
        self.assertUsage(files + ["--pubkey", self.pub_file])

    def test_unknown_option(self):
        self.assertUsage(self.args() + ["--verbose"])

    def test_key_file_parsing(self):
        keys = {}
        with open(self.key_file, "wb") as fh:
            fh.write("# c\n\n  \nk1=first key é\r\nk2=second=key\nk3= spaced \n".encode("utf-8"))
        av.load_key_file(self.key_file, keys)
        self.assertEqual(keys, {"k1": "first key é".encode(), "k2": b"second=key", "k3": b" spaced "})


if __name__ == "__main__":
    unittest.main()
