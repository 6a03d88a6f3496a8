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
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.openhab.binding.p1meter.internal.P1MeterBindingConstants.*;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.measure.Unit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openhab.binding.p1meter.internal.Await;
import org.openhab.binding.p1meter.internal.P1BridgeRegistryImpl;
import org.openhab.binding.p1meter.internal.config.P1BridgeConfig;
import org.openhab.binding.p1meter.internal.discovery.P1MBusDiscoveryService;
import org.openhab.binding.p1meter.internal.dsmr.MBusCases;
import org.openhab.binding.p1meter.internal.dsmr.MBusDevice;
import org.openhab.binding.p1meter.internal.dsmr.P1Telegram;
import org.openhab.binding.p1meter.internal.dsmr.TelegramJson;
import org.openhab.binding.p1meter.internal.reader.FakeDongle;
import org.openhab.binding.p1meter.internal.reader.P1Listener;
import org.openhab.binding.p1meter.internal.reader.ReaderOptions;
import org.openhab.binding.p1meter.internal.reader.TestTelegrams;
import org.openhab.core.config.core.Configuration;
import org.openhab.core.config.discovery.DiscoveryListener;
import org.openhab.core.library.types.DateTimeType;
import org.openhab.core.library.types.DecimalType;
import org.openhab.core.library.types.QuantityType;
import org.openhab.core.library.unit.SIUnits;
import org.openhab.core.library.unit.Units;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.Channel;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.ThingStatusInfo;
import org.openhab.core.thing.ThingUID;
import org.openhab.core.thing.binding.builder.BridgeBuilder;
import org.openhab.core.thing.binding.builder.ThingBuilder;
import org.openhab.core.types.RefreshType;
import org.openhab.core.types.State;

