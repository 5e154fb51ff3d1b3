package io.milestones.ops.web;

import io.milestones.support.web.FieldProblems;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** API errors as RFC 9457 problem+json naming each bad field; the pages keep Boot's error page. */
@RestControllerAdvice(annotations = RestController.class)
class ApiProblems extends FieldProblems {}
