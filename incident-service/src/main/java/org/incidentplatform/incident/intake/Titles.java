package org.incidentplatform.incident.intake;

/** The one-line title of an incident or alert opened from monitoring. */
final class Titles {

    static final int MAX_LENGTH = 200;

    private Titles() {
    }

    static String of(AlertSignal alert) {
        String title = alert.summary();
        if (title == null || title.isBlank()) {
            String name = alert.labels().getOrDefault("alertname", "Alert");
            String instance = alert.labels().get("instance");
            title = instance == null ? name : name + " on " + instance;
        }
        title = title.strip().replaceAll("\\s+", " ");
        return title.length() > MAX_LENGTH ? title.substring(0, MAX_LENGTH - 1) + "…" : title;
    }
}
