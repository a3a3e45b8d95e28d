package dev.dojomcp.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dojomcp.config.Secret;
import dev.dojomcp.testing.TestSecrets;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Through SLF4J and Log4j as the server logs: appenders only ever see masked messages and exceptions. */
class RedactedLoggingTest {
    private static final String LOGGER = "dev.dojomcp.security.probe";
    // A real test secret: the line below also lands in target/test-logs/test-run.log, which the scan reads.
    private static final String KEY = TestSecrets.DOJO_KEY;

    private final StringWriter text = new StringWriter();
    private final List<LogEvent> events = new CopyOnWriteArrayList<>();
    private WriterAppender writer;
    private AbstractAppender recorder;

    @BeforeEach
    void attach() {
        LogRedaction.register(Secret.of(KEY));
        Configuration cfg = context().getConfiguration();
        writer = WriterAppender.newBuilder().setName("redaction-probe-text").setTarget(text)
                .setLayout(PatternLayout.newBuilder().withPattern("%-5level %c - %msg%n%xEx").build()).build();
        recorder = new AbstractAppender("redaction-probe-events", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                events.add(event.toImmutable());
            }
        };
        writer.start();
        recorder.start();
        // Not additive (the console stays quiet), but also written to the test-run log that LogSecretScanTest reads.
        LoggerConfig probe = new LoggerConfig(LOGGER, Level.DEBUG, false);
        probe.addAppender(writer, null, null);
        probe.addAppender(recorder, null, null);
        if (cfg.getAppender("testLog") != null) {
            probe.addAppender(cfg.getAppender("testLog"), null, null);
        }
        cfg.addLogger(LOGGER, probe);
        context().updateLoggers();
    }

    @AfterEach
    void detach() {
        context().getConfiguration().removeLogger(LOGGER);
        context().updateLoggers();
        writer.stop();
        recorder.stop();
    }

    private static LoggerContext context() {
        return (LoggerContext) LogManager.getContext(false);
    }

    @Test
    void everyLoggerConfig_makesItsEventsThroughTheRedactingFactory() {
        Configuration cfg = context().getConfiguration();
        assertThat(cfg.getRootLogger().getLogEventFactory()).isInstanceOf(RedactingLogEventFactory.class);
        assertThat(cfg.getLoggers().values()).isNotEmpty().allSatisfy(lc ->
                assertThat(lc.getLogEventFactory()).as(lc.getName()).isInstanceOf(RedactingLogEventFactory.class));
    }

    @Test
    void messagesAndExceptions_reachTheAppendersMasked() {
        Logger log = LoggerFactory.getLogger(LOGGER);
        IllegalStateException failure = new IllegalStateException("DefectDojo refused key " + KEY,
                new IOException("header was Authorization: Token " + KEY));
        log.debug("calling DefectDojo with {} and api_key={}", KEY, "lowercase-value");
        log.warn("request failed for key {}", KEY, failure);
        log.atInfo().setMessage("fluent " + KEY).log();

        String out = text.toString();
        assertThat(out).doesNotContain(KEY).doesNotContain("lowercase-value")
                // The generic pass gives [REDACTED]; once a server has plugged in the secret scanner it names the class.
                .containsPattern("DEBUG " + java.util.regex.Pattern.quote(LOGGER)
                        + " - calling DefectDojo with \\*\\*\\*REDACTED\\*\\*\\* and api_key=\\[REDACTED(:password_assignment)?]")
                .contains("WARN  " + LOGGER + " - request failed for key ***REDACTED***")
                .contains("java.lang.IllegalStateException: DefectDojo refused key ***REDACTED***")
                .contains("Caused by: java.io.IOException: header was Authorization: Token ***REDACTED***")
                .contains("\tat dev.dojomcp.security.RedactedLoggingTest.messagesAndExceptions_reachTheAppendersMasked")
                .contains("fluent ***REDACTED***");
        assertThat(out.lines().count()).isGreaterThan(10);

        assertThat(events).hasSize(3);
        for (LogEvent e : events) {
            assertThat(e.getMessage().getFormattedMessage()).doesNotContain(KEY);
            for (Throwable t = e.getThrown(); t != null; t = t.getCause()) {
                assertThat(t.getMessage()).doesNotContain(KEY);
                assertThat(t.toString()).doesNotContain(KEY);
            }
        }
        assertThat(events.get(1).getThrown().getStackTrace()).isEqualTo(failure.getStackTrace());
        // The caller's exception object is not changed.
        assertThat(failure.getMessage()).contains(KEY);
    }

    @Test
    void unmaskedEvents_keepTheirOriginalMessageAndException() {
        Logger log = LoggerFactory.getLogger(LOGGER);
        UncheckedIOException plain = new UncheckedIOException(new IOException("disk full"));
        log.error("nothing secret in {}", "this line", plain);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).getThrown()).isSameAs(plain);
        assertThat(events.get(0).getMessage().getFormattedMessage()).isEqualTo("nothing secret in this line");
    }
}
