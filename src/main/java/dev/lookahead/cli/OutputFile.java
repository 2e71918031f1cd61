package dev.lookahead.cli;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an option naming a file or folder a command writes. It may never be one of the command's {@link InputFile}s
 * ({@link InputOutputClash}); {@code FileOptionsTest} fails when a file option carries neither mark.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface OutputFile {
}
