package org.incidentplatform.timeline.web;

/** Example bodies shown in the OpenAPI document, next to the endpoints that return them. */
public final class ApiExamples {

    public static final String PROBLEM_JSON = "application/problem+json";
    public static final String PROBLEM_SCHEMA = "#/components/schemas/ProblemDetail";

    public static final String ENTRY = """
            {"eventId":"6f1c2f3e-8f3a-4b7e-9a43-3f0f1d2c9b02","incidentId":"inc-2c1f0b5e","incidentSequence":2,\
            "kind":"status-updated","visibility":"PUBLIC","occurredAt":"2026-11-21T10:41:00.000+01:00",\
            "recordedAt":"2026-11-21T10:47:12.345+01:00","actor":"apikey:demo",\
            "text":"Investigating: We are investigating failed API requests."}""";

    public static final String TIMELINE = """
            {"incidentId":"inc-2c1f0b5e","timeZone":"Europe/Paris","visibility":"all","entries":[""" + ENTRY + "]}";

    public static final String TIMELINE_MARKDOWN = """
            # Timeline of incident inc\\-2c1f0b5e

            Times in Europe/Paris; entries: all.

            | Occurred at | Kind | Visibility | Actor | Entry |
            | --- | --- | --- | --- | --- |
            | 2026-11-21T10:41:00.000+01:00 | status-updated | PUBLIC | apikey:demo | Investigating: We are investigating failed API requests. |
            """;

    public static final String TIMELINE_CSV = """
            "occurredAt","recordedAt","timeZone","incidentId","incidentSequence","kind","visibility","actor","text","eventId"\r
            "2026-11-21T10:41:00.000+01:00","2026-11-21T10:47:12.345+01:00","Europe/Paris","inc-2c1f0b5e","2",\
            "status-updated","PUBLIC","apikey:demo","Investigating: We are investigating failed API requests.",\
            "6f1c2f3e-8f3a-4b7e-9a43-3f0f1d2c9b02"\r
            """;

    public static final String ACTIVITY = """
            {"timeZone":"UTC","visibility":"all","entries":[""" + ENTRY + "],"
            + "\"nextCursor\":\"djF8MTc2MzcxODQzMjM0NXw2ZjFjMmYzZQ\"}";

    public static final String STREAM = """
            :subscribed

            id:6f1c2f3e-8f3a-4b7e-9a43-3f0f1d2c9b02
            event:entry
            data:""" + ENTRY + """


            :heartbeat
            """;

    public static final String REBUILD_DONE = """
            {"state":"DONE","startedAt":"2026-11-21T10:00:00Z","finishedAt":"2026-11-21T10:00:04.210Z",\
            "targetOffsets":{"incident-events.v1-0":1200,"notification-deliveries.v1-0":310},\
            "entriesRemoved":1507,"entries":1510,"detail":"Rebuilt from the start of both topics"}""";

    public static final String REBUILD_RUNNING = """
            {"state":"RUNNING","startedAt":"2026-11-21T10:00:00Z","finishedAt":null,\
            "targetOffsets":{"incident-events.v1-0":1200},"entriesRemoved":1507,"entries":null,\
            "detail":"Replaying up to the captured end offsets"}""";

    public static final String BAD_TZ = """
            {"type":"about:blank","title":"Invalid request parameter","status":400,\
            "detail":"Parameter 'tz': not a time zone id; use an IANA id such as Europe/Paris, UTC or an offset such as +01:00",\
            "parameter":"tz"}""";

    public static final String BAD_CURSOR = """
            {"type":"about:blank","title":"Invalid request parameter","status":400,\
            "detail":"Parameter 'cursor': not a cursor this API returned; start again without one","parameter":"cursor"}""";

    public static final String NOT_FOUND = """
            {"type":"about:blank","title":"Not Found","status":404,"detail":"No timeline for incident inc-2c1f0b5e"}""";

    public static final String NOT_ACCEPTABLE = """
            {"type":"about:blank","title":"Not acceptable","status":406,\
            "detail":"A timeline is available as application/json, text/markdown or text/csv"}""";

    public static final String STREAM_NOT_ACCEPTABLE = """
            {"type":"about:blank","title":"Not acceptable","status":406,\
            "detail":"This endpoint streams Server-Sent Events; send Accept: text/event-stream"}""";

    public static final String TOO_MANY_SUBSCRIBERS = """
            {"type":"about:blank","title":"Too many live subscribers","status":503,\
            "detail":"This instance already serves 200 live streams; retry after the number of seconds in Retry-After."}""";

    public static final String REBUILD_CONFLICT = """
            {"type":"about:blank","title":"Rebuild already running","status":409,\
            "detail":"A rebuild started at 2026-11-21T10:00:00Z is still running; follow GET /api/v1/admin/projection/rebuild"}""";

    public static final String REBUILD_FAILED = """
            {"type":"about:blank","title":"Rebuild failed","status":503,\
            "detail":"The rebuild failed (TimeoutException); the listeners were restarted. Try again."}""";

    private ApiExamples() {
    }
}
