package org.fundwatch.drg.csv;

import org.fundwatch.drg.DrgCase;

/**
 * One data row of a grouper input file: either a parsed case or the reason it could not be parsed.
 *
 * @param index   the row's {@code Index} value (or {@code row N} when even that is missing)
 * @param row     1-based number of the data row (the header is not counted)
 * @param drgCase the case, or {@code null} when {@code error} is set
 * @param error   what is wrong with the row, or {@code null}
 */
public record CaseRow(String index, long row, DrgCase drgCase, String error) {

    public boolean isError() {
        return error != null;
    }
}
