package io.milestones.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RegistrationsV1MigrationTest {

    static final Instant AT = Instant.parse("2021-12-03T10:00:00Z");
    static final CloudEvent HEADER =
            new CloudEvent("id-1", "/platform", EventType.TEACHER_REGISTERED_V1, AT);
    static final TeacherRegisteredV1 V1 =
            new TeacherRegisteredV1(
                    "t-1",
                    "IT",
                    "it",
                    AT,
                    "Giulia Bianchi",
                    "giulia@school.example",
                    new Consents(true, false),
                    true);

    @Test
    void shouldSplitAV1RecordIntoAnAnonymousRegistrationAndAContactKeepingItsCeId() {
        var out = RegistrationsV1Migration.split(HEADER, V1, id -> false);

        assertThat(out).hasSize(2);
        assertThat(out.get(0).topic()).isEqualTo(Topics.REGISTRATIONS);
        assertThat(out.get(0).header())
                .isEqualTo(new CloudEvent("id-1", "/platform", EventType.TEACHER_REGISTERED, AT));
        assertThat(out.get(0).value()).isEqualTo(V1.withoutPersonalData());
        assertThat(new String(EventJson.write(out.get(0).value())))
                .doesNotContain("Giulia")
                .doesNotContain("giulia@");
        assertThat(out.get(1).topic()).isEqualTo(Topics.TEACHER_CONTACTS);
        assertThat(out.get(1).key()).isEqualTo("t-1");
        assertThat(out.get(1).header().type()).isEqualTo(EventType.TEACHER_CONTACT);
        assertThat(out.get(1).value()).isEqualTo(V1.contact().orElseThrow());
        assertThat(RegistrationsV1Migration.split(HEADER, V1, id -> false))
                .as("deterministic, so a second run writes the same ce_ids")
                .isEqualTo(out);
    }

    @Test
    void shouldCopyNoContactOfAnErasedTeacher() {
        var out = RegistrationsV1Migration.split(HEADER, V1, Set.of("t-1")::contains);

        assertThat(out)
                .extracting(RegistrationsV1Migration.Output::topic)
                .containsExactly(Topics.REGISTRATIONS);
    }

    @Test
    void shouldCopyAnErasureFollowedByATombstoneOfTheContact() {
        var erased = new TeacherErased("t-1", AT);
        var header = new CloudEvent("id-2", "/platform", EventType.TEACHER_ERASED, AT);

        var out = RegistrationsV1Migration.split(header, erased, id -> true);

        assertThat(out).hasSize(2);
        assertThat(out.get(0).value()).isEqualTo(erased);
        assertThat(out.get(1).topic()).isEqualTo(Topics.TEACHER_CONTACTS);
        assertThat(out.get(1).value()).isNull();
    }

    @Test
    void shouldRefuseWhatTheV1LogNeverHeld() {
        assertThatThrownBy(() -> RegistrationsV1Migration.split(HEADER, "x", id -> false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRepublishANamedMilestoneWithoutTheNameAndLeaveAnAnonymousOneAlone() {
        var named =
                new MilestoneReached(
                        "global:10",
                        Scope.GLOBAL,
                        10,
                        10,
                        AT,
                        AT,
                        new CrossedBy("t-1", "IT", "Giulia Bianchi"));

        var anonymous = RegistrationsV1Migration.withoutName(named).orElseThrow();

        assertThat(anonymous.crossedBy()).isEqualTo(new CrossedBy("t-1", "IT", null));
        assertThat(anonymous.milestoneId()).isEqualTo("global:10");
        assertThat(RegistrationsV1Migration.withoutName(anonymous)).isEmpty();
    }
}
