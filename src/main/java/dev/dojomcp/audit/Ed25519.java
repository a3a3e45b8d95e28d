package dev.dojomcp.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Ed25519 keys as operators handle them: the private key is the base64 of the raw 32-byte seed, the
 * public key the base64 of the raw 32-byte point (what RFC 8032 and every other library use), converted
 * here to the JDK's PKCS#8 / X.509 encodings by their fixed prefixes.
 */
public final class Ed25519 {
    private static final byte[] PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private Ed25519() {
    }

    /** A signing key from the base64 seed. */
    public static Signer signer(String seedBase64) {
        byte[] seed = decode32(seedBase64);
        try {
            PrivateKey privateKey = KeyFactory.getInstance("Ed25519").generatePrivate(
                    new PKCS8EncodedKeySpec(concat(PKCS8_PREFIX, seed)));
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new FixedSeed(seed));
            PublicKey publicKey = generator.generateKeyPair().getPublic();
            return new Signer(privateKey, raw(publicKey));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 seed", e);
        }
    }

    /** A fresh key pair: {seed base64, public key base64}. */
    public static String[] generate() {
        byte[] seed = new byte[32];
        new SecureRandom().nextBytes(seed);
        String seedText = Base64.getEncoder().encodeToString(seed);
        return new String[] {seedText, signer(seedText).publicKeyBase64()};
    }

    /** A verifier from the base64 raw public key. */
    public static Verifier verifier(String publicKeyBase64) {
        byte[] raw = decode32(publicKeyBase64);
        try {
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(
                    new X509EncodedKeySpec(concat(X509_PREFIX, raw)));
            return new Verifier(key, raw);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    /** First 16 hex characters of SHA-256 of the raw public key. */
    public static String fingerprint(byte[] rawPublicKey) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(rawPublicKey)).substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static final class Signer {
        private final PrivateKey key;
        private final byte[] publicKey;

        private Signer(PrivateKey key, byte[] publicKey) {
            this.key = key;
            this.publicKey = publicKey;
        }

        public String publicKeyBase64() {
            return Base64.getEncoder().encodeToString(publicKey);
        }

        public String fingerprint() {
            return Ed25519.fingerprint(publicKey);
        }

        /** Standard base64 of the signature of the UTF-8 text. */
        public String sign(String text) {
            try {
                Signature signature = Signature.getInstance("Ed25519");
                signature.initSign(key);
                signature.update(text.getBytes(StandardCharsets.UTF_8));
                return Base64.getEncoder().encodeToString(signature.sign());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Ed25519 signing failed", e);
            }
        }

        @Override
        public String toString() {
            return "Ed25519.Signer[" + fingerprint() + "]";
        }
    }

    public static final class Verifier {
        private final PublicKey key;
        private final byte[] raw;

        private Verifier(PublicKey key, byte[] raw) {
            this.key = key;
            this.raw = raw;
        }

        public String fingerprint() {
            return Ed25519.fingerprint(raw);
        }

        public boolean verify(String text, String signatureBase64) {
            try {
                Signature signature = Signature.getInstance("Ed25519");
                signature.initVerify(key);
                signature.update(text.getBytes(StandardCharsets.UTF_8));
                return signature.verify(Base64.getDecoder().decode(signatureBase64));
            } catch (IllegalArgumentException | GeneralSecurityException e) {
                return false;
            }
        }
    }

    private static byte[] decode32(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not base64");
        }
        if (bytes.length != 32) {
            throw new IllegalArgumentException("not 32 bytes of base64");
        }
        return bytes;
    }

    private static byte[] raw(PublicKey key) {
        byte[] encoded = key.getEncoded();
        return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Hands the key-pair generator our seed instead of fresh randomness: the JDK's way to derive the public key. */
    private static final class FixedSeed extends SecureRandom {
        private final byte[] seed;

        FixedSeed(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
        }
    }
}
