/**
 * Real infrastructure for tests and for the local stack: a Kafka broker from one place.
 *
 * <p>{@link KafkaBrokers#start()} gives the in-process KRaft broker of spring-kafka-test by
 * default, and a Testcontainers {@code apache/kafka} container when {@code
 * -Dmilestones.test.broker=testcontainers} (or {@code MILESTONES_TEST_BROKER=testcontainers}) is
 * chosen and a Docker engine answers; without Docker that choice skips the test instead of failing
 * it.
 */
package io.milestones.testing;
