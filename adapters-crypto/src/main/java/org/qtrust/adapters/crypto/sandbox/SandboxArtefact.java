package org.qtrust.adapters.crypto.sandbox;

import java.util.List;
import java.util.Objects;

/**
 * One artefact of the sandbox and the verdict QTrust must give for it: a line of the sandbox's
 * README table and an entry of its {@code manifest.json}.
 *
 * @param artefact    path relative to the sandbox folder
 * @param kind        what it is
 * @param args        the {@code qtrust} arguments that verify it, paths relative to the sandbox folder
 * @param expectExit  the exit code those arguments must give (0 valid/trusted, 1 invalid)
 * @param expectCode  the verdict code ({@code ok}, or the rejection code)
 * @param trustSource where trust comes from
 * @param description what the artefact is and why it gets that verdict, for people
 */
public record SandboxArtefact(String artefact, Kind kind, List<String> args, int expectExit, String expectCode,
                              TrustSource trustSource, String description) {

    public enum Kind {
        CERTIFICATE("certificate"), CREDENTIAL("credential"), LIST("list");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum TrustSource {
        TL("TL"), LOTE("LoTE"), ANCHOR("anchor");

        private final String label;

        TrustSource(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public SandboxArtefact {
        Objects.requireNonNull(artefact);
        Objects.requireNonNull(kind);
        args = List.copyOf(args);
        Objects.requireNonNull(expectCode);
        Objects.requireNonNull(trustSource);
        Objects.requireNonNull(description);
    }

    /** Whether the verdict needs the revocation data that {@code qtrust sandbox serve} publishes. */
    public boolean needsRevocation() {
        return args.contains("--revocation");
    }

    /** Whether the verdict needs anything {@code qtrust sandbox serve} publishes (OCSP, CRLs, status lists, issuer metadata). */
    public boolean needsServe() {
        return needsRevocation() || artefact.startsWith(SandboxLayout.STATUS_CREDENTIALS + "/")
                || artefact.startsWith(SandboxLayout.METADATA_CREDENTIALS + "/");
    }
}
