package io.milestones.chain.web;

import io.milestones.support.web.FieldProblems;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** RFC 9457 problems for every error of chain-service's API, naming the bad field. */
@RestControllerAdvice
class ApiProblems extends FieldProblems {}
