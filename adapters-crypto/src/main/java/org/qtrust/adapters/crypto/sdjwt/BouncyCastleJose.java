package org.qtrust.adapters.crypto.sdjwt;

import java.security.Provider;
import java.security.Security;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.jose4j.jca.ProviderContext;

/**
 * Bouncy Castle as jose4j's JCA provider for signatures and key decoding, chosen deliberately:
 * a P-256 ECDSA verification takes ~0.12 ms with it against ~1.4 ms with JDK 17's default
 * provider (issue 4). jose4j names providers, so Bouncy Castle is registered once, appended
 * last: it never becomes the default for anyone who does not ask for it by name.
 */
public final class BouncyCastleJose {

    public static final String PROVIDER_NAME = BouncyCastleProvider.PROVIDER_NAME;

    private static final Provider PROVIDER = register();

    private BouncyCastleJose() {
    }

    private static synchronized Provider register() {
        Provider installed = Security.getProvider(PROVIDER_NAME);
        if (installed != null) {
            return installed;
        }
        Provider provider = new BouncyCastleProvider();
        Security.addProvider(provider);
        return provider;
    }

    public static Provider provider() {
        return PROVIDER;
    }

    /** A provider context that sends jose4j's signature and key-factory work to Bouncy Castle. */
    public static ProviderContext context() {
        provider();
        ProviderContext context = new ProviderContext();
        context.getSuppliedKeyProviderContext().setSignatureProvider(PROVIDER_NAME);
        context.getSuppliedKeyProviderContext().setKeyFactoryProvider(PROVIDER_NAME);
        return context;
    }
}
