package org.qtrust.adapters.ocsp.guice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.qtrust.adapters.ocsp.OcspCrlRevocationChecker;
import org.qtrust.core.revocation.RevocationChecker;
import org.qtrust.core.transport.HttpTransport;

class OcspAdapterModuleTest {

    @Test
    void binds_one_shared_checker_over_the_transport_bound_elsewhere() {
        HttpTransport transport = Mockito.mock(HttpTransport.class);
        Injector injector = Guice.createInjector(new OcspAdapterModule(), new AbstractModule() {
            @Override
            protected void configure() {
                bind(HttpTransport.class).toInstance(transport);
            }
        });

        RevocationChecker checker = injector.getInstance(RevocationChecker.class);

        assertThat(checker).isInstanceOf(OcspCrlRevocationChecker.class)
                .isSameAs(injector.getInstance(RevocationChecker.class))
                .isSameAs(injector.getInstance(OcspCrlRevocationChecker.class));
    }

    @Test
    void says_clearly_when_no_transport_is_bound() {
        assertThatThrownBy(() -> Guice.createInjector(new OcspAdapterModule()))
                .isInstanceOf(CreationException.class)
                .hasMessageContaining("HttpTransport");
    }
}
