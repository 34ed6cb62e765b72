package org.qtrust.adapters.crypto.sdjwt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jose4j.json.internal.json_simple.parser.ContainerFactory;
import org.jose4j.json.internal.json_simple.parser.JSONParser;
import org.jose4j.json.internal.json_simple.parser.ParseException;
import org.qtrust.core.credential.port.MalformedTokenException;

/**
 * Reads any JSON value with jose4j's parser, keeping member order and refusing duplicate member
 * names at every depth (RFC 9901 §4.2.1 and RFC 7515 §5.2 both forbid relying on the last one).
 */
final class StrictJson {

    /** Nothing the verifier reads is this large; the presentation limit is smaller anyway. */
    static final int MAX_CHARACTERS = 2 * 1024 * 1024;

    private static final ContainerFactory CONTAINERS = new ContainerFactory() {
        @Override
        public Map<String, Object> createObjectContainer() {
            return new UniqueMembers();
        }

        @Override
        public List<Object> creatArrayContainer() {
            return new ArrayList<>();
        }
    };

    /** A parser allocates a sizeable lexer; one per thread is reused (parse resets it). */
    private static final ThreadLocal<JSONParser> PARSERS = ThreadLocal.withInitial(JSONParser::new);

    private StrictJson() {
    }

    static Object parse(String json) throws MalformedTokenException {
        if (json.length() > MAX_CHARACTERS) {
            throw new MalformedTokenException("JSON larger than " + MAX_CHARACTERS + " characters");
        }
        try {
            return PARSERS.get().parse(json, CONTAINERS);
        } catch (ParseException e) {
            // The parser's own text names its classes: say where the JSON broke, in our words.
            throw new MalformedTokenException("not JSON (unexpected content at character " + e.getPosition() + ")");
        } catch (DuplicateMember e) {
            throw new MalformedTokenException("duplicate member name '" + e.getMessage() + "'");
        } catch (RuntimeException e) {
            throw new MalformedTokenException("not JSON");
        }
    }

    private static final class DuplicateMember extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DuplicateMember(String name) {
            super(name, null, false, false);
        }
    }

    private static final class UniqueMembers extends LinkedHashMap<String, Object> {
        private static final long serialVersionUID = 1L;

        @Override
        public Object put(String key, Object value) {
            if (containsKey(key)) {
                throw new DuplicateMember(key);
            }
            return super.put(key, value);
        }
    }
}
