package io.halqe.domain.survey;

/** Relationship surveys measure the whole relationship, transactional ones a touchpoint, employee ones eNPS. */
public enum SurveyKind { RELATIONSHIP, TRANSACTIONAL, EMPLOYEE }
