package io.edgeloop.schemas.serde;

import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.util.Utf8;

import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable, unsynchronised byte buffer that one thread reuses for every record it encodes,
 * with the primitives of Avro's binary encoding written straight into it (Avro specification,
 * "Binary encoding": zig-zag varints for int and long, little-endian IEEE 754 for float and
 * double, one byte for a boolean, a varint length before the bytes of a string or bytes value).
 * As an {@link OutputStream} it also takes what an Avro encoder writes ({@link #encoder}).
 *
 * <p>Public for {@link AvroSerde.BodyWriter}s, which write a record's body field by field from
 * their own data, without building the generated record first. A writer must follow the schema:
 * for a union, the branch index ({@link #writeInt}) and then the value; for an array, the item
 * count ({@link #writeLong}, only when not empty), the items and a 0; for an enum, its ordinal.
 */
public final class AvroBuffer extends OutputStream {

    /** Little-endian views of the byte array (a float's or double's raw bits in one store). */
    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** Capacity kept between records; a buffer grown beyond it for a large record is dropped. */
    private static final int KEPT = 64 * 1024;

    private byte[] bytes = new byte[1024];
    private int size;

    /** The Avro encoder over this buffer, for schemas the compiled writer does not cover. */
    BinaryEncoder encoder;

    /** An empty buffer, for one thread. */
    public AvroBuffer() {
    }

    void reset() {
        size = 0;
        if (bytes.length > KEPT) {
            bytes = new byte[1024];
        }
    }

    /** A copy of what was written since the last reset. */
    byte[] bytes() {
        return Arrays.copyOf(bytes, size);
    }

    @Override
    public void write(int b) {
        ensure(1);
        bytes[size++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, bytes, size, len);
        size += len;
    }

    public void writeBoolean(boolean b) {
        write(b ? 1 : 0);
    }

    public void writeInt(int n) {
        writeLong(n);
    }

    public void writeLong(long n) {
        long v = (n << 1) ^ (n >> 63);
        if ((v & ~0x7FL) == 0 && size < bytes.length) {
            // One byte: union branches, booleans as ints, small counts (most of what is written).
            bytes[size++] = (byte) v;
            return;
        }
        ensure(10);
        while ((v & ~0x7FL) != 0) {
            bytes[size++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        bytes[size++] = (byte) v;
    }

    public void writeFloat(float f) {
        ensure(4);
        INT_LE.set(bytes, size, Float.floatToRawIntBits(f));
        size += 4;
    }

    public void writeDouble(double d) {
        ensure(8);
        LONG_LE.set(bytes, size, Double.doubleToRawLongBits(d));
        size += 8;
    }

    /** A string as UTF-8; ASCII text is copied char by char, without an intermediate array. */
    public void writeString(CharSequence s) {
        if (s instanceof Utf8 utf8) {
            writeLong(utf8.getByteLength());
            write(utf8.getBytes(), 0, utf8.getByteLength());
            return;
        }
        int n = s.length();
        for (int i = 0; i < n; i++) {
            if (s.charAt(i) >= 0x80) {
                byte[] utf8 = s.toString().getBytes(StandardCharsets.UTF_8);
                writeLong(utf8.length);
                write(utf8, 0, utf8.length);
                return;
            }
        }
        writeLong(n);
        ensure(n);
        for (int i = 0; i < n; i++) {
            bytes[size++] = (byte) s.charAt(i);
        }
    }

    /**
     * The encoding of a string ({@link #writeString}) as bytes, for a writer that writes the same
     * few strings (codes, names) again and again: it writes them with {@link #write(byte[], int, int)}.
     */
    public static byte[] encoded(CharSequence s) {
        AvroBuffer buffer = new AvroBuffer();
        buffer.writeString(s);
        return buffer.bytes();
    }

    /** The bytes from the buffer's position to its limit; the position does not move. */
    public void writeBytes(ByteBuffer b) {
        int n = b.remaining();
        writeLong(n);
        ensure(n);
        b.duplicate().get(bytes, size, n);
        size += n;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
