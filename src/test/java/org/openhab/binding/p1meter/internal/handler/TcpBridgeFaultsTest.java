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
package org.openhab.binding.p1meter.internal.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openhab.binding.p1meter.internal.P1MeterBindingConstants.*;
import static org.openhab.binding.p1meter.internal.reader.NumberedTelegrams.telegram;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openhab.binding.p1meter.internal.Await;
import org.openhab.binding.p1meter.internal.P1BridgeRegistryImpl;
import org.openhab.binding.p1meter.internal.config.P1BridgeConfig;
import org.openhab.binding.p1meter.internal.reader.FakeDongle;
import org.openhab.binding.p1meter.internal.reader.NumberedTelegrams;
import org.openhab.binding.p1meter.internal.reader.ReaderOptions;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.ThingStatusInfo;

/**
 * The TCP bridge against a faulty dongle on 127.0.0.1: one that hangs up after every telegram, refuses
 * connections for a while, sends half a telegram and stalls, or floods garbage. The bridge recovers by itself, its
 * status says what happened, and every telegram sent after recovery reaches the channels: each telegram carries
 * its number in the tariff 1 import register, the callback records every update of that channel. Also the
 * configuration mistakes {@link TcpBridgeHandlerTest} does not cover.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
@Timeout(30)
class TcpBridgeFaultsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final RecordingCallback callback = new RecordingCallback();
    private final P1BridgeRegistryImpl registry = new P1BridgeRegistryImpl();
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            closeables.get(i).close();
        }
    }

    private TcpBridgeHandler start(Map<String, Object> config) {
        TcpBridgeHandler h = new TcpBridgeHandler(TcpBridgeHandlerTest.bridge(config), registry) {
            @Override
            protected ReaderOptions readerOptions(P1BridgeConfig c) {
                // reconnect quickly so the tests stay short
                return super.readerOptions(c).withBackoff(Duration.ofMillis(50), Duration.ofMillis(400));
            }
        };
        h.setCallback(callback.mock);
        closeables.add(h::dispose);
        h.initialize();
        return h;
    }

    /** Every telegram's channels, receive timeout 1 s. */
    private TcpBridgeHandler startAgainst(int port) {
        return start(Map.of(CONFIG_HOST, "127.0.0.1", CONFIG_PORT, port, CONFIG_REFRESH_INTERVAL, 0,
                CONFIG_RECEIVE_TIMEOUT, 1));
    }

    private FakeDongle dongle(int port) throws IOException {
        FakeDongle d = new FakeDongle(port);
        closeables.add(d);
        return d;
    }

    /** The telegram numbers the tariff 1 import channel was updated with, in order. */
    private List<Integer> numbers() {
        List<Integer> numbers = new ArrayList<>();
        for (String u : callback.updates) {
            if (u.startsWith("energy-import-t1=")) {
                String value = u.substring("energy-import-t1=".length()).split(" ")[0];
                numbers.add(NumberedTelegrams.number(new BigDecimal(value)));
            }
        }
        return numbers;
    }

    private List<Integer> awaitNumbers(int count) throws InterruptedException {
        Await.until(WAIT, () -> numbers().size() >= count, () -> count + " telegrams, got " + numbers());
        Thread.sleep(200); // and no more (duplicates) after them
        return numbers();
    }

    private void awaitStatus(TcpBridgeHandler h, ThingStatus status, String description) {
        Await.until(WAIT,
                () -> callback.statuses(h.getThing()).stream().anyMatch(
                        s -> s.getStatus() == status && StatusTexts.english(s.getDescription()).contains(description)),
                () -> status + " with '" + description + "', statuses " + callback.statuses(h.getThing()));
    }

    @Test
    void aDongleThatHangsUpAfterEveryTelegramLosesNone() throws Exception {
        FakeDongle dongle = dongle(0);
        TcpBridgeHandler h = startAgainst(dongle.port());
        for (int i = 1; i <= 5; i++) {
            try (Socket c = dongle.nextClient(); OutputStream out = c.getOutputStream()) {
                out.write(telegram(i));
                out.flush();
            }
        }
        assertThat(awaitNumbers(5)).containsExactly(1, 2, 3, 4, 5);
        awaitStatus(h, ThingStatus.OFFLINE, "tcp 127.0.0.1:" + dongle.port() + ": end of stream (retrying)");
    }

    @Test
    void aDongleThatRefusesConnectionsForAWhileIsFoundWhenItComesBack() throws Exception {
        FakeDongle gone = new FakeDongle(0);
        int port = gone.port();
        gone.close();
        TcpBridgeHandler h = startAgainst(port);
        awaitStatus(h, ThingStatus.OFFLINE, "cannot connect to 127.0.0.1:" + port);
        assertThat(h.getThing().getStatusInfo().getStatusDetail()).isEqualTo(ThingStatusDetail.COMMUNICATION_ERROR);

        FakeDongle back = dongle(port);
        try (Socket c = back.nextClient(); OutputStream out = c.getOutputStream()) {
            for (int i = 1; i <= 3; i++) {
                out.write(telegram(i));
            }
            out.flush();
            assertThat(awaitNumbers(3)).containsExactly(1, 2, 3);
            assertThat(h.getThing().getStatus()).isEqualTo(ThingStatus.ONLINE);
        }
    }

    @Test
    void halfATelegramThenSilenceIsCutByTheReceiveTimeoutAndTheNextConnectionLosesNothing() throws Exception {
        FakeDongle dongle = dongle(0);
        TcpBridgeHandler h = startAgainst(dongle.port());
        Socket stalled = dongle.nextClient();
        closeables.add(stalled);
        byte[] second = telegram(2);
        stalled.getOutputStream().write(telegram(1));
        stalled.getOutputStream().write(Arrays.copyOf(second, second.length / 2));
        stalled.getOutputStream().flush();
        try (Socket c = dongle.nextClient(); OutputStream out = c.getOutputStream()) {
            for (int i = 3; i <= 5; i++) {
                out.write(telegram(i));
            }
            out.flush();
            assertThat(awaitNumbers(4)).containsExactly(1, 3, 4, 5);
            assertThat(h.getThing().getStatus()).isEqualTo(ThingStatus.ONLINE);
        }
        // the watchdog (no valid telegram) or the socket's read timeout (no byte at all) cut it, whichever first
        assertThat(callback.statuses(h.getThing())).anyMatch(s -> s.getStatus() == ThingStatus.OFFLINE
                && StatusTexts.english(s.getDescription()).matches("tcp 127\\.0\\.0\\.1:" + dongle.port()
                        + ": no (valid telegram|data from 127\\.0\\.0\\.1:\\d+) for 1 s \\((reconnecting|retrying)\\)"));
    }

    @Test
    void aFloodOfGarbageKeepsTheBridgeOnlineAndTheTelegramsAfterItAllArrive() throws Exception {
        FakeDongle dongle = dongle(0);
        TcpBridgeHandler h = startAgainst(dongle.port());
        byte[] garbage = new byte[512 * 1024];
        new Random(11).nextBytes(garbage);
        try (Socket c = dongle.nextClient(); OutputStream out = c.getOutputStream()) {
            out.write(telegram(1));
            out.flush();
            Await.until(WAIT, () -> h.getThing().getStatus() == ThingStatus.ONLINE, () -> "ONLINE");
            out.write(garbage);
            for (int i = 2; i <= 6; i++) {
                out.write(telegram(i));
            }
            out.flush();
            assertThat(awaitNumbers(6)).containsExactly(1, 2, 3, 4, 5, 6);
            // garbage is counted, not a reason to flap the status
            assertThat(callback.statuses(h.getThing())).noneMatch(s -> s.getStatus() == ThingStatus.OFFLINE);
        }
    }

    @Test
    void anUnknownHostIsACommunicationErrorThatSaysSo() {
        TcpBridgeHandler h = start(Map.of(CONFIG_HOST, "no-such-host.invalid", CONFIG_PORT, 8088));
        awaitStatus(h, ThingStatus.OFFLINE, "unknown host no-such-host.invalid");
        assertThat(h.getThing().getStatusInfo().getStatusDetail()).isEqualTo(ThingStatusDetail.COMMUNICATION_ERROR);
    }

    @Test
    void aKeyOfTheWrongLengthIsAConfigurationError() {
        assertConfigurationError(start(Map.of(CONFIG_HOST, "127.0.0.1", CONFIG_PORT, 8088, CONFIG_DECRYPTION_KEY,
                "0123456789ABCDEF0123456789ABCD")), "decryption key");
    }

    @Test
    void aNegativeReceiveTimeoutIsAConfigurationError() {
        assertConfigurationError(start(Map.of(CONFIG_HOST, "127.0.0.1", CONFIG_PORT, 8088, CONFIG_RECEIVE_TIMEOUT, -1)),
                "receive timeout");
    }

    @Test
    void aPortOutOfRangeIsAConfigurationError() {
        assertConfigurationError(start(Map.of(CONFIG_HOST, "127.0.0.1", CONFIG_PORT, 70000)), "port");
    }

    private void assertConfigurationError(TcpBridgeHandler h, String mentioned) {
        ThingStatusInfo status = h.getThing().getStatusInfo();
        assertThat(status.getStatus()).isEqualTo(ThingStatus.OFFLINE);
        assertThat(status.getStatusDetail()).isEqualTo(ThingStatusDetail.CONFIGURATION_ERROR);
        assertThat(StatusTexts.english(status.getDescription())).containsIgnoringCase(mentioned);
        assertThat(registry.bridgeUids()).isEmpty();
    }
}
