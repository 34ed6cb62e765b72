package org.qtrust.adapters.http.testing;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.qtrust.adapters.http.cache.FileListCache;
import org.qtrust.core.trustedlist.ListDocument;
import org.qtrust.core.trustedlist.ListLocation;
import org.qtrust.core.trustedlist.refresh.port.CacheMetadata;

/** Child process: stores two documents alternately, as fast as it can, until killed. */
public final class CacheWriterProcess {

    public static final List<ListLocation> LOCATIONS = List.of(
            ListLocation.listOfLists(SharedData.LOTL_URL),
            new ListLocation("https://www.signatur.rtr.at/currenttl.xml", ListLocation.Role.TERRITORY_LIST, "AT"),
            new ListLocation("https://ec.europa.eu/tools/lotl/eu-lotl-pivot-282.xml", ListLocation.Role.PIVOT, "EU"));

    private CacheWriterProcess() {
    }

    public static void main(String[] args) throws Exception {
        FileListCache cache = new FileListCache(Path.of(args[0]));
        byte[][] documents = {Files.readAllBytes(Path.of(args[1])), Files.readAllBytes(Path.of(args[2]))};
        for (long round = 0; ; round++) {
            byte[] content = documents[(int) (round % 2)];
            for (ListLocation location : LOCATIONS) {
                Instant now = Instant.now();
                cache.store(new ListDocument(location.url(), content), new CacheMetadata(location, Optional.of("\"" + round + "\""),
                        Optional.empty(), now, now, sha256(content), BigInteger.valueOf(round), now, Optional.empty()));
            }
            if (round == 0) {
                System.out.println("ready");
                System.out.flush();
            }
        }
    }

    public static String sha256(byte[] content) throws java.security.NoSuchAlgorithmException {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
    }
}
