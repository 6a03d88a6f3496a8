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

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhab.binding.p1meter.internal.P1BridgeRegistryImpl;
import org.openhab.binding.p1meter.internal.dsmr.MBusCases;
import org.openhab.binding.p1meter.internal.dsmr.MBusDevice;
import org.openhab.binding.p1meter.internal.dsmr.MBusSelection;
import org.openhab.binding.p1meter.internal.dsmr.P1Telegram;
import org.openhab.binding.p1meter.internal.dsmr.Quantity;
import org.openhab.binding.p1meter.internal.dsmr.TelegramParser;
import org.openhab.binding.p1meter.internal.reader.TestTelegrams;
import org.openhab.core.config.core.Configuration;
import org.openhab.core.library.types.DateTimeType;
import org.openhab.core.library.types.QuantityType;
import org.openhab.core.library.unit.MetricPrefix;
import org.openhab.core.library.unit.SIUnits;
import org.openhab.core.library.unit.Units;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.ThingStatusInfo;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.ThingUID;
import org.openhab.core.thing.binding.builder.ThingBuilder;

/**
 * The M-Bus Things (gas, water, heat) fed by their bridge: matching by serial number, channel or kind;
 * readings with units and timestamps from the corpus; flow from successive readings; statuses.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
class P1MBusHandlerTest {

    static final String TWO_MBUS = "dsmr50_isk_am550_two_mbus";
    static final String GAS_SERIAL = "4730303339303031393336393930363139";

    private final RecordingCallback callback = new RecordingCallback();
    private final Bridge bridge = TcpBridgeHandlerTest.bridge(Map.of(CONFIG_HOST, "127.0.0.1", CONFIG_PORT, 1));
    private final TcpBridgeHandler bridgeHandler = new TcpBridgeHandler(bridge, new P1BridgeRegistryImpl());

    @BeforeEach
    void onlineBridge() {
        bridge.setHandler(bridgeHandler);
        bridge.setStatusInfo(new ThingStatusInfo(ThingStatus.ONLINE, ThingStatusDetail.NONE, null));
        callback.addBridge(bridge);
    }

    private P1MBusHandler thing(ThingTypeUID type, MBusDevice.Kind kind, Map<String, Object> config) {
        Thing thing = ThingBuilder.create(type, new ThingUID(type, bridge.getUID(), "device"))
                .withBridge(bridge.getUID()).withConfiguration(new Configuration(config)).build();
        P1MBusHandler handler = new P1MBusHandler(thing, kind);
        thing.setHandler(handler);
        handler.setCallback(callback.mock);
        handler.initialize();
        return handler;
    }

    private static P1Telegram withDevices(MBusDevice... devices) {
        return new P1Telegram.Builder().header("TEST").set(Quantity.POWER_IMPORT, 0.1).mbus(List.of(devices)).build();
    }

    private static OffsetDateTime at(String time) {
        return OffsetDateTime.parse(time);
    }

    @Test
    void gasMeterFoundBySerialNumberGetsItsReadingAndTimestamp() {
        P1MBusHandler gas = thing(THING_TYPE_GAS, MBusDevice.Kind.GAS, Map.of(CONFIG_SERIAL_NUMBER, GAS_SERIAL));
        assertThat(gas.getThing().getStatus()).isEqualTo(ThingStatus.UNKNOWN);

        gas.onTelegram(TestTelegrams.telegram(TWO_MBUS));

        assertThat(gas.getThing().getStatus()).isEqualTo(ThingStatus.ONLINE);
        assertThat(callback.state(gas.getThing(), CHANNEL_READING)).isEqualTo(new QuantityType<>(
                new BigDecimal(TestTelegrams.expectedOrFail(TWO_MBUS, "0-2:24.2.1")), SIUnits.CUBIC_METRE));
        assertThat(callback.state(gas.getThing(), CHANNEL_READING_TIMESTAMP))
                .isEqualTo(new DateTimeType(Instant.parse("2020-04-26T20:30:01Z")));
        assertThat(gas.getThing().getProperties()).containsEntry(PROPERTY_MBUS_CHANNEL, "2");
        // one reading: no flow yet
        assertThat(callback.state(gas.getThing(), CHANNEL_FLOW)).isNull();
    }

    @Test
    void gasMeterFoundByChannel() {
        P1MBusHandler gas = thing(THING_TYPE_GAS, MBusDevice.Kind.GAS, Map.of(CONFIG_MBUS_CHANNEL, 2));
        gas.onTelegram(TestTelegrams.telegram(TWO_MBUS));
        assertThat(callback.state(gas.getThing(), CHANNEL_READING))
                .isEqualTo(new QuantityType<>(new BigDecimal("246.138"), SIUnits.CUBIC_METRE));
        assertThat(gas.getThing().getProperties()).containsEntry(PROPERTY_SERIAL_NUMBER, GAS_SERIAL);
    }

    @Test
    void withoutSerialOrChannelTheBridgesGasMeterIsUsed() {
        // channel 1 of this telegram is an empty slot (no id, reading 0); the gas meter is on channel 2
        P1MBusHandler gas = thing(THING_TYPE_GAS, MBusDevice.Kind.GAS, Map.of());
        gas.onTelegram(TestTelegrams.telegram(TWO_MBUS));
        assertThat(callback.state(gas.getThing(), CHANNEL_READING))
                .isEqualTo(new QuantityType<>(new BigDecimal("246.138"), SIUnits.CUBIC_METRE));
    }

    @Test
    void withoutSerialOrChannelAReplacedGasMeterGivesWayToTheLiveOne() {
        // channel 1: the old gas meter, still registered, last reading 2017; channel 2: the live one
        P1MBusHandler gas = thing(THING_TYPE_GAS, MBusDevice.Kind.GAS, Map.of());
        P1Telegram t = TelegramParser.parse(MBusCases.replacedGasMeter(), true);
        gas.onTelegram(t);
        assertThat(callback.state(gas.getThing(), CHANNEL_READING))
                .isEqualTo(new QuantityType<>(new BigDecimal("6805.499"), SIUnits.CUBIC_METRE));
        assertThat(gas.getThing().getProperties()).containsEntry(PROPERTY_MBUS_CHANNEL, "2");
    }

    @Test
    void withoutSerialOrChannelTheBridgesGasMeterSettingDecides() {
        // the bridge's gasMeter setting (here channel 1: the old meter) reaches a Thing without serial or channel
        P1MBusHandler pinned = thing(THING_TYPE_GAS, MBusDevice.Kind.GAS, Map.of());
        pinned.onTelegram(
                new TelegramParser(MBusSelection.of("1", null, null)).read(MBusCases.replacedGasMeter(), true));
        assertThat(callback.state(pinned.getThing(), CHANNEL_READING))
                .isEqualTo(new QuantityType<>(new BigDecimal("1.287"), SIUnits.CUBIC_METRE));
    }

    @Test
    void aGasMeterThatMovesToAnotherChannelIsTheSameThingAndGetsAFlow() {
        P1MBusHandler gas = thing(THING_TYPE_GAS, MBusDevice.Kind.GAS, Map.of(CONFIG_SERIAL_NUMBER, "G123"));
        gas.onTelegram(withDevices(new MBusDevice(1, MBusDevice.TYPE_GAS, "G123", at("2025-01-10T10:00:00+01:00"), 10.0,
                Quantity.Unit.M3, 1)));
        gas.onTelegram(withDevices(
                new MBusDevice(1, MBusDevice.TYPE_WATER, "W9", at("2025-01-10T10:05:00+01:00"), 3.0, Quantity.Unit.M3,
                        0),
                new MBusDevice(3, MBusDevice.TYPE_GAS, "G123", at("2025-01-10T10:05:00+01:00"), 10.5, Quantity.Unit.M3,
                        1)));

        assertThat(gas.getThing().getStatus()).isEqualTo(ThingStatus.ONLINE);
        assertThat(callback.state(gas.getThing(), CHANNEL_READING))
                .isEqualTo(new QuantityType<>(new BigDecimal("10.5"), SIUnits.CUBIC_METRE));
        // 0.5 m3 in 5 minutes = 6 m3/h
        QuantityType<?> flow = (QuantityType<?>) callback.state(gas.getThing(), CHANNEL_FLOW);
        assertThat(flow).isNotNull();
        assertThat(flow.getUnit()).isEqualTo(Units.CUBICMETRE_PER_HOUR);
        assertThat(flow.doubleValue()).isCloseTo(6.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void waterFlowFromTwoReadings() {
        P1MBusHandler water = thing(THING_TYPE_WATER, MBusDevice.Kind.WATER, Map.of());
        water.onTelegram(withDevices(new MBusDevice(2, MBusDevice.TYPE_WATER, "W1", at("2025-01-10T10:00:00Z"), 100.000,
                Quantity.Unit.M3, 0)));
        water.onTelegram(withDevices(new MBusDevice(2, MBusDevice.TYPE_WATER, "W1", at("2025-01-10T11:00:00Z"), 100.120,
                Quantity.Unit.M3, 0)));
        QuantityType<?> flow = (QuantityType<?>) callback.state(water.getThing(), CHANNEL_FLOW);
        assertThat(flow).isNotNull();
        assertThat(flow.doubleValue()).isCloseTo(0.12, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void heatMeterReadingInGigajoule() {
        String file = "dsmr50_nwa_warmtelink_unpadded_crc";
        P1MBusHandler heat = thing(THING_TYPE_HEAT, MBusDevice.Kind.HEAT, Map.of());
        heat.onTelegram(TestTelegrams.telegram(file));
        assertThat(heat.getThing().getStatus()).isEqualTo(ThingStatus.ONLINE);
        assertThat(callback.state(heat.getThing(), CHANNEL_READING)).isEqualTo(new QuantityType<>(
                new BigDecimal(TestTelegrams.expectedOrFail(file, "0-1:24.2.1")), MetricPrefix.GIGA(Units.JOULE)));
    }

    @Test
    void aDeviceMissingFromTheTelegramsIsReportedWithWhatWasFound() {
        P1MBusHandler gas = thing(THING_TYPE_GAS, MBusDevice.Kind.GAS, Map.of(CONFIG_SERIAL_NUMBER, "NOPE"));
        P1Telegram t = TestTelegrams.telegram(TWO_MBUS);
        for (int i = 0; i < P1MBusHandler.MISSING_TELEGRAMS_FOR_OFFLINE - 1; i++) {
            gas.onTelegram(t);
            assertThat(gas.getThing().getStatus()).isEqualTo(ThingStatus.UNKNOWN);
        }
        gas.onTelegram(t);
        ThingStatusInfo status = gas.getThing().getStatusInfo();
        assertThat(status.getStatus()).isEqualTo(ThingStatus.OFFLINE);
        assertThat(status.getStatusDetail()).isEqualTo(ThingStatusDetail.COMMUNICATION_ERROR);
        assertThat(StatusTexts.english(status.getDescription())).contains("NOPE").contains(GAS_SERIAL);
    }

    @Test
    void refreshIntervalLimitsUpdates() {
        P1MBusHandler gas = thing(THING_TYPE_GAS, MBusDevice.Kind.GAS, Map.of(CONFIG_REFRESH_INTERVAL, 3600));
        P1Telegram t = TestTelegrams.telegram(TWO_MBUS);
        gas.onTelegram(t);
        gas.onTelegram(t);
        gas.onTelegram(t);
        assertThat(callback.updatesOf(CHANNEL_READING)).isEqualTo(1);
    }

    @Test
    void followsItsBridgesStatus() {
        P1MBusHandler gas = thing(THING_TYPE_GAS, MBusDevice.Kind.GAS, Map.of());
        gas.onTelegram(TestTelegrams.telegram(TWO_MBUS));
        gas.bridgeStatusChanged(new ThingStatusInfo(ThingStatus.OFFLINE, ThingStatusDetail.COMMUNICATION_ERROR, "x"));
        assertThat(gas.getThing().getStatusInfo().getStatusDetail()).isEqualTo(ThingStatusDetail.BRIDGE_OFFLINE);
        gas.bridgeStatusChanged(new ThingStatusInfo(ThingStatus.ONLINE, ThingStatusDetail.NONE, null));
        assertThat(gas.getThing().getStatus()).isEqualTo(ThingStatus.UNKNOWN);
        gas.onTelegram(TestTelegrams.telegram(TWO_MBUS));
        assertThat(gas.getThing().getStatus()).isEqualTo(ThingStatus.ONLINE);
    }

    @Test
    void anOfflineBridgeMakesTheThingBridgeOffline() {
        bridge.setStatusInfo(new ThingStatusInfo(ThingStatus.OFFLINE, ThingStatusDetail.COMMUNICATION_ERROR, null));
        P1MBusHandler gas = thing(THING_TYPE_GAS, MBusDevice.Kind.GAS, Map.of());
        assertThat(gas.getThing().getStatusInfo().getStatusDetail()).isEqualTo(ThingStatusDetail.BRIDGE_OFFLINE);
    }

    @Test
    void aThingWithoutBridgeIsAConfigurationError() {
        Thing thing = ThingBuilder.create(THING_TYPE_GAS, "lonely").build();
        P1MBusHandler gas = new P1MBusHandler(thing, MBusDevice.Kind.GAS);
        gas.setCallback(callback.mock);
        gas.initialize();
        assertThat(thing.getStatusInfo().getStatusDetail()).isEqualTo(ThingStatusDetail.CONFIGURATION_ERROR);
        assertThat(StatusTexts.english(thing.getStatusInfo().getDescription())).contains("bridge");
    }

    @Test
    void anImpossibleChannelIsAConfigurationError() {
        P1MBusHandler gas = thing(THING_TYPE_GAS, MBusDevice.Kind.GAS, Map.of(CONFIG_MBUS_CHANNEL, 7));
        assertThat(gas.getThing().getStatusInfo().getStatusDetail()).isEqualTo(ThingStatusDetail.CONFIGURATION_ERROR);
        assertThat(StatusTexts.english(gas.getThing().getStatusInfo().getDescription())).contains("1-4");
    }
}
