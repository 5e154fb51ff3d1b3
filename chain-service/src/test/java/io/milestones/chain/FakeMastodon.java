package io.milestones.chain;

import java.io.IOException;

/**
 * The shared fake Mastodon ({@link io.milestones.testing.chain.FakeMastodon}) by its short name.
 */
final class FakeMastodon extends io.milestones.testing.chain.FakeMastodon {

    FakeMastodon() throws IOException {
        super();
    }
}
