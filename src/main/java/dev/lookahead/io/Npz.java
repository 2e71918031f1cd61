package dev.lookahead.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.StringJoiner;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Writes float32 arrays as a NumPy {@code .npz} archive (one {@code .npy} entry per array), readable by {@code numpy.load}. */
public final class Npz {
    private Npz() {
    }

    /** An array to store: row-major float data and its shape. */
    public record Array(long[] shape, float[] data) {
    }

    public static void write(Path file, Map<String, Array> arrays) throws IOException {
        AtomicFiles.writeBytes(file, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            for (var entry : arrays.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey() + ".npy"));
                writeNpy(zip, entry.getValue());
                zip.closeEntry();
            }
            zip.finish();
        });
    }

    /** The .npy format, version 1.0: magic, header length, a Python-literal header padded to 64 bytes, little-endian data. */
    static void writeNpy(OutputStream out, Array array) throws IOException {
        StringJoiner shape = new StringJoiner(", ", "(", array.shape().length == 1 ? ",)" : ")");
        for (long dim : array.shape()) shape.add(Long.toString(dim));
        StringBuilder header = new StringBuilder("{'descr': '<f4', 'fortran_order': False, 'shape': " + shape + ", }");
        int unpadded = 10 + header.length() + 1;
        header.append(" ".repeat((64 - unpadded % 64) % 64)).append('\n');
        byte[] headerBytes = header.toString().getBytes(StandardCharsets.US_ASCII);
        ByteBuffer prefix = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
        prefix.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0)
                .putShort((short) headerBytes.length);
        out.write(prefix.array());
        out.write(headerBytes);
        ByteBuffer data = ByteBuffer.allocate(array.data().length * 4).order(ByteOrder.LITTLE_ENDIAN);
        data.asFloatBuffer().put(array.data());
        out.write(data.array());
    }
}
