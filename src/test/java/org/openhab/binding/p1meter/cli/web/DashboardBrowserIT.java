/*
 * Copyright (c) 2010-2026 Contributors to the openHAB project
 *
 * See the NOTICE file(s) distributed with this work for additional
 * information.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * http://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.openhab.binding.p1meter.cli.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.eclipse.jetty.websocket.server.NativeWebSocketServletContainerInitializer;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeFilter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openhab.binding.p1meter.internal.dsmr.MBusDevice;
import org.openhab.binding.p1meter.internal.dsmr.P1Telegram;
import org.openhab.binding.p1meter.internal.dsmr.PeakDemand;
import org.openhab.binding.p1meter.internal.dsmr.Quantity;
import org.openhab.binding.p1meter.internal.output.web.DashboardHub;
import org.openhab.binding.p1meter.internal.output.web.DashboardServlet;
import org.openhab.binding.p1meter.internal.reader.ConnectionState;
import org.openhab.binding.p1meter.internal.reader.FeedStatus;
import org.openhab.binding.p1meter.internal.reader.P1Feed;
import org.openhab.binding.p1meter.internal.reader.P1Listener;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in Debian's headless Chromium: the page served by the daemon's web server, fed telegram by
 * telegram, updates without a reload, over the web socket and, when the socket cannot connect, by polling.
 * Screenshots land in {@code target/e2e/}.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
@EnabledIfSystemProperty(named = "p1meter.e2e", matches = "true")
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class DashboardBrowserIT {

    private static final Path SCREENSHOTS = Path.of("target", "e2e");

    /** A feed the test drives by hand; it keeps a status as a reader does. */
    static final class HandFeed implements P1Feed {
        final List<P1Listener> listeners = new CopyOnWriteArrayList<>();
        volatile @Nullable P1Telegram last;
        volatile FeedStatus status = FeedStatus.UNKNOWN;

        @Override
        public void addListener(P1Listener listener) {
            listeners.add(listener);
        }

        @Override
        public void removeListener(P1Listener listener) {
            listeners.remove(listener);
        }

        @Override
        public @Nullable P1Telegram lastTelegram() {
            return last;
        }

        @Override
        public FeedStatus status() {
            return status;
        }

        void publish(P1Telegram t) {
            publish(t, System.currentTimeMillis());
        }

        /** A telegram that arrived at {@code arrivedMillis}, as a reader would have noted. */
        void publish(P1Telegram t, long arrivedMillis) {
            last = t;
            status = new FeedStatus(status.state(), status.message(), status.sinceMillis(), arrivedMillis);
            listeners.forEach(l -> l.onTelegram(t));
        }

        void state(ConnectionState state, String message) {
            status = new FeedStatus(state, message, System.currentTimeMillis(), status.lastTelegramMillis());
            listeners.forEach(l -> l.onConnectionState(state, message));
        }
    }

    private final HandFeed feed = new HandFeed();
    private @Nullable WebServerOutput output;
    private @Nullable ChromeDriverService service;
    private @Nullable ChromeDriver driver;
    private @Nullable Path profile;

    @BeforeEach
    void startBrowser() throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path dir = Files.createTempDirectory("p1meter-chromium");
        profile = dir;
        // no internet here: name both programs so that Selenium Manager never tries to download anything
        System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        ChromeDriverService s = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort()
                .withTimeout(Duration.ofSeconds(30)).build();
        service = s;
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--lang=en-US", "--window-size=1280,1400", "--user-data-dir=" + dir);
        ChromeDriver d = new ChromeDriver(s, options);
        d.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver = d;
    }

    @AfterEach
    void stop() throws IOException {
        ChromeDriver d = driver;
        if (d != null) {
            d.quit();
        }
        ChromeDriverService s = service;
        if (s != null) {
            s.stop();
        }
        WebServerOutput o = output;
        if (o != null) {
            o.close();
        }
        Path dir = profile;
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private String serve(boolean webSocket) throws IOException {
        WebServerOutput o = new WebServerOutput("127.0.0.1", 0, webSocket);
        o.start(feed);
        output = o;
        return "http://127.0.0.1:" + o.port() + "/";
    }

    private ChromeDriver browser() {
        ChromeDriver d = driver;
        assertThat(d).isNotNull();
        return d;
    }

    private void waitUntil(String what, Duration timeout, java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser(), timeout).withMessage(what).until(d -> condition.getAsBoolean());
    }

    private String attr(String id, String name) {
        String value = browser().findElement(By.id(id)).getDomAttribute(name);
        return value == null ? "" : value;
    }

    private String text(String id) {
        return browser().findElement(By.id(id)).getText();
    }

    private void screenshot(String name) throws IOException {
        ChromeDriver d = browser();
        Long height = (Long) ((JavascriptExecutor) d).executeScript("return document.documentElement.scrollHeight");
        Dimension size = d.manage().window().getSize();
        d.manage().window().setSize(new Dimension(size.getWidth(), (int) Math.min(4000, height + 140)));
        File shot = d.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    /** A Dutch three-phase meter with gas and water; a Belgian peak so that every part of the page shows. */
    static P1Telegram telegram(OffsetDateTime at, double l1, double l2, double l3) {
        double imp = Math.max(0, l1) + Math.max(0, l2) + Math.max(0, l3);
        double exp = Math.max(0, -l1) + Math.max(0, -l2) + Math.max(0, -l3);
        OffsetDateTime gasAt = at.truncatedTo(ChronoUnit.HOURS);
        return new P1Telegram.Builder().header("ISK5\\2M550T-1013").crcChecked(true).p1Version("50").timestamp(at)
                .equipmentId("4530303434303037313331363530363137").set(Quantity.TARIFF, 2)
                .set(Quantity.ENERGY_IMPORT_T1, 1234.567).set(Quantity.ENERGY_IMPORT_T2, 2345.678)
                .set(Quantity.ENERGY_EXPORT_T1, 456.789).set(Quantity.ENERGY_EXPORT_T2, 1012.5)
                .set(Quantity.POWER_IMPORT, round(imp)).set(Quantity.POWER_EXPORT, round(exp))
                .set(Quantity.POWER_FAILURES, 4).set(Quantity.LONG_POWER_FAILURES, 2).set(Quantity.VOLTAGE_SAGS_L1, 1)
                .set(Quantity.VOLTAGE_SAGS_L2, 0).set(Quantity.VOLTAGE_SAGS_L3, 0).set(Quantity.VOLTAGE_L1, 231.2)
                .set(Quantity.VOLTAGE_L2, 229.8).set(Quantity.VOLTAGE_L3, 232.4)
                .set(Quantity.CURRENT_L1, Math.round(Math.abs(l1) * 1000 / 231.2))
                .set(Quantity.CURRENT_L2, Math.round(Math.abs(l2) * 1000 / 229.8))
                .set(Quantity.CURRENT_L3, Math.round(Math.abs(l3) * 1000 / 232.4))
                .set(Quantity.POWER_IMPORT_L1, round(Math.max(0, l1)))
                .set(Quantity.POWER_EXPORT_L1, round(Math.max(0, -l1)))
                .set(Quantity.POWER_IMPORT_L2, round(Math.max(0, l2)))
                .set(Quantity.POWER_EXPORT_L2, round(Math.max(0, -l2)))
                .set(Quantity.POWER_IMPORT_L3, round(Math.max(0, l3)))
                .set(Quantity.POWER_EXPORT_L3, round(Math.max(0, -l3))).set(Quantity.AVERAGE_DEMAND, 1.234)
                .peakDemand(new PeakDemand(null, at.withDayOfMonth(3).withHour(18).withMinute(15).withSecond(0), 4.52))
                .peakDemandHistory(List.of(
                        new PeakDemand(at.minusMonths(2).withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS),
                                at.minusMonths(2).withDayOfMonth(12), 3.81),
                        new PeakDemand(at.minusMonths(1).withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS),
                                at.minusMonths(1).withDayOfMonth(20), 5.07)))
                .mbus(List.of(
                        new MBusDevice(1, MBusDevice.TYPE_GAS, "G0012345678", gasAt, 3456.789, Quantity.Unit.M3, -1),
                        new MBusDevice(2, MBusDevice.TYPE_WATER, "W0087654321", gasAt, 123.456, Quantity.Unit.M3, -1)))
                .textMessage("Meter reading day: 1st of the month").build();
    }

    /** The number of points of the chart's path that the selector finds. */
    private int points(String selector) {
        List<org.openqa.selenium.WebElement> paths = browser().findElements(By.cssSelector(selector));
        if (paths.isEmpty()) {
            return 0;
        }
        String d = paths.get(0).getDomAttribute("d");
        return d == null ? 0 : d.split("[ML]").length - 1;
    }

    private static double round(double kw) {
        return Math.round(kw * 1000) / 1000.0;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
    }

    @Test
    void showsTelegramsLiveOverTheWebSocket() throws Exception {
        OffsetDateTime start = now().minusSeconds(300);
        feed.state(ConnectionState.CONNECTED, "connected to serial /dev/ttyUSB0");
        // 1754 W import, which arrived five minutes ago (and nothing since)
        feed.publish(telegram(start, 0.754, 0.6, 0.4), System.currentTimeMillis() - 300_000);
        String base = serve(true);
        ChromeDriver d = browser();
        d.get(base + "?lang=en");

        waitUntil("the socket connects and shows the last reading", Duration.ofSeconds(20),
                () -> "live".equals(attr("state", "data-transport")) && "1754".equals(attr("net-power", "data-value")));
        assertThat(text("net-power")).isEqualTo("+1,754");
        // the reading sent on connect arrived five minutes ago: the page says so
        waitUntil("the status tells the reading's age", Duration.ofSeconds(10),
                () -> "stale".equals(attr("state", "data-state")));
        assertThat(text("state")).startsWith("Stale").contains("5 min");
        assertThat(attr("hero", "data-direction")).isEqualTo("import");
        assertThat(text("hero-label")).isEqualTo("Importing from the grid");
        assertThat(text("phase-l1")).contains("+754").contains("231.2 V");
        assertThat(text("energy-card")).contains("1,234.567").contains("1,012.500").contains("3,580.245");
        assertThat(text("meter")).as("the hex-encoded identifier shown as text").contains("E0044007131650617");
        ((JavascriptExecutor) d).executeScript("window.p1SameDocument = 'yes'");

        // five minutes of a sunny afternoon at ten-second steps, ending in export
        int steps = 30;
        for (int i = 1; i <= steps; i++) {
            double sun = Math.sin(Math.PI * i / steps / 1.15);
            double l1 = i == steps ? -0.56 : round(0.9 - 1.6 * sun + 0.15 * Math.sin(i * 1.7));
            double l2 = i == steps ? 0 : round(0.35 + 0.1 * Math.cos(i * 0.9));
            double l3 = i == steps ? 0 : round(0.25 - 0.7 * sun + 0.3 * (i % 7 == 0 ? 1 : 0));
            feed.publish(telegram(start.plusSeconds(10L * i), l1, l2, l3));
            Thread.sleep(60);
        }
        waitUntil("the last telegram shows without a reload", Duration.ofSeconds(20),
                () -> "-560".equals(attr("net-power", "data-value")));
        assertThat(text("net-power")).isEqualTo("\u2212560");
        assertThat(attr("hero", "data-direction")).isEqualTo("export");
        assertThat(text("hero-label")).isEqualTo("Exporting to the grid");
        assertThat(((JavascriptExecutor) d).executeScript("return window.p1SameDocument")).isEqualTo("yes");
        assertThat(attr("state", "data-state")).isEqualTo("live");
        assertThat(d.findElements(By.cssSelector("#chart path.series")).size()).as("net and three phases").isEqualTo(4);
        screenshot("dashboard.png");

        d.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        screenshot("dashboard-dark.png");

        d.manage().window().setSize(new Dimension(412, 900));
        d.get(base + "?lang=nl");
        waitUntil("the Dutch page shows the last reading", Duration.ofSeconds(20),
                () -> "-560".equals(attr("net-power", "data-value")));
        assertThat(text("hero-label")).isEqualTo("Teruglevering aan het net");
        assertThat(text("energy-card")).contains("1.234,567");
        screenshot("dashboard-nl-phone-dark.png");
    }

    /**
     * Mounted as openHAB mounts it (page under {@code /p1meter/}, socket at {@code /ws/p1meter}), and once more
     * behind a prefix as a reverse proxy would add: the page finds its socket from its own location both times.
     */
    @Test
    void findsItsSocketWhenMountedAsInOpenhab() throws Exception {
        feed.publish(telegram(now(), 0.1, 0.2, 0.3));
        DashboardHub hub = new DashboardHub(feed);
        hub.start();
        Server jetty = new Server(new InetSocketAddress("127.0.0.1", 0));
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
        context.setContextPath("/");
        for (String prefix : List.of("", "/proxy")) {
            context.addServlet(new ServletHolder(new DashboardServlet(feed, "../ws/p1meter")), prefix + "/p1meter/*");
        }
        List<String> socketQueries = new CopyOnWriteArrayList<>();
        NativeWebSocketServletContainerInitializer.configure(context, (servletContext, config) -> {
            config.addMapping("/ws/p1meter", (req, resp) -> {
                socketQueries.add(String.valueOf(req.getQueryString()));
                return hub.newSocket();
            });
            config.addMapping("/proxy/ws/p1meter", (req, resp) -> hub.newSocket());
        });
        WebSocketUpgradeFilter.configure(context);
        jetty.setHandler(context);
        jetty.start();
        try {
            int port = ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
            for (String prefix : List.of("", "/proxy")) {
                browser().get("http://127.0.0.1:" + port + prefix + "/p1meter?lang=en");
                waitUntil("the socket at " + prefix + "/ws/p1meter connects", Duration.ofSeconds(20),
                        () -> "live".equals(attr("state", "data-transport"))
                                && "600".equals(attr("net-power", "data-value")));
                assertThat(browser().getCurrentUrl()).endsWith(prefix + "/p1meter/?lang=en");
            }
            assertThat(hub.sessions()).as("the open page's socket").isGreaterThanOrEqualTo(1);
            // openHAB authenticates a web socket by an access token: one given to the page goes along
            assertThat(socketQueries.get(0)).isEqualTo("null");
            browser().get("http://127.0.0.1:" + port + "/p1meter/?lang=en&accessToken=oh.p1.abc123");
            waitUntil("the socket connects with the token", Duration.ofSeconds(20),
                    () -> "live".equals(attr("state", "data-transport")));
            assertThat(socketQueries).contains("accessToken=oh.p1.abc123");
        } finally {
            hub.close();
            jetty.stop();
        }
    }

    /**
     * A browser that opens the page after minutes of telegrams sees them in the chart at once, not an empty chart
     * that fills over the next five minutes.
     */
    @Test
    void showsTheLastMinutesInTheChartAsSoonAsItOpens() throws Exception {
        feed.state(ConnectionState.CONNECTED, "connected to serial /dev/ttyUSB0");
        String base = serve(true); // the server hears every telegram; nobody watches yet
        OffsetDateTime start = now().minusSeconds(290);
        for (int i = 0; i < 30; i++) {
            feed.publish(telegram(start.plusSeconds(10L * i), round(0.2 + 0.05 * i), 0.1, -0.3));
        }
        ChromeDriver d = browser();
        d.get(base + "?lang=en");
        waitUntil("the last reading and the live state show", Duration.ofSeconds(20),
                () -> "live".equals(attr("state", "data-state")) && "1450".equals(attr("net-power", "data-value")));
        waitUntil("the chart has the thirty points of the last five minutes", Duration.ofSeconds(10),
                () -> points("#chart path.series.net") == 30);
        assertThat(d.findElements(By.cssSelector("#chart path.series")).size()).as("net and three phases").isEqualTo(4);
        assertThat(text("state")).startsWith("Live");
        screenshot("dashboard-history-on-connect.png");
    }

    /**
     * The page says "live" only while the reader is connected, from the status the server pushes: the moment the
     * source is lost it says so, with the reason, not thirty seconds later when the readings look old. A telegram
     * that arrives now is "just now" whatever the meter's clock says, and a meter clock years off is pointed out.
     */
    @Test
    void saysAtOnceWhenTheSourceIsLostAndCountsAgesFromTheArrival() throws Exception {
        feed.state(ConnectionState.CONNECTED, "connected to tcp 10.0.0.5:8088");
        feed.publish(telegram(now(), 0.4, 0.1, 0.0));
        String base = serve(true);
        ChromeDriver d = browser();
        d.get(base + "?lang=en");
        waitUntil("live", Duration.ofSeconds(20), () -> "live".equals(attr("state", "data-state")));
        assertThat(browser().findElement(By.id("source-message")).isDisplayed()).isFalse();

        feed.state(ConnectionState.DISCONNECTED, "cannot connect to 10.0.0.5:8088: Connection refused");
        waitUntil("the page says the meter is lost within seconds", Duration.ofSeconds(5),
                () -> "lost".equals(attr("state", "data-state")));
        assertThat(text("state")).startsWith("Meter not connected");
        assertThat(text("source-message")).isEqualTo("cannot connect to 10.0.0.5:8088: Connection refused");
        assertThat(attr("state", "data-transport")).as("the page itself is still connected").isEqualTo("live");
        screenshot("dashboard-source-lost.png");

        feed.state(ConnectionState.NO_DATA, "no valid telegram for 60 s");
        waitUntil("no data", Duration.ofSeconds(5), () -> "nodata".equals(attr("state", "data-state")));
        assertThat(text("state")).startsWith("No data from the meter");

        // back, with a meter whose clock says 2019: the telegram arrived just now, and the clock is pointed out
        feed.state(ConnectionState.CONNECTED, "connected to tcp 10.0.0.5:8088");
        feed.publish(telegram(OffsetDateTime.parse("2019-03-01T12:00:00+01:00"), 0.9, 0.1, 0.0));
        waitUntil("live again", Duration.ofSeconds(5),
                () -> "live".equals(attr("state", "data-state")) && "1000".equals(attr("net-power", "data-value")));
        assertThat(text("state")).contains("just now");
        assertThat(browser().findElement(By.id("source-message")).isDisplayed()).isFalse();
        assertThat(text("meter-time")).contains("2019").contains("clock is off");
        assertThat(attr("meter-time", "class")).isEqualTo("clock-off");
    }

    @Test
    void fallsBackToPollingWhenTheSocketCannotConnect() throws Exception {
        String base = serve(false);
        ChromeDriver d = browser();
        d.get(base + "?lang=en");

        waitUntil("the page polls and waits for the first telegram", Duration.ofSeconds(20),
                () -> "polling".equals(attr("state", "data-transport")));
        assertThat(text("hero-label")).isEqualTo("Waiting for the first telegram…");
        ((JavascriptExecutor) d).executeScript("window.p1SameDocument = 'yes'");

        feed.publish(telegram(now(), 0.2, 0.1, 0.05));
        waitUntil("a poll brings the first reading", Duration.ofSeconds(20),
                () -> "350".equals(attr("net-power", "data-value")));
        assertThat(text("net-power")).isEqualTo("+350");

        feed.publish(telegram(now().plusSeconds(1), -1.2, 0.1, 0.1));
        waitUntil("a poll brings the next reading", Duration.ofSeconds(20),
                () -> "-1000".equals(attr("net-power", "data-value")));
        assertThat(text("net-power")).isEqualTo("\u22121,000");
        assertThat(attr("state", "data-state")).isEqualTo("polling");
        assertThat(text("state")).startsWith("Polling");
        assertThat(((JavascriptExecutor) d).executeScript("return window.p1SameDocument")).isEqualTo("yes");
        screenshot("dashboard-polling.png");

        // polling reads the source's state too
        feed.state(ConnectionState.DISCONNECTED, "serial port /dev/ttyUSB0 is gone");
        waitUntil("a poll brings the lost source", Duration.ofSeconds(20),
                () -> "lost".equals(attr("state", "data-state")));
        assertThat(text("source-message")).isEqualTo("serial port /dev/ttyUSB0 is gone");
    }
}
