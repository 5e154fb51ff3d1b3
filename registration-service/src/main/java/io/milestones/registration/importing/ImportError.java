package io.milestones.registration.importing;

/**
 * A row that was not imported.
 *
 * @param line its line number in the file
 * @param field the bad field, empty when the row as a whole is bad
 * @param message what is wrong (never the row's personal data)
 */
record ImportError(long line, String field, String message) {}
