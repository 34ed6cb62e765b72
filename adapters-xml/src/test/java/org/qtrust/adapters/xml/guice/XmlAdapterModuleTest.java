package org.qtrust.adapters.xml.guice;

import com.google.inject.Guice;
import com.google.inject.Injector;
import org.junit.jupiter.api.Test;
import org.qtrust.adapters.xml.Ts119612ListReader;
import org.qtrust.core.trustedlist.port.TrustedListReader;

import static org.assertj.core.api.Assertions.assertThat;

class XmlAdapterModuleTest {

    @Test
    void binds_the_reader_as_a_singleton() {
        Injector injector = Guice.createInjector(new XmlAdapterModule());

        TrustedListReader reader = injector.getInstance(TrustedListReader.class);

        assertThat(reader).isInstanceOf(Ts119612ListReader.class);
        assertThat(injector.getInstance(TrustedListReader.class)).isSameAs(reader);
        assertThat(((Ts119612ListReader) reader).limits()).isEqualTo(Ts119612ListReader.Limits.DEFAULT);
    }

    @Test
    void takes_configured_limits() {
        Ts119612ListReader.Limits limits = new Ts119612ListReader.Limits(1_000_000, 32);

        TrustedListReader reader = Guice.createInjector(new XmlAdapterModule(limits)).getInstance(TrustedListReader.class);

        assertThat(((Ts119612ListReader) reader).limits()).isEqualTo(limits);
    }
}
