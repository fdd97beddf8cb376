package org.incidentplatform.deploy.support;

import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;

/** Collects every violation of a rule, so that one run reports all of them, each on its own line. */
public final class Problems {

    private final String subject;
    private final List<String> found = new ArrayList<>();

    public Problems(String subject) {
        this.subject = subject;
    }

    public void add(String problem) {
        found.add(problem);
    }

    public void unless(boolean condition, String problem) {
        if (!condition) {
            found.add(problem);
        }
    }

    public void assertNone() {
        if (!found.isEmpty()) {
            fail(subject + ": " + found.size() + " problem(s)\n  - " + String.join("\n  - ", found));
        }
    }
}
