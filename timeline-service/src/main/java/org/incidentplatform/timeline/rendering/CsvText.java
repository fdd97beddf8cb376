package org.incidentplatform.timeline.rendering;

import java.util.List;

/**
 * RFC 4180 rows that spreadsheets cannot execute. Every cell is quoted (inner quotes doubled),
 * rows end with CRLF, and a cell that starts with {@code = + - @}, tab or carriage return gets a
 * leading apostrophe, so Excel, LibreOffice and Google Sheets show it as text instead of
 * evaluating a formula (OWASP "CSV injection").
 */
public final class CsvText {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private CsvText() {
    }

    public static String row(List<String> cells) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        return out.append("\r\n").toString();
    }

    static String cell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
