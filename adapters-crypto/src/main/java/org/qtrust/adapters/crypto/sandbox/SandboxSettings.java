package org.qtrust.adapters.crypto.sandbox;

/**
 * What a sandbox is built from: the seed of every key, and the loopback port that
 * {@code qtrust sandbox serve} will listen on (it is written into list pointers, AIA and CRL
 * distribution point URLs). The same settings give byte-identical lists and certificates.
 */
public record SandboxSettings(long seed, int port) {

    public static final long DEFAULT_SEED = 1;
    public static final int DEFAULT_PORT = 8642;

    public SandboxSettings {
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port " + port + " is not a TCP port");
        }
    }

    /** The base URL of everything served, e.g. {@code http://127.0.0.1:8642}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }
}
