package org.qtrust.adapters.xml.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import org.qtrust.adapters.xml.Ts119612ListReader;
import org.qtrust.adapters.xml.policy.JsonPolicyReader;
import org.qtrust.core.policy.port.VerificationPolicyReader;
import org.qtrust.core.trustedlist.port.TrustedListReader;

import java.util.Objects;

/** Binds {@link TrustedListReader} to the hardened TS 119 612 reader (one shared, thread-safe instance). */
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

    /** Policy files (JSON). */
    @Provides
    @Singleton
    VerificationPolicyReader verificationPolicyReader() {
        return new JsonPolicyReader();
    }
}
