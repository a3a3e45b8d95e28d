package dev.dojomcp.security.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnicodeFoldingTest {

    @Test
    void nfkc_turnsCompatibilityLettersIntoPlainOnes() {
        assertThat(UnicodeFolding.forMatching("\uFF29\uFF47\uFF4E\uFF4F\uFF52\uFF45")).isEqualTo("ignore"); // fullwidth
        assertThat(UnicodeFolding.forMatching("\uD835\uDC22\uD835\uDC20\uD835\uDC27")).isEqualTo("ign"); // math bold
        assertThat(UnicodeFolding.forMatching("\u24D8\u24D6\u24DD")).isEqualTo("ign"); // circled
        assertThat(UnicodeFolding.forMatching("\uFB01le")).isEqualTo("file"); // ligature
        assertThat(UnicodeFolding.forMatching("\uFF1Csystem\uFF1E \uFF3BINST\uFF3D")).isEqualTo("<system> [inst]");
    }

    @Test
    void invisibleCharacters_areRemoved() {
        assertThat(UnicodeFolding.forMatching("ig\u200Bno\u200Cr\u200De")).isEqualTo("ignore"); // ZWSP, ZWNJ, ZWJ
        assertThat(UnicodeFolding.forMatching("\uFEFFig\u2060nore")).isEqualTo("ignore"); // BOM, word joiner
        assertThat(UnicodeFolding.forMatching("ig\u00ADnore")).isEqualTo("ignore"); // soft hyphen
        assertThat(UnicodeFolding.forMatching("\u202Eig\u202Cno\u2066re\u2069\u200E")).isEqualTo("ignore"); // bidi
        assertThat(UnicodeFolding.forMatching("ig\uDB40\uDC41no\uDB40\uDC7Fre")).isEqualTo("ignore"); // tag chars
        assertThat(UnicodeFolding.forMatching("ig\uFE0Fno\uDB40\uDD00re")).isEqualTo("ignore"); // variation selectors
        assertThat(UnicodeFolding.forMatching("ig\u0007no\uE000re\u3164")).isEqualTo("ignore"); // control, private, filler
    }

    @Test
    void homoglyphs_foldToLatin() {
        // Cyrillic lower case а е о р с у х і ј ѕ ԁ ԛ ԝ
        assertThat(UnicodeFolding.forMatching("\u0430\u0435\u043E\u0440\u0441\u0443\u0445\u0456\u0458\u0455\u0501\u051B"
                + "\u051D")).isEqualTo("aeopcyxijsdqw");
        // Cyrillic capitals А В Е К М Н О Р С Т Х
        assertThat(UnicodeFolding.forMatching("\u0410\u0412\u0415\u041A\u041C\u041D\u041E\u0420\u0421\u0422\u0425"))
                .isEqualTo("abekmhopctx");
        // Greek ο α ν ρ ε ι κ τ and capitals Α Ε Ι Ν Ο Ρ
        assertThat(UnicodeFolding.forMatching("\u03BF\u03B1\u03BD\u03C1\u03B5\u03B9\u03BA\u03C4"))
                .isEqualTo("oavpeikt");
        assertThat(UnicodeFolding.forMatching("\u0391\u0395\u0399\u039D\u039F\u03A1")).isEqualTo("aeinop");
        assertThat(UnicodeFolding.forMatching("Ign\u043Ere \u0430ll previ\u03BFus")).isEqualTo("ignore all previous");
        assertThat(UnicodeFolding.forMatching("\u026A\u0262\u0274\u1D0F\u0280\u1D07")).isEqualTo("ignore"); // small caps
    }

    @Test
    void accentsAreStripped_andCaseIsLowered() {
        assertThat(UnicodeFolding.forMatching("I\u0300gno\u0308re PR\u00C9VIOUS")).isEqualTo("ignore previous");
        assertThat(UnicodeFolding.forMatching("\u0130NSTRUCTIONS")).isEqualTo("instructions"); // dotted capital I
        assertThat(UnicodeFolding.forMatching("iGnOrE")).isEqualTo("ignore");
    }

    @Test
    void whitespace_collapsesToOneSpace_orOneLineBreak() {
        assertThat(UnicodeFolding.forMatching("  a \t\u00A0 b\u3000\u2003c  ")).isEqualTo("a b c");
        assertThat(UnicodeFolding.forMatching("a \n\n  b\r\nc\u2028d\u2029e\u0085f")).isEqualTo("a\nb\nc\nd\ne\nf");
        assertThat(UnicodeFolding.forMatching("\n\nHuman: hi")).isEqualTo("human: hi");
        assertThat(UnicodeFolding.forMatching("a\u200B \u200Bb")).isEqualTo("a b");
    }

    @Test
    void nullAndEmpty_giveEmpty() {
        assertThat(UnicodeFolding.forMatching(null)).isEmpty();
        assertThat(UnicodeFolding.forMatching("")).isEmpty();
        assertThat(UnicodeFolding.forSecrets(null)).isEmpty();
        assertThat(UnicodeFolding.hiddenTagText(null)).isEmpty();
    }

    @Test
    void plainAscii_isOnlyLowered() {
        String s = "Run `rm -rf /tmp/x`; ' OR 1=1 --";
        assertThat(UnicodeFolding.forMatching(s)).isEqualTo("run `rm -rf /tmp/x`; ' or 1=1 --");
    }

    @Test
    void forSecrets_keepsCaseAndLayout() {
        assertThat(UnicodeFolding.forSecrets("AKIA\u200BABCD\nXyz")).isEqualTo("AKIAABCD\nXyz");
        assertThat(UnicodeFolding.forSecrets("\uFF21\uFF2B\uFF29\uFF21")).isEqualTo("AKIA");
        assertThat(UnicodeFolding.forSecrets("p\u0430ssword = \"Xy\"")).isEqualTo("password = \"Xy\"");
        String plain = "password: Xy12\tz";
        assertThat(UnicodeFolding.forSecrets(plain)).isSameAs(plain);
    }

    @Test
    void hiddenTagText_readsAsciiSmuggledInTagCharacters() {
        String smuggled = "Missing header." + "\uDB40\uDC68\uDB40\uDC69\uDB40\uDC20\uDB40\uDC41";
        assertThat(UnicodeFolding.hiddenTagText(smuggled)).isEqualTo("hi A");
        assertThat(UnicodeFolding.forMatching(smuggled)).isEqualTo("missing header.");
        assertThat(UnicodeFolding.hiddenTagText("no tags")).isEmpty();
    }

    @Test
    void theInputIsNotChanged() {
        String input = "Ign\u043Ere\u200B";
        String copy = new String(input);
        UnicodeFolding.forMatching(input);
        UnicodeFolding.forSecrets(input);
        assertThat(input).isEqualTo(copy);
    }
}
