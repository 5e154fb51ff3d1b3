package io.milestones.notifier.web;

import io.milestones.support.web.FieldProblems;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Every API error as RFC 9457 problem+json; a bad request names each bad field. */
@RestControllerAdvice
class ApiProblems extends FieldProblems {}
