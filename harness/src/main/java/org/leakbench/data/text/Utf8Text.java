package org.leakbench.data.text;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.leakbench.data.DataFile;
import org.leakbench.data.DataFormatException;

/**
 * The text of a UTF-8 data file: gunzipped when its name ends in {@code .gz}, strictly decoded (a malformed
 * byte is an error naming the file and its byte offset, not a replacement character), without a leading byte
 * order mark and with Windows and old Mac line ends turned into {@code \n}.
 */
final class Utf8Text {
    private static final int GZIP_LIMIT = 256 << 20;

    private Utf8Text() {}

    static String of(DataFile file) {
        byte[] bytes = file.name().endsWith(".gz") ? gunzip(file) : file.bytes();
        String text = decode(file.name(), bytes);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    static String decode(String name, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new DataFormatException(name + ": not valid UTF-8 at byte offset " + in.position() + " ("
                    + result.length() + " bad byte" + (result.length() == 1 ? "" : "s") + ")");
        }
        out.flip();
        return out.toString();
    }

    private static byte[] gunzip(DataFile file) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(file.bytes()))) {
            byte[] bytes = in.readNBytes(GZIP_LIMIT + 1);
            if (bytes.length > GZIP_LIMIT) {
                throw new DataFormatException(file.name() + ": unpacks to more than " + (GZIP_LIMIT >> 20) + " MB");
            }
            return bytes;
        } catch (IOException e) {
            throw new DataFormatException(file.name() + ": not a valid gzip file (" + e.getMessage() + ")", e);
        }
    }
}
