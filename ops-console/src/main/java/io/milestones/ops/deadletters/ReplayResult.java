package io.milestones.ops.deadletters;

/**
 * What happened to one selected dead letter.
 *
 * @param partition the dead letter's partition
 * @param offset the dead letter's offset
 * @param outcome what happened
 * @param targetTopic where it went, when replayed
 * @param targetPartition the partition written, when replayed
 * @param targetOffset the offset written, when replayed
 */
record ReplayResult(
        int partition,
        long offset,
        Outcome outcome,
        String targetTopic,
        Integer targetPartition,
        Long targetOffset) {

    enum Outcome {
        REPLAYED,
        NOT_FOUND,
        ALREADY_REPLAYED
    }

    static ReplayResult skipped(ReplayRequest.Selected selected, Outcome outcome) {
        return new ReplayResult(selected.partition(), selected.offset(), outcome, null, null, null);
    }
}