/**
 * The TCP bridge against a real P1 dongle on 127.0.0.1 serving corpus telegrams: status, channels (only the
 * ones the meter sends) and their states with units, CRC errors, decryption, refresh interval, reconnection.
 * Expected values come from the corpus' expected.json, converted by hand where the channel's unit differs
 * (the meter's kW are shown in W).
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
@Timeout(60)
class TcpBridgeHandlerTest {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final String THREE_PHASE = "dsmr50_isk_am550_two_mbus";
    static final String SINGLE_PHASE = "dsmr42_xmx_zcf110_openhab";

    private final RecordingCallback callback = new RecordingCallback();
    private final P1BridgeRegistryImpl registry = new P1BridgeRegistryImpl();
    private @Nullable FakeDongle server;
    private @Nullable TcpBridgeHandler handler;

    @AfterEach
    void tearDown() {
        TcpBridgeHandler h = handler;
        if (h != null) {
            h.dispose();
        }
        FakeDongle s = server;
        if (s != null) {
            s.close();
        }
    }

    static Bridge bridge(Map<String, Object> config) {
        return BridgeBuilder.create(THING_TYPE_TCP, "meter").withLabel("P1 meter")
                .withConfiguration(new Configuration(config)).build();
    }

    private TcpBridgeHandler start(Map<String, Object> config) {
        TcpBridgeHandler h = new TcpBridgeHandler(bridge(config), registry) {
            @Override
            protected ReaderOptions readerOptions(P1BridgeConfig c) {
                // reconnect quickly so the tests stay short
                return super.readerOptions(c).withBackoff(Duration.ofMillis(100), Duration.ofMillis(400));
            }
        };
        h.setCallback(callback.mock);
        handler = h;
        h.initialize();
        return h;
    }

    /** A dongle on the port (0: a free one) that sends the telegrams in turn, one every {@code millis}. */
    private FakeDongle serve(int port, long millis, byte[]... telegrams) throws IOException {
        FakeDongle d = new FakeDongle(port);
        d.every(Duration.ofMillis(millis), telegrams);
        server = d;
        return d;
    }

    private FakeDongle serve(long millis, byte[]... telegrams) throws IOException {
        return serve(0, millis, telegrams);
    }

    private TcpBridgeHandler startAgainst(FakeDongle s, Map<String, Object> extra) {
        Map<String, Object> config = new HashMap<>(Map.of(CONFIG_HOST, "127.0.0.1", CONFIG_PORT, s.port()));
        config.putAll(extra);
        return start(config);
    }

    private void awaitOnline(TcpBridgeHandler h) {
        Await.until(WAIT, () -> h.getThing().getStatus() == ThingStatus.ONLINE,
                () -> "ONLINE, status is " + h.getThing().getStatusInfo());
    }

    private void awaitState(TcpBridgeHandler h, String channel) {
        Await.until(WAIT, () -> callback.state(h.getThing(), channel) != null, () -> "a state of " + channel);
    }

    private static <Q extends javax.measure.Quantity<Q>> QuantityType<Q> q(String value, Unit<Q> unit) {
        return new QuantityType<>(new BigDecimal(value), unit);
    }

    /** The meter's kW as the W the channel shows. */
    private static QuantityType<?> kwAsWatts(String file, String obis) {
        return q(new BigDecimal(TestTelegrams.expectedOrFail(file, obis)).movePointRight(3).toPlainString(),
                Units.WATT);
    }

    @Test
    void goesOnlineAndPublishesTheTelegramsValuesWithUnits() throws Exception {
        serve(200, TestTelegrams.bytes(THREE_PHASE));
        TcpBridgeHandler h = startAgainst(server, Map.of());

        awaitOnline(h);
        // the states of one telegram follow ONLINE, last-update last of them
        awaitState(h, CHANNEL_LAST_UPDATE);
        String f = THREE_PHASE;
        assertThat(callback.state(h.getThing(), "power-import")).isEqualTo(kwAsWatts(f, "1-0:1.7.0"));
        assertThat(callback.state(h.getThing(), "power-export")).isEqualTo(kwAsWatts(f, "1-0:2.7.0"));
        // 0.111 kW import - 0.000 kW export = 111 W
        assertThat(callback.state(h.getThing(), "net-power")).isEqualTo(q("111", Units.WATT));
        assertThat(callback.state(h.getThing(), "energy-import-t1"))
                .isEqualTo(q(TestTelegrams.expectedOrFail(f, "1-0:1.8.1"), Units.KILOWATT_HOUR));
        assertThat(callback.state(h.getThing(), "energy-import-t2"))
                .isEqualTo(q(TestTelegrams.expectedOrFail(f, "1-0:1.8.2"), Units.KILOWATT_HOUR));
        // no 1-0:1.8.0 in the telegram: total = 2130.115 + 245.467
        assertThat(callback.state(h.getThing(), "energy-import-total")).isEqualTo(q("2375.582", Units.KILOWATT_HOUR));
        assertThat(callback.state(h.getThing(), "voltage-l1"))
                .isEqualTo(q(TestTelegrams.expectedOrFail(f, "1-0:32.7.0"), Units.VOLT));
        assertThat(callback.state(h.getThing(), "voltage-l3"))
                .isEqualTo(q(TestTelegrams.expectedOrFail(f, "1-0:72.7.0"), Units.VOLT));
        assertThat(callback.state(h.getThing(), "current-l3"))
                .isEqualTo(q(TestTelegrams.expectedOrFail(f, "1-0:71.7.0"), Units.AMPERE));
        assertThat(callback.state(h.getThing(), "power-import-l1")).isEqualTo(kwAsWatts(f, "1-0:21.7.0"));
        assertThat(callback.state(h.getThing(), "power-import-l3")).isEqualTo(kwAsWatts(f, "1-0:61.7.0"));
        assertThat(callback.state(h.getThing(), "tariff")).isEqualTo(new DecimalType(1));
        assertThat(callback.state(h.getThing(), "power-failures"))
                .isEqualTo(new DecimalType(TestTelegrams.expectedOrFail(f, "0-0:96.7.21")));
        assertThat(callback.state(h.getThing(), "long-power-failures"))
                .isEqualTo(new DecimalType(TestTelegrams.expectedOrFail(f, "0-0:96.7.9")));
        assertThat(callback.state(h.getThing(), "voltage-sags-l3"))
                .isEqualTo(new DecimalType(TestTelegrams.expectedOrFail(f, "1-0:72.32.0")));
        assertThat(callback.state(h.getThing(), "meter-timestamp"))
                .isEqualTo(new DateTimeType(Instant.parse("2020-04-26T20:33:25Z")));
        assertThat(callback.state(h.getThing(), CHANNEL_CRC_ERRORS)).isEqualTo(new DecimalType(0));
        assertThat(callback.state(h.getThing(), CHANNEL_LAST_UPDATE)).isInstanceOf(DateTimeType.class);
        // an empty text message is no text message
        assertThat(callback.state(h.getThing(), "text-message")).isNull();

        assertThat(h.getThing().getProperties()).containsEntry(PROPERTY_HEADER, "ISK5\\2M550T-1012")
                .containsEntry(PROPERTY_P1_VERSION, "50");
        List<ThingStatusInfo> statuses = callback.statuses(h.getThing());
        assertThat(statuses.get(0).getStatus()).isEqualTo(ThingStatus.UNKNOWN);
        assertThat(statuses).extracting(ThingStatusInfo::getStatus).doesNotContain(ThingStatus.OFFLINE);
    }

    @Test
    void createsOnlyTheChannelsTheMeterSends() throws Exception {
        serve(200, TestTelegrams.bytes(SINGLE_PHASE));
        TcpBridgeHandler h = startAgainst(server, Map.of());
        awaitOnline(h);
        awaitState(h, "current-l1");

        List<String> ids = h.getThing().getChannels().stream().map(c -> c.getUID().getId()).toList();
        assertThat(ids).contains("net-power", "power-import", "power-export", "energy-import-t1", "energy-import-t2",
                "energy-export-t1", "energy-export-t2", "tariff", "current-l1", "power-import-l1", "power-export-l1",
                "voltage-sags-l1", "voltage-swells-l1", "power-failures", "long-power-failures", "meter-timestamp",
                CHANNEL_CRC_ERRORS, CHANNEL_LAST_UPDATE);
        // a one-phase meter without voltage readings: no L2/L3, no voltages, no Belgian demand, no T3/T4
        assertThat(ids).doesNotContain("current-l2", "current-l3", "voltage-l1", "voltage-l2", "voltage-l3",
                "power-import-l2", "voltage-sags-l2", "average-demand", "peak-demand", "energy-import-t3",
                "text-message");
        Channel net = h.getThing().getChannel("net-power");
        assertThat(net).isNotNull();
        assertThat(net.getAcceptedItemType()).isEqualTo("Number:Power");
        assertThat(net.getChannelTypeUID()).hasToString("p1meter:net-power");
        // 2.778 kW, no export
        assertThat(callback.state(h.getThing(), "net-power")).isEqualTo(q("2778", Units.WATT));
    }

    @Test
    void countsCrcErrorsWithoutFlappingTheStatus() throws Exception {
        byte[] good = TestTelegrams.bytes(THREE_PHASE);
        byte[] bad = TestTelegrams.bytes(THREE_PHASE).clone();
        // one digit of the energy register changed: the CRC no longer matches
        String text = new String(bad, java.nio.charset.StandardCharsets.ISO_8859_1).replace("002130.115", "002130.116");
        bad = text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        serve(100, good, bad, bad);
        TcpBridgeHandler h = startAgainst(server, Map.of());

        awaitOnline(h);
        Await.until(WAIT, () -> h.crcErrors() >= 4, () -> "4 CRC errors, got " + h.crcErrors());
        Await.until(WAIT,
                () -> callback.state(h.getThing(), CHANNEL_CRC_ERRORS) instanceof DecimalType d && d.intValue() >= 4,
                () -> "crc-errors channel >= 4");
        assertThat(callback.statuses(h.getThing())).extracting(ThingStatusInfo::getStatus)
                .containsExactly(ThingStatus.UNKNOWN, ThingStatus.ONLINE);
        // the damaged value never reached the channel
        assertThat(callback.updates).noneMatch(u -> u.startsWith("energy-import-t1=2130.116"));
    }

    @Test
    void decryptsWithTheRightKey() throws Exception {
        serve(200, TestTelegrams.file("sagemcom_t210dr_est5_esphome_encrypted.bin"));
        TcpBridgeHandler h = startAgainst(server, Map.of(CONFIG_DECRYPTION_KEY, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));

        awaitOnline(h);
        awaitState(h, "energy-import-t1");
        // the Austrian meter counts Wh; the channel shows kWh
        String wh = TestTelegrams.expectedOrFail("sagemcom_t210dr_est5_dsmrparser", "1-0:1.8.1");
        assertThat(callback.state(h.getThing(), "energy-import-t1"))
                .isEqualTo(q(new BigDecimal(wh).movePointLeft(3).toPlainString(), Units.KILOWATT_HOUR));
    }

    @Test
    void aWrongKeyIsAConfigurationErrorThatSaysWhatToCheck() throws Exception {
        serve(50, TestTelegrams.file("sagemcom_t210dr_est5_esphome_encrypted.bin"));
        TcpBridgeHandler h = startAgainst(server, Map.of(CONFIG_DECRYPTION_KEY, "BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB"));

        Await.until(WAIT, () -> h.getThing().getStatusInfo().getStatusDetail() == ThingStatusDetail.CONFIGURATION_ERROR,
                () -> "CONFIGURATION_ERROR, status is " + h.getThing().getStatusInfo());
        assertThat(StatusTexts.english(h.getThing().getStatusInfo().getDescription())).contains("decryption key");
        assertThat(h.getThing().getStatus()).isEqualTo(ThingStatus.OFFLINE);
    }

    @Test
    void refreshIntervalLimitsChannelUpdates() throws Exception {
        serve(50, TestTelegrams.bytes(THREE_PHASE));
        TcpBridgeHandler h = startAgainst(server, Map.of(CONFIG_REFRESH_INTERVAL, 3600));
        AtomicInteger telegrams = new AtomicInteger();
        registry.feed("p1meter:tcp:meter").addListener(new P1Listener() {
            @Override
            public void onTelegram(P1Telegram telegram) {
                telegrams.incrementAndGet();
            }
        });

        Await.until(WAIT, () -> telegrams.get() >= 5, () -> "5 telegrams");
        assertThat(callback.updatesOf("net-power")).isEqualTo(1);
        assertThat(h.getThing().getStatus()).isEqualTo(ThingStatus.ONLINE);

        // a REFRESH (e.g. a newly linked item) is answered at once, whatever the interval
        h.handleCommand(new ChannelUID(h.getThing().getUID(), "net-power"), RefreshType.REFRESH);
        assertThat(callback.updatesOf("net-power")).isEqualTo(2);
        assertThat(callback.state(h.getThing(), "net-power")).isEqualTo(q("111", Units.WATT));
    }

    @Test
    void handsTelegramsToItsMBusThingsAndDiscovery() throws Exception {
        serve(100, TestTelegrams.bytes(THREE_PHASE));
        TcpBridgeHandler h = startAgainst(server, Map.of());
        Bridge bridge = h.getThing();
        bridge.setHandler(h);
        callback.addBridge(bridge);
        DiscoveryListener inbox = mock(DiscoveryListener.class);
        P1MBusDiscoveryService discovery = new P1MBusDiscoveryService();
        discovery.setThingHandler(h);
        discovery.initialize();
        discovery.addDiscoveryListener(inbox);
        awaitOnline(h);

        Thing gasThing = ThingBuilder.create(THING_TYPE_GAS, new ThingUID(THING_TYPE_GAS, bridge.getUID(), "gas"))
                .withBridge(bridge.getUID()).build();
        P1MBusHandler gas = new P1MBusHandler(gasThing, MBusDevice.Kind.GAS);
        gas.setCallback(callback.mock);
        gas.initialize();
        h.childHandlerInitialized(gas, gasThing);

        Await.until(WAIT, () -> gasThing.getStatus() == ThingStatus.ONLINE, () -> "gas Thing ONLINE");
        Await.until(WAIT, () -> callback.state(gasThing, CHANNEL_READING) != null, () -> "a gas reading");
        assertThat(callback.state(gasThing, CHANNEL_READING))
                .isEqualTo(q(TestTelegrams.expectedOrFail(THREE_PHASE, "0-2:24.2.1"), SIUnits.CUBIC_METRE));
        verify(inbox, timeout(WAIT.toMillis())).thingDiscovered(eq(discovery), argThat(
                r -> r.getThingUID().getAsString().equals("p1meter:gas:meter:4730303339303031393336393930363139")));

        discovery.dispose();
        h.childHandlerDisposed(gas, gasThing);
    }

    @Test
    void registersItsReaderForTheOutputServicesWhileItRuns() throws Exception {
        serve(100, TestTelegrams.bytes(THREE_PHASE));
        TcpBridgeHandler h = startAgainst(server, Map.of());
        awaitOnline(h);
        Await.until(WAIT, () -> registry.feed(null).lastTelegram() != null, () -> "a telegram in the registry");
        assertThat(registry.bridgeUids()).containsExactly("p1meter:tcp:meter");

        h.dispose();
        handler = null;
        assertThat(registry.bridgeUids()).isEmpty();
    }

    @Test
    void reconnectsByItselfAfterTheDongleRestarts() throws Exception {
        FakeDongle first = serve(100, TestTelegrams.bytes(THREE_PHASE));
        int port = first.port();
        TcpBridgeHandler h = startAgainst(first, Map.of());
        awaitOnline(h);

        first.close();
        Await.until(WAIT, () -> h.getThing().getStatus() == ThingStatus.OFFLINE,
                () -> "OFFLINE, status is " + h.getThing().getStatusInfo());
        ThingStatusInfo offline = h.getThing().getStatusInfo();
        assertThat(offline.getStatusDetail()).isEqualTo(ThingStatusDetail.COMMUNICATION_ERROR);
        assertThat(StatusTexts.english(offline.getDescription())).contains("127.0.0.1:" + port);

        serve(port, 100, TestTelegrams.bytes(SINGLE_PHASE));
        Await.until(WAIT, () -> h.getThing().getStatus() == ThingStatus.ONLINE,
                () -> "ONLINE again, status is " + h.getThing().getStatusInfo());
        // the values now come from the restarted dongle: 2.778 kW
        Await.until(WAIT, () -> q("2778", Units.WATT).equals(callback.state(h.getThing(), "net-power")),
                () -> "net power of the second telegram");
    }

    @Test
    void aDeadDongleIsACommunicationErrorNamingTheAddress() throws Exception {
        FakeDongle s = new FakeDongle();
        int port = s.port();
        s.close();
        TcpBridgeHandler h = start(Map.of(CONFIG_HOST, "127.0.0.1", CONFIG_PORT, port));

        Await.until(WAIT, () -> h.getThing().getStatus() == ThingStatus.OFFLINE,
                () -> "OFFLINE, status is " + h.getThing().getStatusInfo());
        assertThat(h.getThing().getStatusInfo().getStatusDetail()).isEqualTo(ThingStatusDetail.COMMUNICATION_ERROR);
        assertThat(StatusTexts.english(h.getThing().getStatusInfo().getDescription())).contains("127.0.0.1:" + port);
    }

    @Test
    void anEmptyHostIsAConfigurationError() {
        TcpBridgeHandler h = start(Map.of(CONFIG_HOST, " ", CONFIG_PORT, 8088));
        assertConfigurationError(h, "host");
    }

    @Test
    void aMissingPortIsAConfigurationError() {
        TcpBridgeHandler h = start(Map.of(CONFIG_HOST, "192.168.1.20"));
        assertConfigurationError(h, "port");
    }

    @Test
    void aMalformedKeyIsAConfigurationError() {
        TcpBridgeHandler h = start(Map.of(CONFIG_HOST, "192.168.1.20", CONFIG_PORT, 8088, CONFIG_DECRYPTION_KEY,
                "0123456789ABCDEF0123456789ABCDEZ"));
        assertConfigurationError(h, "decryption key");
    }

    @Test
    void aNegativeRefreshIntervalIsAConfigurationError() {
        TcpBridgeHandler h = start(Map.of(CONFIG_HOST, "192.168.1.20", CONFIG_PORT, 8088, CONFIG_REFRESH_INTERVAL, -5));
        assertConfigurationError(h, "refresh interval");
    }

    @Test
    void theGasMeterSettingPinsTheBridgesGasMeter() throws Exception {
        // a replaced gas meter still registered on channel 1 (2017), the live one on channel 2
        serve(200, MBusCases.replacedGasMeter());
        TcpBridgeHandler h = startAgainst(server, Map.of(CONFIG_GAS_METER, "1"));
        awaitOnline(h);
        Await.until(WAIT, () -> h.lastTelegram() != null, () -> "a telegram");
        P1Telegram t = h.lastTelegram();
        assertThat(t.mbus(MBusDevice.Kind.GAS).value()).isEqualTo(1.287);
        assertThat(TelegramJson.toJson(t)).contains("\"gasSn\":\"" + MBusCases.OLD_GAS_SERIAL + "\"");
    }

    @Test
    void withoutGasMeterSettingTheLiveGasMeterIsTheBridgesGasMeter() throws Exception {
        serve(200, MBusCases.replacedGasMeter());
        TcpBridgeHandler h = startAgainst(server, Map.of());
        awaitOnline(h);
        Await.until(WAIT, () -> h.lastTelegram() != null, () -> "a telegram");
        assertThat(h.lastTelegram().mbus(MBusDevice.Kind.GAS).value()).isEqualTo(6805.499);
    }

    @Test
    void aGasMeterSettingThatIsNoChannelIsAConfigurationError() {
        TcpBridgeHandler h = start(Map.of(CONFIG_HOST, "192.168.1.20", CONFIG_PORT, 8088, CONFIG_GAS_METER, "7"));
        assertConfigurationError(h, "gasMeter must be an M-Bus channel 1-4 or the meter's serial number");
        assertThat(StatusTexts.english(h.getThing().getStatusInfo().getDescription())).endsWith("not 7.");
    }

    private void assertConfigurationError(TcpBridgeHandler h, String mentioned) {
        ThingStatusInfo status = h.getThing().getStatusInfo();
        assertThat(status.getStatus()).isEqualTo(ThingStatus.OFFLINE);
        assertThat(status.getStatusDetail()).isEqualTo(ThingStatusDetail.CONFIGURATION_ERROR);
        assertThat(StatusTexts.english(status.getDescription())).containsIgnoringCase(mentioned);
        assertThat(registry.bridgeUids()).isEmpty();
        State none = callback.state(h.getThing(), "net-power");
        assertThat(none).isNull();
    }
}
