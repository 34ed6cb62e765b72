package org.qtrust.adapters.crypto.guice;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import org.junit.jupiter.api.Test;
import org.qtrust.adapters.crypto.xades.XadesListSignatureVerifier;
import org.qtrust.core.trustedlist.port.ListSignatureVerifier;

class CryptoAdapterModuleTest {

    @Test
    void binds_one_xades_verifier_for_the_signature_port() {
        Injector injector = Guice.createInjector(new CryptoAdapterModule());

        ListSignatureVerifier verifier = injector.getInstance(ListSignatureVerifier.class);

        assertThat(verifier).isInstanceOf(XadesListSignatureVerifier.class);
        assertThat(injector.getInstance(ListSignatureVerifier.class)).isSameAs(verifier);
    }
}
