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

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpServer;

/**
 * The add-on store route, as a user takes it in the UI: openHAB's JSON add-on service is pointed at the add-on
 * store index the build made (target/store/, served over HTTP as a release publishes it), lists the add-on,
 * installs it (the binding's thing types appear, a bridge goes ONLINE) and uninstalls it (they disappear).
 *
 * <p>
 * The index the build writes points at its own target/store/ with file: URLs (usable on the machine that built
 * it); a release builds it with {@code -Dstore.url=https://...} and uploads the folder. The test does what such a
 * release does: serves the folder and the same index with its own HTTP address as that URL.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
@TestInstance(Lifecycle.PER_CLASS)
class AddonStoreOpenHabIT {

    private static final String JSON_SERVICE = "org.openhab.jsonaddonservice";
    private static final String ADDON = "json:p1meter";

    private @Nullable OpenHabRuntime openhab;
    private @Nullable HttpServer store;
    private final List<String> downloads = new CopyOnWriteArrayList<>();

    @BeforeAll
    void start() throws Exception {
        Path folder = Path.of(System.getProperty("p1meter.store", "target/store"));
        String built = Files.readString(folder.resolve("p1meter-addons.json"), StandardCharsets.UTF_8);
        String builtUrl = "file://" + folder.toAbsolutePath() + "/";
        assertThat(built).as("the index points at the build's own store folder").contains(builtUrl);

        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
        byte[] index = built.replace(builtUrl, base).getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            String name = exchange.getRequestURI().getPath().substring(1);
            downloads.add(name);
            byte[] body = name.equals("p1meter-addons.json") ? index
                    : name.matches("[\\w.-]+\\.(jar|kar)") && Files.isRegularFile(folder.resolve(name))
                            ? Files.readAllBytes(folder.resolve(name))
                            : null;
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        server.start();
        store = server;
        openhab = OpenHabRuntime.start();
    }

    @AfterAll
    void stop() {
        if (openhab != null) {
            openhab.close();
        }
        if (store != null) {
            store.stop(0);
        }
    }

    private OpenHabRuntime openhab() {
        OpenHabRuntime o = openhab;
        assertThat(o).isNotNull();
        return o;
    }

    @Test
    void theAddonIsListedInstalledAndUninstalledThroughTheStore() throws IOException {
        HttpServer s = store;
        assertThat(s).isNotNull();
        OpenHabRest rest = openhab().rest();
        assertThat(openhab().thingTypes()).noneMatch(t -> t.startsWith("p1meter:"));

        // Settings: the JSON 3rd party add-on service gets the index URL
        JsonObject config = new JsonObject();
        config.addProperty("urls", "http://127.0.0.1:" + s.getAddress().getPort() + "/p1meter-addons.json");
        config.addProperty("showUnstable", false);
        OpenHabRest.expect(rest.put("/rest/services/" + JSON_SERVICE + "/config", config), 200, 204);

        // the Add-on Store lists both entries, compatible with this openHAB
        await("the store to list the add-on").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> addon(ADDON) != null);
        JsonObject entry = addon(ADDON);
        assertThat(entry).isNotNull();
        assertThat(entry.get("type").getAsString()).isEqualTo("binding");
        assertThat(entry.get("label").getAsString()).isEqualTo("P1 Smart Meter");
        assertThat(entry.get("version").getAsString()).isEqualTo(System.getProperty("p1meter.version"));
        assertThat(entry.get("compatible").getAsBoolean()).isTrue();
        assertThat(entry.get("installed").getAsBoolean()).isFalse();
        JsonObject kar = addon("json:p1meter-kar");
        assertThat(kar).as("the .kar entry, for openHAB installations with Karaf").isNotNull();
        assertThat(kar.get("contentType").getAsString()).isEqualTo("application/vnd.openhab.feature;type=karfile");

        // Install: openHAB downloads the jar and starts it
        OpenHabRest.expect(rest.post("/rest/addons/" + ADDON + "/install?serviceId=json", null), 200);
        openhab().awaitThingTypes(true);
        assertThat(downloads).anyMatch(d -> d.matches("org\\.openhab\\.binding\\.p1meter-.*\\.jar"));
        await("the store to show it installed").atMost(Duration.ofSeconds(30)).until(() -> {
            JsonObject e = addon(ADDON);
            return e != null && e.get("installed").getAsBoolean();
        });

        // it works: a bridge on a meter goes ONLINE
        Things things = new Things(rest);
        try (MeterServer meter = new MeterServer()) {
            meter.every(Duration.ofSeconds(1));
            things.create("p1meter:tcp:store", "p1meter:tcp", null, Map.of("host", "127.0.0.1", "port", meter.port()));
            things.awaitStatus("p1meter:tcp:store", "ONLINE");
            things.delete("p1meter:tcp:store");
        }

        // Uninstall: the binding's thing types are gone
        OpenHabRest.expect(rest.post("/rest/addons/" + ADDON + "/uninstall?serviceId=json", null), 200);
        openhab().awaitThingTypes(false);
        openhab().assertNoAddonProblems();
    }

    /** The Add-on Store's entry of the JSON service with this UID, or null while it is not listed. */
    private @Nullable JsonObject addon(String uid) {
        JsonArray list = openhab().rest().get("/rest/addons?serviceId=json").getAsJsonArray();
        for (JsonElement e : list) {
            JsonObject addon = e.getAsJsonObject();
            if (uid.equals(addon.get("uid").getAsString())) {
                return addon;
            }
        }
        return null;
    }
}
