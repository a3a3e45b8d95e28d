package dev.dojomcp.security;

import java.util.List;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.impl.DefaultLogEventFactory;
import org.apache.logging.log4j.core.impl.LogEventFactory;
import org.apache.logging.log4j.core.impl.ReusableLogEventFactory;
import org.apache.logging.log4j.core.util.Constants;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.SimpleMessage;

/**
 * Log4j 2's factory of log events, installed for the whole process by {@code log4j2.logEventFactory} in
 * {@code log4j2.component.properties}: it masks the message and the throwable ({@link LogRedaction}) of every
 * event as the event is made, then lets Log4j's own factory make it.
 *
 * <p>Why here and not in a layout, a rewrite appender or a message factory:
 * <ul>
 *   <li>Every logger configuration makes its events through this one factory before handing them to any
 *       appender, so no appender or layout can see an unmasked event: not the console, and not a file, syslog
 *       (RFC 5424) or JSON appender added later, whatever layout or pattern it uses. Pattern converters
 *       ({@code %redactedMessage}) protect only the patterns that remember to use them, and a rewrite appender
 *       only the appenders routed through it.</li>
 *   <li>A message factory sees the message but not the throwable; this sees both.</li>
 *   <li>It is a class named in a properties file, not a plugin: no {@code Log4j2Plugins.dat} cache to
 *       generate and no shade transformer to merge it with log4j-core's, and nothing extra to scan at
 *       start-up.</li>
 * </ul>
 * It does not cover fully asynchronous loggers ({@code log4j2.contextSelector=AsyncLoggerContextSelector},
 * which build their events without a factory; the project does not use them) nor Log4j's own status messages.
 *
 * <p>An unchanged message is passed on as it was (structured messages keep their structure); a changed one
 * becomes a plain message with the masked text. A throwable with text to mask becomes a
 * {@link RedactedThrowable} copy that still prints as a multi-line stack trace.
 */
public final class RedactingLogEventFactory implements LogEventFactory {
    private final LogEventFactory delegate =
            Constants.ENABLE_THREADLOCALS ? new ReusableLogEventFactory() : new DefaultLogEventFactory();

    @Override
    public LogEvent createEvent(String loggerName, Marker marker, String fqcn, Level level, Message data,
                                List<Property> properties, Throwable t) {
        return delegate.createEvent(loggerName, marker, fqcn, level, redact(data), properties,
                LogRedaction.redact(t));
    }

    @Override
    public LogEvent createEvent(String loggerName, Marker marker, String fqcn, StackTraceElement location,
                                Level level, Message data, List<Property> properties, Throwable t) {
        return delegate.createEvent(loggerName, marker, fqcn, location, level, redact(data), properties,
                LogRedaction.redact(t));
    }

    static Message redact(Message message) {
        if (message == null) {
            return null;
        }
        String text;
        try {
            text = message.getFormattedMessage();
        } catch (RuntimeException e) {
            return new SimpleMessage(LogRedaction.WITHHELD);
        }
        String masked = LogRedaction.redact(text);
        return masked == text || masked == null || masked.equals(text) ? message : new SimpleMessage(masked);
    }
}
