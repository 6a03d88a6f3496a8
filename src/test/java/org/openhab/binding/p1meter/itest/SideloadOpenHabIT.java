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
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhab.binding.p1meter.itest.Things.Quantity;
import org.openhab.binding.p1meter.itest.Things.Status;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * Sideloading, as users do it: the jar copied into openHAB's addons/ folder installs the add-on, a newer build
 * copied over it upgrades it without a restart, deleting it removes the add-on, and copying it back brings the
 * user's bridge and items back to life as they were (openHAB keeps Things, items and links while their add-on
 * is away).
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
class SideloadOpenHabIT {

    private static final String BRIDGE = "p1meter:tcp:sideloaded";
    private static final String ITEM = "Sideloaded_net_power";

    @TempDir
    Path work;

    @Test
    void copyUpgradeDeleteAndCopyBackKeepTheUsersBridgeAndItems() throws Exception {
        try (OpenHabRuntime openhab = OpenHabRuntime.start(); MeterServer meter = new MeterServer()) {
            Things things = new Things(openhab.rest());
            Path installed = openhab.addons().resolve("org.openhab.binding.p1meter.jar");

            // 1. copy: installed, a bridge and an item as the user makes them
            Files.copy(Addon.jar(), installed);
            openhab.awaitThingTypes(true);
            meter.every(Duration.ofMillis(500));
            things.create(BRIDGE, "p1meter:tcp", null, Map.of("host", "127.0.0.1", "port", meter.port()));
            things.awaitStatus(BRIDGE, "ONLINE");
            await().atMost(Duration.ofSeconds(30)).until(() -> things.channels(BRIDGE).containsKey("net-power"));
            things.link(ITEM, "Number:Power", BRIDGE + ":net-power");
            things.awaitState(ITEM, java.util.regex.Pattern.compile("-?[0-9.]+ W"));
            String firstVersion = jarAddonVersion(openhab);

            // 2. a newer build copied over it: upgraded in place, the bridge comes back ONLINE by itself
            Path newer = work.resolve("newer.jar");
            String newerVersion = Addon.newerBuild(newer);
            Files.copy(newer, installed, StandardCopyOption.REPLACE_EXISTING);
            await("the newer build to be running").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .until(() -> newerVersion.equals(jarAddonVersion(openhab)));
            assertThat(newerVersion).isNotEqualTo(firstVersion);
            things.awaitStatus(BRIDGE, "ONLINE");
            assertFollowsTheMeter(things, meter);

            // 3. deleted: the add-on is gone, the user's bridge, item and link stay (openHAB keeps them)
            Files.delete(installed);
            openhab.awaitThingTypes(false);
            Status orphaned = things.awaitStatus(BRIDGE, "UNINITIALIZED");
            assertThat(orphaned.detail()).isEqualTo("HANDLER_MISSING_ERROR");
            assertThat(openhab.rest().get("/rest/links?itemName=" + ITEM).getAsJsonArray()).hasSize(1);

            // 4. copied back: the same bridge goes ONLINE and the same item follows the meter again
            Files.copy(Addon.jar(), installed);
            openhab.awaitThingTypes(true);
            things.awaitStatus(BRIDGE, "ONLINE");
            assertFollowsTheMeter(things, meter);
            openhab.assertNoAddonProblems();
        }
    }

    private static void assertFollowsTheMeter(Things things, MeterServer meter) {
        meter.pause();
        byte[] telegram = meter.send();
        double watts = (TelegramText.value(telegram, "1-0:1.7.0") - TelegramText.value(telegram, "1-0:2.7.0")) * 1000;
        await(ITEM + " to show the meter's net power").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Quantity q = Things.quantity(things.state(ITEM));
            assertThat(q).isNotNull();
            assertThat(q.value()).isCloseTo(watts, within(0.01));
        });
        meter.every(Duration.ofMillis(500));
    }

    /** The version openHAB's jar add-on service reports for the sideloaded add-on. */
    private static String jarAddonVersion(OpenHabRuntime openhab) {
        for (JsonElement e : openhab.rest().get("/rest/addons?serviceId=jar").getAsJsonArray()) {
            JsonObject addon = e.getAsJsonObject();
            if ("p1meter".equals(addon.get("id").getAsString())) {
                return addon.get("version").getAsString();
            }
        }
        return "";
    }
}
