#!/usr/bin/env python3
"""Independent verifier for the dojo-mcp audit log, format version 1.

Implements docs/audit-format.md from the specification alone, with the Python
standard library only (Python 3.8 or newer), to show that the format can be
checked without the Java code.

    python3 tools/audit_verify.py FILE... [--key-file K]... [--pubkey P] [--allow-partial]

Exit status: 0 valid, 1 invalid (one line "INVALID <file>:<line> seq <n>: <reason>"),
2 unusable arguments.
"""

import base64
import binascii
import hashlib
import hmac
import json
import os
import re
import sys

USAGE = ("usage: audit_verify.py FILE... [--key-file K]... [--pubkey P] [--allow-partial]")

# ---------------------------------------------------------------------------
# Ed25519 signature verification (RFC 8032, section 5.1), written from the
# mathematical description: the twisted Edwards curve -x^2 + y^2 = 1 + d x^2 y^2
# over GF(2^255 - 19), points held in extended homogeneous coordinates
# (X, Y, Z, T) with x = X/Z, y = Y/Z and x*y = T/Z.
# ---------------------------------------------------------------------------

FIELD_P = 2 ** 255 - 19
GROUP_L = 2 ** 252 + 27742317777372353535851937790883648493
CURVE_D = (-121665 * pow(121666, FIELD_P - 2, FIELD_P)) % FIELD_P
_TWO_D = (2 * CURVE_D) % FIELD_P
_SQRT_MINUS_ONE = pow(2, (FIELD_P - 1) // 4, FIELD_P)
NEUTRAL = (0, 1, 1, 0)


def point_add(p1, p2):
    """Sum of two points (unified addition law for a = -1)."""
    x1, y1, z1, t1 = p1
    x2, y2, z2, t2 = p2
    p = FIELD_P
    a = (y1 - x1) * (y2 - x2) % p
    b = (y1 + x1) * (y2 + x2) % p
    c = t1 * _TWO_D * t2 % p
    dd = 2 * z1 * z2 % p
    e, f, g, h = b - a, dd - c, dd + c, b + a
    return (e * f % p, g * h % p, f * g % p, e * h % p)


def point_double(pt):
    """2 * pt (dedicated doubling for a = -1)."""
    x1, y1, z1, _ = pt
    p = FIELD_P
    a = x1 * x1 % p
    b = y1 * y1 % p
    c = 2 * z1 * z1 % p
    h = a + b
    e = h - (x1 + y1) * (x1 + y1)
    g = a - b
    f = c + g
    return (e * f % p, g * h % p, f * g % p, e * h % p)


def scalar_mult(n, pt):
    """[n] pt, most significant bit first."""
    acc = NEUTRAL
    for bit in bin(n)[2:] if n > 0 else "":
        acc = point_double(acc)
        if bit == "1":
            acc = point_add(acc, pt)
    return acc


def point_equal(p1, p2):
    p = FIELD_P
    return ((p1[0] * p2[2] - p2[0] * p1[2]) % p == 0
            and (p1[1] * p2[2] - p2[1] * p1[2]) % p == 0)


def point_encode(pt):
    """32 bytes: y little-endian, the top bit holding the low bit of x."""
    x, y, z, _ = pt
    zinv = pow(z, FIELD_P - 2, FIELD_P)
    xa, ya = x * zinv % FIELD_P, y * zinv % FIELD_P
    return (ya | ((xa & 1) << 255)).to_bytes(32, "little")


def point_decode(data):
    """Inverse of point_encode; None when the bytes do not name a curve point."""
    if len(data) != 32:
        return None
    n = int.from_bytes(data, "little")
    x_low = n >> 255
    y = n & ((1 << 255) - 1)
    p = FIELD_P
    if y >= p:
        return None
    # x^2 = u / v with u = y^2 - 1, v = d y^2 + 1; candidate root u v^3 (u v^7)^((p-5)/8)
    u = (y * y - 1) % p
    v = (CURVE_D * y * y + 1) % p
    x = u * pow(v, 3, p) * pow(u * pow(v, 7, p) % p, (p - 5) // 8, p) % p
    check = v * x * x % p
    if check == u:
        pass
    elif check == (-u) % p:
        x = x * _SQRT_MINUS_ONE % p
    else:
        return None
    if x == 0 and x_low == 1:
        return None
    if (x & 1) != x_low:
        x = p - x
    return (x, y, 1, x * y % p)


# Base point: y = 4/5, x "positive" (even).
BASE_POINT = point_decode(((4 * pow(5, FIELD_P - 2, FIELD_P)) % FIELD_P).to_bytes(32, "little"))


def ed25519_verify(public_key, message, signature):
    """True when signature (64 bytes) is a valid Ed25519 signature of message under public_key."""
    if len(public_key) != 32 or len(signature) != 64:
        return False
    a_point = point_decode(public_key)
    if a_point is None:
        return False
    r_bytes = signature[:32]
    r_point = point_decode(r_bytes)
    if r_point is None:
        return False
    s = int.from_bytes(signature[32:], "little")
    if s >= GROUP_L:
        return False
    k = int.from_bytes(hashlib.sha512(r_bytes + public_key + message).digest(), "little") % GROUP_L
    return point_equal(scalar_mult(s, BASE_POINT), point_add(r_point, scalar_mult(k, a_point)))


# ---------------------------------------------------------------------------
# RFC 8785 (JCS) for the values the format uses
# ---------------------------------------------------------------------------

class FormatError(Exception):
    """A line that is not a well-formed record."""


_STRING_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\f": "\\f",
                   "\n": "\\n", "\r": "\\r", "\t": "\\t"}
_NEEDS_ESCAPE = re.compile('[\\x00-\\x1f"\\\\]')


def _escape_char(match):
    ch = match.group(0)
    return _STRING_ESCAPES.get(ch) or "\\u%04x" % ord(ch)


def _jcs_string(s):
    return '"' + _NEEDS_ESCAPE.sub(_escape_char, s) + '"'


def es_number(n):
    """ECMAScript Number::toString of the double nearest to the integer n."""
    if -(2 ** 53) <= n <= 2 ** 53:
        return str(n)
    try:
        f = float(n)
    except OverflowError:
        raise FormatError("number out of range")
    text = repr(abs(f))  # shortest round-trip digits, as ECMAScript chooses them
    mant, _, exp = text.partition("e")
    int_part, _, frac_part = mant.partition(".")
    digits = int_part + frac_part
    point = len(int_part) + (int(exp) if exp else 0)
    stripped = digits.lstrip("0")
    point -= len(digits) - len(stripped)
    digits = stripped.rstrip("0") or "0"
    k, e = len(digits), point
    sign = "-" if f < 0 else ""
    if k <= e <= 21:
        return sign + digits + "0" * (e - k)
    if 0 < e <= 21:
        return sign + digits[:e] + "." + digits[e:]
    if -6 < e <= 0:
        return sign + "0." + "0" * (-e) + digits
    e -= 1
    exp_text = ("+" if e >= 0 else "-") + str(abs(e))
    return sign + digits[0] + ("." + digits[1:] if k > 1 else "") + "e" + exp_text


def jcs(value):
    """Canonical (RFC 8785) text of a parsed JSON value without fractions."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return es_number(value)
    if isinstance(value, str):
        return _jcs_string(value)
    if isinstance(value, list):
        return "[" + ",".join(jcs(item) for item in value) + "]"
    if isinstance(value, dict):
        names = sorted(value, key=lambda name: name.encode("utf-16-be", "surrogatepass"))
        return "{" + ",".join(_jcs_string(name) + ":" + jcs(value[name]) for name in names) + "}"
    raise FormatError("unsupported value %r" % (value,))


def _object_without_duplicates(pairs):
    obj = {}
    for name, value in pairs:
        if name in obj:
            raise FormatError('duplicate member "%s"' % name)
        obj[name] = value
    return obj


def _reject_fraction(text):
    raise FormatError("number with fraction or exponent: %s" % text)


def _reject_constant(text):
    raise FormatError("%s is not JSON" % text)


def jcs_bytes(obj):
    try:
        return jcs(obj).encode("utf-8")
    except UnicodeEncodeError:
        raise FormatError("lone surrogate in a string")


# ---------------------------------------------------------------------------
# Records and failures
# ---------------------------------------------------------------------------

REASONS = ("bad format", "modified", "deleted", "reordered", "inserted", "unknown key id",
           "key id replaced", "bad signature", "truncated after checkpoint")

HEX64 = re.compile("[0-9a-f]{64}")
HEX16 = re.compile("[0-9a-f]{16}")
KEY_ID = re.compile("[A-Za-z0-9._-]{1,64}")
ZERO_PREV = "0" * 64
# check 5: a prev differing from the previous hmac in at most this many of its 64 characters
# is reported as "modified" (an edited value), otherwise as "deleted" (another predecessor).
EDIT_DISTANCE = 8


class Invalid(Exception):
    def __init__(self, file, line, seq, reason, detail=None):
        assert reason in REASONS
        super().__init__(reason)
        self.file = file
        self.line = line
        self.seq = seq
        self.reason = reason
        self.detail = detail

    def message(self):
        seq = "?" if self.seq is None else str(self.seq)
        text = "INVALID %s:%d seq %s: %s" % (self.file, self.line, seq, self.reason)
        if self.detail:
            text += " (%s)" % self.detail
        return text


def fail(rec, reason, detail=None):
    raise Invalid(rec.file, rec.line, rec.seq, reason, detail)


class Record:
    __slots__ = ("file", "line", "raw", "obj", "seq", "key_id", "prev", "hmac", "type")

    def __init__(self, file, line, raw, obj):
        self.file, self.line, self.raw, self.obj = file, line, raw, obj
        self.seq = obj["seq"]
        self.key_id = obj["key_id"]
        self.prev = obj["prev"]
        self.hmac = obj["hmac"]
        self.type = obj.get("type")

    def where(self):
        return "%s:%d" % (self.file, self.line)


def _int_field(obj, name):
    value = obj.get(name)
    return value if type(value) is int else None


def _best_effort(raw):
    """The parsed line, only to name its seq in a message about a line that is already bad."""
    try:
        return json.loads(raw.decode("utf-8", "replace"))
    except (ValueError, RecursionError):
        return None


def parse_line(file, line_no, raw, terminated):
    """Check 1: one line -> Record, or raise Invalid(bad format / modified)."""
    def bad(detail, obj=None, reason="bad format"):
        seq = _int_field(obj, "seq") if isinstance(obj, dict) else None
        if seq is not None and seq < 1:
            seq = None
        raise Invalid(file, line_no, seq, reason, detail)

    if not terminated:
        bad("last line does not end with a newline", _best_effort(raw))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        bad("not UTF-8 at byte %d" % e.start, _best_effort(raw))
    try:
        obj = json.loads(text, object_pairs_hook=_object_without_duplicates,
                         parse_float=_reject_fraction, parse_constant=_reject_constant)
    except FormatError as e:
        bad(str(e))
    except (ValueError, RecursionError) as e:
        bad("not JSON: %s" % e)
    if not isinstance(obj, dict):
        bad("not a JSON object")
    try:
        canonical = jcs_bytes(obj)
    except FormatError as e:
        bad(str(e), obj)
    if canonical != raw:
        bad("not in canonical form", obj, reason="modified")
    if _int_field(obj, "v") != 1:
        bad("v is not 1", obj)
    seq = _int_field(obj, "seq")
    if seq is None or seq < 1:
        bad("seq missing or not an integer >= 1", obj)
    key_id = obj.get("key_id")
    if not isinstance(key_id, str) or not KEY_ID.fullmatch(key_id):
        bad("key_id missing or malformed", obj)
    for name in ("prev", "hmac"):
        value = obj.get(name)
        if not isinstance(value, str) or not HEX64.fullmatch(value):
            bad("%s missing or not 64 lower-case hex characters" % name, obj)
    return Record(file, line_no, raw, obj)


def parse_file(name, data):
    records = []
    pieces = data.split(b"\n")
    # data ending in "\n" leaves an empty last piece, which is not a line
    last_terminated = pieces[-1] == b""
    if last_terminated:
        pieces.pop()
    for index, raw in enumerate(pieces):
        terminated = index < len(pieces) - 1 or last_terminated
        records.append(parse_line(name, index + 1, raw, terminated))
    return records


# ---------------------------------------------------------------------------
# Verification (docs/audit-format.md, section "Verification", checks 1-8)
# ---------------------------------------------------------------------------

class Verifier:
    def __init__(self, keys, pubkey, allow_partial):
        self.keys = keys            # dict key_id -> bytes, or None when no key file was given
        self.pubkey = pubkey        # 32 bytes, or None
        self.sign_key = hashlib.sha256(pubkey).hexdigest()[:16] if pubkey is not None else None
        self.allow_partial = allow_partial

    # check 3 helper: (ok, reason-if-not)
    def hmac_status(self, rec):
        key = self.keys.get(rec.key_id)
        if key is None:
            return "unknown key id"
        body = dict(rec.obj)
        del body["hmac"]
        expected = hmac.new(key, jcs_bytes(body), hashlib.sha256).hexdigest()
        return None if hmac.compare_digest(expected, rec.hmac) else "modified"

    def check_hmac(self, chain, i):
        rec = chain[i]
        problem = self.hmac_status(rec)
        if problem is None:
            return
        if i + 1 < len(chain):
            nxt = chain[i + 1]
            if nxt.seq == rec.seq and self.hmac_status(nxt) is None:
                fail(rec, "inserted", "the next line carries the same seq and verifies")
        if problem == "unknown key id":
            fail(rec, problem, "key_id %s is in no key file" % rec.key_id)
        fail(rec, problem, "hmac does not verify with key %s" % rec.key_id)

    def check_gap(self, chain, i, expected):
        """rec.seq > expected: reordered when every missing seq appears later, else deleted."""
        rec = chain[i]
        missing = rec.seq - expected
        later = {r.seq for r in chain[i + 1:]}
        if missing <= len(later) and all(s in later for s in range(expected, rec.seq)):
            fail(rec, "reordered", "expected seq %d, which appears later" % expected)
        if missing == 1:
            fail(rec, "deleted", "expected seq %d; it is missing" % expected)
        fail(rec, "deleted", "expected seq %d; seq %d-%d missing" % (expected, expected, rec.seq - 1))

    def check_first(self, chain):
        """Check 2."""
        rec = chain[0]
        if rec.seq != 1:
            if self.allow_partial:
                return
            self.check_gap(chain, 0, 1)
        if rec.type != "chain_start" or rec.obj.get("status") != "genesis":
            fail(rec, "modified", "seq 1 is not a chain_start with status genesis")
        if rec.prev != ZERO_PREV:
            fail(rec, "modified", "prev of seq 1 is not 64 zeros")

    def check_checkpoint(self, rec):
        """Check 7."""
        obj = rec.obj
        if _int_field(obj, "head_seq") != rec.seq - 1:
            fail(rec, "bad signature", "head_seq is not seq - 1")
        if obj.get("head_hmac") != rec.prev:
            fail(rec, "bad signature", "head_hmac is not prev")
        sign_key = obj.get("sign_key")
        if not isinstance(sign_key, str) or not HEX16.fullmatch(sign_key):
            fail(rec, "bad signature", "sign_key missing or not 16 lower-case hex characters")
        signature = decode_signature(obj.get("sig"))
        if signature is None:
            fail(rec, "bad signature", "sig is not standard base64 of 64 bytes")
        if self.pubkey is None:
            return
        if sign_key != self.sign_key:
            fail(rec, "bad signature", "signed by key %s, not by the given public key %s"
                 % (sign_key, self.sign_key))
        body = dict(obj)
        del body["hmac"]
        del body["sig"]
        if not ed25519_verify(self.pubkey, jcs_bytes(body), signature):
            fail(rec, "bad signature", "Ed25519 signature does not verify")

    def verify(self, inputs):
        """inputs: list of (name, bytes). Returns the summary lines or raises Invalid."""
        # Check 1 on every line of every file, in the order given.
        files = [(name, parse_file(name, data)) for name, data in inputs]

        anchors = [(n, recs) for n, recs in files
                   if recs and all(r.type == "checkpoint" for r in recs)]
        logs = [(n, recs) for n, recs in files
                if recs and not all(r.type == "checkpoint" for r in recs)]
        logs.sort(key=lambda item: item[1][0].seq)  # stable: ties keep argument order
        chain = [rec for _, recs in logs for rec in recs]

        checkpoints = 0
        for i, rec in enumerate(chain):
            if i == 0:
                self.check_first(chain)                      # 2
            if self.keys is not None:
                self.check_hmac(chain, i)                    # 3
            if i > 0:
                prev = chain[i - 1]
                expected = prev.seq + 1                      # 4
                if rec.seq > expected:
                    self.check_gap(chain, i, expected)
                if rec.seq < expected:
                    if rec.seq < chain[0].seq:
                        fail(rec, "reordered", "seq %d belongs before seq %d" % (rec.seq, chain[0].seq))
                    fail(rec, "inserted", "expected seq %d; seq %d was already seen" % (expected, rec.seq))
                if rec.prev != prev.hmac:                    # 5
                    # An edited value differs from the true one in a few characters; a prev that
                    # names another record (one removed, the rest re-numbered) differs throughout.
                    differing = sum(a != b for a, b in zip(rec.prev, prev.hmac))
                    if differing <= EDIT_DISTANCE:
                        fail(rec, "modified", "prev is not the hmac of seq %d at %s (%d characters differ)"
                             % (prev.seq, prev.where(), differing))
                    fail(rec, "deleted", "prev names a record other than seq %d at %s"
                         % (prev.seq, prev.where()))
                if rec.key_id != prev.key_id and not (       # 6
                        rec.type == "chain_start" and rec.obj.get("status") == "new_key"
                        and rec.obj.get("prior_key_id") == prev.key_id):
                    fail(rec, "key id replaced", "key_id %s follows %s without a new_key chain_start"
                         % (rec.key_id, prev.key_id))
            if rec.type == "checkpoint":                     # 7
                self.check_checkpoint(rec)
                checkpoints += 1

        # 8: anchors, each verified on its own and then compared with the log.
        first_seq = chain[0].seq if chain else 1
        last_seq = chain[-1].seq if chain else 0
        anchors_compared = anchors_before = 0
        for _, recs in anchors:
            for i, rec in enumerate(recs):
                if self.keys is not None:
                    problem = self.hmac_status(rec)
                    if problem == "unknown key id":
                        fail(rec, problem, "key_id %s is in no key file" % rec.key_id)
                    if problem:
                        fail(rec, problem, "anchor hmac does not verify with key %s" % rec.key_id)
                self.check_checkpoint(rec)
                if rec.seq > last_seq:
                    fail(rec, "truncated after checkpoint",
                         "the log ends at seq %d" % last_seq if chain else "no log records given")
                if rec.seq < first_seq:
                    anchors_before += 1
                    continue
                in_log = chain[rec.seq - first_seq]
                if in_log.raw != rec.raw:
                    fail(in_log, "modified", "differs from the anchor checkpoint at %s" % rec.where())
                anchors_compared += 1

        lines = ["%d records valid, %d checkpoints valid" % (len(chain), checkpoints)]
        if self.keys is None:
            lines.append("note: HMACs not checked (no --key-file)")
        if self.pubkey is None:
            lines.append("note: checkpoint signatures not checked (no --pubkey)")
        if chain and chain[0].seq != 1:
            lines.append("note: partial log: it starts at seq %d; the prev of that record and the "
                         "records before it were not checked" % chain[0].seq)
        if chain:
            last_cp = max((r.seq for r in chain if r.type == "checkpoint"), default=None)
            start = chain[0].seq if last_cp is None else last_cp + 1
            count = last_seq - start + 1
            if count > 0:
                span = "seq %d" % start if count == 1 else "seq %d-%d" % (start, last_seq)
                if last_cp is None:
                    lines.append("note: no checkpoint: %d record%s (%s) %s chained but not yet signed"
                                 % (count, "" if count == 1 else "s", span, "is" if count == 1 else "are"))
                else:
                    lines.append("note: %d record%s after the last checkpoint (%s) %s chained but not yet signed"
                                 % (count, "" if count == 1 else "s", span, "is" if count == 1 else "are"))
        else:
            lines.append("note: no log records given")
        if not anchors:
            lines.append("note: no anchor file given: a cut after the last checkpoint cannot be detected")
        if anchors_before:
            lines.append("note: %d anchor checkpoint%s before seq %d not compared (partial log)"
                         % (anchors_before, "" if anchors_before == 1 else "s", first_seq))
        return lines


def decode_signature(value):
    if not isinstance(value, str) or len(value) != 88:
        return None
    try:
        raw = base64.b64decode(value.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError, ValueError):
        return None
    if len(raw) != 64 or base64.b64encode(raw).decode("ascii") != value:
        return None
    return raw


# ---------------------------------------------------------------------------
# Arguments
# ---------------------------------------------------------------------------

class UsageError(Exception):
    """Unusable arguments: one line on stderr, exit 2."""


def load_key_file(path, keys):
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as e:
        raise UsageError("cannot read key file %s: %s" % (path, e.strerror or e))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise UsageError("key file %s is not UTF-8" % path)
    found = 0
    for number, line in enumerate(text.split("\n"), 1):
        if line.endswith("\r"):
            line = line[:-1]
        if line.strip() == "" or line.startswith("#"):
            continue
        key_id, sep, key = line.partition("=")
        if not sep:
            raise UsageError("key file %s line %d: expected <key_id>=<key>" % (path, number))
        if not KEY_ID.fullmatch(key_id):
            raise UsageError("key file %s line %d: key id is not [A-Za-z0-9._-]{1,64}" % (path, number))
        if key == "":
            raise UsageError("key file %s line %d: empty key for %s" % (path, number, key_id))
        key_bytes = key.encode("utf-8")
        if key_id in keys and keys[key_id] != key_bytes:
            raise UsageError("key file %s line %d: key id %s given twice with different keys"
                             % (path, number, key_id))
        keys[key_id] = key_bytes
        found += 1
    if found == 0:
        raise UsageError("key file %s holds no key" % path)


def load_pubkey(arg):
    if os.path.exists(arg):
        try:
            with open(arg, "rb") as fh:
                text = fh.read().decode("ascii").strip()
        except (OSError, UnicodeDecodeError) as e:
            raise UsageError("cannot read public key file %s: %s" % (arg, getattr(e, "strerror", None) or e))
        origin = "public key file %s" % arg
    else:
        text = arg.strip()
        origin = "--pubkey value (no such file)"
    try:
        raw = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError, ValueError):
        raw = None
    if raw is None or base64.b64encode(raw).decode("ascii") != text or len(raw) != 32:
        raise UsageError("%s is not standard base64 of a 32-byte Ed25519 public key" % origin)
    if point_decode(raw) is None:
        raise UsageError("%s is not a valid Ed25519 public key (not a curve point)" % origin)
    return raw


def parse_args(argv):
    files, key_files, pubkey, allow_partial = [], [], None, False
    i = 0
    options_done = False
    while i < len(argv):
        arg = argv[i]
        i += 1
        if options_done or not arg.startswith("--") or arg == "-":
            if not options_done and arg in ("-h",):
                raise UsageError(USAGE)
            files.append(arg)
            continue
        if arg == "--":
            options_done = True
            continue
        name, eq, value = arg.partition("=")
        if name in ("--key-file", "--pubkey"):
            if not eq:
                if i >= len(argv):
                    raise UsageError("%s needs a value" % name)
                value = argv[i]
                i += 1
            if name == "--key-file":
                key_files.append(value)
            else:
                if pubkey is not None:
                    raise UsageError("--pubkey given more than once")
                pubkey = value
        elif arg == "--allow-partial":
            allow_partial = True
        elif arg == "--help":
            raise UsageError(USAGE)
        else:
            raise UsageError("unknown option %s (%s)" % (arg, USAGE))
    if not files:
        raise UsageError("no log file given (%s)" % USAGE)
    if not key_files and pubkey is None:
        raise UsageError("give at least one of --key-file and --pubkey")
    return files, key_files, pubkey, allow_partial


def run(argv):
    """Returns (exit status, stdout lines, stderr lines)."""
    try:
        files, key_files, pubkey_arg, allow_partial = parse_args(argv)
        keys = None
        if key_files:
            keys = {}
            for path in key_files:
                load_key_file(path, keys)
        pubkey = load_pubkey(pubkey_arg) if pubkey_arg is not None else None
        inputs = []
        for path in files:
            try:
                with open(path, "rb") as fh:
                    inputs.append((path, fh.read()))
            except OSError as e:
                raise UsageError("cannot read %s: %s" % (path, e.strerror or e))
    except UsageError as e:
        return 2, [], ["audit_verify: %s" % e]
    try:
        lines = Verifier(keys, pubkey, allow_partial).verify(inputs)
    except Invalid as e:
        return 1, [e.message()], []
    return 0, lines, []


def main(argv=None):
    status, out, err = run(sys.argv[1:] if argv is None else argv)
    for line in out:
        sys.stdout.write(line + "\n")
    for line in err:
        sys.stderr.write(line + "\n")
    return status


if __name__ == "__main__":
    sys.exit(main())
