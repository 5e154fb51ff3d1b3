package io.milestones.registration.registration;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An ISO 3166-1 code of a participating country ({@code milestones.registration.countries}). Codes
 * that are no ISO code at all are left to {@link IsoCountry}, so a bad code is reported once.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ParticipatingCountry.Validator.class)
public @interface ParticipatingCountry {

    String message() default "must be one of the participating countries";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ParticipatingCountry, String> {

        private final ParticipatingCountries countries;

        Validator(ParticipatingCountries countries) {
            this.countries = countries;
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null
                    || !ParticipatingCountries.isIso(value)
                    || countries.accepts(value);
        }
    }
}
