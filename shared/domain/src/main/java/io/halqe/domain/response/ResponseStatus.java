package io.halqe.domain.response;

/** A draft holds a partial answer while the respondent may still go on; it enters the pipeline once received. */
public enum ResponseStatus { DRAFT, RECEIVED, ENRICHED }
