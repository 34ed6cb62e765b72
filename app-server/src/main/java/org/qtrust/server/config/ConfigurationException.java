package org.qtrust.server.config;

/** The server cannot start with this configuration; the message says what to change. */
public final class ConfigurationException extends RuntimeException {

    public ConfigurationException(String message) {
        super(message);
    }
}
