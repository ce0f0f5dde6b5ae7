package io.edgeloop.resolver;

import java.nio.ByteBuffer;

/**
 * The keeper's meta record in its state store: the current library version (read by the query
 * API) and the next change sequence number (the keeper's arrival order of changes).
 *
 * @param libraryVersion current library version, 0 before seeding
 * @param nextSeq        sequence number the next new change record gets
 */
record KeeperMeta(long libraryVersion, long nextSeq) {

    static final KeeperMeta NONE = new KeeperMeta(0, 0);

    static byte[] bytes(long libraryVersion, long nextSeq) {
        return ByteBuffer.allocate(16).putLong(libraryVersion).putLong(nextSeq).array();
    }

    static KeeperMeta of(byte[] data) {
        if (data == null) {
            return NONE;
        }
        if (data.length != 16) {
            throw new IllegalArgumentException("keeper meta record must be 16 bytes, got " + data.length);
        }
        ByteBuffer b = ByteBuffer.wrap(data);
        return new KeeperMeta(b.getLong(), b.getLong());
    }
}
