package io.halqe.domain.response;

public enum ResponseStatus { RECEIVED, ENRICHED }
