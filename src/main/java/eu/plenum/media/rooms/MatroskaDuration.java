package eu.plenum.media.rooms;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads the duration of a WebM/Matroska file without GStreamer (the app never loads it): the
 * segment's Duration when the muxer finalised the file, otherwise the span of the block
 * timestamps found before the end — which is what a file cut off by a killed worker has.
 */
public final class MatroskaDuration {

    private static final long EBML = 0x1A45DFA3L;
    private static final long SEGMENT = 0x18538067L;
    private static final long INFO = 0x1549A966L;
    private static final long TIMECODE_SCALE = 0x2AD7B1L;
    private static final long DURATION = 0x4489L;
    private static final long CLUSTER = 0x1F43B675L;
    private static final long CLUSTER_TIMECODE = 0xE7L;
    private static final long SIMPLE_BLOCK = 0xA3L;
    private static final long BLOCK_GROUP = 0xA0L;
    private static final long BLOCK = 0xA1L;
    /** Level-1 elements: one of these ends a cluster of unknown size. */
    private static final Set<Long> LEVEL_ONE = Set.of(CLUSTER, INFO, 0x1654AE6BL, 0x114D9B74L, 0x1C53BB6BL,
            0x1254C367L, 0x1043A770L, 0x1941A469L);
    private static final long UNKNOWN = -1;

    private final FileChannel file;
    private final long end;
    private long scaleNanos = 1_000_000;
    private double declaredDuration = -1;
    private long firstBlock = Long.MAX_VALUE;
    private long lastBlock = Long.MIN_VALUE;

    private MatroskaDuration(FileChannel file) throws IOException {
        this.file = file;
        this.end = file.size();
    }

    /** Milliseconds of media in the file, or empty when it holds no readable block. */
    public static OptionalLong of(Path path) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            MatroskaDuration reader = new MatroskaDuration(channel);
            reader.readTopLevel();
            return reader.millis();
        }
    }

    private OptionalLong millis() {
        if (declaredDuration > 0) {
            return OptionalLong.of(Math.round(declaredDuration * scaleNanos / 1_000_000.0));
        }
        if (firstBlock == Long.MAX_VALUE) {
            return OptionalLong.empty();
        }
        return OptionalLong.of((lastBlock - firstBlock) * scaleNanos / 1_000_000);
    }

    private void readTopLevel() throws IOException {
        long position = 0;
        while (position < end) {
            Header header = header(position);
            if (header == null) {
                return;
            }
            if (header.id == SEGMENT) {
                readSegment(header.dataStart, header.size == UNKNOWN ? end : Math.min(end, header.dataStart + header.size));
                return;
            }
            if (header.size == UNKNOWN || header.id != EBML && position > 0) {
                return;
            }
            position = header.dataStart + header.size;
        }
    }

    private void readSegment(long position, long limit) throws IOException {
        while (position < limit) {
            Header header = header(position);
            if (header == null) {
                return;
            }
            long childEnd = header.size == UNKNOWN ? limit : Math.min(limit, header.dataStart + header.size);
            if (header.id == INFO) {
                readInfo(header.dataStart, childEnd);
            } else if (header.id == CLUSTER) {
                childEnd = readCluster(header.dataStart, childEnd, header.size == UNKNOWN);
            } else if (header.size == UNKNOWN) {
                return;
            }
            position = childEnd;
        }
    }

    private void readInfo(long position, long limit) throws IOException {
        while (position < limit) {
            Header header = header(position);
            if (header == null || header.size == UNKNOWN) {
                return;
            }
            if (header.id == TIMECODE_SCALE) {
                scaleNanos = unsigned(header.dataStart, (int) header.size);
            } else if (header.id == DURATION && header.dataStart + header.size <= end) {
                ByteBuffer value = read(header.dataStart, (int) header.size);
                declaredDuration = header.size == 4 ? value.getFloat() : value.getDouble();
            }
            position = header.dataStart + header.size;
        }
    }

    /** Returns where the cluster ends (for an unknown size: where the next level-1 element starts). */
    private long readCluster(long position, long limit, boolean unknownSize) throws IOException {
        long timecode = 0;
        while (position < limit) {
            Header header = header(position);
            if (header == null) {
                return end;
            }
            if (unknownSize && LEVEL_ONE.contains(header.id)) {
                return position;
            }
            if (header.size == UNKNOWN) {
                return end;
            }
            if (header.id == CLUSTER_TIMECODE) {
                timecode = unsigned(header.dataStart, (int) header.size);
            } else if (header.id == SIMPLE_BLOCK) {
                block(header.dataStart, timecode);
            } else if (header.id == BLOCK_GROUP) {
                Header inner = header(header.dataStart);
                if (inner != null && inner.id == BLOCK) {
                    block(inner.dataStart, timecode);
                }
            }
            position = header.dataStart + header.size;
        }
        return position;
    }

    private void block(long position, long clusterTimecode) throws IOException {
        ByteBuffer head = read(position, 10);
        if (head.remaining() < 4) {
            return;
        }
        int trackLength = Long.numberOfLeadingZeros(head.get(0) & 0xFFL) - 55;
        if (trackLength < 1 || trackLength > 8 || head.remaining() < trackLength + 2) {
            return;
        }
        short relative = head.getShort(trackLength);
        long at = clusterTimecode + relative;
        firstBlock = Math.min(firstBlock, at);
        lastBlock = Math.max(lastBlock, at);
    }

    private record Header(long id, long size, long dataStart) {
    }

    private Header header(long position) throws IOException {
        ByteBuffer bytes = read(position, 12);
        if (bytes.remaining() < 2) {
            return null;
        }
        int idLength = Long.numberOfLeadingZeros(bytes.get(0) & 0xFFL) - 55;
        if (idLength < 1 || idLength > 4 || bytes.remaining() < idLength + 1) {
            return null;
        }
        long id = 0;
        for (int i = 0; i < idLength; i++) {
            id = (id << 8) | (bytes.get(i) & 0xFF);
        }
        int first = bytes.get(idLength) & 0xFF;
        int sizeLength = Long.numberOfLeadingZeros(first) - 55;
        if (sizeLength < 1 || sizeLength > 8 || bytes.remaining() < idLength + sizeLength) {
            return null;
        }
        long size = first & (0xFF >> sizeLength);
        boolean allOnes = size == (0xFF >> sizeLength);
        for (int i = 1; i < sizeLength; i++) {
            int next = bytes.get(idLength + i) & 0xFF;
            allOnes &= next == 0xFF;
            size = (size << 8) | next;
        }
        long dataStart = position + idLength + sizeLength;
        if (dataStart > end) {
            return null;
        }
        return new Header(id, allOnes ? UNKNOWN : size, dataStart);
    }

    private long unsigned(long position, int length) throws IOException {
        ByteBuffer bytes = read(position, length);
        long value = 0;
        while (bytes.hasRemaining()) {
            value = (value << 8) | (bytes.get() & 0xFF);
        }
        return value;
    }

    private ByteBuffer read(long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.max(0, Math.min(length, end - position)));
        while (buffer.hasRemaining()) {
            if (file.read(buffer, position + buffer.position()) < 0) {
                break;
            }
        }
        return buffer.flip();
    }
}
