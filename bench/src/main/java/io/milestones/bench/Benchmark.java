package io.milestones.bench;

/**
 * One benchmark: a stage of Milestones measured beside its reference, in bounded time, printing its
 * figures. The benchmark of id {@code Bn} is the class {@code io.milestones.bench.bn.BnBenchmark}
 * with a public no-argument constructor; {@link Bench} finds it by that name.
 */
public interface Benchmark {

    /** The id in docs/benchmarks.md, e.g. {@code B1}. */
    String id();

    /** One line: what is measured against what. */
    String title();

    /** Runs the measurement and returns its report; progress goes to {@link Bench#out}. */
    Report run() throws Exception;
}
