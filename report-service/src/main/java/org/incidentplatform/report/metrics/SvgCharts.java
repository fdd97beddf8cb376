package org.incidentplatform.report.metrics;

import static org.incidentplatform.report.web.Html.text;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Inline SVG charts drawn on the server. Colours come from classes in the service's stylesheet
 * and geometry from presentation attributes, so a CSP without 'unsafe-inline' renders them.
 */
final class SvgCharts {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 220;
    private static final int LEFT = 48;
    private static final int BOTTOM = 40;
    private static final int TOP = 16;

    private SvgCharts() {
    }

    /** Stacked bars: one bar per column, one segment per series; series get classes series-0, series-1, ... */
    static String stackedBars(String title, List<String> columns, List<String> series, Map<String, Map<String, Integer>> values) {
        int max = columns.stream().mapToInt(c -> values.getOrDefault(c, Map.of()).values().stream()
                .mapToInt(Integer::intValue).sum()).max().orElse(0);
        StringBuilder svg = open(title);
        double slot = columns.isEmpty() ? 0 : (WIDTH - LEFT - 8.0) / columns.size();
        for (int i = 0; i < columns.size(); i++) {
            double x = LEFT + i * slot + slot * 0.15;
            double y = HEIGHT - BOTTOM;
            for (int s = 0; s < series.size(); s++) {
                int value = values.getOrDefault(columns.get(i), Map.of()).getOrDefault(series.get(s), 0);
                double h = max == 0 ? 0 : (HEIGHT - BOTTOM - TOP) * value / (double) max;
                y -= h;
                if (value > 0) {
                    svg.append(String.format(Locale.ROOT, "<rect class=\"series-%d\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\">"
                            + "<title>%s %s: %d</title></rect>", s, x, y, slot * 0.7, h, text(columns.get(i)),
                            text(series.get(s)), value));
                }
            }
            svg.append(label(x + slot * 0.35, HEIGHT - BOTTOM + 16, columns.get(i)));
        }
        svg.append(axis(max + " incidents"));
        svg.append(legend(series));
        return svg.append("</svg>").toString();
    }

    /** A line through (column, value) points; columns without a value are skipped. */
    static String line(String title, List<String> columns, Map<String, Double> values, String unit) {
        double max = values.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        StringBuilder svg = open(title);
        double slot = columns.isEmpty() ? 0 : (WIDTH - LEFT - 8.0) / columns.size();
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            double x = LEFT + i * slot + slot / 2;
            Double value = values.get(columns.get(i));
            if (value != null) {
                double y = HEIGHT - BOTTOM - (max == 0 ? 0 : (HEIGHT - BOTTOM - TOP) * value / max);
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
                svg.append(String.format(Locale.ROOT, "<circle class=\"point\" cx=\"%.1f\" cy=\"%.1f\" r=\"3\"><title>%s: %.1f %s</title></circle>",
                        x, y, text(columns.get(i)), value, text(unit)));
            }
            svg.append(label(x, HEIGHT - BOTTOM + 16, columns.get(i)));
        }
        svg.append("<polyline class=\"trend\" fill=\"none\" points=\"").append(points.toString().strip()).append("\"/>");
        svg.append(axis(String.format(Locale.ROOT, "%.1f %s", max, unit)));
        return svg.append("</svg>").toString();
    }

    /** Horizontal bars, one per row, longest first as given. */
    static String horizontalBars(String title, List<Map.Entry<String, Integer>> rows) {
        int max = rows.stream().mapToInt(Map.Entry::getValue).max().orElse(0);
        int height = Math.max(60, rows.size() * 24 + 16);
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" "
                + "viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"%s\"><title>%s</title>",
                WIDTH, height, WIDTH, height, text(title), text(title)));
        for (int i = 0; i < rows.size(); i++) {
            int y = 8 + i * 24;
            double w = max == 0 ? 0 : (WIDTH - 220.0) * rows.get(i).getValue() / max;
            svg.append(String.format(Locale.ROOT, "<text class=\"label\" x=\"150\" y=\"%d\" text-anchor=\"end\">%s</text>", y + 14,
                    text(shorten(rows.get(i).getKey()))));
            svg.append(String.format(Locale.ROOT, "<rect class=\"series-0\" x=\"160\" y=\"%d\" width=\"%.1f\" height=\"18\"/>", y, w));
            svg.append(String.format(Locale.ROOT, "<text class=\"label\" x=\"%.1f\" y=\"%d\">%d</text>", 166 + w, y + 14,
                    rows.get(i).getValue()));
        }
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(String title) {
        return new StringBuilder(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 %d %d\" "
                + "width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"%s\"><title>%s</title>",
                WIDTH, HEIGHT + 24, WIDTH, HEIGHT + 24, text(title), text(title)));
    }

    private static String axis(String maxLabel) {
        return String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>", LEFT, HEIGHT - BOTTOM, WIDTH - 8,
                HEIGHT - BOTTOM) + String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>", LEFT, TOP,
                LEFT, HEIGHT - BOTTOM) + String.format(Locale.ROOT, "<text class=\"label\" x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>",
                LEFT - 4, TOP + 8, text(maxLabel));
    }

    private static String legend(List<String> series) {
        StringBuilder legend = new StringBuilder();
        for (int s = 0; s < series.size(); s++) {
            int x = LEFT + s * 90;
            legend.append(String.format(Locale.ROOT, "<rect class=\"series-%d\" x=\"%d\" y=\"%d\" width=\"10\" height=\"10\"/>"
                    + "<text class=\"label\" x=\"%d\" y=\"%d\">%s</text>", s, x, HEIGHT + 6, x + 14, HEIGHT + 15,
                    text(series.get(s))));
        }
        return legend.toString();
    }

    private static String label(double x, int y, String text) {
        return String.format(Locale.ROOT, "<text class=\"label\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>", x, y, text(text));
    }

    private static String shorten(String value) {
        return value.length() > 24 ? value.substring(0, 23) + "\u2026" : value;
    }
}
