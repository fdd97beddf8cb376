package org.incidentplatform.report.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.incidentplatform.events.ComponentImpact;
import org.incidentplatform.events.ComponentStatus;
import org.incidentplatform.events.ImpactAssessed;
import org.incidentplatform.events.IncidentOpened;
import org.incidentplatform.events.IncidentResolved;
import org.incidentplatform.events.NoteAdded;
import org.incidentplatform.events.ProgressStatus;
import org.incidentplatform.events.Severity;
import org.incidentplatform.events.StatusUpdated;
import org.incidentplatform.events.Visibility;
import org.incidentplatform.report.IncidentStory;
import org.incidentplatform.report.ReportServiceTest;
import org.incidentplatform.security.testing.TestCredentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** What a reader sees in a real browser (headless Chromium): the status page and a post-mortem. */
class StatusPageInBrowserTest extends ReportServiceTest {

    private static final String HOSTILE_TITLE = "<script>alert(1)</script>";

    private ChromeDriver browser;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @BeforeEach
    void startBrowser() throws Exception {
        browser = HeadlessChromium.start();
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aReaderSeesTheComponentInPartialOutageWhileOpenAndOperationalAfterResolution() throws Exception {
        String component = "Payments-" + UUID.randomUUID().toString().substring(0, 8);
        IncidentStory story = new IncidentStory();
        String id = story.incidentId();
        topic.awaitConsumed(GROUP_ID, story.publish(topic,
                story.next(new IncidentOpened(id, HOSTILE_TITLE, null, Severity.SEV2, List.of("payments"), null, null,
                        now.minusSeconds(900))),
                story.next(new StatusUpdated(id, ProgressStatus.INVESTIGATING, "Card payments fail for some customers",
                        true, now.minusSeconds(600))),
                story.next(new NoteAdded(id, "n1", "internal: suspect the <b>new</b> gateway", Visibility.INTERNAL,
                        now.minusSeconds(500))),
                story.next(new ImpactAssessed(id, List.of(new ComponentImpact(component, ComponentStatus.PARTIAL_OUTAGE)),
                        null, null, null, now.minusSeconds(900), null, now.minusSeconds(400)))));

        browser.get(url("/status"));
        assertThat(componentStatus(component)).isEqualTo("partial outage");
        WebElement incident = browser.findElement(By.id("incident-" + id));
        assertThat(incident.findElement(By.className("incident-name")).getText()).isEqualTo(HOSTILE_TITLE);
        assertThat(incident.getText()).contains("Investigating", "Card payments fail for some customers")
                .doesNotContain("suspect the");
        assertNoScriptRan();
        Files.copy(((ChromeDriver) browser).getScreenshotAs(OutputType.FILE).toPath(), Path.of("target/status-page.png"),
                StandardCopyOption.REPLACE_EXISTING);

        topic.awaitConsumed(GROUP_ID, story.publish(topic,
                story.next(new IncidentResolved(id, "Gateway rolled back", now.minusSeconds(60)))));
        browser.navigate().refresh();

        assertThat(componentStatus(component)).isEqualTo("operational");
        assertThat(browser.findElement(By.id("open-incidents")).getText()).doesNotContain(HOSTILE_TITLE);
        assertThat(browser.findElement(By.id("history")).getText()).contains(HOSTILE_TITLE, "This incident has been resolved.");
        assertNoScriptRan();
    }

    @Test
    void aResponderReadsTheHostileTitleAsTextInTheHtmlPostmortem() {
        IncidentStory story = new IncidentStory();
        String id = story.incidentId();
        topic.awaitConsumed(GROUP_ID, story.publish(topic,
                story.next(new IncidentOpened(id, HOSTILE_TITLE, "<img src=x onerror=alert(2)>", Severity.SEV1,
                        List.of("api"), null, null, now.minusSeconds(3600)))));
        // The page needs a key: DevTools adds the Authorization header to every request of the browser.
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.setExtraHTTPHeaders",
                Map.of("headers", Map.of("Authorization", "Bearer " + TestCredentials.ADMIN_KEY)));

        browser.get(url("/api/v1/incidents/" + id + "/postmortem?format=html"));

        assertThat(browser.findElement(By.id("title")).getText()).isEqualTo(HOSTILE_TITLE);
        assertThat(browser.findElement(By.id("summary")).getText()).isEqualTo("<img src=x onerror=alert(2)>");
        assertThat(browser.findElements(By.tagName("script"))).isEmpty();
        assertThat(browser.findElements(By.tagName("img"))).isEmpty();
        assertNoScriptRan();
    }

    private String componentStatus(String component) {
        return browser.findElements(By.className("component")).stream()
                .filter(row -> row.findElement(By.className("name")).getText().equals(component))
                .findFirst().orElseThrow(() -> new AssertionError(component + " not on the status page"))
                .findElement(By.className("component-status")).getText();
    }

    private void assertNoScriptRan() {
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
