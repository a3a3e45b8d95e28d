package dev.dojomcp.tools.schema;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A JSON Schema string format (e.g. {@code date}) and optional pattern. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD})
public @interface Format {
    String value() default "";

    String pattern() default "";

    int maxLength() default -1;
}
