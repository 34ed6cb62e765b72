package org.qtrust.cli.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.qtrust.core.trustedlist.loading.LoadTrustedLists;
import org.qtrust.core.trustedlist.loading.TrustedListLoader;
import org.qtrust.core.trustedlist.port.ListDocumentSource;
import org.qtrust.core.trustedlist.port.ListSignatureVerifier;
import org.qtrust.core.trustedlist.port.TrustedListReader;

/**
 * Assembles the list-loading use case from the ports the adapter modules bind, with the
 * document source the user chose (an offline folder, the cache, the network).
 */
public final class ListsModule extends AbstractModule {

    private final ListDocumentSource source;

    public ListsModule(ListDocumentSource source) {
        this.source = Objects.requireNonNull(source);
    }

    @Override
    protected void configure() {
        bind(ListDocumentSource.class).toInstance(source);
    }

    /** Lists are read and verified in parallel, one worker per core: most of the work is CPU. */
    @Provides
    @Singleton
    ExecutorService listWorkers() {
        int workers = Math.max(1, Runtime.getRuntime().availableProcessors());
        return Executors.newFixedThreadPool(workers, runnable -> {
            Thread thread = new Thread(runnable, "qtrust-list-worker");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Provides
    @Singleton
    LoadTrustedLists loader(ListDocumentSource documents, TrustedListReader reader, ListSignatureVerifier verifier,
                            ExecutorService workers) {
        return new TrustedListLoader(documents, reader, verifier, workers);
    }
}
