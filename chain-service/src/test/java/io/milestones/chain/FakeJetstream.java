package io.milestones.chain;

/**
 * The shared fake Jetstream ({@link io.milestones.testing.chain.FakeJetstream}) by its short name.
 */
final class FakeJetstream extends io.milestones.testing.chain.FakeJetstream {}
