/**
 * What every Milestones service gets the same way, as Spring Boot auto-configuration (a service
 * only depends on this module): an injectable {@link java.time.Clock}, a {@code kafka} health
 * indicator, and {@link io.milestones.support.Masking} for personal data in logs and views.
 */
package io.milestones.support;
