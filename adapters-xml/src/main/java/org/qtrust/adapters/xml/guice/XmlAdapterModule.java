package org.qtrust.adapters.xml.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import org.qtrust.adapters.xml.Ts119612ListReader;
import org.qtrust.adapters.xml.lote.LoteDocumentReader;
import org.qtrust.adapters.xml.policy.JsonPolicyReader;
import org.qtrust.core.lote.port.LoteReader;
import org.qtrust.core.policy.port.VerificationPolicyReader;
import org.qtrust.core.trustedlist.port.TrustedListReader;

import java.util.Objects;

/** Binds {@link TrustedListReader} and {@link LoteReader} to the hardened readers (one shared, thread-safe instance each). */
public final class XmlAdapterModule extends AbstractModule {

    private final Ts119612ListReader.Limits limits;

    public XmlAdapterModule() {
        this(Ts119612ListReader.Limits.DEFAULT);
    }

    public XmlAdapterModule(Ts119612ListReader.Limits limits) {
        this.limits = Objects.requireNonNull(limits);
    }

    @Provides
    @Singleton
    TrustedListReader trustedListReader() {
        return new Ts119612ListReader(limits);
    }

    /** Lists of trusted entities (TS 119 602), JSON or XML, under the same limits. */
    @Provides
    @Singleton
    LoteReader loteReader() {
        return new LoteDocumentReader(limits);
    }

    /** Policy files (JSON). */
    @Provides
    @Singleton
    VerificationPolicyReader verificationPolicyReader() {
        return new JsonPolicyReader();
    }
}
