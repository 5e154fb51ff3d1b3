package io.milestones.registration.simulator;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A realistic mix of eTwinning's participating countries, their main teaching language and their
 * relative share of registered teachers (rounded, from eTwinning's public statistics pages).
 */
final class Participants {

    /**
     * @param country ISO 3166-1 alpha-2
     * @param language BCP 47
     * @param weight relative share
     * @param names a few given names common there, for display names
     */
    record Participant(String country, String language, int weight, List<String> names) {}

    static final List<Participant> ALL =
            List.of(
                    new Participant("TR", "tr", 260, List.of("Ayşe", "Mehmet", "Elif", "Emre")),
                    new Participant("IT", "it", 110, List.of("Giulia", "Marco", "Chiara", "Luca")),
                    new Participant(
                            "PL", "pl", 80, List.of("Anna", "Piotr", "Katarzyna", "Tomasz")),
                    new Participant("ES", "es", 70, List.of("Lucía", "Javier", "Carmen", "Pablo")),
                    new Participant("RO", "ro", 60, List.of("Ioana", "Andrei", "Maria", "Mihai")),
                    new Participant(
                            "FR", "fr", 50, List.of("Camille", "Julien", "Sophie", "Thomas")),
                    new Participant("GR", "el", 45, List.of("Eleni", "Giorgos", "Maria", "Nikos")),
                    new Participant("UA", "uk", 40, List.of("Olena", "Andriy", "Iryna", "Taras")),
                    new Participant("PT", "pt", 35, List.of("Ana", "João", "Inês", "Miguel")),
                    new Participant("DE", "de", 30, List.of("Julia", "Lukas", "Anna", "Jonas")),
                    new Participant("HR", "hr", 20, List.of("Ana", "Ivan", "Petra", "Marko")),
                    new Participant(
                            "RS", "sr", 20, List.of("Jelena", "Nikola", "Milica", "Stefan")),
                    new Participant("BG", "bg", 18, List.of("Maria", "Georgi", "Elena", "Ivan")),
                    new Participant("AZ", "az", 15, List.of("Leyla", "Elvin", "Aysel", "Rashad")),
                    new Participant("SK", "sk", 15, List.of("Zuzana", "Martin", "Lucia", "Peter")),
                    new Participant("GE", "ka", 12, List.of("Nino", "Giorgi", "Tamar", "Levan")),
                    new Participant("LT", "lt", 10, List.of("Rūta", "Tomas", "Eglė", "Mantas")),
                    new Participant("CZ", "cs", 10, List.of("Tereza", "Jan", "Lenka", "Petr")),
                    new Participant("HU", "hu", 10, List.of("Eszter", "Bence", "Anna", "Dávid")),
                    new Participant("SI", "sl", 8, List.of("Maja", "Luka", "Nina", "Jan")),
                    new Participant("BE", "nl", 8, List.of("Emma", "Lars", "Louise", "Arthur")),
                    new Participant("NL", "nl", 6, List.of("Sanne", "Daan", "Lotte", "Bram")),
                    new Participant("FI", "fi", 6, List.of("Aino", "Juho", "Emilia", "Eero")),
                    new Participant("SE", "sv", 5, List.of("Elsa", "Erik", "Maja", "Oskar")),
                    new Participant("IE", "en", 4, List.of("Aoife", "Seán", "Niamh", "Cian")),
                    new Participant("AT", "de", 4, List.of("Lena", "Felix", "Sarah", "Paul")));

    private static final int TOTAL_WEIGHT = ALL.stream().mapToInt(Participant::weight).sum();

    private Participants() {}

    static Participant pick(RandomGenerator random) {
        int ticket = random.nextInt(TOTAL_WEIGHT);
        for (Participant participant : ALL) {
            ticket -= participant.weight();
            if (ticket < 0) {
                return participant;
            }
        }
        throw new IllegalStateException("weights do not add up");
    }
}
