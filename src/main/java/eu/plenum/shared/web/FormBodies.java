package eu.plenum.shared.web;

import eu.plenum.shared.PlenumException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads {@code application/x-www-form-urlencoded} bodies that resources take whole (as a map), strictly: a pair
 * without a name, a broken percent escape or bytes that are not UTF-8 (or the charset the Content-Type names) are
 * a 400 problem. RESTEasy's own reader
 * split pairs naively and threw ArrayIndexOutOfBoundsException (a 500) on a body such as {@code =}.
 */
@Provider
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class FormBodies implements MessageBodyReader<MultivaluedMap<String, String>> {

    /** More fields than any form of Plenum has (the longest: 1000 ticked registrants). */
    static final int MAX_PAIRS = 2000;

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == MultivaluedMap.class;
    }

    @Override
    public MultivaluedMap<String, String> readFrom(Class<MultivaluedMap<String, String>> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, String> headers, InputStream body) throws java.io.IOException {
        String charset = mediaType == null ? null : mediaType.getParameters().get(MediaType.CHARSET_PARAMETER);
        return parse(body.readAllBytes(), charset == null ? StandardCharsets.UTF_8 : charset(charset));
    }

    private static Charset charset(String name) {
        try {
            return Charset.forName(name.strip());
        } catch (IllegalArgumentException unknown) {
            throw new Unreadable("The form's charset is not one this server knows.");
        }
    }

    /**
     * The pairs of a form body in order; empty segments ({@code a=1&&b=2}) are skipped, as browsers' parsers do.
     * Throws a 400 {@link PlenumException} for a malformed body.
     */
    public static MultivaluedMap<String, String> parse(byte[] body) {
        return parse(body, StandardCharsets.UTF_8);
    }

    /** As {@link #parse(byte[])}, with the bytes of names and values in {@code charset} (the Content-Type's; browsers send UTF-8). */
    public static MultivaluedMap<String, String> parse(byte[] body, Charset charset) {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        int pairs = 0;
        int start = 0;
        while (start <= body.length) {
            int end = indexOf(body, (byte) '&', start);
            if (end > start) {
                int equals = indexOf(body, (byte) '=', start);
                int nameEnd = Math.min(equals, end);
                if (nameEnd == start) {
                    throw new Unreadable("Every pair of the form needs a name.");
                }
                String name = decode(body, start, nameEnd, charset);
                String value = equals < end ? decode(body, equals + 1, end, charset) : "";
                form.add(name, value);
                if (++pairs > MAX_PAIRS) {
                    throw new Unreadable("A form has at most " + MAX_PAIRS + " fields.");
                }
            }
            start = end + 1;
        }
        return form;
    }

    private static int indexOf(byte[] body, byte wanted, int from) {
        for (int i = from; i < body.length; i++) {
            if (body[i] == wanted) {
                return i;
            }
        }
        return body.length;
    }

    /** Percent and plus decoding of {@code body[from, to)}, then strict decoding in {@code charset}. */
    private static String decode(byte[] body, int from, int to, Charset charset) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            byte b = body[i];
            if (b == '+') {
                bytes.write(' ');
            } else if (b == '%') {
                if (i + 2 >= to || Character.digit(body[i + 1], 16) < 0 || Character.digit(body[i + 2], 16) < 0) {
                    throw new Unreadable("A percent sign in the form is not followed by two hexadecimal digits.");
                }
                bytes.write(Character.digit(body[i + 1], 16) * 16 + Character.digit(body[i + 2], 16));
                i += 2;
            } else {
                bytes.write(b);
            }
        }
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new Unreadable("The form is not " + charset.name() + ".");
        }
    }

    /** A form body that is not well-formed: the same problem type as unreadable JSON. */
    static final class Unreadable extends PlenumException {

        Unreadable(String detail) {
            super("unreadable-body", detail);
        }

        @Override
        public int status() {
            return 400;
        }
    }
}
