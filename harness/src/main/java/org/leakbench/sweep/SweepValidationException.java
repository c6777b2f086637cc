package org.leakbench.sweep;

import java.util.List;
import java.util.stream.Collectors;

/** A sweep file has one or more errors; the message lists all of them, one per line, as file:line: key: why. */
public final class SweepValidationException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final transient List<SweepError> errors;

    public SweepValidationException(List<SweepError> errors) {
        super(errors.stream().map(SweepError::toString).collect(Collectors.joining(System.lineSeparator())));
        this.errors = List.copyOf(errors);
    }

    /** Every error found, in file order. */
    public List<SweepError> errors() {
        return errors;
    }
}
