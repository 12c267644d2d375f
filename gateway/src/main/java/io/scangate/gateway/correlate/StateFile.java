package io.scangate.gateway.correlate;

import io.scangate.proto.v1.Inspection;
import io.scangate.proto.v1.MissingReason;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The correlator's open and recently published vehicles, per lane, written whole (temp file, fsync, rename) after
 * every change, so that a restart finds them: open ones are then published as incomplete "gateway restarted",
 * recent ones can still be amended. The format is private to the gateway (a version number leads).
 */
final class StateFile {

    private static final int MAGIC = 0x53474353;
    private static final int VERSION = 1;

    record LaneState(List<LaneVehicle> open, List<LaneVehicle> recent) {
    }

    private StateFile() {
    }

    static void write(Path file, Map<String, LaneWindow> windows) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(windows.size());
        for (Map.Entry<String, LaneWindow> lane : windows.entrySet()) {
            out.writeUTF(lane.getKey());
            writeVehicles(out, lane.getValue().openVehicles());
            writeVehicles(out, lane.getValue().recentVehicles());
        }
        out.flush();
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes.toByteArray());
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Empty when there is no file; an unreadable file is an {@link IOException} for the caller to report. */
    static Map<String, LaneState> read(Path file) throws IOException {
        Map<String, LaneState> lanes = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return lanes;
        }
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION) {
                throw new IOException("not a correlation state file of version " + VERSION);
            }
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                String lane = in.readUTF();
                lanes.put(lane, new LaneState(readVehicles(in), readVehicles(in)));
            }
        }
        return lanes;
    }

    private static void writeVehicles(DataOutputStream out, List<LaneVehicle> vehicles) throws IOException {
        out.writeInt(vehicles.size());
        for (LaneVehicle v : vehicles) {
            out.writeLong(v.openedAt.toEpochMilli());
            out.writeLong(v.deadlineAt.toEpochMilli());
            out.writeLong(v.settleAt == null ? Long.MIN_VALUE : v.settleAt.toEpochMilli());
            out.writeBoolean(v.published);
            out.writeLong(v.publishedAt == null ? Long.MIN_VALUE : v.publishedAt.toEpochMilli());
            out.writeUTF(v.lastEventId);
            out.writeInt(v.closeReason.getNumber());
            byte[] draft = v.draft.build().toByteArray();
            out.writeInt(draft.length);
            out.write(draft);
        }
    }

    private static List<LaneVehicle> readVehicles(DataInputStream in) throws IOException {
        int count = in.readInt();
        List<LaneVehicle> vehicles = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Instant opened = Instant.ofEpochMilli(in.readLong());
            Instant deadline = Instant.ofEpochMilli(in.readLong());
            long settle = in.readLong();
            boolean published = in.readBoolean();
            long publishedAt = in.readLong();
            String lastEventId = in.readUTF();
            MissingReason reason = MissingReason.forNumber(in.readInt());
            byte[] draft = new byte[in.readInt()];
            in.readFully(draft);
            LaneVehicle v = new LaneVehicle(Inspection.parseFrom(draft).toBuilder(), opened, deadline);
            v.settleAt = settle == Long.MIN_VALUE ? null : Instant.ofEpochMilli(settle);
            v.published = published;
            v.publishedAt = publishedAt == Long.MIN_VALUE ? null : Instant.ofEpochMilli(publishedAt);
            v.lastEventId = lastEventId;
            v.closeReason = reason == null ? MissingReason.MISSING_REASON_UNSPECIFIED : reason;
            vehicles.add(v);
        }
        return vehicles;
    }
}
