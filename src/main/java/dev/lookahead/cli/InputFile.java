package dev.lookahead.cli;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an option (or parameter) naming a file or folder a command reads. {@link InputOutputClash} refuses a command
 * line whose {@link OutputFile} names one of these; {@code FileOptionsTest} fails when a file option carries neither.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface InputFile {
}
