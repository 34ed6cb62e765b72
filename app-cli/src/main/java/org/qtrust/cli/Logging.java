package org.qtrust.cli;

import java.util.List;

/**
 * The libraries' log lines (HTTP retries, cache fills…) are for diagnosis: they appear only with
 * {@code --verbose}/{@code -v}, and then on stderr, so stdout stays the command's own output.
 * SLF4J's simple binding reads these settings once, when the first logger is made: this runs
 * before any command does.
 */
final class Logging {

    static final List<String> VERBOSE_FLAGS = List.of("-v", "--verbose");

    private Logging() {
    }

    /** True when the arguments ask for the libraries' logs (before any {@code --} that ends the options). */
    static boolean verbose(String[] args) {
        for (String arg : args) {
            if ("--".equals(arg)) {
                return false;
            }
            if (VERBOSE_FLAGS.contains(arg)) {
                return true;
            }
        }
        return false;
    }

    static void configure(boolean verbose) {
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "off");
        System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
    }
}
