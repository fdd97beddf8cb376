package org.incidentplatform.report.web;

/** Example bodies for the OpenAPI document; compile-time constants so annotations can use them. */
public final class ApiExamples {

    public static final String POSTMORTEM_JSON = """
            {"incidentId":"inc-2c1f0b5e","title":"API unreachable: failover IP down",
             "summary":"The failover IP became unreachable.","severity":"SEV1","severityChanges":[],
             "status":"RESOLVED","services":["api"],"commander":"alice","responders":["bob"],"timeZone":"Europe/Paris",
             "timeline":[{"at":"2026-11-21T01:49:00+01:00","kind":"impact-started","text":"User impact began","visibility":"INTERNAL"},
                         {"at":"2026-11-21T16:34:00+01:00","kind":"acknowledged","text":"Acknowledged","visibility":"INTERNAL"}],
             "rootCause":"A stale DNS failover record","contributingFactors":["No alert on failover IP reachability"],
             "impact":{"components":[{"name":"API","worstStatus":"MAJOR_OUTAGE"}],"customerImpact":"API requests failed",
                       "customersAffected":1200,"dataLost":true,"dataLossDescription":"Requests made during the outage"},
             "alerts":{"attached":3,"resolved":3,"firstAttached":"2026-11-21T01:52:00+01:00",
                       "lastAttached":"2026-11-21T01:53:10+01:00","byIntegration":[{"integration":"prod-alertmanager","alerts":3}],
                       "topLabels":[{"label":"alertname","value":"FailoverIpUnreachable","alerts":3}],"labelValuesNotCounted":0},
             "keyTimes":{"impactStarted":"2026-11-21T01:49:00+01:00","impactEnded":null,"started":"2026-11-21T01:49:00+01:00",
                         "detected":"2026-11-21T16:30:00+01:00","acknowledged":"2026-11-21T16:34:00+01:00","mitigated":null,
                         "resolved":"2026-11-21T17:19:00+01:00","reopened":null,"closed":null},
             "durations":{"impact":null,"detectionDelay":{"iso":"PT14H41M","seconds":52860,"text":"14h41m"},
                          "timeToAcknowledge":{"iso":"PT14H45M","seconds":53100,"text":"14h45m"},"timeToMitigate":null,
                          "timeToResolve":{"iso":"PT15H30M","seconds":55800,"text":"15h30m"},
                          "totalDowntime":{"iso":"PT15H30M","seconds":55800,"text":"15h30m"},
                          "customerImpact":{"iso":"PT15H30M","seconds":55800,"text":"15h30m"}},
             "resolution":"Failover IP re-attached","whatWentWell":["Fast diagnosis"],"whatWentWrong":["Requests were lost"],
             "lessons":["Test failover quarterly"],
             "actionItems":[{"category":"DETECTION","term":"SHORT","items":[{"itemId":"ai-1","title":"Alert on failover IP",
                             "owner":"dave","dueDate":"2026-12-05","status":"OPEN","link":"https://tracker.example/OPS-1"}]}],
             "statusUpdates":[{"at":"2026-11-21T16:40:00+01:00","status":"Identified","message":"The failover IP is down."}],
             "complete":true}""";

    public static final String POSTMORTEM_MARKDOWN = """
            # Post-mortem: API unreachable\\: failover IP down

            - Incident: inc\\-2c1f0b5e
            - Severity: SEV1
            ...
            ## Duration

            - Time to respond (acknowledge): 14h45m
            - Total downtime: 15h30m
            """;

    public static final String POSTMORTEM_HTML = "<!DOCTYPE html><html lang=\"en\"><head><title>Post-mortem: API "
            + "unreachable</title><link rel=\"stylesheet\" href=\"/assets/report.css\"></head><body><main "
            + "class=\"postmortem\"><h1 id=\"title\">API unreachable: failover IP down</h1>...</main></body></html>";

