package org.qtrust.adapters.redis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.qtrust.core.trustedlist.refresh.port.ListCacheException;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * One connection pool to the shared store, and the few commands QTrust sends. Every command
 * has the configured timeout (connect, socket, and the wait for a pooled connection), so a
 * slow or dead Redis costs a caller at most that long; failures surface as
 * {@link ListCacheException} with a message that names the store without its credentials.
 * Multi-key writes are Lua scripts: Redis runs each atomically, so a reader sees a document's
 * bytes and metadata, or a snapshot and its documents, entirely old or entirely new.
 */
public final class RedisStore implements AutoCloseable {

    private final RedisStoreConfig config;
    private final RedisKeys keys;
    private final JedisPooled jedis;
    private final java.util.concurrent.atomic.LongAdder commands = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder errors = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder nanos = new java.util.concurrent.atomic.LongAdder();

    /** Commands sent, those that failed, and the total time spent in them: for the servers' metrics. */
    public record Stats(long commands, long errors, double seconds) {
    }

    public Stats stats() {
        return new Stats(commands.sum(), errors.sum(), nanos.sum() / 1e9);
    }

    private interface Command<T> {
        T run();
    }

    private <T> T timed(String what, Command<T> command) throws ListCacheException {
        long start = System.nanoTime();
        commands.increment();
        try {
            return command.run();
        } catch (JedisException e) {
            errors.increment();
            throw failure(what, e);
        } finally {
            nanos.add(System.nanoTime() - start);
        }
    }

    public RedisStore(RedisStoreConfig config) {
        this.config = Objects.requireNonNull(config);
        this.keys = new RedisKeys(config.prefix());
        int millis = (int) Math.min(Integer.MAX_VALUE, config.timeout().toMillis());
        DefaultJedisClientConfig.Builder client = DefaultJedisClientConfig.builder()
                .database(config.database())
                .connectionTimeoutMillis(millis)
                .socketTimeoutMillis(millis)
                .clientName("qtrust");
        config.user().ifPresent(client::user);
        config.password().ifPresent(client::password);
        GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
        pool.setMaxTotal(16);
        pool.setMaxIdle(8);
        pool.setMinIdle(0);
        pool.setMaxWait(config.timeout());
        pool.setBlockWhenExhausted(true);
        pool.setTestWhileIdle(false);
        pool.setJmxEnabled(false);
        this.jedis = new JedisPooled(new HostAndPort(config.host(), config.port()), client.build(), pool);
    }

    public RedisStoreConfig config() {
        return config;
    }

    public RedisKeys keys() {
        return keys;
    }

    /** Where the store is, as it may be shown (no credentials). */
    public String display() {
        return config.display();
    }

    /** True when Redis answers PING within the timeout. */
    public boolean reachable() {
        try {
            return "PONG".equals(jedis.ping());
        } catch (JedisException e) {
            return false;
        }
    }

    Optional<byte[]> bytes(String key, long maxBytes) throws ListCacheException {
        long length = timed("read " + key, () -> jedis.strlen(key));
        if (length == 0) {
            return Optional.empty();
        }
        if (length > maxBytes) {
            throw new ListCacheException(key + " in " + display() + " is larger than " + maxBytes + " bytes");
        }
        return Optional.ofNullable(timed("read " + key, () -> jedis.get(key.getBytes(StandardCharsets.UTF_8))));
    }

    Map<String, String> hash(String key) throws ListCacheException {
        return timed("read " + key, () -> jedis.hgetAll(key));
    }

    Optional<String> string(String key) throws ListCacheException {
        return timed("read " + key, () -> Optional.ofNullable(jedis.get(key)));
    }

    List<String> scan(String pattern) throws ListCacheException {
        List<String> found = new ArrayList<>();
        try {
            String cursor = ScanParams.SCAN_POINTER_START;
            ScanParams params = new ScanParams().match(pattern).count(200);
            do {
                ScanResult<String> page = jedis.scan(cursor, params);
                found.addAll(page.getResult());
                cursor = page.getCursor();
                if (found.size() > 100_000) {
                    throw new ListCacheException("more than 100,000 keys match " + pattern + " in " + display());
                }
            } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        } catch (JedisException e) {
            throw failure("list " + pattern, e);
        }
        return found;
    }

    Object script(String script, List<String> keyNames, List<byte[]> args) throws ListCacheException {
        List<byte[]> keyBytes = keyNames.stream().map(k -> k.getBytes(StandardCharsets.UTF_8)).toList();
        return timed("write", () -> jedis.eval(script.getBytes(StandardCharsets.UTF_8), keyBytes, args));
    }

    /** {@code SET key value PX millis}: the value expires on its own. */
    void putExpiring(String key, byte[] value, long millis) throws ListCacheException {
        timed("write " + key, () -> jedis.set(key.getBytes(StandardCharsets.UTF_8), value,
                redis.clients.jedis.params.SetParams.setParams().px(millis)));
    }

    void delete(String key) throws ListCacheException {
        timed("delete " + key, () -> jedis.del(key));
    }

    /** Blocks the calling thread on the channel until {@code listener} unsubscribes or the connection fails. */
    void subscribe(JedisPubSub listener, String channel) {
        jedis.subscribe(listener, channel);
    }

    /** For tests and tools: the raw client (the adapter's own code goes through the methods above). */
    JedisPooled client() {
        return jedis;
    }

    ListCacheException failure(String what, JedisException e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        // Jedis messages name host and port at most; never the password, which it does not know how to print.
        return new ListCacheException("the store " + display() + " could not " + what + ": " + oneLine(reason), e);
    }

    static String oneLine(String text) {
        String line = text.replaceAll("[\\r\\n]+", " ");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        jedis.close();
    }
}
