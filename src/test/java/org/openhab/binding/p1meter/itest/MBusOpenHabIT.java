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
package org.openhab.binding.p1meter.itest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.openhab.binding.p1meter.internal.dsmr.MBusCases;
import org.openhab.binding.p1meter.internal.reader.TestTelegrams;

/**
 * The M-Bus situations of real meters in a real openHAB, over REST as the UI drives it: an empty M-Bus slot gets
 * no Inbox entry, a replaced gas meter that stays registered is reported beside the live one, and the bridge's
 * {@code gasMeter} setting decides which one a gas Thing without serial number follows.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
@TestInstance(Lifecycle.PER_CLASS)
class MBusOpenHabIT {

    private static final String BRIDGE = "p1meter:tcp:mbus";
    private static final String GAS_THING = "p1meter:gas:mbus:auto";

    private @Nullable OpenHabRuntime openhab;
    private @Nullable MeterServer meter;

    @BeforeAll
    void startOpenHab() throws Exception {
        openhab = OpenHabRuntime.start();
        openhab().install(Addon.jar());
        meter = new MeterServer();
    }

    @AfterAll
    void stopOpenHab() {
        if (openhab != null) {
            openhab.close();
        }
        if (meter != null) {
            meter.close();
        }
    }

    private OpenHabRuntime openhab() {
        return Objects.requireNonNull(openhab);
    }

    private MeterServer meter() {
        return Objects.requireNonNull(meter);
    }

    private Things things() {
        return new Things(openhab().rest());
    }

    private static byte[] corpus(String name) {
        return TestTelegrams.bytes(name);
    }

    private Map<String, Object> bridgeConfig(String gasMeter) {
        Map<String, Object> c = new HashMap<>(Map.of("host", "127.0.0.1", "port", meter().port()));
        c.put("gasMeter", gasMeter);
        return c;
    }

    /** Sends the telegram until the condition holds (a bridge that reconnects may miss one). */
    private void sendUntil(byte[] telegram, String what, java.util.concurrent.Callable<Boolean> condition) {
        await(what).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            meter().send(telegram);
            return condition.call();
        });
    }

    @Test
    void emptySlotsAreNoDevicesAndTheGasMeterSettingDecides() throws Exception {
        things().create(BRIDGE, "p1meter:tcp", null, bridgeConfig("1"));
        meter().awaitClient();
        // dsmr50_isk_am550_two_mbus: channel 1 an empty slot, the gas meter on channel 2
        byte[] twoMbus = corpus(MBusCases.TWO_MBUS);
        sendUntil(twoMbus, "the gas meter in the Inbox", () -> !things().inbox("p1meter:gas").isEmpty());
        meter().send(twoMbus);
        assertThat(things().inbox("p1meter:gas").values()).singleElement()
                .satisfies(e -> assertThat(e.getAsJsonObject("properties").get("serialNumber").getAsString())
                        .isEqualTo(MBusCases.LIVE_GAS_SERIAL));

        // the gas meter was replaced and the old one stays registered on channel 1: both reported
        byte[] replaced = MBusCases.replacedGasMeter();
        sendUntil(replaced, "both gas meters in the Inbox", () -> things().inbox("p1meter:gas").size() == 2);

        // a gas Thing without serial number or channel follows the bridge's gasMeter setting: channel 1, the old one
        things().create(GAS_THING, "p1meter:gas", BRIDGE, Map.of());
        things().link("Auto_gas", "Number:Volume", GAS_THING + ":reading");
        sendUntil(replaced, "the old meter's reading", () -> "1.287 m³".equals(things().state("Auto_gas")));

        // without the setting, the newest reading decides: the live meter
        things().configure(BRIDGE, bridgeConfig(""));
        sendUntil(replaced, "the live meter's reading", () -> "6805.499 m³".equals(things().state("Auto_gas")));

        // a setting that is no channel is a configuration error that says what to enter
        things().configure(BRIDGE, bridgeConfig("7"));
        Things.Status status = things().awaitStatus(BRIDGE, "OFFLINE");
        assertThat(status.detail()).isEqualTo("CONFIGURATION_ERROR");
        assertThat(status.description()).contains("gasMeter must be an M-Bus channel 1-4").contains("not 7");

        openhab().assertNoAddonProblems();
    }
}
