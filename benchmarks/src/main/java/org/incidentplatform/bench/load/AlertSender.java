package org.incidentplatform.bench.load;

import java.net.http.HttpRequest;

/** What a peer needs to take one alert: the request, and which answers mean "accepted". */
public interface AlertSender {

    /** One POST carrying one alert named {@code alertId}. */
    HttpRequest alert(String alertId);

    boolean accepted(int status);
}
