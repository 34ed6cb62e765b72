package org.qtrust.adapters.redis;

/** The Lua scripts behind every multi-key write; Redis runs each one atomically. */
final class Scripts {

    private Scripts() {
    }

    /** True when non-negative integer string a is greater than b (sequence numbers are unbounded integers). */
    private static final String GREATER = """
            local function greater(a, b)
              if string.len(a) ~= string.len(b) then return string.len(a) > string.len(b) end
              return a > b
            end
            """;

    /**
     * KEYS: document, entry, floor. ARGV: bytes, document TTL in seconds, sequence number, then field/value pairs.
     * The document keeps no TTL while a snapshot names it; the floor only rises.
     */
    static final String STORE = GREATER + """
            local ttl = redis.call('TTL', KEYS[1])
            if ttl == -1 then
              redis.call('SET', KEYS[1], ARGV[1], 'KEEPTTL')
            else
              redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
            end
            redis.call('DEL', KEYS[2])
            redis.call('HSET', KEYS[2], unpack(ARGV, 4))
            local floor = redis.call('GET', KEYS[3])
            if (not floor) or greater(ARGV[3], floor) then
              redis.call('SET', KEYS[3], ARGV[3])
            end
            return 1
            """;

    /** KEYS: entry. ARGV: the SHA-256 the stored copy must have, then field/value pairs. 0 when no such copy. */
    static final String UPDATE_METADATA = """
            if redis.call('HGET', KEYS[1], 'sha256') ~= ARGV[1] then return 0 end
            redis.call('DEL', KEYS[1])
            redis.call('HSET', KEYS[1], unpack(ARGV, 2))
            return 1
            """;

    /** KEYS: lease, fence counter. ARGV: holder, milliseconds. The new fencing token, or 0 when held by another. */
    static final String ACQUIRE = """
            if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
              return redis.call('INCR', KEYS[2])
            end
            return 0
            """;

    /** KEYS: lease. ARGV: holder, milliseconds. 1 when still held and extended. */
    static final String RENEW = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              return redis.call('PEXPIRE', KEYS[1], ARGV[2])
            end
            return 0
            """;

    /** KEYS: lease. ARGV: holder. */
    static final String RELEASE = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              return redis.call('DEL', KEYS[1])
            end
            return 0
            """;

    /**
     * KEYS: current snapshot, fence counter, then the documents the new manifest names, then those the
     * old one named. ARGV: id, manifest, publishedAt, fencing token, document TTL, channel, count of new
     * documents. 0 for a stale token, -1 when a named document is missing, 1 when published.
     */
    static final String PUBLISH = """
            local fence = tonumber(redis.call('GET', KEYS[2]) or '0')
            local token = tonumber(ARGV[4])
            if token < fence then return 0 end
            local current = tonumber(redis.call('HGET', KEYS[1], 'fence') or '0')
            if token < current then return 0 end
            local count = tonumber(ARGV[7])
            local named = {}
            for i = 3, 2 + count do
              if redis.call('EXISTS', KEYS[i]) == 0 then return -1 end
              named[KEYS[i]] = true
            end
            for i = 3, 2 + count do redis.call('PERSIST', KEYS[i]) end
            for i = 3 + count, #KEYS do
              if not named[KEYS[i]] then redis.call('EXPIRE', KEYS[i], ARGV[5]) end
            end
            redis.call('HSET', KEYS[1], 'id', ARGV[1], 'manifest', ARGV[2], 'publishedAt', ARGV[3], 'fence', ARGV[4])
            redis.call('PUBLISH', ARGV[6], ARGV[1])
            return 1
            """;
}
