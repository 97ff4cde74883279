package org.ketasim.core.nonmem;

import org.ketasim.core.problems.InputException;
import org.ketasim.core.problems.Location;

/**
 * A NONMEM data set that cannot be used. The message names the file, the data row (1-based, the
 * header being row 1), the column and the value.
 */
public class NonmemDataException extends InputException {
    private static final long serialVersionUID = 1L;

    /**
     * @param source  the file name
     * @param row     the row number in the file (header is row 1), or 0 for the file as a whole
     * @param column  the column, or empty
     * @param problem what is wrong, naming the value
     */
    public NonmemDataException(String source, long row, String column, String problem) {
        super(new Location(source, (int) Math.min(row, Integer.MAX_VALUE), column), problem,
                source + (row > 0 ? ": row " + row : "") + (column.isEmpty() ? "" : ": column " + column) + ": " + problem);
    }
}
