package org.qtrust.adapters.ocsp.bench;

import org.qtrust.adapters.ocsp.RevocationBench;

/**
 * Runs the revocation benchmark from the test class path (not a test):
 * {@code mvn -q -pl adapters-ocsp -am test-compile exec:java …} or from an IDE. Arguments:
 * [crlEntries [checks [threads]]].
 */
public final class RevocationBenchMain {

    private RevocationBenchMain() {
    }

    public static void main(String[] args) {
        RevocationBench.Options defaults = RevocationBench.Options.defaults();
        RevocationBench.Options options = new RevocationBench.Options(
                args.length > 0 ? Integer.parseInt(args[0]) : defaults.crlEntries(),
                args.length > 1 ? Integer.parseInt(args[1]) : defaults.checks(),
                args.length > 2 ? Integer.parseInt(args[2]) : defaults.threads());
        RevocationBench.run(options).asMap().forEach((name, value) -> System.out.println(name + " = " + value));
    }
}
