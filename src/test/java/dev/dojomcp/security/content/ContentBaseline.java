package dev.dojomcp.security.content;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The measured values in {@code src/test/resources/security/corpus-baseline.properties} the tests must keep. */
record ContentBaseline(double corpusPrecision, double corpusRecall, double realFalsePositiveRate) {

    static ContentBaseline load() throws IOException {
        Properties p = new Properties();
        try (InputStream in = ContentBaseline.class.getResourceAsStream("/security/corpus-baseline.properties")) {
            if (in == null) {
                throw new IOException("security/corpus-baseline.properties is not on the test class path");
            }
            p.load(in);
        }
        return new ContentBaseline(number(p, "corpus.precision.min"), number(p, "corpus.recall.min"),
                number(p, "real.false_positive_rate.max"));
    }

    private static double number(Properties p, String key) throws IOException {
        String value = p.getProperty(key);
        if (value == null) {
            throw new IOException("corpus-baseline.properties has no " + key);
        }
        return Double.parseDouble(value.strip());
    }
}
