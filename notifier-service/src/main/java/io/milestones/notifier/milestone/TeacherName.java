package io.milestones.notifier.milestone;

/**
 * A registered teacher's name and whether they may be named to others.
 *
 * @param displayName the name; personal data
 * @param publicName the teacher agreed to be named to others ({@code consents.publicName})
 */
public record TeacherName(String displayName, boolean publicName) {}
