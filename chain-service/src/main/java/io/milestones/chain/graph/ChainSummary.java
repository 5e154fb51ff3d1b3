package io.milestones.chain.graph;

import java.util.List;
import java.util.Map;

/**
 * The chain of one campaign as {@code GET /api/chain/{campaign}} shows it.
 *
 * @param campaign the campaign (its main hashtag, no {@code #})
 * @param participants distinct accounts that posted an answer (never decreases)
 * @param conversions participants who answered after another participant tagged them
 * @param longestChain participants on the longest path from a first post down the tags and replies
 * @param chains separate chains: participants nobody brought in, each the start of one
 * @param byNetwork participants per network
 * @param byLanguage participants per language of their first answer ({@code und} when undeclared)
 * @param latest the newest public answers, newest first; deleted and hidden ones absent
 */
public record ChainSummary(
        String campaign,
        long participants,
        long conversions,
        int longestChain,
        long chains,
        Map<String, Long> byNetwork,
        Map<String, Long> byLanguage,
        List<FeedPost> latest) {}
