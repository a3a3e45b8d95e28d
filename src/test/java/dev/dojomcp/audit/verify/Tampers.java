package dev.dojomcp.audit.verify;

import static dev.dojomcp.audit.verify.AuditTrails.BOTH_KEYS;
import static dev.dojomcp.audit.verify.AuditTrails.KEY_ONE;
import static dev.dojomcp.audit.verify.AuditTrails.KEY_TWO;
import static dev.dojomcp.audit.verify.AuditTrails.lines;
import static dev.dojomcp.audit.verify.AuditTrails.parse;
import static dev.dojomcp.audit.verify.AuditTrails.reseal;
import static dev.dojomcp.audit.verify.AuditTrails.write;

import dev.dojomcp.audit.HmacKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Edits to a copy of the standard trail ({@link AuditTrails#standard}), each with the failure it must
 * produce. Shared by the Java tests and the cross-check against the independent Python verifier.
 * Line numbers refer to the standard trail: audit.jsonl.1 holds seq 1-27 (line n = seq n; checkpoints at
 * 6, 12, 18, 24), audit.jsonl seq 28-44 (checkpoints at 30, 36, 42, 44; chain_start new_key at 37).
 */
@SuppressWarnings("unchecked")
final class Tampers {
    /** What verifying the edited trail must report, and with which HMAC keys. */
    record Expected(Path file, long line, Reason reason, Map<String, HmacKey> keys, List<Path> files) {
        Expected(Path file, long line, Reason reason) {
            this(file, line, reason, BOTH_KEYS, null);
        }

        Expected(Path file, long line, Reason reason, Map<String, HmacKey> keys) {
            this(file, line, reason, keys, null);
        }

        /** The files to verify: those given, else the trail's files that still exist. */
        List<Path> filesOf(AuditTrails.Trail trail) {
            return files != null ? files : trail.files().stream().filter(Files::exists).toList();
        }
    }

    interface Edit {
        Expected apply(AuditTrails.Trail trail) throws IOException;
    }

    record Case(String name, Edit edit) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final HmacKey ATTACKER = HmacKey.of("k-one", "an-attacker-guess-at-the-key-0123456789");

    private Tampers() {
    }

    static List<Case> all() {
        return List.of(
                new Case("a byte of a value changed", Tampers::modifiedValue),
                new Case("a middle line deleted", Tampers::deletedLine),
                new Case("the first line deleted", Tampers::deletedFirstLine),
                new Case("two adjacent lines swapped", Tampers::swappedLines),
                new Case("a line duplicated", Tampers::duplicatedLine),
                new Case("a forged line with the next seq inserted", Tampers::forgedLine),
                new Case("a record deleted and the next renumbered by a key holder", Tampers::deletedAndRenumbered),
                new Case("the tail cut after a checkpoint (anchor file given)", Tampers::truncatedTail),
                new Case("a key id replaced (only the real key given)", Tampers::keyIdReplacedOneKey),
                new Case("a key id replaced (both keys given)", Tampers::keyIdReplacedBothKeys),
                new Case("a checkpoint signature replaced, hmac recomputed", Tampers::badSignature),
                new Case("the last line without its newline", Tampers::noFinalNewline),
                new Case("whitespace added (not canonical)", Tampers::nonCanonical),
                new Case("an anchor checkpoint changed", Tampers::anchorChanged),
                new Case("the rotated file left out", Tampers::rotatedFileMissing),
                new Case("a number with a fraction, resealed", Tampers::fraction),
                new Case("a lone surrogate escape", Tampers::loneSurrogate),
                new Case("a member name twice", Tampers::duplicateMember),
                new Case("a blank line", Tampers::blankLine),
                new Case("a CRLF line end", Tampers::crlf),
                new Case("seq as a string", Tampers::seqAsString),
                new Case("a line moved far later", Tampers::movedFarLater),
                new Case("a line deleted and the next two swapped", Tampers::deletedThenSwapped),
                new Case("the rotated file given twice", Tampers::rotatedFileTwice),
                new Case("an anchor changed and re-signed by a key holder", Tampers::anchorResigned),
                new Case("an anchor changed, hmac recomputed, signature not", Tampers::anchorResealedOnly),
                new Case("one character of prev changed by a key holder", Tampers::prevEditedByKeyHolder),
                new Case("a signature in a second base64 spelling (no HMAC key)", Tampers::signatureRespelled),
                new Case("a bad line in one file, a deletion in an earlier one", Tampers::badLineAfterDeletion),
                new Case("a checkpoint's sign_key changed, resealed", Tampers::otherSignKey));
    }

    static Expected modifiedValue(AuditTrails.Trail t) throws IOException {
        replaceInLine(t.rotated(), 7, "list_findings", "list_findingz");
        return new Expected(t.rotated(), 7, Reason.MODIFIED);
    }

    static Expected deletedLine(AuditTrails.Trail t) throws IOException {
        List<String> lines = lines(t.rotated());
        lines.remove(7);
        write(t.rotated(), lines);
        return new Expected(t.rotated(), 8, Reason.DELETED);
    }

    static Expected deletedFirstLine(AuditTrails.Trail t) throws IOException {
        List<String> lines = lines(t.rotated());
        lines.remove(0);
        write(t.rotated(), lines);
        return new Expected(t.rotated(), 1, Reason.DELETED);
    }

    static Expected swappedLines(AuditTrails.Trail t) throws IOException {
        List<String> lines = lines(t.rotated());
        String eighth = lines.get(7);
        lines.set(7, lines.get(8));
        lines.set(8, eighth);
        write(t.rotated(), lines);
        return new Expected(t.rotated(), 8, Reason.REORDERED);
    }

    static Expected duplicatedLine(AuditTrails.Trail t) throws IOException {
        List<String> lines = lines(t.rotated());
        lines.add(8, lines.get(7));
        write(t.rotated(), lines);
        return new Expected(t.rotated(), 9, Reason.INSERTED);
    }

    /** A made-up seq 9 (a success instead of a denial) before the real one, sealed with a guessed key. */
    static Expected forgedLine(AuditTrails.Trail t) throws IOException {
        List<String> lines = lines(t.rotated());
        Map<String, Object> forged = parse(lines.get(8));
        forged.put("outcome", "success");
        lines.add(8, reseal(forged, ATTACKER));
        write(t.rotated(), lines);
        return new Expected(t.rotated(), 9, Reason.INSERTED);
    }

    /** seq 8 removed; the old seq 9 renumbered to 8 and resealed: only its prev still points at the removed record. */
    static Expected deletedAndRenumbered(AuditTrails.Trail t) throws IOException {
        List<String> lines = lines(t.rotated());
        lines.remove(7);
        Map<String, Object> next = parse(lines.get(7));
        next.put("seq", 8);
        lines.set(7, reseal(next, KEY_ONE));
        write(t.rotated(), lines);
        return new Expected(t.rotated(), 8, Reason.DELETED);
    }

    /** audit.jsonl cut after seq 31: the anchor's checkpoint at seq 36 (its line 6) is beyond the end. */
    static Expected truncatedTail(AuditTrails.Trail t) throws IOException {
        write(t.current(), lines(t.current()).subList(0, 4));
        return new Expected(t.anchor(), 6, Reason.TRUNCATED);
    }

    static Expected keyIdReplacedOneKey(AuditTrails.Trail t) throws IOException {
        replaceKeyId(t.rotated(), 8);
        return new Expected(t.rotated(), 8, Reason.UNKNOWN_KEY_ID, Map.of(KEY_ONE.id(), KEY_ONE));
    }

    static Expected keyIdReplacedBothKeys(AuditTrails.Trail t) throws IOException {
        replaceKeyId(t.rotated(), 8);
        return new Expected(t.rotated(), 8, Reason.KEY_ID_REPLACED);
    }

    static Expected badSignature(AuditTrails.Trail t) throws IOException {
        List<String> lines = lines(t.rotated());
        Map<String, Object> checkpoint = parse(lines.get(11));
        checkpoint.put("sig", AuditTrails.SIGNER.sign("some other text"));
        lines.set(11, reseal(checkpoint, KEY_ONE));
        write(t.rotated(), lines);
        return new Expected(t.rotated(), 12, Reason.BAD_SIGNATURE);
    }

    static Expected noFinalNewline(AuditTrails.Trail t) throws IOException {
        byte[] bytes = Files.readAllBytes(t.current());
        Files.write(t.current(), java.util.Arrays.copyOf(bytes, bytes.length - 1));
        return new Expected(t.current(), lines(t.current()).size(), Reason.BAD_FORMAT);
    }

    static Expected nonCanonical(AuditTrails.Trail t) throws IOException {
        replaceInLine(t.rotated(), 3, ",\"key_id\":", ", \"key_id\":");
        return new Expected(t.rotated(), 3, Reason.MODIFIED);
    }

    static Expected anchorChanged(AuditTrails.Trail t) throws IOException {
        replaceInLine(t.anchor(), 3, "\"run\":\"", "\"run\":\"0");
        return new Expected(t.anchor(), 3, Reason.MODIFIED);
    }

    static Expected rotatedFileMissing(AuditTrails.Trail t) throws IOException {
        Files.delete(t.rotated());
        return new Expected(t.current(), 1, Reason.DELETED);
    }

    static Expected fraction(AuditTrails.Trail t) throws IOException {
        List<String> lines = lines(t.rotated());
        Map<String, Object> record = parse(lines.get(6));
        ((Map<String, Object>) record.get("params")).put("limit", 2.5);
        lines.set(6, reseal(record, KEY_ONE));
        write(t.rotated(), lines);
        return new Expected(t.rotated(), 7, Reason.BAD_FORMAT);
    }

    static Expected loneSurrogate(AuditTrails.Trail t) throws IOException {
        replaceInLine(t.rotated(), 7, "\uD83D\uDE00", "\\ud83d");
        return new Expected(t.rotated(), 7, Reason.BAD_FORMAT);
    }

    static Expected duplicateMember(AuditTrails.Trail t) throws IOException {
        replaceInLine(t.rotated(), 7, "{\"caller\":\"stdio\",", "{\"caller\":\"stdio\",\"caller\":\"stdio\",");
        return new Expected(t.rotated(), 7, Reason.BAD_FORMAT);
    }

    static Expected blankLine(AuditTrails.Trail t) throws IOException {
        List<String> lines = lines(t.rotated());
        lines.add(9, "");
        write(t.rotated(), lines);
        return new Expected(t.rotated(), 10, Reason.BAD_FORMAT);
    }

    static Expected crlf(AuditTrails.Trail t) throws IOException {
        List<String> lines = lines(t.rotated());
        lines.set(4, lines.get(4) + "\r");
        write(t.rotated(), lines);
        return new Expected(t.rotated(), 5, Reason.MODIFIED);
    }

    static Expected seqAsString(AuditTrails.Trail t) throws IOException {
        replaceInLine(t.rotated(), 5, "\"seq\":5,", "\"seq\":\"5\",");
        return new Expected(t.rotated(), 5, Reason.BAD_FORMAT);
    }

    static Expected movedFarLater(AuditTrails.Trail t) throws IOException {
        List<String> lines = lines(t.rotated());
        lines.add(20, lines.remove(2));
        write(t.rotated(), lines);
        return new Expected(t.rotated(), 3, Reason.REORDERED);
    }

    /** seq 8 gone, 10 before 9: of the missing 8 and 9 only 9 comes later, so deleted. */
    static Expected deletedThenSwapped(AuditTrails.Trail t) throws IOException {
        List<String> lines = lines(t.rotated());
        lines.remove(7);
        lines.add(7, lines.remove(8));
        write(t.rotated(), lines);
        return new Expected(t.rotated(), 8, Reason.DELETED);
    }

    static Expected rotatedFileTwice(AuditTrails.Trail t) {
        return new Expected(t.rotated(), 1, Reason.INSERTED, BOTH_KEYS,
                List.of(t.current(), t.rotated(), t.anchor(), t.rotated()));
    }

    /** Changed, signed and sealed as the server would: it verifies on its own, so the log line is named. */
    static Expected anchorResigned(AuditTrails.Trail t) throws IOException {
        List<String> lines = lines(t.anchor());
        Map<String, Object> anchor = parse(lines.get(2));
        anchor.put("run", "0000000000000000");
        anchor.remove("hmac");
        anchor.remove("sig");
        anchor.put("sig", AuditTrails.SIGNER.sign(Jcs.of(anchor)));
        lines.set(2, reseal(anchor, KEY_ONE));
        write(t.anchor(), lines);
        return new Expected(t.rotated(), 18, Reason.MODIFIED);
    }

    static Expected anchorResealedOnly(AuditTrails.Trail t) throws IOException {
        List<String> lines = lines(t.anchor());
        Map<String, Object> anchor = parse(lines.get(2));
        anchor.put("run", "0000000000000000");
        lines.set(2, reseal(anchor, KEY_ONE));
        write(t.anchor(), lines);
        return new Expected(t.anchor(), 3, Reason.BAD_SIGNATURE);
    }

    static Expected prevEditedByKeyHolder(AuditTrails.Trail t) throws IOException {
        List<String> lines = lines(t.rotated());
        Map<String, Object> record = parse(lines.get(7));
        String prev = (String) record.get("prev");
        record.put("prev", (prev.charAt(0) == 'a' ? "b" : "a") + prev.substring(1));
        lines.set(7, reseal(record, KEY_ONE));
        write(t.rotated(), lines);
        return new Expected(t.rotated(), 8, Reason.MODIFIED);
    }

    /** The last base64 digit's 4 unused bits set: lenient decoders read the same 64 bytes. */
    static Expected signatureRespelled(AuditTrails.Trail t) throws IOException {
        List<String> lines = lines(t.rotated());
        String sig = (String) parse(lines.get(11)).get("sig");
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        char last = sig.charAt(85);
        String respelled = sig.substring(0, 85) + alphabet.charAt(alphabet.indexOf(last) | 1) + "==";
        replaceInLine(t.rotated(), 12, sig, respelled);
        return new Expected(t.rotated(), 12, Reason.BAD_SIGNATURE, Map.of());
    }

    /** Check 1 runs over every line of every file before the chain is followed. */
    static Expected badLineAfterDeletion(AuditTrails.Trail t) throws IOException {
        deletedLine(t);
        List<String> lines = lines(t.current());
        lines.add("not json");
        write(t.current(), lines);
        return new Expected(t.current(), lines.size(), Reason.BAD_FORMAT);
    }

    static Expected otherSignKey(AuditTrails.Trail t) throws IOException {
        List<String> lines = lines(t.rotated());
        Map<String, Object> checkpoint = parse(lines.get(5));
        checkpoint.put("sign_key", "0123456789abcdef");
        lines.set(5, reseal(checkpoint, KEY_ONE));
        write(t.rotated(), lines);
        return new Expected(t.rotated(), 6, Reason.BAD_SIGNATURE);
    }

    /** The record's key id set to k-two and its hmac recomputed with k-two's key. */
    private static void replaceKeyId(Path file, int line) throws IOException {
        List<String> lines = lines(file);
        Map<String, Object> record = parse(lines.get(line - 1));
        record.put("key_id", KEY_TWO.id());
        lines.set(line - 1, reseal(record, KEY_TWO));
        write(file, lines);
    }

    static void replaceInLine(Path file, int line, String from, String to) throws IOException {
        List<String> lines = lines(file);
        String text = lines.get(line - 1);
        if (!text.contains(from)) {
            throw new IllegalStateException(file + ":" + line + " has no " + from);
        }
        lines.set(line - 1, text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
        write(file, lines);
    }
}
