package io.milestones.milestone.counting;

import io.milestones.events.CrossedBy;
import io.milestones.milestone.counting.ScopeIncrement.Member;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link ScopeIncrement} on the {@code by-scope} repartition topic and in the {@code
 * global-pending} store (version 1): delta, who crossed, event time, baseline flag, then the
 * members of a partial sum (a presence byte, their number), each with who, when and its trace
 * parent. Who crossed is a presence byte, then teacher id, country and display name.
 */
final class ScopeIncrementSerde extends InternalValueSerde<ScopeIncrement> {

    /**
     * @param format the format written (both are read)
     */
    ScopeIncrementSerde(CountingOptions.ValueFormat format) {
        super(ScopeIncrement.class, format);
    }

    @Override
    void write(ScopeIncrement value, BinaryOut out) {
        out.writeLong(value.delta());
        writeCrossedBy(value.crossedBy(), out);
        out.writeInstant(value.registeredAt());
        out.writeBoolean(value.baseline());
        List<Member> members = value.members();
        out.writeBoolean(members != null);
        if (members == null) {
            return;
        }
        out.writeLength(members.size());
        for (Member member : members) {
            writeCrossedBy(member.crossedBy(), out);
            out.writeInstant(member.registeredAt());
            out.writeString(member.traceParent());
        }
    }

    @Override
    ScopeIncrement read(BinaryIn in) {
        long delta = in.readLong();
        CrossedBy crossedBy = readCrossedBy(in);
        var registeredAt = in.readInstant();
        boolean baseline = in.readBoolean();
        List<Member> members = null;
        if (in.readBoolean()) {
            int size = in.readLength();
            members = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                members.add(new Member(readCrossedBy(in), in.readInstant(), in.readString()));
            }
        }
        return new ScopeIncrement(delta, crossedBy, registeredAt, baseline, members);
    }

    @Override
    int sizeHint(ScopeIncrement value) {
        return 64 + (value.members() == null ? 0 : 128 * value.members().size());
    }

    private static void writeCrossedBy(CrossedBy crossedBy, BinaryOut out) {
        out.writeBoolean(crossedBy != null);
        if (crossedBy != null) {
            out.writeString(crossedBy.teacherId());
            out.writeString(crossedBy.country());
            out.writeString(crossedBy.displayName());
        }
    }

    private static CrossedBy readCrossedBy(BinaryIn in) {
        if (!in.readBoolean()) {
            return null;
        }
        return new CrossedBy(in.readString(), in.readString(), in.readString());
    }
}