    public static final String METRICS = """
            {"from":"2026-11-01T00:00:00Z","to":"2026-12-01T00:00:00Z","groupBy":"severity",
             "total":{"key":"all","count":2,
                      "timeToDetect":{"samples":2,"mean":{"iso":"PT7M","seconds":420,"text":"7m"},
                                      "median":{"iso":"PT7M","seconds":420,"text":"7m"},"p90":{"iso":"PT10M","seconds":600,"text":"10m"}},
                      "timeToAcknowledge":{"samples":1,"mean":{"iso":"PT14H45M","seconds":53100,"text":"14h45m"},
                                      "median":{"iso":"PT14H45M","seconds":53100,"text":"14h45m"},
                                      "p90":{"iso":"PT14H45M","seconds":53100,"text":"14h45m"}},
                      "timeToMitigate":{"samples":0,"mean":null,"median":null,"p90":null},
                      "timeToResolve":{"samples":1,"mean":{"iso":"PT15H30M","seconds":55800,"text":"15h30m"},
                                      "median":{"iso":"PT15H30M","seconds":55800,"text":"15h30m"},
                                      "p90":{"iso":"PT15H30M","seconds":55800,"text":"15h30m"}}},
             "groups":[{"key":"SEV1","count":2,"timeToDetect":{"samples":2,"mean":null,"median":null,"p90":null},
                        "timeToAcknowledge":{"samples":0,"mean":null,"median":null,"p90":null},
                        "timeToMitigate":{"samples":0,"mean":null,"median":null,"p90":null},
                        "timeToResolve":{"samples":0,"mean":null,"median":null,"p90":null}}]}""";

    public static final String METRICS_PAGE = "<!DOCTYPE html><html lang=\"en\"><head><title>Incident metrics</title>"
            + "<link rel=\"stylesheet\" href=\"/assets/report.css\"></head><body><main class=\"metrics\">"
            + "<h1>Incident metrics</h1><svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\">...</svg></main></body></html>";

    public static final String STATUS_PAGE = "<!DOCTYPE html><html lang=\"en\"><head><title>Service status</title>"
            + "<link rel=\"stylesheet\" href=\"/assets/report.css\"></head><body><main class=\"status-page\">"
            + "<p id=\"overall\" class=\"indicator-major\">Partial System Outage</p><ul id=\"components\"><li class=\"component\">"
            + "<span class=\"name\">API</span> <span class=\"component-status partial_outage\">partial outage</span></li></ul>"
            + "...</main></body></html>";

    public static final String STATUS_SUMMARY = """
            {"page":{"id":"incident-platform","name":"Service status","url":"https://status.example.com/status",
                     "time_zone":"Etc/UTC","updated_at":"2026-11-21T15:34:12.000Z"},
             "status":{"indicator":"major","description":"Partial System Outage"},
             "components":[{"id":"cmp1f2e3d4c5b6a","name":"API","status":"partial_outage",
                            "created_at":"2026-11-21T00:49:00.000Z","updated_at":"2026-11-21T15:34:12.000Z","position":1,
                            "description":null,"showcase":true,"start_date":null,"group_id":null,
                            "page_id":"incident-platform","group":false,"only_show_if_degraded":false}],
             "incidents":[{"id":"inc-2c1f0b5e","name":"API unreachable","status":"identified",
                           "created_at":"2026-11-21T15:30:00.000Z","updated_at":"2026-11-21T15:40:00.000Z",
                           "monitoring_at":null,"resolved_at":null,"impact":"critical",
                           "shortlink":"https://status.example.com/status#incident-inc-2c1f0b5e",
                           "started_at":"2026-11-21T00:49:00.000Z","page_id":"incident-platform",
                           "incident_updates":[{"id":"inc-2c1f0b5e-3","status":"identified","body":"The failover IP is down.",
                                                "incident_id":"inc-2c1f0b5e","created_at":"2026-11-21T15:40:00.000Z",
                                                "updated_at":"2026-11-21T15:40:00.000Z","display_at":"2026-11-21T15:40:00.000Z",
                                                "affected_components":null,"deliver_notifications":true,
                                                "custom_tweet":null,"tweet_id":null}],
                           "components":[]}],
             "scheduled_maintenances":[]}""";

    public static final String STATUS_ATOM = """
            <?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom">\
            <id>https://status.example.com/status/history.atom</id><title>Service status - incident history</title>\
            <updated>2026-11-21T15:40:00.000Z</updated><entry><id>https://status.example.com/status#update-inc-2c1f0b5e-3</id>\
            <title>API unreachable - identified</title><updated>2026-11-21T15:40:00.000Z</updated>\
            <content type="text">The failover IP is down.</content></entry></feed>""";

    public static final String REBUILD = """
            {"replayFrom":{"0":0},"replayUntil":{"0":1842},"reportsCleared":311}""";

    private ApiExamples() {
    }
}
