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
package org.openhab.binding.p1meter.internal.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.after;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.openhab.binding.p1meter.internal.P1MeterBindingConstants.*;

import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.openhab.binding.p1meter.internal.P1BridgeRegistryImpl;
import org.openhab.binding.p1meter.internal.dsmr.DecoderConfig;
import org.openhab.binding.p1meter.internal.dsmr.MBusCases;
import org.openhab.binding.p1meter.internal.dsmr.P1Telegram;
import org.openhab.binding.p1meter.internal.dsmr.Rejection;
import org.openhab.binding.p1meter.internal.dsmr.TelegramDecoder;
import org.openhab.binding.p1meter.internal.handler.TcpBridgeHandler;
import org.openhab.binding.p1meter.internal.reader.TestTelegrams;
import org.openhab.core.config.core.Configuration;
import org.openhab.core.config.discovery.DiscoveryListener;
import org.openhab.core.config.discovery.DiscoveryResult;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.binding.builder.BridgeBuilder;

/**
 * M-Bus devices become Inbox entries identified by their serial number.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
class P1MBusDiscoveryServiceTest {

    private final Bridge bridge = BridgeBuilder.create(THING_TYPE_SERIAL, "home")
            .withConfiguration(new Configuration(Map.of(CONFIG_SERIAL_PORT, "/dev/ttyUSB0"))).build();
    private final TcpBridgeHandler handler = new TcpBridgeHandler(bridge, new P1BridgeRegistryImpl());
    private final DiscoveryListener inbox = mock(DiscoveryListener.class);
    private final P1MBusDiscoveryService discovery = new P1MBusDiscoveryService();

    P1MBusDiscoveryServiceTest() {
        discovery.setThingHandler(handler);
        discovery.activate(null);
        discovery.initialize();
        discovery.addDiscoveryListener(inbox);
    }

    static P1Telegram telegram(String file) {
        return decode(TestTelegrams.file(file), file);
    }

    static P1Telegram decode(byte[] bytes, String file) {
        P1Telegram[] out = new P1Telegram[1];
        new TelegramDecoder(DecoderConfig.plaintext(), new TelegramDecoder.Sink() {
            @Override
            public void telegram(P1Telegram t) {
                out[0] = t;
            }

            @Override
            public void rejected(Rejection r) {
            }
        }).feed(bytes, 0, bytes.length);
        P1Telegram t = out[0];
        assertThat(t).as(file).isNotNull();
        return t;
    }

    /**
     * The results reported. openHAB's AbstractDiscoveryService calls its listeners on its scheduler, not on the
     * caller's thread: wait for them, and long enough that a result reported twice would show.
     */
    private List<DiscoveryResult> results(int expected) {
        ArgumentCaptor<DiscoveryResult> captor = ArgumentCaptor.forClass(DiscoveryResult.class);
        verify(inbox, timeout(10_000).atLeast(expected)).thingDiscovered(eq(discovery), any());
        verify(inbox, after(500).times(expected)).thingDiscovered(eq(discovery), any());
        // captured once, without polling (a captor given to timeout() or after() captures on every poll)
        verify(inbox, times(expected)).thingDiscovered(eq(discovery), captor.capture());
        return captor.getAllValues();
    }

    @Test
    void reportsTheGasMeterOnceWithItsSerialNumberAsRepresentationProperty() throws Exception {
        P1Telegram t = telegram("dsmr50_isk_am550_two_mbus.txt");
        discovery.devicesSeen(t.mbus());
        discovery.devicesSeen(t.mbus());

        // channel 1 is an empty slot (0-1:96.1.0(), 0-1:24.2.1(700101010000W)(00000000)): not a device
        assertThat(t.mbus()).extracting(d -> d.channel()).containsExactly(2);
        DiscoveryResult r = results(1).get(0);
        assertThat(r.getThingUID()).hasToString("p1meter:gas:home:4730303339303031393336393930363139");
        assertThat(r.getThingTypeUID()).isEqualTo(THING_TYPE_GAS);
        assertThat(r.getBridgeUID()).isEqualTo(bridge.getUID());
        assertThat(r.getRepresentationProperty()).isEqualTo(PROPERTY_SERIAL_NUMBER);
        assertThat(r.getProperties()).containsEntry(PROPERTY_SERIAL_NUMBER, "4730303339303031393336393930363139")
                .containsEntry(CONFIG_MBUS_CHANNEL, 2);
        // hex-encoded ASCII: 47 30 30 33 39 ... = "G0039001936990619"
        assertThat(r.getLabel()).isEqualTo("Gas meter G0039001936990619");
    }

    @Test
    void aHeatMeterBecomesAHeatThing() throws Exception {
        discovery.devicesSeen(telegram("dsmr50_nwa_warmtelink_unpadded_crc.txt").mbus());
        DiscoveryResult r = results(1).get(0);
        assertThat(r.getThingTypeUID()).isEqualTo(THING_TYPE_HEAT);
        assertThat(r.getProperties()).containsEntry(PROPERTY_SERIAL_NUMBER, "621848012D2C0B0C");
        // not hex-encoded text: shown as sent
        assertThat(r.getLabel()).isEqualTo("Heat meter 621848012D2C0B0C");
    }

    @Test
    void aManualScanReportsAgain() throws Exception {
        P1Telegram t = telegram("dsmr42_xmx_zcf110_openhab.txt");
        discovery.devicesSeen(t.mbus());
        discovery.startScan(null);
        discovery.devicesSeen(t.mbus());
        assertThat(results(2)).extracting(r -> r.getThingUID().getId())
                .containsOnly("4730303435303031363038313037323136");
    }

    @Test
    void aReplacedGasMeterThatStaysRegisteredIsReportedBesideTheLiveOne() {
        // both have a serial number and a reading: the user decides which Things to add
        discovery.devicesSeen(decode(MBusCases.replacedGasMeter(), "replaced gas meter").mbus());
        assertThat(results(2)).extracting(r -> r.getThingUID().getId())
                .containsExactlyInAnyOrder(MBusCases.OLD_GAS_SERIAL, MBusCases.LIVE_GAS_SERIAL);
    }

    @Test
    void anUnregisteredMeterIsNotReported() throws Exception {
        discovery.devicesSeen(telegram("dsmr42_xmx_unregistered_openhab.txt").mbus());
        verify(inbox, after(500).never()).thingDiscovered(any(), any());
    }
}
