package io.milestones.milestone.counting;

/**
 * Outcome of the chain gate: a first-seen participant's increment for its campaign scope, or a
 * poison record for {@code social-chain-dlt} (exactly one of the two is set).
 */
record ChainGated(String scopeId, ScopeIncrement increment, byte[] deadLetter) {

    static ChainGated count(String scopeId, ScopeIncrement increment) {
        return new ChainGated(scopeId, increment, null);
    }

    static ChainGated deadLetter(byte[] raw) {
        return new ChainGated(null, null, raw == null ? new byte[0] : raw);
    }

    boolean isDeadLetter() {
        return deadLetter != null;
    }
}
