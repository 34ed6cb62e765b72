package org.qtrust.adapters.ocsp.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import java.time.Clock;
import java.util.Objects;
import org.qtrust.adapters.ocsp.OcspCrlRevocationChecker;
import org.qtrust.core.cache.port.SharedEvidenceStore;
import org.qtrust.core.revocation.RevocationChecker;
import org.qtrust.core.transport.HttpTransport;

/**
 * Binds {@link RevocationChecker} to the OCSP/CRL checker, as a singleton (it holds the
 * answer and CRL caches). Uses the {@link SharedEvidenceStore} another module binds with
 * {@link OptionalBinder#setBinding()} (none by default). Expects an {@link HttpTransport} binding from elsewhere (adapters-http).
 * The clock is used only for cache expiry and to refuse answers dated in the future; every
 * decision takes the query's validation time.
 */
public final class OcspAdapterModule extends AbstractModule {

    private final Clock clock;

    public OcspAdapterModule() {
        this(Clock.systemUTC());
    }

    public OcspAdapterModule(Clock clock) {
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    protected void configure() {
        requireBinding(HttpTransport.class);
        // A shared store (adapters-redis, for server replicas) when some module sets it; none by default.
        OptionalBinder.newOptionalBinder(binder(), SharedEvidenceStore.class).setDefault().toInstance(SharedEvidenceStore.none());
    }

    @Provides
    @Singleton
    OcspCrlRevocationChecker ocspCrlRevocationChecker(HttpTransport transport, SharedEvidenceStore shared) {
        return new OcspCrlRevocationChecker(transport, clock, OcspCrlRevocationChecker.DEFAULT_MAX_ANSWERS,
                OcspCrlRevocationChecker.DEFAULT_MAX_CRLS, org.qtrust.adapters.ocsp.OutboundLimits.DEFAULTS, shared);
    }

    @Provides
    @Singleton
    RevocationChecker revocationChecker(OcspCrlRevocationChecker checker) {
        return checker;
    }
}
